"""The operator's model views: associations, agencies, memberships, users and grants."""

from __future__ import annotations

from flask import flash, redirect, request, session, url_for
from flask_admin import BaseView, expose
from sqlalchemy import select
from wtforms import BooleanField, SelectField
from wtforms.validators import DataRequired, ValidationError

from liaison.auth.sessions import revoke_all_sessions
from liaison.extensions import db
from liaison.forms import Form
from liaison.tenancy import current_agency_id
from policy_templates import STARTING_TEMPLATES
from tenants import roles
from tenants.models import Agency

from . import validators as v
from .base import (
    MANAGED_AGENCY_KEY,
    AuditedModelView,
    OperatorOnly,
    TenantModelView,
    duplicate_exists,
)


class AssociationView(AuditedModelView):
    column_list = ("name", "slug", "state", "created_at")
    column_searchable_list = ("name", "slug")
    form_columns = ("name", "slug", "state")
    form_args = {
        "name": {"filters": [v.strip], "validators": [DataRequired()]},
        "slug": {"filters": [v.lower], "validators": [DataRequired(), v.valid_slug]},
        "state": {"filters": [v.upper], "validators": [DataRequired(), v.valid_state]},
    }


class AgencyView(AuditedModelView):
    """Agencies are deactivated, never deleted: their audit trail must outlive them."""

    can_delete = False
    column_list = ("name", "slug", "town", "state", "starting_template", "is_active")
    column_searchable_list = ("name", "slug", "town")
    column_filters = ("state", "is_active")
    column_labels = {"is_active": "Active", "brand_colour": "Brand colour"}
    form_columns = (
        "name",
        "slug",
        "town",
        "state",
        "starting_template",
        "coordinator_title",
        "chief_title",
        "languages",
        "brand_colour",
        "is_active",
    )
    form_args = {
        "name": {"filters": [v.strip], "validators": [DataRequired()]},
        "slug": {"filters": [v.lower], "validators": [DataRequired(), v.valid_slug]},
        "town": {"filters": [v.strip]},
        "state": {"filters": [v.upper], "validators": [DataRequired(), v.valid_state]},
        "languages": {
            "filters": [v.lower],
            "validators": [DataRequired(), v.valid_languages],
            "description": "Comma-separated codes, e.g. en,es",
        },
        "brand_colour": {
            "filters": [v.strip],
            "validators": [DataRequired(), v.valid_brand_colour],
            "description": "#RRGGBB",
        },
        "coordinator_title": {"filters": [v.strip], "validators": [DataRequired()]},
        "chief_title": {"filters": [v.strip], "validators": [DataRequired()]},
    }
    form_choices = {
        "starting_template": [("", "None yet")] + sorted(STARTING_TEMPLATES.items()),
    }


class MembershipView(AuditedModelView):
    column_list = ("association", "agency", "joined_on")
    form_columns = ("association", "agency")
    form_args = {
        "association": {"validators": [DataRequired()]},
        "agency": {"validators": [DataRequired()]},
    }

    def on_model_change(self, form, model, is_created):
        if duplicate_exists(model, association_id=model.association.id, agency_id=model.agency.id):
            raise ValidationError(f"{model.agency} is already a member of {model.association}.")
        super().on_model_change(form, model, is_created)


class AssociationStaffView(AuditedModelView):
    column_list = ("association", "user", "role")
    form_columns = ("association", "user")
    form_args = {
        "association": {"validators": [DataRequired()]},
        "user": {"validators": [DataRequired()]},
    }

    def on_model_change(self, form, model, is_created):
        if duplicate_exists(model, association_id=model.association.id, user_id=model.user.id):
            raise ValidationError(f"{model.user} is already on {model.association}'s staff.")
        super().on_model_change(form, model, is_created)


class UserView(AuditedModelView):
    """Staff accounts. Password hashes and TOTP secrets are never shown nor editable; new
    accounts set their password through the reset link. Disabling ends every session."""

    can_delete = False
    column_list = ("email", "name", "is_operator", "is_active", "totp_enabled", "last_login_at")
    column_details_list = (
        "email",
        "name",
        "is_operator",
        "is_active",
        "totp_enabled",
        "failed_logins",
        "locked_until",
        "last_login_at",
        "created_at",
    )
    column_searchable_list = ("email", "name")
    column_filters = ("is_operator", "is_active")
    column_labels = {"is_active": "Active", "totp_enabled": "Second factor"}
    form_columns = ("email", "name", "is_operator", "disabled")
    form_extra_fields = {
        "disabled": BooleanField(
            "Disabled", description="A disabled account cannot sign in; its sessions end now."
        )
    }
    form_args = {
        "email": {"filters": [v.lower], "validators": [DataRequired(), v.valid_email]},
        "name": {"filters": [v.strip]},
    }

    def on_form_prefill(self, form, id):
        form.disabled.data = not self.get_one(id).is_active

    def on_model_change(self, form, model, is_created):
        was_active = model.is_active if not is_created else True
        model.is_active = not form.disabled.data
        super().on_model_change(form, model, is_created)
        if was_active and not model.is_active and not is_created:
            count = revoke_all_sessions(model)
            from liaison import audit

            audit.record("user.disabled", model, sessions_ended=count)


class RoleGrantView(TenantModelView):
    """Role grants in the agency the operator manages."""

    column_list = ("user", "role", "created_at")
    column_searchable_list = ("role",)
    column_filters = ("role",)
    form_columns = ("user", "role")
    form_overrides = {"role": SelectField}
    form_args = {
        "user": {"validators": [DataRequired()]},
        "role": {
            "choices": [(role, roles.ROLE_LABELS[role]) for role in roles.AGENCY_ROLES],
            "validators": [DataRequired()],
        },
    }
    column_formatters = {"role": lambda view, context, model, name: model.role_label}

    def on_model_change(self, form, model, is_created):
        if duplicate_exists(
            model, agency_id=current_agency_id(), user_id=model.user.id, role=model.role
        ):
            raise ValidationError(f"{model.user} already holds that role here.")
        super().on_model_change(form, model, is_created)


class ChooseAgencyForm(Form):
    agency_id = SelectField("Agency", coerce=int, validators=[DataRequired()])


def _local_admin_path(candidate: str | None) -> str:
    """Where to go after choosing: a path inside the admin only (never another site)."""
    if candidate and candidate.startswith("/admin/") and "//" not in candidate:
        return candidate
    return url_for("operator_grants.index_view")


class ManageAgencyView(OperatorOnly, BaseView):
    """Where the operator picks the agency whose tenant data the tenant views manage."""

    @expose("/", methods=("GET", "POST"))
    def index(self):
        agencies = db.session.scalars(
            select(Agency).where(Agency.is_active).order_by(Agency.name)
        ).all()
        form = ChooseAgencyForm(agency_id=session.get(MANAGED_AGENCY_KEY))
        form.agency_id.choices = [(a.id, f"{a.name} ({a.state})") for a in agencies]
        if form.validate_on_submit():
            session[MANAGED_AGENCY_KEY] = form.agency_id.data
            chosen = next(a for a in agencies if a.id == form.agency_id.data)
            flash(f"Now managing {chosen.name}.", "success")
            return redirect(_local_admin_path(request.args.get("next")))
        return self.render("operator_admin/manage_agency.html", form=form)
