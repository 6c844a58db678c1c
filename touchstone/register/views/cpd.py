"""CPD pages: a member keeps their own record; officers draw and review monitoring samples
and schedule the year-end reminders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone

from touchstone.core.web import posted
from touchstone.core.writes import form_submit, submit_once
from touchstone.register import services
from touchstone.register.forms import CpdActivityForm, CpdSampleForm
from touchstone.register.selectors import (
    cpd_sample_statuses,
    cpd_samples_for_staff,
    cpd_year,
    registrant_for_member,
)
from touchstone.register.views.staff import for_the_register

YEARS_SHOWN = 3


@login_required
def my_cpd(request):
    """The signed-in member's CPD: this year and the previous two, with a form to add."""
    registrant = registrant_for_member(request.user)
    if registrant is None:
        return render(request, "register/my_cpd.html", {"registrant": None})
    form = CpdActivityForm(posted(request))

    def add(data):
        services.cpd_activity_add(acting_user=request.user, registrant=registrant, **data)
        messages.success(request, "Activity added to your CPD record.")
        return redirect("register:my-cpd")

    response = form_submit(request, form, add)
    if response is not None:
        return response
    this_year = timezone.localdate().year
    years = [cpd_year(registrant, this_year - n) for n in range(YEARS_SHOWN)]
    return render(
        request, "register/my_cpd.html", {"registrant": registrant, "years": years, "form": form}
    )


@login_required
def my_cpd_submit(request, year: int):
    registrant = registrant_for_member(request.user)
    if registrant is None or request.method != "POST":
        raise Http404("No CPD record to submit.")

    def submit():
        services.cpd_submit(acting_user=request.user, registrant=registrant, year=year)
        messages.success(request, f"Your {year} CPD record is submitted.")
        return redirect("register:my-cpd")

    try:
        return submit_once(request, submit)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("register:my-cpd")


@login_required
@for_the_register("CPD monitoring is for the regulator's officers.")
def staff_cpd(request):
    """Monitoring for the acting regulator: draw the year's sample (seed logged) and schedule
    reminders."""
    regulator = request.acting_organisation
    form = CpdSampleForm(posted(request))
    if request.method == "POST" and request.POST.get("action") == "reminders":
        year = timezone.localdate().year

        def schedule():
            count = services.cpd_reminders_schedule(
                acting_user=request.user, regulator=regulator, year=year
            )
            messages.success(
                request,
                f"Reminders scheduled for {count} member{pluralize(count)} for {year}.",
            )
            return redirect("register:staff-cpd")

        try:
            return submit_once(request, schedule)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("register:staff-cpd")

    def draw(data):
        sample = services.cpd_sample_draw(acting_user=request.user, regulator=regulator, **data)
        messages.success(request, f"Sample drawn with seed {sample.seed}.")
        return redirect("register:staff-cpd-sample", pk=sample.pk)

    response = form_submit(request, form, draw)
    if response is not None:
        return response
    return render(
        request,
        "register/staff_cpd.html",
        {
            "form": form,
            "regulator": regulator,
            "samples": cpd_samples_for_staff(request.user, regulator=regulator)[:20],
        },
    )


@login_required
def staff_cpd_sample(request, pk: int):
    sample = cpd_samples_for_staff(request.user).filter(pk=pk).first()
    if sample is None:
        raise Http404("No such sample.")
    return render(
        request,
        "register/staff_cpd_sample.html",
        {"sample": sample, "rows": cpd_sample_statuses(sample)},
    )
