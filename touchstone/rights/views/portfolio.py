"""Step 3, the portfolio (§29-57): the checklist of every example with the check as it stands,
one page per sheet with its evidence, the evidence's documents (downloaded only by the
applicant and the regulator's officers), the supervisors, and optional outcome 6.5. The
officer sees the same, read only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from touchstone.core.dates import date_in_words
from touchstone.core.services import job_start
from touchstone.core.web import change_page, confirm_page, confirmed, posted, upload_response
from touchstone.rights import rules, services
from touchstone.rights.forms import EvidenceForm, OptionalOutcomeForm, SheetForm, SupervisorForm
from touchstone.rights.models.portfolio import TEXT_READ
from touchstone.rights.selectors import (
    evidence_on,
    portfolio_check,
    portfolio_checklist,
    portfolio_scheme,
    portfolio_sheets,
)
from touchstone.rights.tasks import portfolio_compile
from touchstone.rights.views.applications import CHANGED_ELSEWHERE, _application_or_404, _once
from touchstone.rights.views.staff import _case_or_404

PERSONAL_DATA_WORDS = {
    "email": "Email address",
    "phone": "Phone number",
    "postcode": "Postcode",
    "home_office_reference": "Home Office reference",
    "passport_number": "Passport number",
    "date_of_birth": "Date of birth",
    "personal_name": "Personal name",
}


def portfolio_context(found) -> dict:
    """The portfolio as its pages show it: the check today, the checklist by competency, the
    supervisors, and each document's personal-data findings in words."""
    as_of = timezone.localdate()
    scheme = portfolio_scheme(found, as_of=as_of)
    sheets = portfolio_sheets(found)
    check = portfolio_check(found, as_of=as_of, sheets=sheets)
    flagged = [
        (sheet, evidence)
        for sheet in sheets
        for evidence in sheet.evidence.all()
        if evidence.findings or evidence.text_read != "read"
    ]
    return {
        "application": found,
        "scheme": scheme,
        "as_of": as_of,
        "check": check,
        "groups": portfolio_checklist(found, check, sheets, scheme),
        "supervisors": list(found.supervisors.all()),
        "flagged": flagged,
        "statement_limit": scheme.max_personal_statements,
    }


@login_required
def portfolio(request, pk: int):
    found = _application_or_404(request.user, pk)
    context = portfolio_context(found)
    context["optional_form"] = OptionalOutcomeForm(
        initial={"include": found.portfolio_include_optional, "version": found.version}
    )
    return render(request, "rights/portfolio.html", {**context, "editable": True})


def _sheet_or_none(found, example: str):
    return found.sheets.filter(example=example).prefetch_related("evidence__document").first()


def _outcome(scheme, example: str):
    """The outcome an example evidences, or 404 for one the scheme does not ask for."""
    normalised = rules.normalise_example(example, rules.per_outcome(scheme))
    if normalised is None or normalised != example:
        raise Http404("No such example")
    code = rules.outcome_of(example)
    for competency in scheme.competencies:
        for outcome in competency.outcomes:
            if outcome.code == code:
                return competency, outcome
    raise Http404("No such example")  # pragma: no cover (normalise_example knows the codes)


def _sheet_messages(check: dict, example: str) -> dict:
    return {
        "errors": [e["message"] for e in check["errors"] if e["ref"] == example],
        "warnings": [w["message"] for w in check["warnings"] if w["ref"] == example],
    }


def _findings_words(evidence) -> list[dict]:
    return [
        {**f, "words": PERSONAL_DATA_WORDS.get(f.get("kind"), f.get("kind"))}
        for f in evidence.findings
    ]


def evidence_rows(sheet) -> list[dict]:
    if sheet is None:
        return []
    return [
        {
            "evidence": evidence,
            "findings": _findings_words(evidence),
            "read": TEXT_READ.get(evidence.text_read, ""),
        }
        for evidence in sheet.evidence.all()
    ]


@login_required
@require_http_methods(["GET", "POST"])
def sheet(request, pk: int, example: str):
    found = _application_or_404(request.user, pk)
    as_of = timezone.localdate()
    scheme = portfolio_scheme(found, as_of=as_of)
    competency, outcome = _outcome(scheme, example)
    existing = _sheet_or_none(found, example)
    initial = {"version": found.version, "kind": "logbook"}
    if existing is not None:
        initial |= {name: getattr(existing, name) for name in services.SHEET_FIELDS}
    form = SheetForm(
        posted(request),
        initial=initial,
        supervisors=found.supervisors.values_list("name", flat=True),
    )
    here = reverse("rights:sheet", args=[found.pk, example])
    check = portfolio_check(found, as_of=as_of)
    return change_page(
        request,
        form=form,
        apply=lambda data: services.portfolio_sheet_save(
            acting_user=request.user,
            application=found,
            example=example,
            expected_version=data["version"],
            **form.service_fields(),
        ),
        done=f"Example {example} saved. The checklist includes it.",
        success_url=here,
        template="rights/sheet.html",
        context={
            "application": found,
            "example": example,
            "competency": competency,
            "outcome": outcome,
            "sheet": existing,
            "evidence": evidence_rows(existing),
            "editable": True,
            **_sheet_messages(check, example),
        },
        stale=lambda exc: _stale(request, here),
    )


def _stale(request, here: str):
    messages.warning(request, CHANGED_ELSEWHERE)
    return redirect(here)


def _saved_sheet_or_404(found, example: str):
    found_sheet = _sheet_or_none(found, example)
    if found_sheet is None:
        raise Http404("No such sheet")
    return found_sheet


@login_required
@require_http_methods(["GET", "POST"])
def sheet_remove(request, pk: int, example: str):
    found = _application_or_404(request.user, pk)
    removed = _saved_sheet_or_404(found, example)
    back = reverse("rights:portfolio", args=[found.pk])
    if confirmed(request):

        def remove():
            services.portfolio_sheet_remove(acting_user=request.user, sheet=removed)
            messages.success(request, f"Example {example} removed.")
            return redirect(back)

        return _once(request, remove, back)
    return confirm_page(
        request,
        title=f"Remove example {example}?",
        caption="Portfolio",
        rows=[
            {"key": "Sheet", "value": str(removed)},
            {"key": "Evidence", "value": str(removed.evidence.count())},
        ],
        warning="The sheet and its evidence will be removed from your portfolio.",
        confirm="Remove the sheet",
        button_class="govuk-button--warning",
        cancel_url=reverse("rights:sheet", args=[found.pk, example]),
        fields={},
    )


@login_required
@require_http_methods(["GET", "POST"])
def evidence_add(request, pk: int, example: str):
    found = _application_or_404(request.user, pk)
    on = _saved_sheet_or_404(found, example)
    scheme = portfolio_scheme(found, as_of=timezone.localdate())
    form = EvidenceForm(
        posted(request),
        request.FILES if request.method == "POST" else None,
        kinds=scheme.evidence_kinds,
    )
    back = reverse("rights:sheet", args=[found.pk, example])
    return change_page(
        request,
        form=form,
        apply=lambda data: services.portfolio_evidence_add(
            acting_user=request.user,
            sheet=on,
            description=data["description"],
            date=data["date"],
            kind=data["kind"],
            file=data["file"],
        ),
        done="Evidence added. Check below for personal data left in it.",
        success_url=back,
        template="rights/evidence_form.html",
        context={
            "application": found,
            "example": example,
            "back": back,
            "kinds": scheme.evidence_kinds,
        },
    )


def _evidence_or_404(found, example: str, evidence_pk: int):
    evidence = evidence_on(found, example, evidence_pk)
    if evidence is None:
        raise Http404("No such evidence")
    return evidence


@login_required
@require_http_methods(["GET", "POST"])
def evidence_remove(request, pk: int, example: str, evidence_pk: int):
    found = _application_or_404(request.user, pk)
    removed = _evidence_or_404(found, example, evidence_pk)
    back = reverse("rights:sheet", args=[found.pk, example])
    if confirmed(request):

        def remove():
            services.portfolio_evidence_remove(acting_user=request.user, evidence=removed)
            messages.success(request, "Evidence removed.")
            return redirect(back)

        return _once(request, remove, back)
    return confirm_page(
        request,
        title="Remove this evidence?",
        caption=f"Example {example}",
        rows=[
            {"key": "Document", "value": removed.description},
            {"key": "Dated", "value": date_in_words(removed.date)},
        ],
        warning="You can add a corrected copy afterwards.",
        confirm="Remove the evidence",
        button_class="govuk-button--warning",
        cancel_url=back,
        fields={},
    )


def _document(found, example: str, evidence_pk: int):
    return upload_response(_evidence_or_404(found, example, evidence_pk).document)


@login_required
def evidence_document(request, pk: int, example: str, evidence_pk: int):
    return _document(_application_or_404(request.user, pk), example, evidence_pk)


@login_required
def staff_evidence_document(request, pk: int, example: str, evidence_pk: int):
    return _document(_case_or_404(request.user, pk), example, evidence_pk)


@login_required
@require_http_methods(["GET", "POST"])
def supervisor_add(request, pk: int):
    found = _application_or_404(request.user, pk)
    form = SupervisorForm(posted(request))
    back = reverse("rights:portfolio", args=[found.pk])
    return change_page(
        request,
        form=form,
        apply=lambda data: services.portfolio_supervisor_add(
            acting_user=request.user,
            application=found,
            name=data["name"],
            authorised=data["authorised"],
            current=data["current"],
        ),
        done="Supervisor added: their name can be chosen on your sheets.",
        success_url=back,
        template="rights/supervisor_form.html",
        context={"application": found, "back": back},
    )


@login_required
@require_http_methods(["GET", "POST"])
def supervisor_remove(request, pk: int, supervisor_pk: int):
    found = _application_or_404(request.user, pk)
    removed = found.supervisors.filter(pk=supervisor_pk).first()
    if removed is None:
        raise Http404("No such supervisor")
    back = reverse("rights:portfolio", args=[found.pk])
    if confirmed(request):

        def remove():
            services.portfolio_supervisor_remove(acting_user=request.user, supervisor=removed)
            messages.success(request, f"{removed.name} removed from your supervisors.")
            return redirect(back)

        return _once(request, remove, back)
    named = found.sheets.filter(supervisor=removed.name).count()
    return confirm_page(
        request,
        title=f"Remove {removed.name}?",
        caption="Portfolio",
        rows=[{"key": "Sheets naming them", "value": str(named)}],
        warning="Sheets that name them will need another supervisor.",
        confirm="Remove the supervisor",
        button_class="govuk-button--warning",
        cancel_url=back,
        fields={},
    )


@login_required
@require_http_methods(["POST"])
def optional_set(request, pk: int):
    found = _application_or_404(request.user, pk)
    form = OptionalOutcomeForm(request.POST)
    back = reverse("rights:portfolio", args=[found.pk])

    def write():
        if not form.is_valid():
            for message in [m for errors in form.errors.values() for m in errors]:
                messages.error(request, message)
            return redirect(back)
        services.portfolio_optional_set(
            acting_user=request.user,
            application=found,
            include=form.cleaned_data["include"],
            expected_version=form.cleaned_data["version"],
        )
        words = "36 examples, with 6.5" if form.cleaned_data["include"] else "35 examples"
        messages.success(request, f"Your portfolio now asks for {words}.")
        return redirect(back)

    return _once(request, write, back)


def _compile(request, found, back: str):
    """Start compiling the portfolio as a background job, and show the job's page (its
    progress, then the download). One job however often the button is pressed."""

    def start():
        name = found.applicant.get_full_name() or found.applicant.get_username()
        job = job_start(
            acting_user=request.user,
            kind="rights.portfolio_compile",
            label=f"Portfolio of evidence: {name}",
            organisation=found.regulator,
            params={"application": found.pk},
            task=portfolio_compile,
        )
        return redirect("core:job", job_id=job.pk)

    return _once(request, start, back)


@login_required
@require_http_methods(["POST"])
def portfolio_compile_start(request, pk: int):
    found = _application_or_404(request.user, pk)
    return _compile(request, found, reverse("rights:portfolio", args=[found.pk]))


@login_required
@require_http_methods(["POST"])
def staff_portfolio_compile(request, pk: int):
    found = _case_or_404(request.user, pk)
    return _compile(request, found, reverse("rights:staff-portfolio", args=[found.pk]))


@login_required
def staff_portfolio(request, pk: int):
    found = _case_or_404(request.user, pk)
    return render(request, "rights/portfolio.html", {**portfolio_context(found), "editable": False})


@login_required
def staff_sheet(request, pk: int, example: str):
    found = _case_or_404(request.user, pk)
    scheme = portfolio_scheme(found, as_of=timezone.localdate())
    competency, outcome = _outcome(scheme, example)
    existing = _saved_sheet_or_404(found, example)
    check = portfolio_check(found, as_of=timezone.localdate())
    return render(
        request,
        "rights/sheet.html",
        {
            "application": found,
            "example": example,
            "competency": competency,
            "outcome": outcome,
            "sheet": existing,
            "evidence": evidence_rows(existing),
            "editable": False,
            **_sheet_messages(check, example),
        },
    )
