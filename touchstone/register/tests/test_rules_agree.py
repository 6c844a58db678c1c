"""The rules the register states twice agree: a finding's publication as a pure rule
(`rules.finding_publication`, which the staff pages show) and as the query the public pages,
the public API and the open data read (`selectors.visible_findings`)."""

from datetime import date, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from touchstone.register import rules
from touchstone.register.models import Finding, Status
from touchstone.register.selectors import visible_findings
from touchstone.register.services import registrant_create

pytestmark = pytest.mark.django_db

DAY_ZERO = date(2026, 6, 1)
# Days close to each other, so that a period's first and last days and the day asked about
# often fall on the same day or next to each other: the edges where two statements of a
# rule drift apart.
DAYS = st.integers(min_value=-4, max_value=4).map(lambda n: DAY_ZERO + timedelta(days=n))
FINDING = st.tuples(st.booleans(), st.none() | DAYS, st.none() | DAYS)


@pytest.fixture
def registrant(organisation):
    return registrant_create(
        acting_user=None,
        regulator=organisation,
        status=Status.objects.get(code="active"),
        number="200001",
        kind="individual",
        given_names="Ada",
        family_name="Byron",
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(findings=st.lists(FINDING, min_size=1, max_size=8), as_of=DAYS)
def test_the_public_sees_the_findings_the_rule_calls_published(registrant, findings, as_of):
    with transaction.atomic():
        rows = Finding.objects.bulk_create(
            Finding(
                registrant=registrant,
                decided_on=DAY_ZERO - timedelta(days=30),
                body="Disciplinary Tribunal",
                summary=f"finding {n}",
                sanction="Reprimand",
                publish=publish,
                publish_from=start,
                publish_until=until,
            )
            for n, (publish, start, until) in enumerate(findings)
        )
        published = {
            row.summary
            for row in rows
            if rules.finding_publication(
                publish=row.publish,
                publish_from=row.publish_from,
                publish_until=row.publish_until,
                as_of=as_of,
            )
            == "published"
        }
        shown = set(
            visible_findings(as_of).filter(registrant=registrant).values_list("summary", flat=True)
        )
        transaction.set_rollback(True)
    assert shown == published
