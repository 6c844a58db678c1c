"""The regulator's record of who sits on the professional body's council (its administrators'):
while they sit, they take no part in a conduct case (docs/casework.md)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from touchstone.casework import services, staff_forms
from touchstone.casework.models import CouncilSeat
from touchstone.casework.selectors.conduct import council_seats
from touchstone.core.models import OrganisationKind
from touchstone.core.web import acts_for, change_page, posted

RECORD = "casework.change_councilseat"


@login_required
@require_http_methods(["GET", "POST"])
@acts_for(RECORD, kind=OrganisationKind.REGULATOR, refuse=Http404)
def council_page(request):
    organisation = request.acting_organisation
    form = staff_forms.CouncilSeatForm(posted(request), organisation=organisation)
    url = reverse("casework:staff-council")
    return change_page(
        request,
        form=form,
        apply=lambda d: services.council_member_record(
            acting_user=request.user,
            organisation=organisation,
            member=d["member"],
            started_on=d["started_on"],
        ),
        done="Recorded: they take no part in a conduct case while on the council.",
        success_url=url,
        template="casework/staff/council.html",
        context={"seats": list(council_seats(organisation)), "today": timezone.localdate()},
    )


@login_required
@require_http_methods(["GET", "POST"])
@acts_for(RECORD, kind=OrganisationKind.REGULATOR, refuse=Http404)
def council_end(request, pk: int):
    seat = (
        CouncilSeat.objects.filter(
            pk=pk, organisation=request.acting_organisation, ended_on__isnull=True
        )
        .select_related("member")
        .first()
    )
    if seat is None:
        raise Http404("No such seat")
    url = reverse("casework:staff-council")
    return change_page(
        request,
        form=staff_forms.CouncilSeatEndForm(posted(request)),
        apply=lambda d: services.council_member_end(
            acting_user=request.user, seat=seat, ended_on=d["ended_on"]
        ),
        done="Their time on the council is recorded as ended.",
        success_url=url,
        template="casework/staff/council_end.html",
        context={"seat": seat, "back": url},
    )
