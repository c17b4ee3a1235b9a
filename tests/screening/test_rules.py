"""The notes-screening rules: text that looks like it describes an individual's immigration
status is refused with a reason; general information about programmes given to a group is
accepted. English and Spanish."""

from __future__ import annotations

import pytest

from liaison.screening import RULES, screen

REFUSED_ENGLISH = [
    ("Victim is undocumented", "status-label"),
    ("Met an illegal alien at the shelter", "status-label"),
    ("She gave her A-number A123456789", "identifier"),
    ("Her visa status is unclear", "visa-status"),
    ("Her husband was deported last year", "deportation"),
    ("The woman has a green card", "status-document"),
    ("He overstayed his tourist visa", "overstay"),
    ("Maria Lopez has no papers", "status-label"),
    ("She was born in Honduras", "origin"),
    ("The victim asked for a U visa certification", "visa-request"),
    ("Client requested a T visa", "visa-request"),
    ("His nationality is Guatemalan", "origin"),
    ("Ms. Smith is a permanent resident", "named-person"),
    ("Juan Perez is not a citizen", "named-person"),
    ("Two U-visa certification requests came in from the shelter", "visa-request"),
    ("Victim applied for asylum last year", "protection"),
    ("She is here on an H-1B", "visa-class"),
    ("Suspect's girlfriend entered without inspection", "entry"),
    ("Neighbour has an ICE detainer", "enforcement"),
    ("Victim is a Mexican citizen", "citizenship"),
]
REFUSED_SPANISH = [
    ("La señora no tiene papeles", "status-label"),
    ("Es indocumentado", "status-label"),
    ("Vive sin papeles", "status-label"),
    ("Dio su número de extranjero", "identifier"),
    ("Su esposo fue deportado", "deportation"),
    ("Nacida en El Salvador", "origin"),
    ("Preguntamos su estatus migratorio", "visa-status"),
    ("Solicitó la visa U", "visa-request"),
    ("Tiene tarjeta verde", "status-document"),
    ("Se le venció la visa", "overstay"),
    ("Sra. Gómez no tiene papeles", "status-label"),
    ("La víctima es ciudadana de México", "visa-status"),
    ("Su hermana tiene TPS", "protection"),
    ("Está aquí con visa H-1B", "visa-class"),
    ("Entró sin inspección", "entry"),
    ("Le tiene miedo a la migra", "enforcement"),
    ("Es ciudadano mexicano", "citizenship"),
]
ACCEPTED_ENGLISH = [
    "Presented U-visa information to the shelter's advocates",
    "Handed out T visa brochures in English and Spanish",
    "Explained that officers do not ask about immigration status when taking a report",
    "Talked about fear of deportation in the community",
    "A number of advocates attended",
    "Training for Safe Haven Family Violence Center staff on the National Domestic Violence "
    "Hotline",
    "Explained how U-visa certification works to the Rape Crisis Center staff",
    "Outreach regarding immigration status information at the county fair",
    "Safe Haven has legal aid partners on site",
]
ACCEPTED_SPANISH = [
    "Presentamos información sobre la visa U a las consejeras del centro",
    "Taller sobre la visa T para el personal del programa de agresión sexual",
    "Explicamos que los agentes no preguntan sobre el estatus migratorio",
    "Repartimos folletos en español en la clínica",
    "Reunión con el Centro de Violencia Familiar",
    "Hablamos del miedo a la deportación en la comunidad",
    "Folletos sobre la visa U y la visa T para víctimas de delitos",
    "Charla en la iglesia sobre cómo denunciar un delito sin miedo",
]


@pytest.mark.parametrize(("text", "rule"), REFUSED_ENGLISH + REFUSED_SPANISH)
def test_text_about_an_individuals_status_is_refused_with_the_rule_that_caught_it(text, rule):
    refusal = screen(text)
    assert refusal is not None, text
    assert refusal.rule == rule
    assert refusal.reason in refusal.message
    assert refusal.matched.lower() in text.lower()


@pytest.mark.parametrize("text", ACCEPTED_ENGLISH + ACCEPTED_SPANISH)
def test_general_information_given_to_a_group_is_accepted(text):
    assert screen(text) is None


def test_there_are_enough_examples_in_each_language():
    assert min(len(REFUSED_ENGLISH), len(REFUSED_SPANISH)) >= 8
    assert min(len(ACCEPTED_ENGLISH), len(ACCEPTED_SPANISH)) >= 8


def test_every_rule_has_a_reason_and_a_refused_example():
    caught = {rule for _, rule in REFUSED_ENGLISH + REFUSED_SPANISH}
    for rule in RULES:
        assert rule.reason
        assert rule.name in caught, rule.name


def test_empty_text_passes():
    assert screen("") is None
    assert screen(None) is None
