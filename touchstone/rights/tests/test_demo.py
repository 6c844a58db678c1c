"""Demo applications: one at each point of step 2, made through the services, loaded once."""

from io import StringIO

import pytest

from touchstone.core.demo import load as load_core_demo
from touchstone.rights import demo
from touchstone.rights.models import Application
from touchstone.rights.selectors import experience_check


@pytest.mark.django_db
def test_demo_applications_load_once_at_each_state():
    load_core_demo(StringIO())
    out = StringIO()
    demo.load(out)
    assert "4 demo applications" in out.getvalue()
    states = dict(Application.objects.values_list("applicant__username", "experience_state"))
    assert states == {username: state for username, _, _, state, _ in demo.APPLICANTS}
    referred = Application.objects.get(experience_state="referred")
    assert referred.alc_hearing_on is not None and referred.experience_reasons
    met = Application.objects.get(experience_state="met")
    assert experience_check(met, as_of=met.experience_submitted_on)["meets_requirement"]
    draft = Application.objects.get(experience_state="draft")
    assert not experience_check(draft, as_of=draft.created_at.date())["meets_requirement"]
    knowledge = dict(Application.objects.values_list("applicant__username", "knowledge_state"))
    assert knowledge == {
        "applicant": "submitted",
        "applicant-submitted": "met",
        "applicant-referred": "met",
        "applicant-met": "met",
    }
    asking = Application.objects.get(applicant__username="applicant")
    assert asking.knowledge_route == "recognition" and asking.knowledge_description
    for application in Application.objects.filter(knowledge_state="met"):
        assert application.knowledge_route == "accredited"
        assert application.knowledge_document.kind == "pdf"
        assert application.knowledge_document.file.read().startswith(b"%PDF-")
    demo.load(out)
    assert Application.objects.count() == 4
    assert "already there" in out.getvalue()


@pytest.mark.django_db
def test_without_a_regulator_nothing_is_loaded():
    out = StringIO()
    demo.load(out)
    assert Application.objects.count() == 0 and "no regulator" in out.getvalue()
