"""The email with a concern's follow link (callers wrap it in `force_locale`)."""

from __future__ import annotations

from flask_babel import gettext as _

from liaison.jobs import external_url
from liaison.mail import build_message

from .follow import follow_token
from .public_labels import category_label


def follow_link_message(agency, concern):
    link = external_url(
        "concerns_public.follow", agency_slug=agency.slug, follow_token=follow_token(concern)
    )
    greeting = (
        _("Hello %(name)s,", name=concern.contact_name) if concern.contact_name else _("Hello,")
    )
    text = "\n\n".join(
        [
            greeting,
            _(
                "Thank you for raising a concern with %(agency)s (%(category)s).",
                agency=agency.name,
                category=category_label(concern.category),
            ),
            _("You can follow what happens to it at this private link: %(link)s", link=link),
            _("Keep this link to yourself: anyone who has it can see your concern's progress."),
        ]
    )
    subject = _("Your concern to %(agency)s", agency=agency.name)
    return build_message(concern.contact_email, subject, text)
