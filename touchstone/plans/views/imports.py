"""Importing a plan from a file: upload, preview (nothing written), confirm."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from touchstone.core.selectors import organisations_with_perm
from touchstone.core.services import pending_import_hold, pending_import_take
from touchstone.core.web import acts_for
from touchstone.core.writes import submit_once
from touchstone.plans import rules
from touchstone.plans.forms import PlanImportForm
from touchstone.plans.imports import (
    TEMPLATE_FILENAME,
    ImportRejected,
    import_template_csv,
    period_in_words,
    plan_import,
    preview_plan_file,
)
from touchstone.plans.selectors import plans_for_user

SESSION_IMPORT = "plans_import_upload"  # the id of the held upload (core's PendingImport)
PENDING_KIND = "plans.plan"
PERIOD = ("starts_on", "ends_on")  # the plan's period, asked for with the date input


@login_required
@acts_for("plans.add_plan", message="You cannot import plans.")
def plan_import_view(request):
    """Upload → preview (nothing written) → confirm (the same bytes, checked again, imported).
    The form offers the organisations where the user may add plans, the acting one first
    chosen."""
    organisations = list(organisations_with_perm(request.user, "plans.add_plan"))
    if request.method == "POST" and "confirm" in request.POST:
        return _import_confirm(request, organisations)
    posted = request.method == "POST"
    form = PlanImportForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        organisations=organisations,
        initial={"organisation": str(request.acting_organisation.pk)},
    )
    if posted:
        request.session.pop(SESSION_IMPORT, None)  # a new upload replaces any earlier one
    if posted and form.is_valid():
        name, organisation = form.cleaned_data["name"], form.cleaned_data["organisation"]
        if plans_for_user(request.user).filter(organisation=organisation, title=name).exists():
            form.add_error("name", f"{organisation.name} already has a plan called “{name}”")
        else:
            upload = form.cleaned_data["file"]
            preview = preview_plan_file(filename=upload.name, data=upload.file, size=upload.size)
            if preview.ok:
                pending = pending_import_hold(
                    acting_user=request.user,
                    kind=PENDING_KIND,
                    organisation=organisation,
                    filename=upload.name,
                    data=_read_all(upload),
                    options={
                        "name": name,
                        "kind": form.cleaned_data["kind"],
                        **_period_options(form.cleaned_data),
                    },
                )
                request.session[SESSION_IMPORT] = str(pending.pk)
            return _render_preview(
                request,
                preview=preview,
                errors=preview.errors,
                name=name,
                kind=form.cleaned_data["kind"],
                organisation=organisation,
                filename=upload.name,
                period=period_in_words(
                    form.cleaned_data.get("starts_on"), form.cleaned_data.get("ends_on")
                ),
            )
    return render(request, "plans/import.html", {"form": form})


def _period_options(data) -> dict:
    """The period's dates as the held upload keeps them (ISO text, or absent)."""
    return {key: data[key].isoformat() for key in PERIOD if data.get(key)}


def _period_dates(options) -> dict:
    return {key: date.fromisoformat(options[key]) for key in PERIOD if key in options}


@login_required
@acts_for("plans.add_plan", message="You cannot import plans.")
def plan_import_template(request):
    """The template file: a CSV with exactly the import's columns and an example row."""
    response = HttpResponse(import_template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_FILENAME}"'
    return response


def _read_all(upload) -> bytes:
    upload.seek(0)
    return upload.read()


def _render_preview(request, *, preview, errors, name, kind, organisation, filename, period=""):
    rows = [
        {"row": row, "status": rules.STATUS_LABELS.get(row.status or "", "")}
        for row in (preview.rows if preview else [])
    ]
    return render(
        request,
        "plans/import_preview.html",
        {
            "preview": preview,
            "rows": rows,
            "errors": errors,
            "name": name,
            "kind": dict(PlanImportForm.base_fields["kind"].choices).get(kind, kind),
            "organisation": organisation,
            "filename": filename,
            "period": period,
        },
    )


def _import_confirm(request, organisations):
    """Import the upload the preview showed, once however often the confirmation is sent."""
    try:
        return submit_once(request, lambda: _import_pending(request, organisations))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("plans:import")


def _import_pending(request, organisations):
    pending = pending_import_take(
        acting_user=request.user, kind=PENDING_KIND, pk=request.session.pop(SESSION_IMPORT, None)
    )
    organisation = next(
        (o for o in organisations if pending and o.pk == pending.organisation_id), None
    )
    if pending is None or organisation is None:
        messages.error(request, "There is no upload to import: choose the file again.")
        return redirect("plans:import")
    name, kind = pending.options["name"], pending.options["kind"]
    period = _period_dates(pending.options)
    try:
        result = plan_import(
            acting_user=request.user,
            organisation=organisation,
            name=name,
            filename=pending.filename,
            data=pending.data,
            kind=kind,
            **period,
        )
    except ImportRejected as exc:
        return _render_preview(
            request,
            preview=None,
            errors=exc.errors,
            name=name,
            kind=kind,
            organisation=organisation,
            filename=pending.filename,
            period=period_in_words(period.get("starts_on"), period.get("ends_on")),
        )
    count = result.actions if isinstance(result.actions, int) else len(result.actions)
    messages.success(
        request, f"Imported “{result.plan.title}”: {count} action{'s' * (count != 1)}."
    )
    return redirect("plans:detail", pk=result.plan.pk)
