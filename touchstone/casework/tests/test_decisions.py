"""The reasoned decision: the standard form, checked before it is recorded, recorded through
`case_conclude`, its letter as a PDF and by email to the parties; a decided case is changed
only by reopening it. A conduct finding marked for publication goes to the register for its
sanction's period, and withdrawing it there ends it publicly."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from touchstone.casework import rules, services
from touchstone.casework.models import Case, Decision
from touchstone.casework.tests.build import at_stage, new_case
from touchstone.casework.tests.conduct_build import conduct_case, conduct_world, decision
from touchstone.core.testing import client_for, date_boxes, pdf_pages, sent
from touchstone.register.models import Finding
from touchstone.register.services import finding_publication_change

pytestmark = pytest.mark.django_db


def _answers(case, **changes) -> dict:
    today = timezone.localdate()
    data = {
        "version": case.version,
        "allegation": "The firm delayed the sale of the house.",
        "facts_found": "Completion was six months late.",
        "findings": "The service fell below what was reasonable.",
        "outcome": "remedy",
        "remedy": "compensation",
        "reasons": "The delay cost the complainant a purchase.",
        **date_boxes("decided_on", today.day, today.month, today.year),
    }
    return {**data, **changes}


def test_the_decision_is_checked_then_recorded_with_its_letter(
    world, django_capture_on_commit_callbacks
):
    case = at_stage(
        new_case(world["ombudsman"], complainant_email="alex@example.com"),
        "triage",
        "investigation",
        "decision",
    )
    client = client_for(world["decider"])
    url = f"/casework/staff/cases/{case.pk}/decide/"
    form = client.get(url).content.decode()
    assert "Facts found" in form and "Compensation for loss" in form and "Publish" not in form
    check = client.post(url, sent(_answers(case))).content.decode()
    assert "Check your answers before recording the decision" in check
    assert "Completion was six months late." in check and "Compensation for loss" in check
    assert not Decision.objects.exists()
    back = client.post(url, sent(_answers(case, change_answers="1"))).content.decode()
    assert "Completion was six months late." in back and "Continue" in back
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, sent(_answers(case, confirmed="yes")))
    assert done.status_code == 302
    case = Case.objects.get(pk=case.pk)
    assert case.is_concluded and case.outcome == "remedy" and case.remedy == "compensation"
    assert case.days_to_conclude == (case.concluded_on - case.accepted_on).days
    recorded = Decision.objects.get()
    assert recorded.maker == "ombudsman" and recorded.decided_by == world["decider"]
    text = "\n".join(pdf_pages(recorded.letter.file.read()))
    for words in (
        "The complaint: The firm delayed the sale of the house.",
        "Facts found: Completion was six months late.",
        "Findings: The service fell below",
        "Outcome: Remedy ordered. Remedy: Compensation for loss.",
        "Reasons: The delay cost",
        "Our reference",
        case.reference,
    ):
        assert words in text, words
    # the letter, and (the case concluded) the closing survey: each to the complainant
    [email] = [m for m in mail.outbox if m.attachments]
    assert email.to == ["alex@example.com"]
    assert email.attachments[0][0].endswith(".pdf")
    [survey] = [m for m in mail.outbox if not m.attachments]
    assert survey.to == ["alex@example.com"] and "/casework/survey/" in survey.body
    page = client.get(f"/casework/staff/cases/{case.pk}/").content.decode()
    assert "Decision letter sent" in page and "Emailed to Alex Brown" in page
    letter = client.get(f"/casework/staff/cases/{case.pk}/decisions/{recorded.pk}/letter.pdf")
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"


def test_a_decision_without_its_reasons_is_refused_with_messages(world):
    case = at_stage(new_case(world["ombudsman"]), "triage", "investigation", "decision")
    with pytest.raises(ValidationError) as refused:
        services.case_decide(
            acting_user=world["decider"],
            case=case,
            allegation="A complaint",
            facts_found=" ",
            findings="Findings",
            outcome="remedy",
            reasons="",
            decided_on=timezone.localdate(),
        )
    assert refused.value.message_dict == {
        "facts_found": ["Enter the facts found"],
        "reasons": ["Enter the reasons"],
    }
    page = client_for(world["decider"]).post(
        f"/casework/staff/cases/{case.pk}/decide/",
        sent(_answers(case, reasons="", confirmed="yes")),
    )
    assert "Enter reasons" in page.content.decode() or "Enter the reasons" in page.content.decode()
    assert not Case.objects.get(pk=case.pk).is_concluded


def test_a_decision_the_stage_cannot_give_is_refused(world):
    case = at_stage(new_case(world["ombudsman"]), "triage", "investigation", "decision")
    assert (
        client_for(world["caseworker"]).get(f"/casework/staff/cases/{case.pk}/decide/").status_code
        == 403
    )
    with pytest.raises(ValidationError, match="not an outcome"):
        services.case_decide(
            acting_user=world["decider"], case=case, **decision(outcome="proved", remedy="")
        )


def test_a_decided_case_is_changed_only_by_reopening_then_decided_again(world):
    case = at_stage(new_case(world["ombudsman"]), "triage", "investigation", "decision")
    services.case_decide(
        acting_user=world["decider"], case=case, **decision(outcome="no_remedy", remedy="")
    )
    case = Case.objects.get(pk=case.pk)
    again = client_for(world["decider"]).get(
        f"/casework/staff/cases/{case.pk}/decide/", follow=True
    )
    assert "reopen it, with a reason" in again.content.decode()
    with pytest.raises(ValidationError, match="reopen it"):
        services.case_decide(
            acting_user=world["decider"], case=case, **decision(outcome="remedy", remedy="")
        )
    case = services.case_reopen(acting_user=world["decider"], case=case, reason="New evidence")
    case = services.case_transition(acting_user=world["decider"], case=case, to_stage="decision")
    services.case_decide(
        acting_user=world["decider"], case=case, **decision(outcome="remedy", remedy="apology")
    )
    assert Decision.objects.filter(case=case).count() == 2
    assert Case.objects.get(pk=case.pk).remedy == "apology"


def test_a_published_finding_goes_to_the_register_and_a_withdrawal_ends_it(db, client):
    w = conduct_world()
    case = conduct_case(w, "assessment", "investigation", "decision_panel")
    for member in w["panel"][:3]:
        case = Case.objects.get(pk=case.pk)
        services.panel_member_add(acting_user=w["officer"], case=case, member=member)
    case = Case.objects.get(pk=case.pk)
    form = (
        client_for(w["panel"][0]).get(f"/casework/staff/cases/{case.pk}/decide/").content.decode()
    )
    assert "The sanctions guidelines" in form and "Published for 36 months." in form
    assert "Fine" not in form  # the tribunal's alone
    done = services.case_decide(acting_user=w["panel"][0], case=case, publish=True, **decision())
    finding = Finding.objects.get()
    assert done.finding == finding
    today = timezone.localdate()
    assert (finding.publish_from, finding.publish_until) == (today, rules.add_months(today, 36))
    assert (finding.body, finding.sanction) == ("Conduct panel", "Reprimand")
    public = client.get("/register/C1001/").content.decode()
    assert "The member acted without integrity." in public and "Reprimand" in public
    text = "\n".join(pdf_pages(done.letter.file.read()))
    assert "The allegation: The member misled a client" in text
    assert (
        "Sanction: Reprimand." in text
        and "Conduct panel: panel-1, panel-2, panel-3, on" in text.replace("\n", " ")
    )
    finding_publication_change(
        acting_user=w["officer"],
        finding=finding,
        publish=False,
        publish_from=None,
        publish_until=None,
    )
    assert (
        "The member acted without integrity." not in client.get("/register/C1001/").content.decode()
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"outcome": "not_proved", "remedy": ""}, "Only a proved allegation"),
        ({"remedy": "advice"}, "do not publish this sanction"),
    ],
)
def test_what_cannot_be_published(db, changes, message):
    w = conduct_world()
    case = conduct_case(w, "assessment", "investigation", "decision_delegated")
    with pytest.raises(ValidationError, match=message):
        services.case_decide(
            acting_user=w["officer"], case=case, publish=True, **decision(**changes)
        )
    assert not Finding.objects.exists() and not Case.objects.get(pk=case.pk).is_concluded


def test_an_exclusion_is_published_without_an_end(db):
    w = conduct_world()
    case = conduct_case(w, "assessment", "investigation", "decision_tribunal")
    for member in w["panel"][:3]:
        case = Case.objects.get(pk=case.pk)
        services.panel_member_add(acting_user=None, case=case, member=member)
    done = services.case_decide(
        acting_user=w["panel"][1],
        case=Case.objects.get(pk=case.pk),
        publish=True,
        **decision(remedy="exclusion"),
    )
    assert done.maker == "tribunal" and done.publish_until is None


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        ("2025-01-31", 1, "2025-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2025-03-15", 36, "2028-03-15"),
        ("2025-11-30", 3, "2026-02-28"),
    ],
)
def test_months_added(start, months, end):
    from datetime import date

    assert rules.add_months(date.fromisoformat(start), months) == date.fromisoformat(end)
