"""A member's own CPD: the years, an activity added, changed or removed on its own page until
the year is submitted, and the year checked (GOV.UK check your answers) before it is
submitted, since a submitted year cannot change."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from touchstone.core.dates import date_in_words
from touchstone.core.services import StaleVersion
from touchstone.core.web import change_page, confirm_page, confirmed, posted
from touchstone.core.writes import earlier_submission, stale_page, submit_once
from touchstone.register import rules, services
from touchstone.register.forms import CpdActivityChangeForm, CpdActivityForm
from touchstone.register.models import CpdActivity
from touchstone.register.selectors import (
    cpd_activity_for_member,
    cpd_year,
    cpd_years,
    registrant_for_member,
)

YEARS_SHOWN = 3
NOT_LINKED = "register/my_cpd.html"  # says the account is not linked, with nothing to do


@login_required
@require_safe
def my_cpd(request):
    """The signed-in member's CPD: this year and the previous two."""
    registrant = registrant_for_member(request.user)
    if registrant is None:
        return render(request, NOT_LINKED, {"registrant": None})
    today = timezone.localdate()
    years = [cpd_year(registrant, today.year - n) for n in range(YEARS_SHOWN)]
    return render(
        request, "register/my_cpd.html", {"registrant": registrant, "years": years, "today": today}
    )


def _activity_page(request, form, *, title, submit, apply, done, stale=None):
    """An activity's own page (add or change): the error summary at its top, back to the
    record when saved."""
    return change_page(
        request,
        form=form,
        apply=apply,
        done=done,
        success_url=reverse("register:my-cpd"),
        template="register/my_cpd_activity.html",
        context={"title": title, "submit": submit},
        stale=stale,
    )


@login_required
def my_cpd_add(request):
    registrant = registrant_for_member(request.user)
    if registrant is None:
        return render(request, NOT_LINKED, {"registrant": None})

    def add(data):
        services.cpd_activity_add(acting_user=request.user, registrant=registrant, **data)

    form = CpdActivityForm(posted(request))
    return _activity_page(
        request,
        form,
        title="Add an activity",
        submit="Add activity",
        apply=add,
        done="Activity added to your CPD record.",
    )


def _own_changeable(request, pk: int) -> CpdActivity:
    """The member's own activity of a year not yet submitted: another's is not found (404), a
    submitted year's cannot change (403)."""
    try:
        activity = cpd_activity_for_member(request.user, pk=pk)
    except CpdActivity.DoesNotExist as exc:
        raise Http404("No such activity in your CPD record.") from exc
    if activity.record.submitted_on:
        raise PermissionDenied(
            f"Your {activity.record.year} record is submitted; it cannot change."
        )
    return activity


def _activity_initial(activity: CpdActivity) -> dict:
    initial = {name: getattr(activity, name) for name in CpdActivityForm.base_fields}
    return {**initial, "version": activity.version}


@login_required
def my_cpd_change(request, pk: int):
    activity = _own_changeable(request, pk)
    form = CpdActivityChangeForm(posted(request), initial=_activity_initial(activity))

    def change(data):
        changes = {k: v for k, v in data.items() if k != "version"}
        services.cpd_activity_update(
            acting_user=request.user,
            activity=activity,
            expected_version=data["version"],
            **changes,
        )

    def stale(exc):
        return stale_page(
            request,
            error=exc,
            form=form,
            current=_activity_initial(exc.current),
            title="Change an activity",
            cancel_url=reverse("register:my-cpd"),
            submit="Save activity",
        )

    return _activity_page(
        request,
        form,
        title="Change an activity",
        submit="Save activity",
        apply=change,
        done="Activity changed.",
        stale=stale,
    )


@login_required
def my_cpd_remove(request, pk: int):
    if request.method == "POST" and (earlier := earlier_submission(request)) is not None:
        return earlier  # a second click: the activity is gone, the first went to the record
    activity = _own_changeable(request, pk)
    if confirmed(request):
        version = request.POST.get("version", "")

        def remove():
            services.cpd_activity_remove(
                acting_user=request.user,
                activity=activity,
                # an unreadable version is an old one: refused as stale
                expected_version=int(version) if version.isascii() and version.isdigit() else 0,
            )
            messages.success(request, "Activity removed from your CPD record.")
            return redirect("register:my-cpd")

        try:
            return submit_once(request, remove)
        except (ValidationError, StaleVersion) as exc:
            text = (
                "This activity changed since you opened the page. Check it and remove it again."
                if isinstance(exc, StaleVersion)
                else " ".join(exc.messages)
            )
            messages.error(request, text)
            return redirect("register:my-cpd")
    return confirm_page(
        request,
        title="Remove this activity?",
        caption=f"Your {activity.record.year} CPD record",
        rows=activity_rows([activity], change=False),
        warning=f"This removes the activity and its {hours(activity.hours)} from your "
        f"{activity.record.year} record.",
        confirm="Remove activity",
        button_class="govuk-button--warning",
        fields={"version": activity.version},
        cancel_url=reverse("register:my-cpd"),
    )


def activity_rows(activities, *, change: bool = True) -> list[dict]:
    """The summary-list rows of activities: date, then type, what was done and hours."""
    return [
        {
            "key": date_in_words(a.done_on),
            "value": f"{a.activity_type}: {a.description}\n{hours(a.hours)}",
            "href": reverse("register:my-cpd-change", args=[a.pk]) if change else "",
            "action": "Change",
        }
        for a in activities
    ]


def hours(value) -> str:
    """1.5 hours, 1 hour, 12 hours."""
    number = f"{value.normalize():f}"
    return f"{number} hour{'' if value == 1 else 's'}"


def _check_page(request, year, *, errors=()):
    """Check your answers for a year: every activity (each with Change), the total against the
    scheme, the deadline, and always that a submitted year cannot change."""
    minimum = year.scheme.minimum_hours
    total = f"{hours(year.hours)} of {f'{minimum.normalize():f}'} required"
    if year.scheme.required_types:
        total += f"; required: {', '.join(year.scheme.required_types)}"
    rows = activity_rows(year.activities) or [{"key": "Activities", "value": "None recorded"}]
    shortfall = year.status_if_submitted == "shortfall"
    warning = "A submitted record cannot change: check your activities before you submit."
    if shortfall:
        warning = f"If you submit now, {year.year} will be recorded as a shortfall. " + warning
    return confirm_page(
        request,
        title=f"Check your {year.year} CPD record before you submit it",
        rows=[
            *rows,
            {"key": "Total", "value": total},
            {"key": "If you submit now", "value": year.status_label_if_submitted},
        ],
        notes=[_deadline_words(year.deadline)],
        warning=warning,
        confirm=f"Submit my {year.year} record",
        fields={},
        errors=errors,
        cancel_url=reverse("register:my-cpd"),
    )


def _deadline_words(deadline) -> str:
    if deadline < timezone.localdate():
        return f"The deadline was {date_in_words(deadline)}; submit it as soon as you can."
    return f"Submit by {date_in_words(deadline)}."


@login_required
def my_cpd_submit(request, year: int):
    """GET: check your answers; POST (from that page): submit the year."""
    registrant = registrant_for_member(request.user)
    if registrant is None:
        raise Http404("No CPD record to submit.")
    in_scheme = rules.cpd_year_problem(year, cpd_years()) is None
    if request.method == "POST":

        def submit():
            services.cpd_submit(acting_user=request.user, registrant=registrant, year=year)
            messages.success(request, f"Your {year} CPD record is submitted.")
            return redirect("register:my-cpd")

        try:
            return submit_once(request, submit)
        except ValidationError as exc:
            if not in_scheme:  # no year of the scheme to show again
                messages.error(request, " ".join(exc.messages))
                return redirect("register:my-cpd")
            shown = cpd_year(registrant, year)
            return _check_page(request, shown, errors=[{"text": m} for m in exc.messages])
    if not in_scheme:
        raise Http404("No CPD year to submit.")
    shown = cpd_year(registrant, year)
    if shown.submitted:
        messages.info(request, f"Your {year} record is already submitted.")
        return redirect("register:my-cpd")
    return _check_page(request, shown)
