"""The operator's Flask-Admin console at /admin/: associations, agencies, memberships,
users, association staff, and the role grants of the agency being managed."""

from flask import Blueprint, Flask
from flask_admin import Admin
from flask_admin.theme import Bootstrap4Theme

from tenants.models import (
    Agency,
    Association,
    AssociationGrant,
    AssociationMembership,
    RoleGrant,
    User,
)

from .base import OperatorIndexView
from .outbox import OutboxView
from .templates_view import TemplatesView
from .views import (
    AgencyView,
    AssociationStaffView,
    AssociationView,
    ManageAgencyView,
    MembershipView,
    RoleGrantView,
    UserView,
)

templates = Blueprint("operator_admin_templates", __name__, template_folder="templates")


def build_operator_admin(app: Flask) -> Admin:
    admin = Admin(
        app,
        name="Liaison operator",
        url="/admin",
        endpoint="admin",
        index_view=OperatorIndexView(url="/admin", endpoint="admin"),
        theme=Bootstrap4Theme(base_template="operator_admin/master.html"),
    )
    platform = "Platform"
    admin.add_view(
        AssociationView(
            Association,
            name="Associations",
            category=platform,
            endpoint="operator_associations",
            url="associations",
        )
    )
    admin.add_view(
        AgencyView(
            Agency, name="Agencies", category=platform, endpoint="operator_agencies", url="agencies"
        )
    )
    admin.add_view(
        MembershipView(
            AssociationMembership,
            name="Memberships",
            category=platform,
            endpoint="operator_memberships",
            url="memberships",
        )
    )
    admin.add_view(
        UserView(User, name="Users", category=platform, endpoint="operator_users", url="users")
    )
    admin.add_view(
        AssociationStaffView(
            AssociationGrant,
            name="Association staff",
            category=platform,
            endpoint="operator_association_staff",
            url="association-staff",
        )
    )
    tenant = "Managed agency"
    admin.add_view(
        ManageAgencyView(
            name="Choose agency",
            category=tenant,
            endpoint="operator_manage_agency",
            url="manage-agency",
        )
    )
    admin.add_view(
        RoleGrantView(
            RoleGrant, name="Role grants", category=tenant, endpoint="operator_grants", url="grants"
        )
    )
    admin.add_view(
        TemplatesView(
            name="Templates", category=platform, endpoint="operator_templates", url="templates"
        )
    )
    admin.add_view(OutboxView(name="Outbox", endpoint="operator_outbox", url="outbox"))
    app.register_blueprint(templates)
    return admin
