import pytest


@pytest.fixture
def adopter(make_agency):
    """An agency that has settings to fill a template's placeholders from."""
    return make_agency(
        "springfield",
        name="Springfield Police Department",
        town="Springfield",
        state="OR",
        coordinator_title="Community Outreach Lead",
        chief_title="Chief of Police",
    )


@pytest.fixture
def alsip(adopter, in_agency):
    """The id of Springfield's draft adopted from the Alsip template (revision 1)."""
    from liaison.policies import operations as ops

    with in_agency(adopter):
        return ops.adopt_template(adopter, "alsip", None).id


@pytest.fixture
def editor(adopter, make_user, login):
    """A coordinator of Springfield, signed in."""
    from tenants import roles

    user = make_user(adopter, roles.COORDINATOR)
    login(user)
    return user


OLD_SENTENCE = "To develop and maintain positive community relations"
NEW_SENTENCE = "To build and keep trusting community relations"


@pytest.fixture
def edited_data(tmp_path):
    """A copy of the template files where Cambridge is at version 2 with one sentence
    changed (OLD_SENTENCE → NEW_SENTENCE) and its quarterly report made monthly."""
    import shutil

    import yaml

    from policy_templates import DATA_DIR

    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / "cambridge.yaml"
    raw = yaml.safe_load(path.read_text())
    raw["version"] = 2
    for section in raw["sections"]:
        section["text"] = section.get("text", "").replace(OLD_SENTENCE, NEW_SENTENCE)
    for duty in raw["obligations"]:
        if duty["id"] == "quarterly-report":
            duty["cadence"] = "monthly"
    path.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True))
    return folder
