"""The practice-rights home panels: an applicant's own application (or, for a registered
member, the way to apply), the officers' applications waiting for them at any step, and the
committee members' cases referred to the committee."""

from django.urls import reverse

from touchstone.core.dates import date_in_words
from touchstone.core.home import Link, Panel
from touchstone.register.selectors import registrant_for_member
from touchstone.rights import rules
from touchstone.rights.selectors import applications_for_officer, applications_of, scheme_codes
from touchstone.rights.selectors.applications import waiting_q
from touchstone.rights.selectors.committee import committee_referrals, sits_on_committee


def panels(request) -> list[Panel]:
    user = request.user
    found = []
    own = list(applications_of(user))
    if own:
        found.append(
            Panel(
                key="rights-applications",
                title="Your practice-rights application",
                links=tuple(
                    Link(
                        a.scheme.capitalize(),
                        reverse("rights:application", args=[a.pk]),
                        f"Technical knowledge: {rules.KNOWLEDGE_STATES[a.knowledge_state]}; "
                        "qualifying experience: "
                        f"{rules.EXPERIENCE_STATES[a.experience_state].lower()}; application: "
                        f"{rules.APPLICATION_STATES[a.application_state].lower()}",
                    )
                    for a in own
                ),
                order=20,
            )
        )
    elif registrant_for_member(user) is not None:
        found.append(
            Panel(
                key="rights-apply",
                title="Apply for a practice right",
                links=tuple(
                    Link(name, reverse("rights:apply", args=[code]), "start or continue")
                    for code, name in scheme_codes()
                ),
                order=40,
            )
        )
    waiting = applications_for_officer(user).filter(waiting_q())
    if applications_for_officer(user).exists():
        count = waiting.count()
        found.append(
            Panel(
                key="rights-staff",
                title="Practice-rights applications",
                links=(
                    Link(
                        "Applications",
                        reverse("rights:staff-list"),
                        f"{count} waiting for you (a decision or a payment to record)",
                    ),
                ),
                order=35,
            )
        )
    if sits_on_committee(user):
        referred = committee_referrals(user)
        dated = [r.hearing_on for r in referred if r.hearing_on is not None]
        hint = f"{len(referred)} referred to the committee"
        if dated:
            hint += f"; the next hearing on {date_in_words(dated[0])}"
        found.append(
            Panel(
                key="rights-committee",
                title="Admissions and Licensing Committee",
                links=(Link("Cases referred to the committee", reverse("rights:committee"), hint),),
                order=36,
            )
        )
    return found
