"""Who holds a framework's accreditation, as the public may see it: a provider's name, its
status and the day its registration runs to — nothing else. Only current holders: registered
(to `registered_until`) or provisionally registered (to the remediation deadline, unless it
shows full compliance by then); a terminated or lapsed accreditation, or one whose period has
run out before the daily sweep ended it, is not found."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from touchstone.standards.models import Accreditation, AccreditationState

MAX_QUERY = 100  # a provider's name is shorter; longer is not a search


@dataclass(frozen=True)
class Holder:
    name: str
    status: str  # "registered" or "provisional"
    status_label: str
    registered_until: date


def _current(framework_ref: str, as_of: date) -> QuerySet[Accreditation]:
    return Accreditation.objects.filter(framework_ref=framework_ref).filter(
        Q(state=AccreditationState.REGISTERED, registered_until__gte=as_of)
        | Q(state=AccreditationState.PROVISIONAL, remediation_deadline__gte=as_of)
    )


def holders_public(*, framework_ref: str, q: str = "", as_of: date) -> list[Holder]:
    """The current holders whose name has every word of `q` (any case), by name."""
    found = _current(framework_ref, as_of)
    for word in q[:MAX_QUERY].split():
        found = found.filter(provider__name__icontains=word)
    rows = found.order_by("provider__name", "pk").values_list(
        "provider__name", "state", "registered_until", "remediation_deadline"
    )
    return [
        Holder(
            name=name,
            status=state,
            status_label=AccreditationState(state).label,
            registered_until=until if state == AccreditationState.REGISTERED else deadline,
        )
        for name, state, until, deadline in rows
    ]


def holder_certificate(accreditation: Accreditation, *, as_of: date) -> bool:
    """Whether the accreditation may show the framework's logo today: registered (in full)
    and within its period. A provisional registration may not."""
    return (
        accreditation.state == AccreditationState.REGISTERED
        and accreditation.registered_until is not None
        and accreditation.registered_until >= as_of
    )
