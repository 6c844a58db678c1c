"""Changing a registrant's status (suspending, striking off, restoring): the form says the
status now and does not offer it; the change is checked on the shared confirmation page,
which says it shows on the public register at once, before the service is called."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from touchstone.core.dates import date_in_words
from touchstone.core.web import changing_answers, confirm_page, confirmed, posted
from touchstone.register import services
from touchstone.register.forms import StatusChangeForm
from touchstone.register.models import Registrant
from touchstone.register.views.staff import _change_page, _registrant_or_404

TITLE = "Change status"


def status_now(registrant: Registrant) -> str:
    since = f" since {date_in_words(registrant.status_since)}" if registrant.status_since else ""
    return f"The status now is {registrant.status.name}{since}."


def public_effect(registrant: Registrant, data: dict) -> str:
    """What the public register will say once the change is made (it shows at once)."""
    status = data["status"]
    shown = f"{registrant.name}: {status.name} from {date_in_words(data['effective_on'])}"
    if not status.authorised:
        shown += ", not authorised to practise"
    return f"This will show on the public register now: {shown}. The reason is not published."


def _confirm(request, registrant: Registrant, data: dict):
    detail = reverse("register:staff-detail", args=[registrant.pk])
    return confirm_page(
        request,
        title="Check the status change",
        caption=f"{registrant.name} · {registrant.number}",
        rows=[
            {"key": "Status now", "value": registrant.status.name},
            {"key": "New status", "value": data["status"].name},
            {"key": "Takes effect", "value": date_in_words(data["effective_on"])},
            {"key": "Reason (not published)", "value": data["reason"] or "None given"},
        ],
        warning=public_effect(registrant, data),
        confirm="Change status",
        button_class="" if data["status"].authorised else "govuk-button--warning",
        can_change=True,
        back_url=request.path,
        cancel_url=detail,
    )


@login_required
def staff_status(request, pk: int):
    registrant = _registrant_or_404(request.user, pk)
    form = StatusChangeForm(posted(request), current=registrant.status)
    if changing_answers(request):  # back from the confirmation page, answers kept
        context = {"registrant": registrant, "title": TITLE, "submit": "Continue"}
        context |= {"lead": status_now(registrant), "form": form}
        return render(request, "register/staff_change.html", context)
    if request.method == "POST" and not confirmed(request) and form.is_valid():
        return _confirm(request, registrant, form.cleaned_data)
    return _change_page(
        request,
        registrant=registrant,
        form=form,
        title=TITLE,
        submit="Continue",
        apply=lambda data: services.registrant_status_change(
            acting_user=request.user, registrant=registrant, **data
        ),
        done="Status changed.",
        lead=status_now(registrant),
    )
