"""The Admissions and Licensing Committee's pages: the applications referred to it, soonest
hearing first, and each referred case as the committee reads it (no decision: the officer
records the committee's decision on the case)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from touchstone.core.dates import date_in_words
from touchstone.core.models import OrganisationKind
from touchstone.core.web import acts_for
from touchstone.rights.rules import queue
from touchstone.rights.selectors import (
    experience_check,
    letters_of,
    portfolio_check,
    references_of,
)
from touchstone.rights.selectors.committee import (
    COMMITTEE,
    committee_case_for,
    committee_referrals,
)

for_the_committee = acts_for(
    COMMITTEE,
    kind=OrganisationKind.REGULATOR,
    refuse=Http404,
    message="The committee's cases are for its members and the regulator's officers.",
)


def _hearing(referral, today) -> dict:
    on = referral.hearing_on
    days = (on - today).days if on else None
    if days is None:
        until = "–"
    elif days < 0:
        until = f"held {-days} day{'s' if days != -1 else ''} ago"
    else:
        until = str(days)
    return {
        "referral": referral,
        "hearing": date_in_words(on) if on else "Not set yet",
        "days": days,
        "until": until,
    }


@login_required
@for_the_committee
def committee_list(request):
    today = timezone.localdate()
    rows = [_hearing(r, today) for r in committee_referrals(request.user)]
    regulators = {row["referral"].application.regulator for row in rows}
    return render(
        request,
        "rights/committee_list.html",
        {"rows": rows, "several": len(regulators) > 1},
    )


@login_required
@for_the_committee
def committee_case(request, pk: int):
    found = committee_case_for(request.user, pk)
    if found is None:
        raise Http404("No such case before the committee")
    application, referrals = found
    today = timezone.localdate()
    as_of = application.experience_submitted_on or today
    return render(
        request,
        "rights/committee_case.html",
        {
            "application": application,
            "referrals": [_hearing(r, today) for r in referrals],
            "states": [
                (name, queue.STEP_STATES[step].get(getattr(application, f"{step}_state"), ""))
                for step, name in queue.STEPS.items()
            ],
            "check": experience_check(application, as_of=as_of),
            "as_of": as_of,
            "portfolio": portfolio_check(
                application, as_of=application.application_submitted_on or today
            ),
            "references": references_of(application),
            "letters": letters_of(application),
        },
    )
