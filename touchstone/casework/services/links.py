"""What a party does through an emailed link, with no account: follow their case (its status,
messages both ways, evidence), ask for a new link when theirs has expired, answer the closing
survey once, and complain about how the case was handled.

A case's link opens that case only, for its purpose only: `casework.follow` (the case's page,
valid for 90 days and usable again and again until then) or `casework.survey` (answered once)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from touchstone.casework.models import (
    Case,
    ComplaintOutcome,
    Correspondence,
    Evidence,
    Party,
    PartyLink,
    PartyRole,
    ServiceComplaint,
)
from touchstone.casework.selectors.public import case_by_reference, party_link_for
from touchstone.casework.services.audit import AuditAction
from touchstone.casework.services.measures import satisfaction_record, service_complaint_record
from touchstone.core.selectors import access_link_open
from touchstone.core.services import (
    LinkHolder,
    access_link_issue,
    access_link_spend,
    audit_record,
    upload_store,
)

FOLLOW_PURPOSE = "casework.follow"
SURVEY_PURPOSE = "casework.survey"
FOLLOW_DAYS = 90
SURVEY_DAYS = 60


def _issue(*, case: Case, party: Party, purpose: str, days: int, view: str, subject, body):
    link, token = access_link_issue(
        acting_user=None,
        organisation=case.organisation,
        purpose=purpose,
        name=party.name,
        email=party.email,
        valid_for=timedelta(days=days),
        path_for=lambda token: reverse(view, args=[token]),
        subject=subject,
        body=body,
    )
    PartyLink.objects.create(link=link, case=case, party=party)
    return link, token


def follow_link_send(*, case: Case, party: Party, receipt: bool = False):
    """Email `party` the link to their case's page (with the complaint's receipt when it has
    just been made). Returns the link and its token."""
    if receipt:
        subject = f"We have received your complaint: reference {case.reference}"
        body = (
            f"Thank you. {case.organisation.name} has received your complaint about "
            f"{case.provider_name}. Your reference is {case.reference}.\n\n"
            "You can see where your complaint has got to, send us messages and more "
            f"evidence through this link for {FOLLOW_DAYS} days:"
        )
    else:
        subject = f"Your link to complaint {case.reference}"
        body = f"Here is a new link to follow complaint {case.reference}:"
    return _issue(
        case=case,
        party=party,
        purpose=FOLLOW_PURPOSE,
        days=FOLLOW_DAYS,
        view="casework:follow",
        subject=subject,
        body=body,
    )


@transaction.atomic
def follow_link_renew(*, reference: str, email: str) -> bool:
    """A new link to the case `reference`, sent only to a party of it with exactly that email
    address (never to the address typed, if it is not on the case). True when one was sent;
    the page says the same either way, so it does not tell who has a case."""
    case = case_by_reference(reference)
    party = None
    if case is not None:
        party = case.parties.filter(email__iexact=email.strip()).exclude(email="").first()
    if party is None:
        return False
    follow_link_send(case=case, party=party)
    return True


def followed(token: str) -> PartyLink:
    """The case and party a follow link opens (LinkRefused when it no longer works)."""
    return party_link_for(access_link_open(token, FOLLOW_PURPOSE))


def _said(found: PartyLink, text: str, *, about_service: bool = False) -> Correspondence:
    """What the party wrote, on their case's correspondence (always on their own page)."""
    return Correspondence.objects.create(
        case=found.case,
        from_complainant=True,
        author=found.party.name,
        text=text.strip(),
        shared=True,
        about_service=about_service,
    )


def _holder(found: PartyLink) -> LinkHolder:
    return LinkHolder(found.party.name, found.party.email)


@transaction.atomic
def case_message_send(*, token: str, text: str) -> Correspondence:
    """The complainant's message to the caseworkers on their case, through its link."""
    found = followed(token)
    if not text.strip():
        raise ValidationError({"text": "Enter your message"})
    message = _said(found, text)
    audit_record(
        actor=_holder(found),
        action=AuditAction.SEND_CORRESPONDENCE,
        obj=found.case,
        after={"correspondence": message.pk},
    )
    return message


@transaction.atomic
def case_evidence_send(*, token: str, file) -> Evidence:
    """A document sent to the case through its link, checked as the form's uploads are."""
    found = followed(token)
    upload = upload_store(acting_user=None, organisation=found.case.organisation, file=file)
    evidence = Evidence.objects.create(case=found.case, upload=upload)
    audit_record(
        actor=_holder(found),
        action=AuditAction.ADD_EVIDENCE,
        obj=found.case,
        after={"upload": str(upload.pk)},
    )
    return evidence


def _survey_role(party: Party) -> str:
    return party.represents if party.role == PartyRole.REPRESENTATIVE else party.role


def survey_send(case: Case) -> list[str]:
    """At closure: each party with an email address gets the two-question survey by a link
    that answers once. Returns the links' tokens, one per party sent it."""
    tokens = []
    for party in case.parties.exclude(email=""):
        _link, token = _issue(
            case=case,
            party=party,
            purpose=SURVEY_PURPOSE,
            days=SURVEY_DAYS,
            view="casework:survey",
            subject=f"How did we do? Complaint {case.reference}",
            body=(
                f"Your complaint {case.reference} is closed. Two questions, yes or no: "
                "are you satisfied with the outcome, and with the service we gave you?"
            ),
        )
        tokens.append(token)
    return tokens


@transaction.atomic
def survey_answer(
    *, token: str, outcome_satisfied: bool, service_satisfied: bool, ip_address: str | None
):
    """The party's two answers, recorded by `satisfaction_record`; the link is spent, so it
    answers once (LinkRefused after)."""
    link = access_link_spend(token=token, purpose=SURVEY_PURPOSE, ip_address=ip_address)
    found = party_link_for(link)
    return satisfaction_record(
        acting_user=None,
        case=found.case,
        party_role=_survey_role(found.party),
        outcome_satisfied=outcome_satisfied,
        service_satisfied=service_satisfied,
    )


@transaction.atomic
def service_complaint_make(*, token: str, text: str) -> ServiceComplaint:
    """A party's complaint about how their case was handled, from their case's page: stored
    pending for the independent adjudicator (`service_complaint_record` decides it), with
    what they said kept as correspondence. One per party's side of the case."""
    found = followed(token)
    role = _survey_role(found.party)
    if not text.strip():
        raise ValidationError({"text": "Enter what went wrong"})
    if ServiceComplaint.objects.filter(case=found.case, party_role=role).exists():
        raise ValidationError("You have already complained about how we handled this case.")
    complaint = service_complaint_record(
        acting_user=None, case=found.case, party_role=role, outcome=ComplaintOutcome.PENDING
    )
    _said(found, text, about_service=True)
    audit_record(
        actor=_holder(found),
        action=AuditAction.MAKE_SERVICE_COMPLAINT,
        obj=found.case,
        after={"service_complaint": complaint.pk},
    )
    return complaint
