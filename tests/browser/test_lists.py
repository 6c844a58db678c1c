"""Lists as people meet them: nothing found, many pages, on a desk and on a phone."""

import pytest

from touchstone.register.models import Registrant, Status


def uncovered(locator) -> bool:
    """Whether the element, scrolled into view, is what a tap near its top reaches, at its
    left, middle and right (not covered by an overlay)."""
    locator.scroll_into_view_if_needed()
    return locator.evaluate(
        """el => { const r = el.getBoundingClientRect();
                   return [r.left + 2, r.left + r.width / 2, r.right - 2].every(
                       x => el.contains(document.elementFromPoint(x, r.top + 2))); }"""
    )


@pytest.mark.django_db(transaction=True)
def test_a_search_that_finds_no_one_explains_itself_at_desk_and_phone_widths(
    page, check_accessibility, register
):
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/register/")
        page.get_by_label("Name or number").fill("Zebedee Quux")
        page.get_by_role("button", name="Search").click()
        assert page.get_by_test_id("result-count").inner_text() == "0 results"
        assert "not authorised by the regulator" in page.get_by_test_id("no-results").inner_text()
        assert uncovered(page.get_by_test_id("no-results"))  # the filter form stacks above
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        check_accessibility(page, f"search-no-results-{width}")


@pytest.mark.django_db(transaction=True)
def test_many_results_are_paged_with_numbered_links_that_keep_the_search(
    page, check_accessibility, register, organisation
):
    active = Status.objects.get(code="active")
    Registrant.objects.bulk_create(
        Registrant(
            regulator=organisation,
            status=active,
            number=f"9{i:05d}",
            kind="individual",
            given_names="Pat",
            family_name=f"Jones{i}",
            search_name=f"pat jones{i}",
        )
        for i in range(130)
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/register/?status=active&page=3")
    nav = page.get_by_role("navigation", name="Pages of search results")
    assert nav.get_by_role("link", name="Page 3").get_attribute("aria-current") == "page"
    nav.get_by_role("link", name="Page 4").click()
    assert "status=active" in page.url and "page=4" in page.url
    check_accessibility(page, "search-page-4")
    # On a phone GOV.UK shows the first, current and last pages, with Previous and Next.
    page.set_viewport_size({"width": 390, "height": 900})
    nav.get_by_role("link", name="Next page").click()
    assert "status=active" in page.url and "page=5" in page.url
    assert uncovered(page.get_by_test_id("result-count"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_accessibility(page, "search-page-5-390")


@pytest.mark.django_db(transaction=True)
def test_the_staff_list_scrolls_inside_its_own_region_on_a_phone(
    page, sign_in, check_accessibility, register, make_user, organisation
):
    from touchstone.core.models import Role

    make_user("officer2", (organisation, Role.OFFICER), password="a-long-password-1")
    page.set_viewport_size({"width": 390, "height": 800})
    sign_in("officer2", "a-long-password-1")
    page.goto("/register/staff/")
    region = page.get_by_role("region", name="Registrants")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # the table is wider
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the page is not
    check_accessibility(page, "staff-list-390")
