"""Emails to applicants, in their language (callers wrap these in
`flask_babel.force_locale(application.language)`)."""

from __future__ import annotations

from flask_babel import format_date
from flask_babel import gettext as _

from liaison.jobs import external_url
from liaison.mail import build_message

from .models import ADMITTED, DECLINED, WAITLISTED


def confirmation_message(agency, cohort, application):
    subject = _("Your application to %(cohort)s", cohort=cohort.name)
    text = "\n\n".join(
        [
            _("Hello %(name)s,", name=application.full_name),
            _(
                "Thank you for applying to %(cohort)s of %(agency)s, which starts on %(day)s.",
                cohort=cohort.name,
                agency=agency.name,
                day=format_date(cohort.starts_on, "long"),
            ),
            _(
                "The agency will check your background as you agreed, then let you know "
                "by email whether you have a place."
            ),
            _("If you did not apply, please contact %(agency)s.", agency=agency.name),
        ]
    )
    return build_message(application.email, subject, text)


def waiver_link(agency, cohort) -> str:
    return external_url("waivers_public.sign", agency_slug=agency.slug, event_id=cohort.event_id)


def decision_message(agency, cohort, application):
    greeting = _("Hello %(name)s,", name=application.full_name)
    if application.decision == ADMITTED:
        subject = _("You have a place in %(cohort)s", cohort=cohort.name)
        body = [
            _(
                "Good news: you have a place in %(cohort)s, which starts on %(day)s.",
                cohort=cohort.name,
                day=format_date(cohort.starts_on, "long"),
            ),
            _(
                "Before the first session, please sign the academy's waiver here: %(link)s",
                link=waiver_link(agency, cohort),
            ),
        ]
    elif application.decision == WAITLISTED:
        subject = _("You are on the waiting list for %(cohort)s", cohort=cohort.name)
        body = [
            _(
                "%(cohort)s is full for now, and you are on its waiting list. "
                "We will write to you if a place becomes free.",
                cohort=cohort.name,
            )
        ]
    elif application.decision == DECLINED:
        subject = _("Your application to %(cohort)s", cohort=cohort.name)
        body = [
            _(
                "Thank you for your interest. We are not able to offer you a place in %(cohort)s.",
                cohort=cohort.name,
            )
        ]
    else:
        return None
    return build_message(application.email, subject, "\n\n".join([greeting, *body, agency.name]))
