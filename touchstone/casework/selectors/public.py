"""What the public's pages read: the ombudsman that takes complaints on the web, a draft
complaint, a case as its complainant sees it through their link, and the providers on the
public register they may be complaining about."""

from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404

from touchstone.casework.models import (
    Case,
    ComplaintDraft,
    ComplaintOutcome,
    Correspondence,
    DraftState,
    Evidence,
    PartyLink,
    ServiceComplaint,
)
from touchstone.casework.selectors.schemes import scheme_data
from touchstone.core.models import AccessLink, Organisation, OrganisationKind
from touchstone.register.selectors import PublicFilters, public_search

PROVIDER_RESULTS = 10


def complaint_organisation(slug: str | None = None) -> Organisation:
    """The ombudsman the web form sends complaints to: the one named by `slug`, or else the
    first ombudsman by name (there is normally exactly one). 404 when there is none."""
    ombudsmen = Organisation.objects.filter(kind=OrganisationKind.OMBUDSMAN).order_by("name")
    if slug is not None:
        ombudsmen = ombudsmen.filter(slug=slug)
    found = ombudsmen.first()
    if found is None:
        raise Http404("No ombudsman takes complaints here")
    return found


def open_draft(pk: int | None) -> ComplaintDraft | None:
    """The draft being written in this browser, if it is still a draft."""
    if pk is None:
        return None
    return ComplaintDraft.objects.filter(pk=pk, state=DraftState.DRAFT).first()


def draft_evidence(draft: ComplaintDraft) -> QuerySet[Evidence]:
    return draft.evidence.select_related("upload")


def providers_matching(q: str, *, as_of: date) -> list:
    """The first few entries of the public register a search finds, as the register's own
    public search finds them (name, tolerant of spelling, or number)."""
    if not q.strip():
        return []
    return list(public_search(PublicFilters(q=q), as_of=as_of)[:PROVIDER_RESULTS])


def provider_on_register(number: str, *, as_of: date):
    """The public register's entry with exactly this number, or None."""
    wanted = number.strip().upper()
    if not wanted:
        return None
    found = public_search(PublicFilters(q=wanted), as_of=as_of).rows.first()
    return found if found is not None and found.number == wanted else None


def party_link_for(link: AccessLink) -> PartyLink:
    return PartyLink.objects.select_related("case__organisation", "party").get(link=link)


def draft_for_link(link: AccessLink) -> ComplaintDraft:
    return ComplaintDraft.objects.get(link=link)


def public_status(case: Case) -> dict:
    """The case's stage in plain words, and what happens next, from the scheme's data."""
    for stage in scheme_data(case.scheme)["stages"]:
        if stage["code"] == case.stage:
            return {
                "name": stage.get("public_name", stage["name"]),
                "next_step": stage.get("public_next_step", ""),
            }
    return {"name": case.stage, "next_step": ""}


def correspondence_for_complainant(case: Case) -> QuerySet[Correspondence]:
    """The messages the complainant sees: their own, and the caseworkers' marked shared."""
    return case.correspondence.filter(Q(from_complainant=True) | Q(shared=True))


def case_evidence(case: Case) -> QuerySet[Evidence]:
    return case.evidence.select_related("upload")


def case_by_reference(reference: str) -> Case | None:
    return (
        Case.objects.filter(reference__iexact=reference.strip(), scheme="ombudsman")
        .select_related("organisation")
        .first()
    )


def service_complaints_waiting(organisation: Organisation):
    """The service complaints made about the organisation's cases that the independent
    adjudicator has still to decide, oldest case first, with what the party wrote."""
    return (
        ServiceComplaint.objects.filter(
            case__organisation=organisation, outcome=ComplaintOutcome.PENDING
        )
        .select_related("case")
        .order_by("case__received_on", "pk")
    )
