"""The applicant's pages: starting an application and step 2, qualifying experience (their
periods of work and study, the check as it stands after every change, and submitting)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from touchstone.core.dates import date_in_words
from touchstone.core.selectors import invoices_for
from touchstone.core.services import StaleVersion
from touchstone.core.web import change_page, confirm_page, confirmed, posted
from touchstone.core.writes import submit_once
from touchstone.rights import rules, services
from touchstone.rights.forms import PeriodChangeForm, PeriodForm
from touchstone.rights.models import ExperiencePeriod
from touchstone.rights.rules import MalformedInput
from touchstone.rights.selectors import (
    UnknownScheme,
    application_for,
    applications_of,
    experience_check,
    experience_input,
    given_reference,
    granting_regulators,
    knowledge_missing_for,
    letters_of,
    open_reference,
    portfolio_check,
    qe_check_for,
    qualification_name,
    references_of,
    scheme_today,
)

CHANGED_ELSEWHERE = (
    "Your application changed in another window since you opened that page: "
    "check the periods below and make your change again."
)


def _application_or_404(user, pk: int):
    application = application_for(user, pk)
    if application is None or application.applicant_id != user.pk:
        raise Http404("No such application")
    return application


@login_required
@require_http_methods(["GET", "POST"])
def apply(request, scheme: str):
    try:
        current = scheme_today(scheme)
    except UnknownScheme as exc:
        raise Http404("No such scheme") from exc
    regulators = list(granting_regulators())
    existing = (
        applications_of(request.user)
        .filter(scheme=scheme)
        .exclude(application_state="refused")
        .first()
    )
    if existing is not None:
        return redirect("rights:application", existing.pk)
    chosen = next((r for r in regulators if request.POST.get("regulator") == r.slug), None)
    if len(regulators) == 1:
        chosen = regulators[0]
    if request.method == "POST" and chosen is not None:
        return submit_once(
            request,
            lambda: redirect(
                "rights:application",
                services.application_start(
                    acting_user=request.user, regulator=chosen, scheme=scheme
                ).pk,
            ),
        )
    error = request.method == "POST" and chosen is None and bool(regulators)
    return render(
        request,
        "rights/apply.html",
        {"scheme": current, "regulators": regulators, "error": error},
        status=400 if error else 200,
    )


def knowledge_summary(found) -> dict:
    """Step 1 as the pages show it: its state in words, the evidence, what is missing."""
    return {
        "knowledge_state": rules.KNOWLEDGE_STATES[found.knowledge_state],
        "route_words": rules.ROUTES.get(found.knowledge_route, ""),
        "qualification_name": qualification_name(found) if found.knowledge_qualification else "",
        "document": found.knowledge_document,
        "missing": knowledge_missing_for(found),
    }


@login_required
def application(request, pk: int):
    found = _application_or_404(request.user, pk)
    return render(
        request,
        "rights/application.html",
        {
            "application": found,
            "scheme": scheme_today(found.scheme),
            "experience_state": rules.EXPERIENCE_STATES[found.experience_state],
            "application_state": rules.APPLICATION_STATES[found.application_state],
            "portfolio": portfolio_check(found, as_of=timezone.localdate()),
            **knowledge_summary(found),
        },
    )


def period_rows(found, scheme) -> list[dict]:
    """Each period with its kind and tasks in the scheme's words, for the tables."""
    kinds = {"work": "Work", **{code: name for code, name, *_ in scheme.courses}}
    tasks = dict(scheme.qualifying_tasks)
    return [
        {
            "period": period,
            "kind": kinds.get(period.kind, period.kind),
            "tasks": "; ".join(tasks.get(t, t) for t in period.tasks),
        }
        for period in found.periods.all()
    ]


def _experience_context(found) -> dict:
    as_of = found.experience_submitted_on or timezone.localdate()
    scheme = scheme_today(found.scheme)
    return {
        "application": found,
        "scheme": scheme,
        "periods": period_rows(found, scheme),
        "check": experience_check(found, as_of=as_of),
        "as_of": as_of,
        "references": references_of(found),
        "letters": letters_of(found, step="experience"),
        "waiting": open_reference(found),
        "reference_given": given_reference(found) is not None,
        "invoices": list(invoices_for(found)),
        "editable": found.experience_state in rules.EDITABLE,
        "state": rules.EXPERIENCE_STATES[found.experience_state],
        "can_reopen": any(
            m.action == "reopen"
            for m in rules.experience_moves(found.experience_state, "applicant")
        ),
    }


@login_required
def experience(request, pk: int):
    found = _application_or_404(request.user, pk)
    context = _experience_context(found)
    if request.htmx and request.GET.get("part") == "check":
        return render(request, "rights/_experience_check.html", context)
    return render(request, "rights/experience.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def period_add(request, pk: int):
    found = _application_or_404(request.user, pk)
    form = PeriodForm(posted(request), scheme=scheme_today(found.scheme))
    back = reverse("rights:experience", args=[found.pk])
    return change_page(
        request,
        form=form,
        apply=lambda data: services.experience_period_add(
            acting_user=request.user, application=found, **form.service_fields()
        ),
        done="Period added. The check below includes it.",
        success_url=back,
        template="rights/period_form.html",
        context={
            "application": found,
            "title": "Add a period",
            "back": back,
            "preview_url": reverse("rights:period-preview", args=[found.pk]),
            **_form_check(found),
        },
    )


@login_required
@require_http_methods(["POST"])
def period_preview(request, pk: int, period_pk: int | None = None):
    """The check as it would be with the period on the form saved (added, or in place of the
    one being changed): the form page asks for it as the applicant types. Writes nothing."""
    found = _application_or_404(request.user, pk)
    scheme = scheme_today(found.scheme)
    form = PeriodForm(request.POST, scheme=scheme)
    as_of = timezone.localdate()
    data = experience_input(found, as_of=as_of)
    if period_pk is not None:
        _period_or_404(found, period_pk)
        kept = [p.pk for p in found.periods.all()]
        data["periods"] = [
            period for pk_, period in zip(kept, data["periods"], strict=True) if pk_ != period_pk
        ]
    complete = form.is_valid()
    if complete:
        period = ExperiencePeriod(application=found, **form.service_fields())
        data["periods"].append(period.as_check_input())
    try:
        check = qe_check_for(found.scheme, data)
    except MalformedInput:  # e.g. an end before the start: saving will say so by the field
        complete = False
        data["periods"].pop()
        check = qe_check_for(found.scheme, data)
    context = {
        "check": check,
        "as_of": as_of,
        "editable": True,
        "preview": True,
        "complete": complete,
    }
    return render(request, "rights/_experience_check.html", context)


def _period_or_404(found, period_pk: int) -> ExperiencePeriod:
    period = found.periods.filter(pk=period_pk).first()
    if period is None:
        raise Http404("No such period")
    return period


def _form_check(found) -> dict:
    """The check beside a period form, until the applicant's typing updates it."""
    as_of = timezone.localdate()
    return {"check": experience_check(found, as_of=as_of), "as_of": as_of, "editable": True}


def _initial(period: ExperiencePeriod, version: int) -> dict:
    return {
        "kind": period.kind,
        "start": period.start,
        "end": period.end,
        "employer": period.employer,
        "role": period.role,
        "hours": period.hours,
        "tasks": period.tasks,
        "passed": {True: "yes", False: "no"}.get(period.passed),
        "version": version,
    }


@login_required
@require_http_methods(["GET", "POST"])
def period_change(request, pk: int, period_pk: int):
    found = _application_or_404(request.user, pk)
    period = _period_or_404(found, period_pk)
    form = PeriodChangeForm(
        posted(request),
        scheme=scheme_today(found.scheme),
        initial=_initial(period, found.version),
    )
    back = reverse("rights:experience", args=[found.pk])
    return change_page(
        request,
        form=form,
        apply=lambda data: services.experience_period_update(
            acting_user=request.user,
            period=period,
            expected_version=data["version"],
            **form.service_fields(),
        ),
        done="Period changed.",
        success_url=back,
        template="rights/period_form.html",
        context={
            "application": found,
            "title": "Change a period",
            "back": back,
            "preview_url": reverse("rights:period-change-preview", args=[found.pk, period.pk]),
            **_form_check(found),
        },
        stale=lambda exc: _stale(request, found),
    )


def _stale(request, found):
    messages.warning(request, CHANGED_ELSEWHERE)
    return redirect("rights:experience", found.pk)


def _once(request, write, back: str):
    """`write` once for the form's token; a refusal (ValidationError) is shown on the page it
    came from, with nothing written."""
    try:
        return submit_once(request, write)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(back)
    except StaleVersion:
        messages.warning(request, CHANGED_ELSEWHERE)
        return redirect(back)


def _period_words(period: ExperiencePeriod, scheme) -> str:
    names = {"work": "Work", **{code: name for code, name, *_ in scheme.courses}}
    end = date_in_words(period.end) if period.end else "now"
    return f"{names.get(period.kind, period.kind)}, {date_in_words(period.start)} to {end}"


@login_required
@require_http_methods(["GET", "POST"])
def period_remove(request, pk: int, period_pk: int):
    found = _application_or_404(request.user, pk)
    period = _period_or_404(found, period_pk)
    back = reverse("rights:experience", args=[found.pk])
    if confirmed(request):

        def remove():
            services.experience_period_remove(acting_user=request.user, period=period)
            messages.success(request, "Period removed.")
            return redirect(back)

        return _once(request, remove, back)
    return confirm_page(
        request,
        title="Remove this period?",
        caption="Qualifying experience",
        rows=[{"key": "Period", "value": _period_words(period, scheme_today(found.scheme))}],
        warning="Its hours will no longer count towards your qualifying experience.",
        confirm="Remove the period",
        button_class="govuk-button--warning",
        cancel_url=back,
        fields={},
    )


def _version_sent(request) -> int | None:
    """The application's version the confirmation page carried (None if it carried none)."""
    sent = request.POST.get("version", "")
    return int(sent) if sent.isascii() and sent.isdigit() else None


SUBMITTED = "Submitted. We will write to you with the decision."


def submit_confirmed(request, found, submit, back: str, done: str = SUBMITTED):
    """The confirmation page's POST: a step's `submit` service, once, with the application's
    version the page carried; back to the step with a message (`done`) either way."""

    def write():
        submit(acting_user=request.user, application=found, expected_version=_version_sent(request))
        messages.success(request, done)
        return redirect(back)

    return _once(request, write, back)


@login_required
@require_http_methods(["GET", "POST"])
def experience_submit(request, pk: int):
    found = _application_or_404(request.user, pk)
    back = reverse("rights:experience", args=[found.pk])
    if confirmed(request):
        return submit_confirmed(request, found, services.experience_submit, back)
    check = experience_check(found, as_of=timezone.localdate())
    rows = [
        {"key": "Periods", "value": str(found.periods.count())},
        {
            "key": "Hours credited",
            "value": f"{rules.hours_text(check['credited_hours'])} of "
            f"{rules.hours_text(check['required_hours'])}",
        },
    ]
    if not check["meets_requirement"]:
        rows.append(
            {"key": "Short by", "value": f"{rules.hours_text(check['shortfall_hours'])} hours"}
        )
    return confirm_page(
        request,
        title="Submit your qualifying experience",
        caption="Qualifying experience",
        rows=rows,
        warning="Once submitted you cannot change your periods unless an officer decides "
        "they do not yet meet the requirement. An assessment fee is charged (handbook §21).",
        notes=[f"Checked against version {check['scheme_version']} of the scheme."],
        confirm="Submit for assessment",
        cancel_url=back,
        fields={"version": str(found.version)},
    )


@login_required
@require_http_methods(["POST"])
def experience_reopen(request, pk: int):
    found = _application_or_404(request.user, pk)

    def reopen():
        services.experience_reopen(acting_user=request.user, application=found)
        messages.success(request, "You can add and change periods again, then submit.")
        return redirect("rights:experience", found.pk)

    return _once(request, reopen, reverse("rights:experience", args=[found.pk]))
