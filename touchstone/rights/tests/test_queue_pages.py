"""The officers' queue at /rights/staff/: every step's states as filters (old links to step
2's states still work), the counts of each, what waits for the officer and for how long, the
order (the longest waiting first, or by applicant) and its pages."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from touchstone.core.testing import client_for
from touchstone.rights.models import Application
from touchstone.rights.services import application_start

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
LINK = "govuk-link govuk-link--no-visited-state"


def _days(n):
    return TODAY - timedelta(days=n)


# name → (first name, last name, the states and dates of its steps)
CASES = {
    "knowledge": (
        "Kim",
        "Ash",
        {"knowledge_state": "submitted", "knowledge_submitted_on": _days(10)},
    ),
    "experience": (
        "Eve",
        "Birch",
        {"experience_state": "submitted", "experience_submitted_on": _days(20)},
    ),
    "referred": (
        "Rob",
        "Cedar",
        {
            "experience_state": "referred",
            "experience_submitted_on": _days(40),
            "alc_hearing_on": TODAY + timedelta(days=7),
        },
    ),
    "assessing": (
        "Ann",
        "Dale",
        {"application_state": "under_assessment", "application_submitted_on": _days(5)},
    ),
    "fee": ("Zed", "Elm", {"application_state": "fee_due", "application_submitted_on": _days(30)}),
    "draft": ("Dan", "Fir", {}),
}


@pytest.fixture
def queue(organisation, make_user, make_organisation):
    found = {}
    for key, (first, last, fields) in CASES.items():
        user = make_user(f"queue-{key}")
        user.first_name, user.last_name = first, last
        user.save()
        application = application_start(
            acting_user=user, regulator=organisation, scheme="immigration"
        )
        Application.objects.filter(pk=application.pk).update(**fields)
        found[key] = application.pk
    # another regulator's application is never in this officer's queue
    elsewhere = make_user("queue-elsewhere")
    other = application_start(
        acting_user=elsewhere, regulator=make_organisation("elsewhere"), scheme="immigration"
    )
    Application.objects.filter(pk=other.pk).update(experience_state="submitted")
    found["elsewhere"] = other.pk
    return found


def listed(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'href="/rights/staff/(\d+)/"', html)]


def page(officer, query=""):
    response = client_for(officer).get(f"/rights/staff/{query}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("knowledge:submitted", {"knowledge"}),
        ("experience:submitted", {"experience"}),
        ("submitted", {"experience"}),  # an old link: step 2's state
        ("referred", {"referred"}),
        ("experience:referred", {"referred"}),
        ("application:under_assessment", {"assessing"}),
        ("application:fee_due", {"fee"}),
        ("application:referred", set()),
        ("knowledge:draft", {"experience", "referred", "assessing", "fee", "draft"}),
    ],
)
def test_each_steps_state_lists_exactly_its_applications(officer, queue, state, expected):
    html = page(officer, f"?state={state}")
    assert set(listed(html)) == {queue[k] for k in expected}
    if not expected:
        assert "No application matches these filters" in html


@pytest.mark.parametrize(
    ("waiting", "expected"),
    [
        ("knowledge", {"knowledge"}),
        ("experience", {"experience", "referred"}),
        ("application", {"assessing", "fee"}),
        ("any", {"knowledge", "experience", "referred", "assessing", "fee"}),
    ],
)
def test_the_step_waiting_filter(officer, queue, waiting, expected):
    assert set(listed(page(officer, f"?waiting={waiting}"))) == {queue[k] for k in expected}


@pytest.mark.parametrize("state", ["nonsense", "application:nonsense", "knowledge:referred"])
def test_an_unknown_state_shows_them_all(officer, queue, state):
    html = page(officer, f"?state={state}")
    assert len(listed(html)) == 6 and queue["elsewhere"] not in listed(html)


def test_the_counts_of_each_steps_states(officer, queue):
    html = page(officer)
    assert "All (6)" in html
    for value, words in [
        ("knowledge%3Asubmitted", "Submitted for assessment (1)"),
        ("knowledge%3Adraft", "Not submitted (5)"),
        ("experience%3Asubmitted", "Submitted for assessment (1)"),
        ("experience%3Areferred", "Referred to the Admissions and Licensing Committee (1)"),
        ("experience%3Adraft", "Not submitted (4)"),
        ("application%3Afee_due", "Fee due (1)"),
        ("application%3Aunder_assessment", "Under assessment (1)"),
        ("application%3Adraft", "Not submitted (4)"),
        ("application%3Aapproved", "Approved (0)"),
    ]:
        assert f'href="?state={value}">{words}</a>' in html, words
    chosen = page(officer, "?state=application:fee_due")
    assert '<strong aria-current="page">Fee due (1)</strong>' in chosen


def _row(html: str, pk: int) -> str:
    start = html.index(f'href="/rights/staff/{pk}/"')
    return html[start : html.index("</tr>", start)]


def test_each_row_says_what_waits_and_for_how_many_days(officer, queue):
    html = page(officer)
    fee = _row(html, queue["fee"])
    assert "Record the payment of the fee" in fee and 'data-testid="days">30<' in fee
    assert "<strong>Application:</strong> Fee due" in fee
    assert "<strong>Qualifying experience:</strong> Not submitted" in fee
    referred = _row(html, queue["referred"])
    assert "Record the committee&#x27;s decision on the qualifying experience" in referred
    assert 'data-testid="days">40<' in referred
    assessing = _row(html, queue["assessing"])
    assert "Assess the application" in assessing and 'data-testid="days">5<' in assessing
    knowledge = _row(html, queue["knowledge"])
    assert (
        "Decide on the technical knowledge" in knowledge and 'data-testid="days">10<' in knowledge
    )
    draft = _row(html, queue["draft"])
    assert "Nothing" in draft and 'data-testid="days">–<' in draft


def test_the_longest_waiting_first_and_the_other_orders(officer, queue):
    order = ["referred", "fee", "experience", "knowledge", "assessing", "draft"]
    assert listed(page(officer)) == [queue[k] for k in order]
    assert listed(page(officer, "?sort=oldest")) == [queue[k] for k in order]
    newest = ["assessing", "knowledge", "experience", "fee", "referred", "draft"]
    assert listed(page(officer, "?sort=newest")) == [queue[k] for k in newest]
    by_name = ["assessing", "draft", "experience", "knowledge", "referred", "fee"]  # Ann … Zed
    assert listed(page(officer, "?sort=name")) == [queue[k] for k in by_name]
    assert listed(page(officer, "?sort=name-desc")) == [queue[k] for k in reversed(by_name)]


def test_the_sortable_headings_link_to_the_other_order_and_keep_the_filters(officer, queue):
    html = page(officer, "?waiting=any&sort=name")
    assert f'aria-sort="ascending"><a class="{LINK}" href="?waiting=any&amp;sort=name-desc"' in html
    assert f'aria-sort="none"><a class="{LINK}" href="?waiting=any&amp;sort=oldest"' in html
    default = page(officer)
    assert f'aria-sort="descending"><a class="{LINK}" href="?sort=newest"' in default
    assert "6 applications, longest waiting first" in default


def test_the_queue_is_paged_keeping_its_filters(officer, queue, monkeypatch):
    from touchstone.rights.views import staff

    monkeypatch.setattr(staff, "QUEUE_PAGE", 2)
    first = page(officer, "?sort=name")
    assert listed(first) == [queue["assessing"], queue["draft"]]
    assert 'href="?sort=name&amp;page=2"' in first
    third = page(officer, "?sort=name&page=3")
    assert listed(third) == [queue["referred"], queue["fee"]]
    assert "6 applications" in third


def test_the_filters_have_labels_and_the_table_a_caption(officer, queue):
    html = page(officer)
    for name in ("state", "waiting", "sort"):
        assert f'<label class="govuk-label" for="id_{name}">' in html
    assert '<optgroup label="Application">' in html
    assert '<caption class="govuk-table__caption' in html
    assert 'data-module="moj-filter"' in html and "moj-action-bar__filter" in html


def test_the_home_panel_counts_what_waits_at_every_step(officer, queue):
    html = client_for(officer).get("/").content.decode()
    assert "5 waiting for you" in html
