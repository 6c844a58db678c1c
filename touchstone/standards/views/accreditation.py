"""The accreditation pages: the accreditations a user may see (a provider's own; a standards
body's staff, those their body holds), filtered by state and paged; applying (the answers
checked on a confirmation page, then the invoice); an accreditation with its assessments,
invoices and history; recording a fee's payment; starting the renewal. An accreditation the
user may not see is not found."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from touchstone.core.models import OrganisationKind
from touchstone.core.selectors import history_for_object, organisations_with_perm
from touchstone.core.services import StaleVersion
from touchstone.core.web import (
    acts_for,
    change_page,
    changing_answers,
    confirm_page,
    confirmed,
    posted,
)
from touchstone.core.writes import form_submit, stale_page, submit_once
from touchstone.standards import services
from touchstone.standards.filters import AccreditationFilters
from touchstone.standards.forms import ApplyForm, AssessmentPaymentForm
from touchstone.standards.models import AccreditationState
from touchstone.standards.selectors import (
    ACCREDITED_FRAMEWORK,
    accreditation_for,
    accreditations_list,
    assessment_current,
    holder_certificate,
)
from touchstone.standards.views.common import current_framework_or_404

PAGE_SIZE = 25


def accreditation_or_404(user, pk: int):
    found = accreditation_for(user, pk)
    if found is None:
        raise Http404("No such accreditation")
    return found


@login_required
@require_http_methods(["GET"])
def accreditation_list(request):
    filters = AccreditationFilters(request.GET or None, request=request).for_page()
    shown = filters.qs if filters.is_valid() else accreditations_list(request.user)
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    can_apply = request.user.memberships.filter(
        organisation__kind=OrganisationKind.PROVIDER
    ).exists()
    return render(
        request,
        "standards/accreditation_list.html",
        {
            "form": filters.form,
            "page": page,
            "filtered": filters.asked,
            "can_apply": can_apply,
            "can_export": bool(
                organisations_with_perm(
                    request.user,
                    "standards.export_accreditations",
                    kind=OrganisationKind.STANDARDS_BODY,
                )
            ),
        },
    )


@login_required
@acts_for("standards.apply_accreditation", kind=OrganisationKind.PROVIDER, refuse=Http404)
@require_http_methods(["GET", "POST"])
def accreditation_apply(request):
    provider = request.acting_organisation
    framework = current_framework_or_404(ACCREDITED_FRAMEWORK)
    form = ApplyForm(posted(request) if not changing_answers(request) else None)
    if changing_answers(request):
        form = ApplyForm(initial=request.POST)
    elif request.method == "POST" and not confirmed(request) and form.is_valid():
        data = form.cleaned_data
        return confirm_page(
            request,
            title="Check your answers before applying",
            caption=provider.name,
            confirm="Apply and raise the invoice",
            cancel_url=reverse("standards:accreditations"),
            can_change=True,
            rows=[
                {"key": "Provider", "value": provider.name},
                {"key": "Standards body", "value": data["standards_body"].name},
                {"key": "Corporate member", "value": "Yes" if data["corporate_member"] else "No"},
                {"key": "Framework", "value": f"{framework.name} ({framework.edition})"},
            ],
            notes=[
                "An invoice for the fee is raised at once; the assessment can be submitted "
                "once it is paid."
            ],
        )

    def write(data):
        accreditation = services.accreditation_apply(
            acting_user=request.user,
            provider=provider,
            standards_body=data["standards_body"],
            corporate_member=data["corporate_member"],
        )
        messages.success(request, "Application made: the invoice for the fee is below.")
        return redirect("standards:accreditation", accreditation.pk)

    if confirmed(request):
        response = form_submit(request, form, write)
        if response is not None:
            return response
    return render(
        request,
        "standards/accreditation_apply.html",
        {"form": form, "provider": provider, "framework": framework},
    )


def _history(accreditation):
    return list(history_for_object(accreditation).select_related("actor")[:50])


@login_required
@require_http_methods(["GET"])
def accreditation_detail(request, pk: int):
    accreditation = accreditation_or_404(request.user, pk)
    assessments = list(accreditation.assessments.select_related("invoice").order_by("-started_on"))
    user = request.user
    return render(
        request,
        "standards/accreditation_detail.html",
        {
            "may_show_logo": holder_certificate(accreditation, as_of=timezone.localdate()),
            "accreditation": accreditation,
            "assessments": assessments,
            "current": assessment_current(accreditation),
            "history": _history(accreditation),
            "is_staff": user.has_perm("standards.record_fee_payment", accreditation),
            "can_answer": user.has_perm("standards.answer_assessment", accreditation),
            "can_renew": accreditation.state == AccreditationState.REGISTERED
            and not accreditation.assessments.filter(closed=False).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def accreditation_payment(request, pk: int):
    accreditation = accreditation_or_404(request.user, pk)
    if not request.user.has_perm("standards.record_fee_payment", accreditation):
        raise Http404("No such accreditation")
    assessment = (
        accreditation.assessments.filter(invoice__isnull=False, invoice__paid_on__isnull=True)
        .select_related("invoice")
        .first()
    )
    if assessment is None:
        raise Http404("No unpaid invoice")
    back = reverse("standards:accreditation", args=[accreditation.pk])
    form = AssessmentPaymentForm(posted(request), initial={"version": assessment.version})
    return change_page(
        request,
        form=form,
        apply=lambda data: services.assessment_fee_record_payment(
            acting_user=request.user,
            assessment=assessment,
            paid_on=data["paid_on"],
            reference=data["reference"],
            expected_version=data["version"],
        ),
        done=f"Payment of invoice {assessment.invoice.number} recorded.",
        success_url=back,
        template="standards/accreditation_payment.html",
        context={"accreditation": accreditation, "invoice": assessment.invoice, "back": back},
        stale=lambda exc: stale_page(
            request,
            error=exc,
            form=form,
            current={"version": exc.current.version},
            title=f"Record the payment of invoice {assessment.invoice.number}",
            cancel_url=back,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def accreditation_renew(request, pk: int):
    accreditation = accreditation_or_404(request.user, pk)
    if not request.user.has_perm("standards.answer_assessment", accreditation):
        raise Http404("No such accreditation")
    back = reverse("standards:accreditation", args=[accreditation.pk])
    if not confirmed(request):
        return confirm_page(
            request,
            title="Start the renewal",
            caption=str(accreditation),
            confirm="Start the renewal",
            cancel_url=back,
            fields={"version": accreditation.version},
            rows=[
                {"key": "Registered until", "value": f"{accreditation.registered_until:%d %B %Y}"}
            ],
            notes=[
                "Last year's answers are carried over: re-confirm or change each one, then "
                "submit. An invoice for the next year's fee is raised at once."
            ],
        )

    def write():
        assessment = services.accreditation_renewal_start(
            acting_user=request.user,
            accreditation=accreditation,
            expected_version=int(request.POST.get("version") or 0) or None,
        )
        messages.success(request, "Renewal started from last year's answers.")
        return redirect("standards:assessment", assessment.pk)

    try:
        return submit_once(request, write)
    except (ValidationError, StaleVersion) as exc:  # a refusal: shown on its page
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect(back)
