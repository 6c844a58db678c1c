"""CPD monitoring pages: officers draw and review monitoring samples and schedule the
year-end reminders (a member's own pages are in `my_cpd`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from touchstone.core.dates import date_in_words
from touchstone.core.web import changing_answers, confirm_page, confirmed, posted
from touchstone.core.writes import form_submit, submit_once
from touchstone.register import rules, services
from touchstone.register.forms import CpdSampleForm
from touchstone.register.selectors import (
    cpd_sample_statuses,
    cpd_samples_for_staff,
    cpd_years,
)
from touchstone.register.views.staff import for_the_register


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

    if changing_answers(request):
        form.full_clean()  # back from the confirmation page, answers kept
    elif request.method == "POST" and not confirmed(request) and form.is_valid():
        year = form.cleaned_data["year"]
        in_scheme = rules.cpd_year_problem(year, cpd_years()) is None  # else the service says
        if in_scheme and not rules.cpd_year_ended(year, as_of=timezone.localdate()):
            return _confirm_open_year(request, form.cleaned_data)
    response = None if changing_answers(request) else form_submit(request, form, draw)
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


def _confirm_open_year(request, data):
    """Drawing a sample of a year not yet over: said plainly, and drawn only once confirmed."""
    year, end = data["year"], rules.cpd_year_end(data["year"])
    return confirm_page(
        request,
        title=f"{year} has not ended yet",
        caption="CPD monitoring",
        rows=[
            {"key": "Year to sample", "value": str(year)},
            {"key": "Number of members", "value": str(data["size"])},
            {
                "key": "Seed",
                "value": "A fresh random seed" if data["seed"] is None else str(data["seed"]),
            },
        ],
        warning=f"Members can add to their {year} record and submit it until "
        f"{date_in_words(end)}. A sample drawn now shows their records as they are today.",
        notes=["Most samples are drawn once the year has ended, from the records submitted."],
        confirm=f"Draw the {year} sample now",
        can_change=True,
        cancel_url=reverse("register:staff-cpd"),
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
