"""Base views of the operator's Flask-Admin console.

Every view is operator-only (everyone else gets 404, as for a page that does not exist),
every form carries Flask-WTF's CSRF token, every create/edit/delete is audited, and bad
input comes back as a form error rather than a database exception.

`TenantModelView` is the one base for tenant tables: the operator first picks the agency
to manage, and the view then works inside that agency's tenant context on every path —
list, count, edit/details/delete by id, relation choices and ajax look-ups — so editing an
id in the URL cannot reach another agency's row.
"""

from __future__ import annotations

from flask import abort, flash, redirect, session, url_for
from flask_admin import AdminIndexView, expose
from flask_admin.contrib.sqla import ModelView
from flask_admin.contrib.sqla.ajax import QueryAjaxModelLoader
from flask_admin.form import BaseForm
from flask_login import current_user
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError
from wtforms.validators import ValidationError

from liaison import audit
from liaison.extensions import db
from liaison.forms import Form
from liaison.pagination import page_number
from liaison.request_helpers import MAX_DATABASE_ID, activate_agency
from liaison.tenancy import TenantRow, current_agency_id
from tenants.models import Agency

MANAGED_AGENCY_KEY = "admin_agency_id"


class AdminForm(BaseForm):
    """Flask-Admin's base form with Flask-WTF's CSRF token, which CSRFProtect checks."""

    class Meta(Form.Meta):
        pass


def is_operator() -> bool:
    return current_user.is_authenticated and bool(current_user.is_operator)


class OperatorOnly:
    """Mixed into every admin view: operators only, and 404 for everyone else."""

    def is_accessible(self) -> bool:
        return is_operator()

    def inaccessible_callback(self, name, **kwargs):
        abort(404)


class OperatorIndexView(OperatorOnly, AdminIndexView):
    @expose("/")
    def index(self):
        return self.render("operator_admin/index.html", managed=managed_agency())


def managed_agency() -> Agency | None:
    """The agency the operator chose to manage in this browser session, if still active."""
    agency_id = session.get(MANAGED_AGENCY_KEY)
    if not isinstance(agency_id, int):
        return None
    return db.session.scalar(select(Agency).where(Agency.id == agency_id, Agency.is_active))


def _changed_fields(model) -> list[str]:
    state = inspect(model)
    return sorted(
        attr.key
        for attr in state.attrs
        if attr.history.has_changes() and attr.key not in AuditedModelView.unaudited_fields
    )


def duplicate_exists(obj, **values) -> bool:
    """Whether another row of `obj`'s model has these column values (checked before the
    flush, so a unique constraint never surfaces as a database error)."""
    model = type(obj)
    stmt = select(model.id).where(*(getattr(model, k) == v for k, v in values.items()))
    if obj.id is not None:
        stmt = stmt.where(model.id != obj.id)
    with db.session.no_autoflush:
        return db.session.scalar(stmt.limit(1)) is not None


def _parse_id(raw) -> int:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        abort(404)
    if not 0 < value <= MAX_DATABASE_ID:
        abort(404)
    return value


class AuditedModelView(OperatorOnly, ModelView):
    """A model view whose every write is audited and whose database errors read clearly."""

    form_base_class = AdminForm
    can_view_details = True
    # Bulk delete queries ids as strings (a type error on PostgreSQL) and skips the
    # per-row audit hooks; rows are deleted one at a time instead.
    action_disallowed_list = ("delete",)
    page_size = 50
    unaudited_fields = frozenset({"password_hash", "totp_secret"})

    def __init__(self, model, **kwargs):
        super().__init__(model, db, **kwargs)

    def get_one(self, id):
        return self.get_query().filter(self.model.id == _parse_id(id)).one_or_none()

    def _get_list_extra_args(self):
        """Flask-Admin reads the page with `int()`, so a negative number or one past any
        list reaches the database as an offset it refuses (a 500); it is read the way the
        console's lists read it (Flask-Admin counts pages from 0)."""
        return super()._get_list_extra_args().clone(page=page_number(first=0))

    def get_list(self, page, *args, **kwargs):
        """A page past the last one is a page that does not exist: 404."""
        count, data = super().get_list(page, *args, **kwargs)
        if page and isinstance(data, list) and not data:
            abort(404)
        return count, data

    def on_model_change(self, form, model, is_created):
        fields = _changed_fields(model)
        db.session.flush()
        audit.record("admin.create" if is_created else "admin.update", model, fields=fields)

    def on_model_delete(self, model):
        audit.record("admin.delete", model, label=str(model)[:120])

    def handle_view_exception(self, exc):
        if isinstance(exc, ValidationError):
            flash(str(exc), "error")
            return True
        if isinstance(exc, IntegrityError):
            flash("That conflicts with an existing record; nothing was saved.", "error")
            return True
        return super().handle_view_exception(exc)


class TenantAjaxLoader(QueryAjaxModelLoader):
    """Ajax choices limited to the managed agency when the related model is a tenant table."""

    def get_query(self):
        return scope_to_agency(super().get_query(), self.model)

    def get_one(self, pk):
        return self.get_query().filter(self.model.id == _parse_id(pk)).one_or_none()


def scope_to_agency(query, model):
    """`query` limited to the current agency's rows when `model` is a tenant table.

    The tenancy guard filters too; this is explicit because owner-visible tables (role
    grants) also show the signed-in user's own rows in other agencies.
    """
    if isinstance(model, type) and issubclass(model, TenantRow):
        return query.filter(model.agency_id == current_agency_id())
    return query


class TenantModelView(AuditedModelView):
    """The base of every admin view over a tenant table (see the module docstring)."""

    list_template = "operator_admin/tenant_list.html"
    form_excluded_columns = ("agency", "agency_id")
    column_exclude_list = ("agency",)

    def _handle_view(self, name, **kwargs):
        refused = super()._handle_view(name, **kwargs)
        if refused is not None:
            return refused
        agency = managed_agency()
        if agency is None:
            flash("Choose the agency to manage first.", "info")
            return redirect(url_for("operator_manage_agency.index"))
        activate_agency(agency)
        return None

    def get_query(self):
        return scope_to_agency(super().get_query(), self.model)

    def get_count_query(self):
        return scope_to_agency(super().get_count_query(), self.model)

    def get_one(self, id):
        found = super().get_one(id)
        if found is None:
            abort(404)
        return found

    def _create_ajax_loader(self, name, options):
        remote_model = getattr(self.model, name).prop.mapper.class_
        return TenantAjaxLoader(name, self.session, remote_model, **options)

    def create_form(self, obj=None):
        return self._scope_choices(super().create_form(obj))

    def edit_form(self, obj=None):
        return self._scope_choices(super().edit_form(obj))

    @staticmethod
    def _scope_choices(form):
        for field in form:
            factory = getattr(field, "query_factory", None)
            if factory is not None and getattr(field, "query", None) is None:
                query = factory()
                entity = query.column_descriptions[0]["entity"]
                field.query = scope_to_agency(query, entity)
        return form

    def render(self, template, **kwargs):
        kwargs.setdefault("managed", managed_agency())
        return super().render(template, **kwargs)
