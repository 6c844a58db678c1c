"""The scorecard computed in the database gives exactly what the pure definition gives, on
any history (a property test, run on SQLite and on PostgreSQL), in a fixed number of
queries however many cases there are."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from touchstone.casework import rules
from touchstone.casework.models import Case, SatisfactionResponse, ServiceComplaint
from touchstone.casework.selectors import scorecard, scorecard_counts
from touchstone.casework.tests.scorecard_rows import case_rows, periods
from touchstone.core.testing import queries_run

pytestmark = pytest.mark.django_db


def stored(organisation, rows: list[dict], scheme: str = "ombudsman") -> None:
    """The rows as cases of `organisation` (written directly: test data, not a workflow)."""
    cases = Case.objects.bulk_create(
        Case(
            organisation=organisation,
            reference=f"T-{number}",
            scheme=scheme,
            jurisdiction=row["jurisdiction"],
            complexity=row["complexity"],
            stage="concluded" if row["concluded_on"] else "triage",
            provider_name="A firm",
            provider_unregulated=True,
            received_on=row["received_on"],
            accepted_on=row["accepted_on"],
            concluded_on=row["concluded_on"],
            days_to_conclude=(row["concluded_on"] - row["accepted_on"]).days
            if row["concluded_on"] and row["accepted_on"]
            else None,
            outcome="remedy" if row["concluded_on"] else "",
        )
        for number, row in enumerate(rows)
    )
    if not cases or cases[0].pk is None:  # the database did not say the new ids
        cases = list(Case.objects.filter(organisation=organisation).order_by("pk"))
    SatisfactionResponse.objects.bulk_create(
        SatisfactionResponse(case=case, party_role=party, outcome_satisfied=o, service_satisfied=s)
        for case, row in zip(cases, rows, strict=True)
        for party, (o, s) in row["satisfaction"].items()
        if (o, s) != (None, None)
    )
    ServiceComplaint.objects.bulk_create(
        ServiceComplaint(case=case, party_role="complainant", outcome=outcome)
        for case, row in zip(cases, rows, strict=True)
        for outcome in row["service_complaints"]
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(case_rows(), max_size=25),
    period=periods,
    jurisdiction=st.sampled_from([None, "legal", "cmc"]),
)
def test_the_database_gives_exactly_the_definitions_answer(world, rows, period, jurisdiction):
    Case.objects.all().delete()
    stored(world["ombudsman"], rows)
    date_from, date_to = period
    expected = rules.scorecard(
        rows, date_from=date_from, date_to=date_to, jurisdiction=jurisdiction
    )
    found = scorecard(
        acting_user=world["caseworker"],
        organisation=world["ombudsman"],
        date_from=date_from,
        date_to=date_to,
        jurisdiction=jurisdiction,
    )
    assert found == expected


def _queries(world) -> int:
    sql, _ = queries_run(
        lambda: scorecard_counts(
            organisation=world["ombudsman"],
            scheme="ombudsman",
            date_from=date(2024, 1, 1),
            date_to=date(2025, 12, 31),
            jurisdiction=None,
        )
    )
    return len(sql)


def test_the_queries_do_not_grow_with_the_cases(world):
    rows = [
        {
            "jurisdiction": "legal",
            "complexity": c,
            "received_on": date(2024, 1, 1),
            "accepted_on": date(2024, 1, 2),
            "concluded_on": date(2024, 1, 2 + n),
            "satisfaction": {"complainant": (True, True), "provider": (False, True)},
            "service_complaints": ["upheld"],
        }
        for n, c in enumerate(["high", "medium", "low"] * 3)
    ]
    stored(world["ombudsman"], rows)
    few = _queries(world)
    Case.objects.all().delete()
    stored(world["ombudsman"], rows * 20)
    assert _queries(world) == few <= 10


def test_another_organisations_cases_and_schemes_are_not_counted(world):
    row = {
        "jurisdiction": "legal",
        "complexity": "low",
        "received_on": date(2024, 1, 1),
        "accepted_on": date(2024, 1, 2),
        "concluded_on": date(2024, 2, 1),
        "satisfaction": {},
        "service_complaints": [],
    }
    stored(world["regulator"], [row], scheme="conduct")
    found = scorecard(
        acting_user=None,
        organisation=world["ombudsman"],
        date_from=date(2024, 1, 1),
        date_to=date(2024, 12, 31),
    )
    assert found["concluded"] == 0
    conduct = scorecard(
        acting_user=None,
        organisation=world["regulator"],
        scheme="conduct",
        date_from=date(2024, 1, 1),
        date_to=date(2024, 12, 31),
    )
    assert conduct["timeliness"]["low"]["within_90_pct"] == 100.0


def test_only_the_organisations_staff_see_its_scorecard(world):
    from django.core.exceptions import PermissionDenied

    for user in (world["conduct_officer"], world["board"], world["panel"]):
        with pytest.raises(PermissionDenied):
            scorecard(
                acting_user=user,
                organisation=world["ombudsman"],
                date_from=date(2024, 1, 1),
                date_to=date(2024, 12, 31),
            )
    for user in (world["caseworker"], world["manager"], world["decider"]):
        scorecard(
            acting_user=user,
            organisation=world["ombudsman"],
            date_from=date(2024, 1, 1),
            date_to=date(2024, 12, 31),
        )
