"""The applicants CSV of a cohort: what the coordinator sees on the cohort page (contact
details, neighbourhood, age group, eligibility, decision), never a check's outcome or a
disclosure. `liaison.csv_export` writes the rows (formula-safe)."""

from __future__ import annotations

from .selection import CohortSelection

HEADER = ["name", "email", "phone", "neighbourhood", "age group", "check", "decision"]


def applicant_rows(chosen: CohortSelection) -> list[list[str]]:
    return [HEADER] + [
        [r.full_name, r.email, r.phone, r.neighbourhood, r.age_group, r.eligibility, r.decision]
        for r in chosen.rows
    ]
