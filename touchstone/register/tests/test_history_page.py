"""The history page of a registrant: changes in words, a safe way back."""

import pytest
from django.test import Client

from touchstone.core.models import AuditEvent
from touchstone.core.selectors import Change, described_changes
from touchstone.core.testing import queries_for
from touchstone.register.models import Category, Registrant, Status
from touchstone.register.services import AuditAction, registrant_status_change, registrant_update


@pytest.mark.django_db
def test_changes_are_described_by_label_and_name(register, officer):
    john = register["john"]
    graduate = Category.objects.get(code="graduate")
    registrant_update(acting_user=officer, registrant=john, category=graduate, town="Luton")
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(john.pk)).get()
    [changes] = described_changes(Registrant, [event])
    assert Change("Category", "Chartered Legal Executive", "Graduate") in changes
    assert Change("Town", "Bedford", "Luton") in changes
    assert not any("_id" in c.field for c in changes)


@pytest.mark.django_db
def test_history_page_reads_in_words_with_one_query_per_kind_of_link(register, officer):
    john = register["john"]
    for code in ("suspended", "active", "lapsed"):
        registrant_status_change(
            acting_user=officer,
            registrant=john,
            status=Status.objects.get(code=code),
            effective_on=john.admitted_on,
            reason="x",
        )
    client = Client()
    client.force_login(officer)
    back = f"/register/staff/{john.pk}/"
    url = f"/history/register/registrant/{john.pk}/?back={back}"
    assert queries_for(client, url) <= 13  # one per kind: registrant, status, category, right
    html = client.get(url).content.decode()
    assert "category_id" not in html and "status_id" not in html
    assert f'href="{back}" class="govuk-back-link"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "back", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"]
)
def test_the_way_back_never_leaves_the_site(register, officer, back):
    client = Client()
    client.force_login(officer)
    url = f"/history/register/registrant/{register['john'].pk}/"
    html = client.get(url, {"back": back}).content.decode()
    assert "govuk-back-link" not in html


@pytest.mark.django_db
def test_a_findings_history_shows_its_creation_and_publication_changes(register, officer):
    from touchstone.register.models import Finding
    from touchstone.register.services import finding_publication_change, finding_record

    finding = finding_record(
        acting_user=officer,
        registrant=register["john"],
        decided_on=register["john"].admitted_on,
        body="Disciplinary Tribunal",
        summary="Recorded for the history",
        sanction="Reprimand",
        publish=False,
    )
    finding_publication_change(
        acting_user=officer, finding=finding, publish=True, publish_from=None, publish_until=None
    )
    client = Client()
    client.force_login(officer)
    detail = client.get(f"/register/staff/{register['john'].pk}/").content.decode()
    assert f"/history/register/finding/{finding.pk}/" in detail
    html = client.get(f"/history/register/finding/{finding.pk}/").content.decode()
    assert "No recorded changes" not in html
    assert "Recorded for the history" in html  # the creation, with what was recorded
    assert (
        AuditEvent.objects.filter(object_id=str(finding.pk), content_type__model="finding").count()
        == 2
    )
    assert Finding.objects.filter(pk=finding.pk, publish=True).exists()


@pytest.mark.django_db
def test_status_and_rights_recorded_by_code_read_by_name_and_dates_in_words(register, officer):
    from datetime import date

    from touchstone.register.services import right_grant

    john = register["john"]
    registrant_status_change(
        acting_user=officer,
        registrant=john,
        status=Status.objects.get(code="suspended"),
        effective_on=date(2026, 3, 3),
        reason="Interim order",
    )
    right_grant(acting_user=officer, registrant=john, code="probate", granted_on=date(2026, 3, 4))
    client = Client()
    client.force_login(officer)
    html = client.get(f"/history/register/registrant/{john.pk}/").content.decode()
    assert "Registrant history" in html
    assert ">Suspended<" in html and ">suspended<" not in html
    assert "3 March 2026" in html and "2026-03-03" not in html
    assert "4 March 2026" in html and ">probate<" not in html
    assert "Request " not in html
