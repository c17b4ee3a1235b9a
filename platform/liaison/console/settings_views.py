"""The agency admin's settings page: titles, languages, brand colour and logo."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from liaison.forms import ConfirmForm
from liaison.request_helpers import current_agency, require_role
from tenants import roles
from tenants.operations import InvalidInput

from . import operations
from .blueprint import bp
from .forms import AgencySettingsForm


@bp.route("/settings", methods=["GET", "POST"])
@require_role(roles.AGENCY_ADMIN)
def settings():
    agency = current_agency()
    form = AgencySettingsForm(
        coordinator_title=agency.coordinator_title,
        chief_title=agency.chief_title,
        languages=agency.language_codes,
        brand_colour=agency.brand_colour,
        time_zone=agency.time_zone,
    )
    if form.validate_on_submit():
        try:
            changed = operations.update_agency_settings(
                agency,
                coordinator_title=form.coordinator_title.data,
                chief_title=form.chief_title.data,
                languages=form.languages.data,
                brand_colour=form.brand_colour.data.strip(),
                time_zone=(form.time_zone.data or "").strip() or None,  # blank: kept
            )
            if form.logo.data:
                operations.set_agency_logo(agency, form.logo.data.filename, form.logo.data.read())
                changed.append("logo")
        except InvalidInput as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Settings saved." if changed else "Nothing changed.", "success")
            return redirect(url_for(".settings"))
    elif request.method == "POST":
        flash("Some settings need correcting.", "error")
    return render_template("console/settings.html", form=form, remove_logo_form=ConfirmForm())


@bp.post("/settings/logo/remove")
@require_role(roles.AGENCY_ADMIN)
def remove_logo():
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "error")
    elif operations.remove_agency_logo(current_agency()):
        flash("The logo is removed; the public site shows none.", "success")
    else:
        flash("There is no logo to remove.", "info")
    return redirect(url_for(".settings"))
