"""The ORM wall: queries are filtered by the current agency, inserts are stamped with it,
and a row for another agency cannot be written from inside one."""

import pytest
from sqlalchemy import select

from liaison.extensions import db
from liaison.storage.models import StoredFile
from liaison.tenancy import TenantContextError, tenant_context
from tenants.models import RoleGrant


def _file(name):
    return StoredFile(key=name, filename=f"{name}.txt")


@pytest.fixture
def two_agencies(make_agency):
    return make_agency("guard-a"), make_agency("guard-b")


def test_inserts_are_stamped_with_the_current_agency(two_agencies):
    a, _ = two_agencies
    with tenant_context(a.id, session=db.session):
        stored = _file("stamped")
        db.session.add(stored)
        db.session.commit()
        assert stored.agency_id == a.id


def test_a_tenant_row_cannot_be_written_without_an_agency():
    db.session.add(_file("orphan"))
    with pytest.raises(TenantContextError, match="no current agency"):
        db.session.flush()
    db.session.rollback()


def test_a_row_for_another_agency_is_refused(two_agencies):
    a, b = two_agencies
    with tenant_context(a.id, session=db.session):
        stored = _file("smuggled")
        stored.agency_id = b.id
        db.session.add(stored)
        with pytest.raises(TenantContextError, match="another agency"):
            db.session.flush()
        db.session.rollback()


def test_queries_see_only_the_current_agency(two_agencies):
    a, b = two_agencies
    for agency, name in ((a, "a-file"), (b, "b-file")):
        with tenant_context(agency.id, session=db.session):
            db.session.add(_file(name))
            db.session.commit()
    with tenant_context(a.id, session=db.session):
        assert db.session.scalars(select(StoredFile.key)).all() == ["a-file"]
    with tenant_context(b.id, session=db.session):
        assert db.session.scalars(select(StoredFile.key)).all() == ["b-file"]
    db.session.commit()
    assert db.session.scalars(select(StoredFile.key)).all() == []


def test_switching_agency_mid_transaction_rewrites_the_database_setting(two_agencies):
    a, b = two_agencies
    with tenant_context(a.id, session=db.session):
        db.session.add(_file("only-a"))
        db.session.commit()
    db.session.scalar(select(1))  # open a transaction with no agency
    with tenant_context(a.id, session=db.session):
        keys = db.session.scalars(
            select(StoredFile.key).execution_options(skip_tenant_filter=True)
        ).all()
    assert keys == ["only-a"], "the database policy must see the agency set mid-transaction"


def test_users_see_their_own_grants_in_every_agency(two_agencies, make_user):
    a, b = two_agencies
    user = make_user(a)
    other = make_user(b)
    with tenant_context(b.id, session=db.session):
        from tenants.operations import grant_role

        grant_role(user, b, "officer")
        db.session.commit()
    with tenant_context(None, user.id, session=db.session):
        mine = db.session.scalars(select(RoleGrant.agency_id).order_by(RoleGrant.agency_id))
        assert mine.all() == [a.id, b.id]
    with tenant_context(None, other.id, session=db.session):
        assert db.session.scalars(select(RoleGrant.agency_id)).all() == [b.id]
