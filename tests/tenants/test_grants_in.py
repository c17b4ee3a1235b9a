"""`grants_in(agency, …)`: the current agency's grants, not the signed-in user's own grants
elsewhere (RoleGrant is owner-visible, so the tenancy guard alone would show those too)."""

from __future__ import annotations

from sqlalchemy import select

from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants import roles
from tenants.models import RoleGrant, User, grants_in
from tenants.operations import grant_role


def test_grants_in_keeps_to_the_agency_though_the_user_sees_their_own_elsewhere(
    make_agency, make_user
):
    a, b = make_agency("grants-a"), make_agency("grants-b")
    user = make_user(a, roles.OFFICER)
    colleague = make_user(a, roles.CHIEF)
    with tenant_context(b.id, session=db.session):
        grant_role(user, b, roles.AGENCY_ADMIN)
        db.session.commit()

    with tenant_context(a.id, user.id, session=db.session):
        visible = db.session.scalars(select(RoleGrant.agency_id)).all()
        in_a = db.session.scalars(grants_in(a)).all()
        mine = db.session.scalars(grants_in(a, RoleGrant.role, user_id=user.id)).all()
        chiefs = db.session.scalars(
            grants_in(a.id, User.email, roles=(roles.CHIEF,)).join(
                User, User.id == RoleGrant.user_id
            )
        ).all()
        admins = db.session.scalar(grants_in(a, RoleGrant.id, roles=(roles.AGENCY_ADMIN,)))

    assert sorted(visible) == sorted([a.id, a.id, b.id]), "owner-visible: the guard shows B's"
    assert {(g.agency_id, g.user_id, g.role) for g in in_a} == {
        (a.id, user.id, roles.OFFICER),
        (a.id, colleague.id, roles.CHIEF),
    }
    assert mine == [roles.OFFICER]
    assert chiefs == [colleague.email]
    assert admins is None
