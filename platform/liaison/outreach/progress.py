"""Progress against the published policy's outreach duty (Texas sample IV.2): for each
population the duty requires, the activities and people reached this quarter and this
year, and a gap when a required population had no activity this quarter.

A duty's required populations are read from its audience, summary and contents by
keywords ("family violence", "sexual assault"), and matched to the agency's seeded
populations by key. An activity aimed at two populations counts, with all the people it
reached, for each of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from liaison.extensions import db
from liaison.policies.models import ComplianceEntry
from liaison.policies.obligations import PublishedDuty, published_duties

from .models import OutreachActivity, OutreachActivityPopulation, OutreachPopulation
from .operations import DEFAULT_POPULATIONS, FAMILY_VIOLENCE, SEXUAL_ASSAULT

POPULATION_KEYWORDS = {
    FAMILY_VIOLENCE: ("family violence", "family-violence", "family_violence", "domestic violence"),
    SEXUAL_ASSAULT: ("sexual assault", "sexual-assault", "sexual_assault"),
}


@dataclass(frozen=True)
class Period:
    label: str
    start: date
    end: date


@dataclass(frozen=True)
class PopulationProgress:
    key: str
    name: str
    quarter_activities: int
    quarter_people: int
    year_activities: int
    year_people: int

    @property
    def has_gap(self) -> bool:
        return self.quarter_activities == 0


@dataclass(frozen=True)
class OutreachProgress:
    duties: list[PublishedDuty]
    quarter: Period
    year: Period
    rows: list[PopulationProgress]

    @property
    def gaps(self) -> list[PopulationProgress]:
        return [row for row in self.rows if row.has_gap]


def quarter_of(day: date) -> Period:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end = date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
    return Period(
        f"{day.year} Q{(first_month - 1) // 3 + 1}", start, date.fromordinal(end.toordinal() - 1)
    )


def parse_quarter(text: str | None) -> Period | None:
    """ "2026-Q3" → that quarter; None for anything else."""
    if not text or len(text) != 7 or text[4:6] != "-Q" or not text[:4].isdigit():
        return None
    year, number = int(text[:4]), text[6]
    if not 2000 <= year <= 2100 or number not in "1234":
        return None
    return quarter_of(date(year, 3 * int(number) - 2, 1))


def year_of(day: date) -> Period:
    return Period(str(day.year), date(day.year, 1, 1), date(day.year, 12, 31))


def required_population_keys(duty: PublishedDuty) -> list[str]:
    text = " ".join([*duty.audience, duty.duty.get("summary", ""), *duty.contents]).lower()
    return [key for key, words in POPULATION_KEYWORDS.items() if any(w in text for w in words)]


def outreach_progress(today: date) -> OutreachProgress | None:
    """The current agency's progress, or None when no policy in force requires outreach to
    named populations (general outreach duties, such as promoting dialogue, name none)."""
    duties = [d for d in published_duties("outreach", on=today) if required_population_keys(d)]
    if not duties:
        return None
    keys = list(dict.fromkeys(k for duty in duties for k in required_population_keys(duty)))
    quarter, year = quarter_of(today), year_of(today)
    in_quarter = _totals(quarter)
    in_year = _totals(year)
    names = dict(
        db.session.execute(select(OutreachPopulation.key, OutreachPopulation.name)).tuples().all()
    )
    rows = [
        PopulationProgress(
            key,
            names.get(key, DEFAULT_POPULATIONS[key]),
            *in_quarter.get(key, (0, 0)),
            *in_year.get(key, (0, 0)),
        )
        for key in keys
    ]
    return OutreachProgress(duties, quarter, year, rows)


def _totals(period: Period) -> dict[str, tuple[int, int]]:
    """Population key → (activities, people reached) in `period`, aggregated in SQL."""
    query = (
        select(
            OutreachPopulation.key,
            func.count(OutreachActivity.id),
            func.coalesce(func.sum(OutreachActivity.people_reached), 0),
        )
        .join(
            OutreachActivityPopulation,
            OutreachActivityPopulation.population_id == OutreachPopulation.id,
        )
        .join(OutreachActivity, OutreachActivity.id == OutreachActivityPopulation.activity_id)
        .where(
            OutreachPopulation.key != "", OutreachActivity.held_on.between(period.start, period.end)
        )
        .group_by(OutreachPopulation.key)
    )
    return {key: (int(count), int(people)) for key, count, people in db.session.execute(query)}


def open_outreach_entries(progress: OutreachProgress | None) -> list[ComplianceEntry]:
    """The compliance calendar's open entries of the duties `progress` measures (read only:
    the calendar is the policies capability's)."""
    if progress is None:
        return []
    return list(
        db.session.scalars(
            select(ComplianceEntry)
            .where(
                ComplianceEntry.kind == "outreach",
                ComplianceEntry.status == "open",
                ComplianceEntry.obligation_id.in_([d.obligation_id for d in progress.duties]),
            )
            .order_by(ComplianceEntry.due_on.nulls_first(), ComplianceEntry.id)
        )
    )


def gap_note(progress: OutreachProgress | None) -> str:
    """One line for the calendar entry of the outreach duty: the quarter's gaps, if any."""
    if progress is None:
        return ""
    if not progress.gaps:
        return (
            f"Outreach this quarter ({progress.quarter.label}) reached every required population."
        )
    names = "; ".join(row.name for row in progress.gaps)
    return f"Gap in {progress.quarter.label}: no outreach activity yet for {names}."
