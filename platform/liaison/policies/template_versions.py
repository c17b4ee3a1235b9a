"""The model templates' published versions: the operator freezes the data file as a new
version (`liaison templates publish`); agencies adopt and update from those."""

from __future__ import annotations

from sqlalchemy import func, select

from liaison import audit
from liaison.extensions import db
from policy_templates import STARTING_TEMPLATES, Template, TemplateError
from policy_templates.loader import DATA_DIR, read_raw, template_from_raw

from .errors import PolicyError
from .models import TemplateVersion


def latest_version_number(key: str) -> int:
    return db.session.scalar(
        select(func.coalesce(func.max(TemplateVersion.version), 0)).where(
            TemplateVersion.key == key
        )
    )


def publish_template_version(key: str, actor_id: int | None, data_dir=DATA_DIR):
    """Freeze the data file of template `key` as its next published version."""
    if key not in STARTING_TEMPLATES:
        raise PolicyError(f"There is no template “{key}”.")
    path = data_dir / f"{key}.yaml"
    try:
        raw = read_raw(path)
        template = template_from_raw(raw, path.name, key)
    except TemplateError as exc:
        raise PolicyError([str(p) for p in exc.problems]) from exc
    published = latest_version_number(key)
    if template.version <= published:
        raise PolicyError(
            f"Version {published} of “{key}” is already published: raise `version` in "
            f"{path.name} above {published} to publish the edited file."
        )
    frozen = TemplateVersion(
        key=key, version=template.version, content=raw, published_by_id=actor_id
    )
    db.session.add(frozen)
    db.session.flush()
    audit.record("template.published", frozen, key=key, version=template.version)
    return frozen


def template_version(key: str, version: int | None = None) -> Template:
    """A published version of template `key` (the newest by default); before the operator
    has published any, the data file as it stands."""
    stmt = select(TemplateVersion).where(TemplateVersion.key == key)
    stmt = stmt.where(TemplateVersion.version == version) if version else stmt
    frozen = db.session.scalar(stmt.order_by(TemplateVersion.version.desc()).limit(1))
    if frozen is not None:
        return template_from_raw(frozen.content, f"{key} v{frozen.version}", key)
    if version is not None and latest_version_number(key):
        raise PolicyError(f"Version {version} of “{key}” was never published.")
    path = DATA_DIR / f"{key}.yaml"
    return template_from_raw(read_raw(path), path.name, key)
