"""Who sits on the regulator's board (core `Role.BOARD_MEMBER` in the regulator) or, as the
regulator records, on the professional body's council, on a day."""

from datetime import date

from django.db.models import Q

from touchstone.casework.models import CouncilSeat
from touchstone.core.models import Membership, Role


def on_board(user, organisation) -> bool:
    return Membership.objects.filter(
        user=user, organisation=organisation, role=Role.BOARD_MEMBER
    ).exists()


def on_council(user, organisation, *, as_of: date) -> bool:
    return (
        CouncilSeat.objects.filter(member=user, organisation=organisation, started_on__lte=as_of)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=as_of))
        .exists()
    )


def council_seats(organisation):
    return CouncilSeat.objects.filter(organisation=organisation).select_related("member")


def without_board_or_council(users, organisation, *, as_of: date):
    """`users` less those on the regulator's board or the council on `as_of` (the people a
    conduct case's forms offer; the services refuse the others all the same)."""
    board = Membership.objects.filter(organisation=organisation, role=Role.BOARD_MEMBER)
    seats = CouncilSeat.objects.filter(organisation=organisation, started_on__lte=as_of).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=as_of)
    )
    return users.exclude(pk__in=board.values("user_id")).exclude(pk__in=seats.values("member_id"))
