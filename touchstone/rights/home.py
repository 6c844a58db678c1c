"""The practice-rights home panels: an applicant's own application (or, for a registered
member, the way to apply), and the officers' applications waiting for a decision on either
step."""

from django.db.models import Q
from django.urls import reverse

from touchstone.core.home import Link, Panel
from touchstone.register.selectors import registrant_for_member
from touchstone.rights import rules
from touchstone.rights.selectors import applications_for_officer, applications_of, scheme_codes


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
                        f"{rules.EXPERIENCE_STATES[a.experience_state].lower()}",
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
    waiting = applications_for_officer(user).filter(
        Q(experience_state__in=("submitted", "referred")) | Q(knowledge_state="submitted")
    )
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
                        f"{count} waiting for a decision",
                    ),
                ),
                order=35,
            )
        )
    return found
