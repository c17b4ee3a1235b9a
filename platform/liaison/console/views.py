"""The staff console at /console/<agency-slug>/: the dashboard, and (through the
modules imported below) the agency admin's staff, settings and audit-log pages."""

from __future__ import annotations

from flask import render_template

import liaison.events.console_views  # noqa: F401  (registers its routes)
import liaison.policies.calendar_views  # noqa: F401  (registers its routes)
import liaison.policies.editor_views  # noqa: F401  (registers its routes)
import liaison.policies.obligation_views  # noqa: F401  (registers its routes)
import liaison.policies.update_views  # noqa: F401  (registers its routes)
import liaison.policies.workflow_views  # noqa: F401  (registers its routes)
from liaison.academy import console_views as academy_console_views  # noqa: F401
from liaison.community import console_views as community_console_views  # noqa: F401
from liaison.concerns import console_views as concern_console_views  # noqa: F401
from liaison.outreach import console_views as outreach_console_views  # noqa: F401
from liaison.policies import acknowledgment_views  # noqa: F401  (registers its routes)
from liaison.surveys import console_views as survey_console_views  # noqa: F401
from liaison.waivers import console_views as waiver_console_views  # noqa: F401

from . import (  # noqa: F401  (register their routes)
    audit_views,
    email_views,
    settings_views,
    staff_views,
)
from .blueprint import bp


@bp.get("/")
def dashboard():
    return render_template("console/dashboard.html")
