"""The association oversight shell at /association/<slug>/: member agencies, no personal data.

Association staff see aggregate, PII-free facts about member agencies only; anyone else
(signed in or not on its staff) gets 404, as for an association that does not exist.
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_login import current_user, login_required
from sqlalchemy import select

from liaison.extensions import db
from tenants.models import Agency, Association, AssociationGrant, AssociationMembership

bp = Blueprint(
    "association",
    __name__,
    url_prefix="/association/<association_slug>",
    template_folder="templates",
)


def load_association(slug: str) -> Association:
    """The association, if the current user is on its staff; 404 otherwise."""
    association = db.session.scalar(
        select(Association)
        .join(AssociationGrant, AssociationGrant.association_id == Association.id)
        .where(Association.slug == slug, AssociationGrant.user_id == current_user.id)
    )
    if association is None:
        abort(404)
    return association


def member_agencies(association: Association) -> list[Agency]:
    """The association's member agencies (public registry facts only), in one query."""
    return list(
        db.session.scalars(
            select(Agency)
            .join(AssociationMembership, AssociationMembership.agency_id == Agency.id)
            .where(AssociationMembership.association_id == association.id)
            .order_by(Agency.state, Agency.name)
        )
    )


@bp.get("/")
@login_required
def overview(association_slug: str):
    association = load_association(association_slug)
    return render_template(
        "association/overview.html", association=association, agencies=member_agencies(association)
    )
