"""Imports every model module, so that metadata, migrations and mappers see all tables.

A capability that adds models adds its module here.
"""

from tenants import models as tenant_models  # noqa: F401

from .academy import models as academy_models  # noqa: F401
from .audit import models as audit_models  # noqa: F401
from .auth import models as auth_models  # noqa: F401
from .community import models as community_models  # noqa: F401
from .concerns import models as concern_models  # noqa: F401
from .events import models as event_models  # noqa: F401
from .mail import models as mail_models  # noqa: F401
from .outreach import models as outreach_models  # noqa: F401
from .policies import models as policy_models  # noqa: F401
from .storage import models as storage_models  # noqa: F401
from .surveys import models as survey_models  # noqa: F401
from .waivers import models as waiver_models  # noqa: F401
