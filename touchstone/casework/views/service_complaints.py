"""The independent adjudicator's page: the service complaints waiting for a decision, each
recorded upheld or not upheld (`service_complaint_record`) once, under its submission token."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from touchstone.casework import services
from touchstone.casework.forms_public import ServiceComplaintDecisionForm
from touchstone.casework.selectors.public import service_complaints_waiting
from touchstone.core.web import acts_for, posted
from touchstone.core.writes import earlier_submission, form_submit

PERM = "casework.decide_service_complaint"


def _form(data, pk: int) -> ServiceComplaintDecisionForm:
    return ServiceComplaintDecisionForm(data, prefix=f"complaint-{pk}")


def _waiting(request, form=None, chosen=None, status=200):
    waiting = service_complaints_waiting(request.acting_organisation)
    rows = [
        {
            "complaint": item,
            "said": item.case.correspondence.filter(about_service=True).last(),
            "form": form if chosen == item.pk else _form(None, item.pk),
        }
        for item in waiting
    ]
    context = {"rows": rows, "organisation": request.acting_organisation}
    return render(request, "casework/service_complaints.html", context, status=status)


@login_required
@acts_for(PERM, refuse=Http404)
def service_complaints(request):
    return _waiting(request)


@login_required
@require_http_methods(["GET", "POST"])
@acts_for(PERM, refuse=Http404)
def service_complaint_decide(request, pk: int):
    earlier = earlier_submission(request) if request.method == "POST" else None
    if earlier is not None:  # sent again after it was decided: where the first one went
        return earlier
    complaint = get_object_or_404(service_complaints_waiting(request.acting_organisation), pk=pk)
    form = _form(posted(request), complaint.pk)

    def write(data):
        services.service_complaint_record(
            acting_user=request.user,
            case=complaint.case,
            party_role=complaint.party_role,
            outcome=data["outcome"],
        )
        messages.success(request, f"Service complaint on {complaint.case.reference} decided.")
        return redirect("casework:service-complaints")

    response = form_submit(request, form, write)
    if response is not None:
        return response
    if request.method == "GET":
        return redirect("casework:service-complaints")
    return _waiting(request, form=form, chosen=complaint.pk, status=400)
