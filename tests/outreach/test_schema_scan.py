"""No column, marshmallow field or form field anywhere in the app can hold a person's
immigration status, nationality, country of birth, alien number or visa type — and the
scan would notice one."""

from __future__ import annotations

import marshmallow
import pytest
import sqlalchemy as sa
from wtforms import StringField

from liaison.extensions import db
from liaison.forms import Form

from .scan import column_hits, forbidden, form_hits, import_all_liaison_modules, schema_hits


@pytest.fixture(scope="module", autouse=True)
def _everything_imported():
    import_all_liaison_modules()


def test_no_database_column_could_hold_immigration_status():
    assert column_hits(db.metadata) == []
    assert len(db.metadata.tables) > 20  # the scan saw the whole schema


def test_no_form_field_could_hold_immigration_status():
    assert form_hits(Form) == []


def test_no_marshmallow_field_could_hold_immigration_status():
    assert schema_hits(marshmallow.Schema) == []


@pytest.mark.parametrize(
    "name",
    [
        "immigration_status",
        "citizenship",
        "nationality",
        "country_of_birth",
        "birthplace",
        "alien_number",
        "a_number",
        "visa_type",
        "u_visa",
        "green_card",
        "passport_no",
        "estatus_migratorio",
        "deportation_date",
    ],
)
def test_the_pattern_catches_names_that_could_hold_status(name):
    assert forbidden(name)


@pytest.mark.parametrize(
    "name",
    [
        "status",
        "people_reached",
        "languages",
        "data_number",
        "visit_count",
        "advisable",
        "notes",
        "salient",
        "place",
    ],
)
def test_the_pattern_leaves_ordinary_names_alone(name):
    assert not forbidden(name)


def test_the_scan_catches_a_throwaway_table_form_and_schema():
    metadata = sa.MetaData()
    sa.Table("leaky", metadata, sa.Column("id", sa.Integer), sa.Column("visa_type", sa.String))

    class LeakyForm(Form):
        country_of_birth = StringField("Country of birth")

    class LeakySchema(marshmallow.Schema):
        status = marshmallow.fields.String(data_key="immigrationStatus")

    assert column_hits(metadata) == ["leaky.visa_type"]
    assert any(hit.endswith("LeakyForm.country_of_birth") for hit in form_hits(Form))
    assert any(hit.endswith("LeakySchema.status") for hit in schema_hits(marshmallow.Schema))
