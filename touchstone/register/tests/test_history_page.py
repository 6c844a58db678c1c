"""The history page of a registrant: changes in words, a safe way back."""

import pytest
from django.test import Client

from touchstone.core.models import AuditEvent
from touchstone.core.selectors import Change, described_changes
from touchstone.register.models import Category, Registrant, Status
from touchstone.register.services import registrant_status_change, registrant_update


@pytest.mark.django_db
def test_changes_are_described_by_label_and_name(register, officer):
    john = register["john"]
    graduate = Category.objects.get(code="graduate")
    registrant_update(acting_user=officer, registrant=john, category=graduate, town="Luton")
    event = AuditEvent.objects.filter(action="update", object_id=str(john.pk)).get()
    [changes] = described_changes(Registrant, [event])
    assert Change("Category", "Chartered Legal Executive", "Graduate") in changes
    assert Change("Town", "Bedford", "Luton") in changes
    assert not any("_id" in c.field for c in changes)


@pytest.mark.django_db
def test_history_page_reads_in_words_with_one_query_per_kind_of_link(
    register, officer, django_assert_max_num_queries
):
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
    with django_assert_max_num_queries(12):
        html = client.get(f"/history/register/registrant/{john.pk}/?back={back}").content.decode()
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
