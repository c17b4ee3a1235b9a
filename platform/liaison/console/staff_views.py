"""The agency admin's staff pages: who holds which role, invitations, role changes."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for

from liaison.forms import ConfirmForm
from liaison.request_helpers import current_agency, require_role
from tenants import roles
from tenants.operations import InvalidInput

from . import operations
from .blueprint import bp
from .forms import ChangeRoleForm, InviteStaffForm

admin_only = require_role(roles.AGENCY_ADMIN)


@bp.get("/staff/")
@admin_only
def staff_list():
    grants = operations.agency_grants(current_agency())
    return render_template("console/staff_list.html", grants=grants)


@bp.route("/staff/invite", methods=["GET", "POST"])
@admin_only
def invite_staff():
    from liaison.auth.invitations import invite_staff as invite

    form = InviteStaffForm()
    if form.validate_on_submit():
        try:
            user = invite(current_agency(), form.email.data, form.name.data, form.role.data)
        except InvalidInput as exc:
            form.form_errors.append(str(exc))
        else:
            flash(f"{user.email} is invited as {roles.ROLE_LABELS[form.role.data]}.", "success")
            return redirect(url_for(".staff_list"))
    return render_template("console/invite.html", form=form)


@bp.route("/staff/<int:grant_id>", methods=["GET", "POST"])
@admin_only
def grant_detail(grant_id: int):
    grant = operations.load_agency_grant(current_agency(), grant_id)
    form = ChangeRoleForm(role=grant.role)
    if form.validate_on_submit():
        try:
            operations.change_grant_role(grant, form.role.data)
        except InvalidInput as exc:
            form.form_errors.append(str(exc))
        else:
            flash(f"{grant.user.email} is now {grant.role_label}.", "success")
            return redirect(url_for(".grant_detail", grant_id=grant.id))
    return render_template("console/grant.html", grant=grant, form=form, revoke_form=ConfirmForm())


@bp.post("/staff/<int:grant_id>/revoke")
@admin_only
def revoke_grant(grant_id: int):
    grant = operations.load_agency_grant(current_agency(), grant_id)
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "error")
        return redirect(url_for(".grant_detail", grant_id=grant.id))
    email, label = grant.user.email, grant.role_label
    try:
        operations.revoke_grant(grant)
    except InvalidInput as exc:
        flash(str(exc), "error")
        return redirect(url_for(".grant_detail", grant_id=grant.id))
    flash(f"{email} no longer holds {label} here.", "success")
    return redirect(url_for(".staff_list"))
