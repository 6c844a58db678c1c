"""The public record as a member of the public reads it, on a phone: the headline and the tag
say the same thing, and neither can be misread."""

import pytest


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("number", "tag", "headline"),
    [
        ("100001", "Active, with conditions", "immigration work (with conditions)"),
        ("100002", "Suspended", "not authorised to practise"),
        ("E5000", "Active", "a regulated firm"),
    ],
)
def test_the_status_reads_true_on_a_phone(
    page, check_accessibility, register, number, tag, headline
):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"/register/{number}/")
    status = page.get_by_test_id("status-line")
    assert status.locator(".govuk-tag").inner_text() == tag
    assert headline in status.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_accessibility(page, f"public-record-{number}-390")
