"""The agency's waiver text, versioned. Every edit makes a new version; no version is
changed in place, and a signed one stays exactly as signed (the database refuses changes
to it too). Citizens sign the newest version."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from liaison import audit
from liaison.extensions import db

from .models import WaiverVersion

TEXT_FIELDS = ("title_en", "title_es", "body_en", "body_es", "consents_en", "consents_es")


class VersionError(ValueError):
    """The text cannot be saved as it is; the message says why (staff, English)."""


def latest() -> WaiverVersion | None:
    return db.session.scalar(select(WaiverVersion).order_by(WaiverVersion.number.desc()).limit(1))


def all_versions() -> list[WaiverVersion]:
    return list(db.session.scalars(select(WaiverVersion).order_by(WaiverVersion.number.desc())))


def consent_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def check_text(fields: dict[str, str], language_codes: list[str]) -> None:
    """Refuse a text missing English, or Spanish when the agency offers Spanish, or whose
    consents differ in number between the languages."""
    if not fields["title_en"].strip() or not fields["body_en"].strip():
        raise VersionError("The English title and text are required.")
    if not consent_lines(fields["consents_en"]):
        raise VersionError("List at least one consent, one per line.")
    has_spanish = any(fields[k].strip() for k in ("title_es", "body_es", "consents_es"))
    if "es" in language_codes or has_spanish:
        if not fields["title_es"].strip() or not fields["body_es"].strip():
            raise VersionError(
                "The agency offers Spanish: the Spanish title and text are required."
                if "es" in language_codes
                else "Give the Spanish title and text in full, or leave all Spanish empty."
            )
        if len(consent_lines(fields["consents_es"])) != len(consent_lines(fields["consents_en"])):
            raise VersionError("Give the same number of consents in English and in Spanish.")


def save_text(fields: dict[str, str], language_codes: list[str], actor_id: int | None):
    """Save the waiver text as a new version (unless nothing changed: then the latest).
    Returns the newest version."""
    fields = {k: (fields.get(k) or "").replace("\r\n", "\n").strip() for k in TEXT_FIELDS}
    check_text(fields, language_codes)
    version = latest()
    if version is not None and all(getattr(version, k) == v for k, v in fields.items()):
        return version
    version = WaiverVersion(created_by_id=actor_id, **fields)
    db.session.add(version)
    db.session.flush()
    audit.record("waivers.version_created", version, number=version.number)
    return version


def language_for(version: WaiverVersion, language: str) -> str:
    """The language a citizen reading in `language` is shown: Spanish only if written."""
    return "es" if language == "es" and version.body_es.strip() else "en"


def title(version: WaiverVersion, language: str) -> str:
    return version.title_es if language_for(version, language) == "es" else version.title_en


def paragraphs(version: WaiverVersion, language: str) -> list[str]:
    body = version.body_es if language_for(version, language) == "es" else version.body_en
    return [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]


def consents(version: WaiverVersion, language: str) -> list[str]:
    text = version.consents_es if language_for(version, language) == "es" else version.consents_en
    return consent_lines(text)


def shown_text(version: WaiverVersion, language: str) -> str:
    """Exactly what the signing page shows of the waiver, as one string: the title, the
    paragraphs and the consents, one per line. Its SHA-256 is kept with each signature."""
    return "\n\n".join(
        [
            title(version, language),
            *paragraphs(version, language),
            "\n".join(f"[ ] {line}" for line in consents(version, language)),
        ]
    )


def text_sha256(version: WaiverVersion, language: str) -> str:
    return hashlib.sha256(shown_text(version, language).encode("utf-8")).hexdigest()
