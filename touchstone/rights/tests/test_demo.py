"""Demo applications: one at each point of steps 2 and 4, made through the services, loaded
once."""

from io import StringIO

import pytest
from django.utils import timezone

from touchstone.core.demo import load as load_core_demo
from touchstone.rights import demo
from touchstone.rights.models import Application
from touchstone.rights.selectors import application_needs, experience_check, registrant_to_admit


@pytest.mark.django_db
def test_demo_applications_load_once_at_each_state():
    load_core_demo(StringIO())
    out = StringIO()
    demo.load(out)
    assert f"{len(demo.APPLICANTS)} demo applications" in out.getvalue()
    states = dict(Application.objects.values_list("applicant__username", "experience_state"))
    assert states == {username: state for username, _, _, state, *_ in demo.APPLICANTS}
    referred = Application.objects.get(experience_state="referred")
    assert referred.alc_hearing_on is not None and referred.experience_reasons
    for met in Application.objects.filter(experience_state="met"):
        assert experience_check(met, as_of=met.experience_submitted_on)["meets_requirement"]
    draft = Application.objects.get(experience_state="draft")
    assert not experience_check(draft, as_of=draft.created_at.date())["meets_requirement"]
    knowledge = dict(Application.objects.values_list("applicant__username", "knowledge_state"))
    assert knowledge == {
        username: "submitted" if username == "applicant" else "met"
        for username, *_ in demo.APPLICANTS
    }
    asking = Application.objects.get(applicant__username="applicant")
    assert asking.knowledge_route == "recognition" and asking.knowledge_description
    for application in Application.objects.filter(knowledge_state="met"):
        assert application.knowledge_route == "accredited"
        assert application.knowledge_document.kind == "pdf"
        assert application.knowledge_document.file.read().startswith(b"%PDF-")
    demo.load(out)
    assert Application.objects.count() == len(demo.APPLICANTS)
    assert "already there" in out.getvalue()


@pytest.mark.django_db
def test_step_4_stands_at_each_point_and_one_is_ready_to_approve():
    load_core_demo(StringIO())
    demo.load(StringIO())
    step4 = dict(Application.objects.values_list("applicant__username", "application_state"))
    assert {u: step4[u] for u in ("applicant-met", "applicant-fee", "applicant-declaring")} == {
        "applicant-met": "draft",
        "applicant-fee": "fee_due",
        "applicant-declaring": "declarations_pending",
    }
    assert step4["applicant-assessed"] == "under_assessment"
    assert step4["applicant-committee"] == "referred"
    ready = Application.objects.get(applicant__username="applicant-met")
    assert application_needs(ready, on=timezone.localdate()) == []
    declaring = Application.objects.get(applicant__username="applicant-declaring")
    signed = dict(declaring.declarations.values_list("role", "state"))
    assert signed == {"applicant": "signed", "supervisor": "invited"}
    assessed = Application.objects.get(applicant__username="applicant-assessed")
    assert registrant_to_admit(assessed) is not None
    committee = Application.objects.get(applicant__username="applicant-committee")
    assert committee.application_hearing_on > timezone.localdate()


@pytest.mark.django_db
def test_without_a_regulator_nothing_is_loaded():
    out = StringIO()
    demo.load(out)
    assert Application.objects.count() == 0 and "no regulator" in out.getvalue()
