"""What the signer receives, in their language: the PDF's headings and the receipt email
(with the PDF attached and a time-limited link). Callers wrap these in
`flask_babel.force_locale(signature.language)`."""

from __future__ import annotations

from flask_babel import gettext as _

from liaison.jobs import external_url
from liaison.mail import build_message

from . import receipts


def pdf_labels() -> dict[str, str]:
    return {
        "event": _("Event"),
        "consents": _("Consents given"),
        "participants": _("Participants"),
        "name": _("Name"),
        "date_of_birth": _("Date of birth"),
        "signer": _("Signed by"),
        "typed": _("Typed signature"),
        "drawn": _("Drawn signature"),
        "method": _("Signature method"),
        "audit": _("Signature record"),
        "version": _("Waiver version"),
        "drawn_method": _("typed name and drawn signature"),
        "typed_method": _("typed name adopted as signature"),
        "self": _("the participant"),
        "guardian": _("parent or guardian"),
    }


def receipt_message(agency, event, signature, pdf_bytes: bytes, filename: str):
    """The receipt email to the signer, the signed PDF attached."""
    link = external_url(
        "waivers_public.receipt",
        agency_slug=agency.slug,
        token=receipts.make_token(agency.id, signature.id),
    )
    subject = _("Your signed waiver: %(event)s", event=event.title)
    text = "\n\n".join(
        [
            _("Hello %(name)s,", name=signature.signer_name),
            _(
                "Thank you. You signed the waiver of %(agency)s for %(event)s. "
                "The signed copy is attached to this email as a PDF.",
                agency=agency.name,
                event=event.title,
            ),
            _("You can also download it for the next few days here: %(link)s", link=link),
            _(
                "Please keep it for your records. "
                "If you did not sign this waiver, contact %(agency)s.",
                agency=agency.name,
            ),
        ]
    )
    message = build_message(signature.signer_email, subject, text)
    message.add_attachment(pdf_bytes, maintype="application", subtype="pdf", filename=filename)
    return message
