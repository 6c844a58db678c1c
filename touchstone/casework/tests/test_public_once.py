"""A complaint sent twice makes one case: one after the other (a double click, the Back
button), and two at once on PostgreSQL, where two writers can overlap (core.testing)."""

import pytest

from touchstone.casework import services
from touchstone.casework.models import Case, ComplaintDraft
from touchstone.casework.reference import load_reference_data
from touchstone.core.models import AuditEvent, OrganisationKind
from touchstone.core.testing import new_organisation, run_together, two_writers_can_overlap

ANSWERS = {
    "you": {"name": "Sam Patel", "email": "sam@example.org", "phone": "", "address": ""},
    "for-whom": {"acting": "self", "on_behalf_of": ""},
    "provider": {"number": "", "name": "Quick Wills Ltd", "unregulated_name": "Quick Wills Ltd"},
    "what-happened": {
        "what_happened": "Lost deeds",
        "happened_on": "2025-02-03",
        "area_of_law": "",
    },
    "complained-first": {"complained_first": "no", "complained_on": None},
    "outcome": {"remedies": ["apology"], "details": ""},
}


def _draft():
    ombudsman = new_organisation("once-ombudsman", OrganisationKind.OMBUDSMAN)
    return ComplaintDraft.objects.create(organisation=ombudsman, answers=ANSWERS)


def _submitted_events() -> int:
    return AuditEvent.objects.filter(action=services.AuditAction.SUBMIT_COMPLAINT).count()


@pytest.mark.django_db
def test_a_replayed_submission_returns_the_same_case():
    draft = _draft()
    first = services.complaint_submit(draft=draft)
    second = services.complaint_submit(draft=draft)
    assert first == second
    assert Case.objects.count() == 1 and _submitted_events() == 1
    draft.refresh_from_db()
    assert draft.is_submitted and draft.case == first


@pytest.mark.django_db
def test_an_unfinished_draft_is_not_sent():
    draft = _draft()
    draft.answers = {k: v for k, v in ANSWERS.items() if k != "outcome"}
    draft.save()
    with pytest.raises(Exception, match="What you would like to happen"):
        services.complaint_submit(draft=draft)
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_a_sent_draft_takes_no_more_answers():
    draft = _draft()
    services.complaint_submit(draft=draft)
    with pytest.raises(Exception, match="already been sent"):
        services.complaint_page_save(
            organisation=draft.organisation, draft=draft, page="you", answers={}
        )


@pytest.mark.skipif(
    not two_writers_can_overlap(), reason="a race needs two concurrent writers (PostgreSQL)"
)
@pytest.mark.django_db(transaction=True)
def test_two_submissions_at_once_make_one_case():
    load_reference_data()
    draft = _draft()
    results = run_together(
        lambda: services.complaint_submit(draft=draft),
        lambda: services.complaint_submit(draft=draft),
    )
    assert all(isinstance(r, Case) for r in results), results
    assert results[0].pk == results[1].pk
    assert Case.objects.count() == 1 and _submitted_events() == 1
