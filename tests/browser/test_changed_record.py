"""An officer saving details that someone else changed after they opened the page gets the
"changed since you opened it" page, compares the two versions and saves knowingly."""

import pytest
from playwright.sync_api import expect

from touchstone.core.models import Role
from touchstone.register.models import Registrant
from touchstone.register.services import registrant_update

PASSWORD = "a-long-password-1"


@pytest.mark.django_db(transaction=True)
def test_a_stale_save_shows_both_versions_and_a_way_forward(
    page, sign_in, check_accessibility, make_user, organisation, register
):
    make_user("olive", (organisation, Role.OFFICER), password=PASSWORD)
    sign_in("olive", PASSWORD)
    john = register["john"]
    page.goto(f"/register/staff/{john.pk}/edit/")
    page.get_by_label("Phone (private)").fill("01234 567890")
    # Meanwhile a colleague changes the town.
    registrant_update(acting_user=None, registrant=Registrant.objects.get(pk=john.pk), town="Luton")
    page.get_by_role("button", name="Save details").click()
    expect(
        page.get_by_role("heading", name="This record changed since you opened it")
    ).to_be_visible()
    comparison = page.get_by_test_id("stale-comparison")
    expect(comparison.get_by_role("row").filter(has_text="Town")).to_contain_text("Luton")
    expect(comparison.get_by_role("row").filter(has_text="Phone")).to_contain_text("01234 567890")
    check_accessibility(page, "register-staff-edit-changed")
    # The form keeps the officer's answers, now over the current version: take the town too.
    page.get_by_label("Town").fill("Luton")
    page.get_by_role("button", name="Save details").click()
    expect(page.get_by_text("Details saved.")).to_be_visible()
    john.refresh_from_db()
    assert (john.town, john.phone, john.version) == ("Luton", "01234 567890", 3)
