"""Staff pages: officers search the whole register (private fields included) and change it
through the services. Each change has its own page (one thing per page)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from touchstone.core.models import OrganisationKind
from touchstone.core.tabular import csv_lines, download
from touchstone.core.web import acts_for, change_page, posted
from touchstone.core.writes import stale_page
from touchstone.register import rules, services
from touchstone.register.exports import registrants_export_rows
from touchstone.register.filters import StaffRegisterFilters
from touchstone.register.forms import (
    FindingForm,
    FindingPublicationForm,
    RegistrantForm,
    RightEndForm,
    RightGrantForm,
)
from touchstone.register.imports import REGISTRANT_COLUMNS
from touchstone.register.models import Finding, PracticeRight, Registrant
from touchstone.register.selectors import (
    finding_for_staff,
    officer_organisations,
    registrant_for_staff,
    right_for_staff,
    staff_search,
)


def for_the_register(message: str = "The staff register is for the regulator's officers."):
    """A staff page that acts for one regulator (`request.acting_organisation`): the active
    organisation if the user keeps its register, else the first regulator whose register
    they keep; invisible (404) to everyone else."""
    return acts_for(
        "register.view_registrant",
        kind=OrganisationKind.REGULATOR,
        refuse=Http404,
        message=message,
    )


def _registrant_or_404(user, pk: int) -> Registrant:
    try:
        return registrant_for_staff(user, pk=pk)
    except Registrant.DoesNotExist as exc:
        raise Http404("No such registrant.") from exc


@login_required
@for_the_register()
def staff_search_view(request):
    filters = StaffRegisterFilters(request.GET or {"q": ""}, request=request).for_page()
    rows = filters.qs if filters.is_valid() else staff_search(request.user).none()
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    registers = list(officer_organisations(request.user))
    return render(
        request,
        "register/staff_search.html",
        {"form": filters.form, "page": page, "registers": registers},
    )


@login_required
@for_the_register()
def staff_export(request):
    """The acting regulator's whole register as CSV in the import's columns, private fields
    included."""
    today = timezone.localdate()
    rows = registrants_export_rows(
        acting_user=request.user, regulator=request.acting_organisation, as_of=today
    )
    return download(
        csv_lines(REGISTRANT_COLUMNS, rows), fmt="csv", filename=f"register-{today.isoformat()}.csv"
    )


@login_required
def staff_detail(request, pk: int):
    registrant = _registrant_or_404(request.user, pk)
    today = timezone.localdate()
    findings = [
        (
            finding,
            rules.finding_publication(
                publish=finding.publish,
                publish_from=finding.publish_from,
                publish_until=finding.publish_until,
                as_of=today,
            ),
        )
        for finding in registrant.findings.all()
    ]
    return render(
        request, "register/staff_detail.html", {"registrant": registrant, "findings": findings}
    )


def _change_page(
    request, *, registrant, form, title, submit, apply, done, current_initial=None, lead=""
):
    """A change page about one registrant, going back to the registrant when done. An edit
    of a record changed since the page was opened gets the changed-record page, showing the
    form's values for the record as it is now (`current_initial`)."""

    def stale(exc):
        return stale_page(
            request,
            error=exc,
            form=form,
            current=current_initial(exc.current),
            title=f"{title}: {registrant.name}",
            cancel_url=request.path,
            submit=submit,
        )

    return change_page(
        request,
        form=form,
        apply=apply,
        done=done,
        success_url=reverse("register:staff-detail", args=[registrant.pk]),
        template="register/staff_change.html",
        context={"registrant": registrant, "title": title, "submit": submit, "lead": lead},
        stale=stale if current_initial else None,
    )


def _registrant_initial(registrant: Registrant) -> dict:
    initial = {name: getattr(registrant, name) for name in RegistrantForm.base_fields}
    initial["category"] = registrant.category.code if registrant.category else ""
    return initial


@login_required
def staff_edit(request, pk: int):
    registrant = _registrant_or_404(request.user, pk)
    initial = _registrant_initial(registrant)
    form = RegistrantForm(posted(request), initial=initial)

    def apply(data):
        fields = {k: v for k, v in data.items() if k not in ("category", "version")}
        changes = {k: v for k, v in fields.items() if v != initial.get(k)}
        if data["category"] != registrant.category:
            changes["category"] = data["category"]
        services.registrant_update(
            acting_user=request.user,
            registrant=registrant,
            expected_version=data["version"],
            **changes,
        )

    return _change_page(
        request,
        registrant=registrant,
        form=form,
        title="Change details",
        submit="Save details",
        apply=apply,
        done="Details saved.",
        current_initial=_registrant_initial,
    )


@login_required
def staff_right_grant(request, pk: int):
    registrant = _registrant_or_404(request.user, pk)
    form = RightGrantForm(posted(request))
    return _change_page(
        request,
        registrant=registrant,
        form=form,
        title="Grant a practice right",
        submit="Grant right",
        apply=lambda data: services.right_grant(
            acting_user=request.user, registrant=registrant, **data
        ),
        done="Right granted.",
    )


@login_required
def staff_right_end(request, pk: int):
    try:
        right = right_for_staff(request.user, pk=pk)
    except PracticeRight.DoesNotExist as exc:
        raise Http404("No such right.") from exc
    form = RightEndForm(posted(request))
    return _change_page(
        request,
        registrant=right.registrant,
        form=form,
        title=f"End {right.right_type.name}",
        submit="End right",
        apply=lambda data: services.right_end(
            acting_user=request.user, right=right, ended_on=data["ended_on"]
        ),
        done="Right ended.",
    )


@login_required
def staff_finding_add(request, pk: int):
    registrant = _registrant_or_404(request.user, pk)
    form = FindingForm(posted(request))
    return _change_page(
        request,
        registrant=registrant,
        form=form,
        title="Record a finding",
        submit="Record finding",
        apply=lambda data: services.finding_record(
            acting_user=request.user, registrant=registrant, **data
        ),
        done="Finding recorded.",
    )


@login_required
def staff_finding_publication(request, pk: int):
    try:
        finding = finding_for_staff(request.user, pk=pk)
    except Finding.DoesNotExist as exc:
        raise Http404("No such finding.") from exc
    form = FindingPublicationForm(posted(request), initial=_publication_initial(finding))
    return _change_page(
        request,
        registrant=finding.registrant,
        form=form,
        title="Change publication of a finding",
        submit="Save publication",
        apply=lambda data: services.finding_publication_change(
            acting_user=request.user,
            finding=finding,
            publish=data["publish"],
            publish_from=data["publish_from"],
            publish_until=data["publish_until"],
            expected_version=data["version"],
        ),
        done="Publication saved.",
        current_initial=_publication_initial,
    )


def _publication_initial(finding: Finding) -> dict:
    return {
        "publish": finding.publish,
        "publish_from": finding.publish_from,
        "publish_until": finding.publish_until,
        "version": finding.version,
    }
