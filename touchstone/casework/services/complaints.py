"""The web complaint form: its answers saved page by page on a draft, evidence uploaded
with it, "save and come back later" by an emailed link, and the submission that makes the
case, once.

The draft's pages are a member of the public's own work in progress, so saving them is not
audited; what they start is: the stored upload, the link emailed, the case created."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from touchstone.casework.models import (
    Case,
    ComplaintDraft,
    Correspondence,
    DraftState,
    Evidence,
    Party,
    PartyRole,
)
from touchstone.casework.rules.complaints import missing_pages, summary_text
from touchstone.casework.selectors import scheme_data
from touchstone.casework.services.audit import AuditAction
from touchstone.casework.services.cases import case_create
from touchstone.casework.services.links import follow_link_send
from touchstone.core.services import (
    LinkHolder,
    access_link_issue,
    access_link_revoke,
    access_link_spend,
    audit_record,
    upload_store,
)

DRAFT_PURPOSE = "casework.draft"
DRAFT_LINK_DAYS = 30


def remedy_names() -> dict[str, str]:
    return {remedy["code"]: remedy["name"] for remedy in scheme_data("ombudsman")["remedies"]}


def _locked_draft(draft: ComplaintDraft) -> ComplaintDraft:
    locked = ComplaintDraft.objects.select_for_update().get(pk=draft.pk)
    if locked.is_submitted:
        raise ValidationError("This complaint has already been sent.")
    return locked


def _holder(draft: ComplaintDraft) -> LinkHolder:
    you = draft.answers.get("you", {})
    return LinkHolder(you.get("name", "Complainant"), you.get("email", ""))


@transaction.atomic
def complaint_page_save(
    *, organisation, draft: ComplaintDraft | None, page: str, answers: dict
) -> ComplaintDraft:
    """Keep one page's answers on the draft (a new draft for the first page answered)."""
    if draft is None:
        draft = ComplaintDraft.objects.create(organisation=organisation)
    draft = _locked_draft(draft)
    draft.answers = {**draft.answers, page: answers}
    draft.save(update_fields=["answers", "updated_at"])
    return draft


@transaction.atomic
def complaint_evidence_add(*, draft: ComplaintDraft, file) -> Evidence:
    """A document for the complaint, checked by its content and size (core's uploads): a
    refused file raises ValidationError with the sentence to show and writes nothing."""
    draft = _locked_draft(draft)
    upload = upload_store(acting_user=None, organisation=draft.organisation, file=file)
    return Evidence.objects.create(draft=draft, upload=upload)


@transaction.atomic
def complaint_save_for_later(*, draft: ComplaintDraft, email: str):
    """Email a link that reopens the draft (for 30 days, once); a link sent before stops
    working. Returns the link and its token."""
    draft = _locked_draft(draft)
    if draft.link is not None:
        access_link_revoke(acting_user=None, link=draft.link)
    name = draft.answers.get("you", {}).get("name", "")
    link, token = access_link_issue(
        acting_user=LinkHolder(name or email, email),
        organisation=draft.organisation,
        purpose=DRAFT_PURPOSE,
        name=name or email,
        email=email,
        valid_for=timedelta(days=DRAFT_LINK_DAYS),
        path_for=lambda token: reverse("casework:complain-return", args=[token]),
        subject=f"Your complaint to {draft.organisation.name}: carry on where you left off",
        body="You saved your complaint to finish later. Use this link to carry on:",
    )
    draft.link = link
    draft.save(update_fields=["link", "updated_at"])
    return link, token


@transaction.atomic
def complaint_resume(*, token: str, ip_address: str | None) -> ComplaintDraft:
    """The draft an emailed link reopens; the link is spent (LinkRefused once used, expired
    or replaced)."""
    link = access_link_spend(token=token, purpose=DRAFT_PURPOSE, ip_address=ip_address)
    draft = ComplaintDraft.objects.get(link=link)
    if draft.is_submitted:
        raise ValidationError("This complaint has already been sent.")
    return draft


def _parties(case: Case, answers: dict) -> Party:
    you, for_whom = answers["you"], answers["for-whom"]
    if for_whom["acting"] != "representative":
        return case.parties.get(role=PartyRole.COMPLAINANT)
    representative = Party(
        case=case,
        role=PartyRole.REPRESENTATIVE,
        represents=PartyRole.COMPLAINANT,
        name=you["name"],
        email=you["email"],
    )
    representative.full_clean()
    representative.save()
    return representative


@transaction.atomic
def complaint_submit(*, draft: ComplaintDraft, provider=None, today: date | None = None) -> Case:
    """Send the complaint: the case is created (`case_create`, for the draft's ombudsman) in
    the transaction that locks the draft and marks it submitted, so a second submission of
    the same draft — a double click, a second tab, one arriving while the first is still
    writing — finds it sent and returns the same case. The receipt, with the link to follow
    the case, is emailed to the address given once the transaction commits."""
    locked = ComplaintDraft.objects.select_for_update().get(pk=draft.pk)
    if locked.is_submitted:
        return locked.case
    answers = locked.answers
    missing = missing_pages(answers)
    if missing:
        raise ValidationError(f"Answer every question before sending: {', '.join(missing)}.")
    you, for_whom, about = answers["you"], answers["for-whom"], answers["provider"]
    representing = for_whom["acting"] == "representative"
    case = case_create(
        acting_user=None,
        organisation=locked.organisation,
        scheme="ombudsman",
        reference=f"WEB-{locked.pk:06d}",
        jurisdiction="legal",
        received_on=today or timezone.localdate(),
        provider=provider,
        provider_name="" if provider else about.get("unregulated_name", ""),
        area_of_law=answers["what-happened"].get("area_of_law", ""),
        complainant_name=for_whom["on_behalf_of"] if representing else you["name"],
        complainant_email="" if representing else you["email"],
    )
    contact = _parties(case, answers)
    Correspondence.objects.create(
        case=case,
        from_complainant=True,
        author=you["name"],
        text=summary_text(answers, remedy_names()),
        shared=True,
    )
    Evidence.objects.filter(draft=locked).update(case=case)
    locked.state, locked.case = DraftState.SUBMITTED, case
    locked.save(update_fields=["state", "case", "updated_at"])
    if locked.link is not None:
        access_link_revoke(acting_user=None, link=locked.link)
    audit_record(
        actor=_holder(locked),
        action=AuditAction.SUBMIT_COMPLAINT,
        obj=case,
        after={"draft": locked.pk, "reference": case.reference},
    )
    follow_link_send(case=case, party=contact, receipt=True)
    return case
