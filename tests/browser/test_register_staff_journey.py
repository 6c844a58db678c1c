"""The register's staff side in a browser: search, read the private record, change it (details,
status, rights, findings), see the change in the history and on the public register, and run
CPD monitoring. People who are not the regulator's officers are refused."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.forms import date_input, fill_date
from tests.browser.test_register_cpd_journey import fits_a_phone
from touchstone.core.models import Role
from touchstone.register.models import Category, Registrant, Status
from touchstone.register.services import cpd_activity_add, cpd_submit, registrant_create

PASSWORD = "a-long-password-1"


def summary_row(page, key: str):
    """The summary-list row whose key is exactly `key`."""
    return page.locator(".govuk-summary-list__row").filter(
        has=page.get_by_role("term").filter(has_text=re.compile(rf"^{re.escape(key)}$"))
    )


def table_row(page, text: str):
    return page.get_by_role("row").filter(has_text=text)


@pytest.fixture
def monitored_members(register, organisation, make_user):
    """Three more practising members with last year's CPD in different states: one submitted
    with enough hours, one submitted short, one with nothing. The first can sign in."""
    last_year = timezone.localdate().year - 1
    active = Status.objects.get(code="active")
    cle = Category.objects.get(code="chartered_legal_executive")

    def member(number, given, family, hours):
        registrant = registrant_create(
            acting_user=None,
            regulator=organisation,
            status=active,
            number=number,
            kind="individual",
            given_names=given,
            family_name=family,
            category=cle,
            admitted_on=date(2015, 1, 1),
            town="York",
        )
        if hours:
            cpd_activity_add(
                acting_user=None,
                registrant=registrant,
                done_on=date(last_year, 6, 1),
                hours=Decimal(hours),
                activity_type="Course or webinar",
                description="Annual update",
            )
            cpd_submit(acting_user=None, registrant=registrant, year=last_year)
        return registrant

    ann = member("100003", "Ann", "Archer", 12)
    ann.user = make_user("ann", password=PASSWORD)
    ann.save()
    return {
        "ann": ann,
        "bob": member("100004", "Bob", "Baker", 3),
        "cara": member("100005", "Cara", "Cole", 0),
        "year": last_year,
    }


@pytest.mark.django_db(transaction=True)
def test_officer_keeps_the_register_and_runs_cpd_monitoring(
    page, sign_in, check_accessibility, make_user, organisation, register, monitored_members
):
    make_user("olive", (organisation, Role.OFFICER), password=PASSWORD)
    sign_in("olive", PASSWORD)

    # Search the whole register, with a typo in the name.
    page.goto("/register/staff/")
    expect(page.get_by_role("heading", name="Registrants", level=1)).to_be_visible()
    expect(page.get_by_test_id("acting-for")).to_contain_text(
        f"for the register of {organisation.name}"
    )
    expect(page.get_by_role("table", name="6 registrants")).to_be_visible()
    check_accessibility(page, "register-staff-search")
    page.get_by_label("Name, number or email").fill("Jon Smyth")
    page.get_by_role("button", name="Search").click()
    results = page.get_by_role("table", name="1 registrant")
    expect(results).to_be_visible()
    expect(results).to_contain_text("secret@example.test")
    check_accessibility(page, "register-staff-results")

    # The record shows the private fields and the unpublished finding.
    page.get_by_role("link", name="Mr John Smith").click()
    expect(page.get_by_role("heading", name="Mr John Smith", level=1)).to_be_visible()
    expect(summary_row(page, "Email")).to_contain_text("secret@example.test")
    expect(summary_row(page, "Phone")).to_contain_text("07700 900123")
    expect(summary_row(page, "Date of birth")).to_contain_text("4 May 1970")
    expect(summary_row(page, "Home address")).to_contain_text("1 Private Lane")
    expect(table_row(page, "UNPUBLISHED-SECRET")).to_contain_text("Not published")
    expect(table_row(page, "EXPIRED-SECRET")).to_contain_text("Publication ended")
    check_accessibility(page, "register-staff-detail")

    # Change details: a bad email is refused, then a new phone number is saved.
    page.get_by_role("link", name="Change details").click()
    expect(page.get_by_role("heading", name="Change details", level=1)).to_be_visible()
    expect(page.get_by_label("Phone (private)")).to_have_value("07700 900123")
    check_accessibility(page, "register-staff-edit")
    page.get_by_label("Email (private)").fill("not-an-email")
    page.get_by_label("Phone (private)").fill("07700 900999")
    page.get_by_role("button", name="Save details").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    message = "Enter the email address in the correct format, like name@example.com"
    summary.get_by_role("link", name=message).click()
    expect(page.get_by_label("Email (private)")).to_be_focused()
    check_accessibility(page, "register-staff-edit-error")
    page.get_by_label("Email (private)").fill("secret@example.test")
    page.get_by_role("button", name="Save details").click()
    expect(page.get_by_text("Details saved.")).to_be_visible()
    expect(summary_row(page, "Phone")).to_contain_text("07700 900999")
    expect(summary_row(page, "Email")).to_contain_text("secret@example.test")
    check_accessibility(page, "register-staff-detail-saved")

    page.get_by_role("link", name="View history").click()
    change = table_row(page, "07700 900999")
    expect(change.get_by_role("cell").first).to_have_text("Phone")  # the label, not "phone"
    expect(change).to_contain_text("07700 900123")
    expect(table_row(page, "not-an-email")).to_have_count(0)
    check_accessibility(page, "register-staff-history")
    page.get_by_role("link", name="Back").click()  # back to the record it came from
    expect(summary_row(page, "Phone")).to_contain_text("07700 900999")

    # Grant a right, then end it.
    page.get_by_role("link", name="Grant a right").click()
    expect(page.get_by_role("heading", name="Grant a practice right", level=1)).to_be_visible()
    check_accessibility(page, "register-staff-right-grant")
    page.get_by_label("Practice right").select_option(label="Advocacy")
    fill_date(page, "Date granted", date(2025, 1, 6))
    page.get_by_label("Conditions").fill("Magistrates' courts only")
    page.get_by_role("button", name="Grant right").click()
    expect(page.get_by_text("Right granted.")).to_be_visible()
    expect(table_row(page, "Advocacy")).to_contain_text("Magistrates' courts only")
    page.get_by_role("link", name="End Advocacy").click()
    expect(page.get_by_role("heading", name="End Advocacy", level=1)).to_be_visible()
    check_accessibility(page, "register-staff-right-end")
    fill_date(page, "Date the right ends", date(2025, 5, 1))
    page.get_by_role("button", name="End right").click()
    expect(page.get_by_text("Right ended.")).to_be_visible()
    expect(table_row(page, "Advocacy")).to_contain_text("1 May 2025")
    expect(page.get_by_role("link", name="End Advocacy")).to_have_count(0)

    # Record a finding: an empty form is refused, a complete one is published.
    page.get_by_role("link", name="Record a finding").click()
    check_accessibility(page, "register-staff-finding")
    page.get_by_role("button", name="Record finding").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    check_accessibility(page, "register-staff-finding-error")
    fill_date(page, "Date of the decision", text=("14", "Feb", "2025"))
    page.get_by_label("Decision body").fill("Disciplinary Tribunal")
    page.get_by_label("Summary").fill("Failure to supervise a trainee")
    page.get_by_label("Sanction").fill("Fine of £500")
    page.get_by_label("Publish on the public register").check()
    page.get_by_role("button", name="Record finding").click()
    expect(page.get_by_text("Finding recorded.")).to_be_visible()
    expect(table_row(page, "Failure to supervise a trainee")).to_contain_text("Published")
    page.get_by_role("link", name="Change publication of the finding of 14 Feb 2025").click()
    expect(page.get_by_label("Publish on the public register")).to_be_checked()
    check_accessibility(page, "register-staff-finding-publication")
    fill_date(page, "Publish from", date(2025, 3, 1))
    fill_date(page, "Publish until", date(2025, 2, 1))
    page.get_by_role("button", name="Save publication").click()
    error = "Publication cannot end before it starts"
    page.get_by_role("alert").get_by_role("link", name=error).click()
    expect(date_input(page, "Publish until").get_by_label("Day")).to_be_focused()
    check_accessibility(page, "register-staff-finding-publication-error")
    page.get_by_role("link", name="Cancel").click()
    expect(table_row(page, "Failure to supervise a trainee")).to_contain_text("Published")

    # Suspend: the record and the public register both say so.
    # The form says the status now, does not offer it, and says the reason is not published.
    page.get_by_role("link", name="Change status").click()
    expect(page.get_by_test_id("lead")).to_have_text(re.compile("The status now is Active"))
    expect(page.get_by_label("New status").locator("option", has_text="Active")).to_have_count(0)
    expect(page.get_by_text("Not published: the reason is kept")).to_be_visible()
    check_accessibility(page, "register-staff-status")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    check_accessibility(page, "register-staff-status-error")
    page.get_by_label("New status").select_option(label="Suspended")
    fill_date(page, "Date the status takes effect", date(2025, 6, 2))
    page.get_by_label("Reason").fill("Interim order")
    page.get_by_role("button", name="Continue").click()
    # Checked first: nothing has changed yet, and the page says it shows publicly at once.
    expect(page.get_by_role("heading", name="Check the status change", level=1)).to_be_visible()
    warning = page.get_by_test_id("confirm-warning")
    expect(warning).to_contain_text("This will show on the public register now")
    expect(warning).to_contain_text("Suspended from 2 June 2025, not authorised to practise")
    expect(summary_row(page, "Status now")).to_contain_text("Active")
    assert Registrant.objects.get(number="100001").status.code == "active"
    check_accessibility(page, "register-staff-status-confirm")
    fits_a_phone(page, check_accessibility, "register-staff-status-confirm")
    page.get_by_role("button", name="Change your answers").click()
    expect(page.get_by_label("Reason")).to_have_value("Interim order")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Change status").click()
    expect(page.get_by_text("Status changed.")).to_be_visible()
    expect(summary_row(page, "Status")).to_have_text(re.compile("Suspended since 2 June 2025"))
    expect(page.get_by_text("Suspended from 2 Jun 2025: Interim order")).to_be_visible()

    page.get_by_role("link", name="See the public entry").click()
    expect(page).to_have_url(re.compile(r"/register/100001/$"))
    status_line = page.get_by_test_id("status-line")
    expect(status_line).to_contain_text("Suspended since 2 June 2025")
    expect(status_line).to_contain_text("not authorised to practise")
    expect(page.get_by_text("Failure to supervise a trainee")).to_be_visible()
    expect(page.get_by_text("UNPUBLISHED-SECRET")).to_have_count(0)
    expect(page.get_by_text("07700 900999")).to_have_count(0)
    check_accessibility(page, "register-public-after-suspension")

    # CPD monitoring: reached from the staff search.
    page.goto("/register/staff/")
    page.get_by_role("link", name="CPD monitoring").click()
    expect(page.get_by_role("heading", name="CPD monitoring", level=1)).to_be_visible()
    expect(page.get_by_text("No samples yet.")).to_be_visible()
    check_accessibility(page, "register-staff-cpd")
    page.get_by_label("Number of members to sample").fill("")
    page.get_by_role("button", name="Draw sample").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    check_accessibility(page, "register-staff-cpd-error")

    # This year has not ended: the sample is drawn only once that is confirmed.
    this_year = timezone.localdate().year
    page.get_by_label("Year").fill(str(this_year))
    page.get_by_label("Number of members to sample").fill("1")
    page.get_by_role("button", name="Draw sample").click()
    expect(page.get_by_role("heading", name=f"{this_year} has not ended yet")).to_be_visible()
    expect(page.get_by_test_id("confirm-warning")).to_contain_text(f"31 December {this_year}")
    check_accessibility(page, "register-staff-cpd-open-year")
    fits_a_phone(page, check_accessibility, "register-staff-cpd-open-year")
    page.get_by_role("link", name="Cancel").click()
    expect(page.get_by_text("No samples yet.")).to_be_visible()

    year = monitored_members["year"]
    page.get_by_label("Year").fill(str(year))
    page.get_by_label("Number of members to sample").fill("3")
    page.get_by_label("Seed").fill("42")
    page.get_by_role("button", name="Draw sample").click()
    expect(page.get_by_text("Sample drawn with seed 42.")).to_be_visible()
    expect(page.get_by_role("heading", name=f"CPD sample {year}", level=1)).to_be_visible()
    expect(page.get_by_text("3 of 3 members, seed 42")).to_be_visible()
    expect(table_row(page, "Ann Archer").get_by_role("cell", name="12", exact=True)).to_be_visible()
    expect(table_row(page, "Ann Archer")).to_contain_text("Compliant")
    expect(table_row(page, "Bob Baker").get_by_role("cell", name="3", exact=True)).to_be_visible()
    expect(table_row(page, "Bob Baker")).to_contain_text("Shortfall")
    expect(table_row(page, "Cara Cole")).to_contain_text("Not submitted")
    expect(table_row(page, "John Smith")).to_have_count(0)  # suspended: not practising
    check_accessibility(page, "register-staff-cpd-sample")

    # The same seed draws the same smaller sample again.
    drawn = []
    for _ in range(2):
        page.get_by_role("link", name="Back to CPD monitoring").click()
        page.get_by_label("Year").fill(str(year))
        page.get_by_label("Number of members to sample").fill("2")
        page.get_by_label("Seed").fill("7")
        page.get_by_role("button", name="Draw sample").click()
        expect(page.get_by_text("2 of 3 members, seed 7")).to_be_visible()
        sampled = page.get_by_role("table").get_by_role("link")
        expect(sampled).to_have_count(2)
        drawn.append(sampled.all_inner_texts())
    assert drawn[0] == drawn[1]

    page.get_by_role("link", name="Back to CPD monitoring").click()
    samples = page.get_by_role("table", name="Samples drawn")
    seeds = samples.get_by_role("row").locator("td:nth-child(2)")
    expect(seeds).to_have_text(["7", "7", "42"])
    check_accessibility(page, "register-staff-cpd-samples")
    page.get_by_role("button", name="Schedule this year's reminders").click()
    expect(
        page.get_by_text(re.compile(r"Reminders scheduled for 1 member for \d{4}\."))
    ).to_be_visible()
    check_accessibility(page, "register-staff-cpd-reminders")


@pytest.mark.django_db(transaction=True)
def test_the_staff_pages_are_refused_to_anyone_but_officers(
    page, sign_in, make_user, organisation, register
):
    make_user("carl", (organisation, Role.CASEWORKER), password=PASSWORD)
    sign_in("carl", PASSWORD)
    john = register["john"]
    for path in [
        "/register/staff/",
        f"/register/staff/{john.pk}/",
        f"/register/staff/{john.pk}/edit/",
        f"/register/staff/{john.pk}/status/",
        "/register/staff/cpd/",
    ]:
        response = page.goto(path)
        assert response.status == 404, path
        expect(page.get_by_text("07700 900123")).to_have_count(0)
    page.goto("/register/my-cpd/")
    expect(
        page.get_by_text("Your account is not linked to an entry on the register.")
    ).to_be_visible()
