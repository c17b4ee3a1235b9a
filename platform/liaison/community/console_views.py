"""Staff console pages for community organizations and their contacts."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from liaison.capability import console_blueprint
from liaison.forms import ConfirmForm
from liaison.request_helpers import load_or_404, require_role

from . import organizations as ops
from . import staff
from .access import MANAGERS, can_log, can_manage
from .forms import ContactForm, OrganizationForm
from .meetings import meetings
from .models import ORGANIZATION_KINDS, CommunityOrganization, OrganizationContact

bp = console_blueprint("community", __name__)


def _details(form: OrganizationForm) -> ops.OrganizationDetails:
    return ops.OrganizationDetails(
        name=form.name.data,
        kind=form.kind.data,
        is_formal=form.is_formal.data,
        neighbourhood=(form.neighbourhood.data or "").strip(),
        liaison_officer_id=form.liaison_officer_id.data,
        is_active=form.is_active.data,
        notes=form.notes.data or "",
    )


@bp.get("/community/organizations")
def community_organizations():
    filters = {name: request.args.get(name, "") for name in ("kind", "neighbourhood", "active")}
    rows = ops.organizations(**filters)
    return render_template(
        "community/organizations.html",
        organizations=rows,
        filters=filters,
        kinds=ORGANIZATION_KINDS,
        neighbourhoods=ops.neighbourhoods(),
        officer_names=staff.names_by_id(o.liaison_officer_id for o in rows),
        can_manage=can_manage(),
        can_log=can_log(),
    )


def _organization_form_page(organization: CommunityOrganization | None):
    form = OrganizationForm(obj=organization)
    form.set_staff(staff.staff_choices())
    if form.validate_on_submit():
        try:
            if organization is None:
                organization = ops.create_organization(_details(form))
            else:
                ops.update_organization(organization, _details(form))
        except ops.OrganizationError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(f"Saved {organization.name}.", "success")
            return redirect(url_for(".community_organization", organization_id=organization.id))
    return render_template("community/organization_form.html", form=form, organization=organization)


@bp.route("/community/organizations/new", methods=["GET", "POST"])
@require_role(*MANAGERS)
def new_community_organization():
    return _organization_form_page(None)


@bp.get("/community/organizations/<int:organization_id>")
def community_organization(organization_id: int):
    organization = load_or_404(CommunityOrganization, organization_id)
    names = staff.names_by_id([organization.liaison_officer_id])
    return render_template(
        "community/organization.html",
        organization=organization,
        liaison_officer=names.get(organization.liaison_officer_id),
        contacts=ops.contacts(organization),
        meetings=meetings(organization_id=organization.id),
        contact_form=ContactForm(),
        confirm=ConfirmForm(),
        can_manage=can_manage(),
    )


@bp.route("/community/organizations/<int:organization_id>/edit", methods=["GET", "POST"])
@require_role(*MANAGERS, record=CommunityOrganization)
def edit_community_organization(organization_id: int):
    organization = load_or_404(CommunityOrganization, organization_id)
    return _organization_form_page(organization)


@bp.post("/community/organizations/<int:organization_id>/delete")
@require_role(*MANAGERS, record=CommunityOrganization)
def delete_community_organization(organization_id: int):
    organization = load_or_404(CommunityOrganization, organization_id)
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "error")
        return redirect(url_for(".community_organization", organization_id=organization.id))
    ops.delete_organization(organization)
    flash(f"Deleted {organization.name}.", "success")
    return redirect(url_for(".community_organizations"))


@bp.post("/community/organizations/<int:organization_id>/contacts")
@require_role(*MANAGERS, record=CommunityOrganization)
def add_community_contact(organization_id: int):
    organization = load_or_404(CommunityOrganization, organization_id)
    form = ContactForm()
    if form.validate_on_submit():
        ops.add_contact(
            organization,
            name=form.name.data.strip(),
            role=form.role.data or "",
            email=form.email.data or "",
            phone=form.phone.data or "",
        )
        flash("Contact added.", "success")
        return redirect(url_for(".community_organization", organization_id=organization.id))
    return render_template(
        "community/organization.html",
        organization=organization,
        liaison_officer=staff.names_by_id([organization.liaison_officer_id]).get(
            organization.liaison_officer_id
        ),
        contacts=ops.contacts(organization),
        meetings=meetings(organization_id=organization.id),
        contact_form=form,
        confirm=ConfirmForm(),
        can_manage=True,
    )


@bp.post("/community/contacts/<int:contact_id>/delete")
@require_role(*MANAGERS, record=OrganizationContact)
def delete_community_contact(contact_id: int):
    contact = load_or_404(OrganizationContact, contact_id)
    if ConfirmForm().validate_on_submit():
        ops.remove_contact(contact)
        flash("Contact removed.", "success")
    return redirect(url_for(".community_organization", organization_id=contact.organization_id))
