"""The web side of the write mechanisms every module uses: one write per submitted form, and
the "this record changed since you opened it" page for an edit of an out-of-date copy.

A view that changes anything:

    response = form_submit(request, form, lambda data: ...)   # a form with fields
    response = submit_once(request, lambda: ...)              # a button (no fields)

`write` calls the service and returns the redirect to send; the submission token the form
carried (`{% submission_token %}`) is claimed in the same transaction, so a double click, a
refresh or a second tab sends the user where the first submission went instead of writing
again. An edit form also carries the record's version (`VersionedForm`); the service refuses
a stale one with `StaleVersion`, which the view turns into `stale_page(...)`.
"""

import datetime
import secrets
from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from touchstone.core.models import Submission
from touchstone.core.selectors import history_for_object
from touchstone.core.services import (
    StaleVersion,
    submission_begin,
    submission_finish,
    submission_outcome,
)
from touchstone.core.services.submissions import Outcome, fingerprint, valid_key

TOKEN_FIELD = "submission_token"  # noqa: S105 (a form field name, not a secret)
NOT_SENT_SAFELY = (
    "This page was not sent in a way that can be saved safely. Check your answers and send "
    "the form again."
)
ALREADY_SENT = "That form had already been sent, so it was saved only once."
ALREADY_SENT_CHANGED = (
    "That form had already been sent, so the changes you made to it afterwards were not saved. "
    "Make them again here if you still need them."
)
_IGNORED = {TOKEN_FIELD, "csrfmiddlewaretoken"}


def new_token() -> str:
    """A fresh one-time submission token for a rendered form."""
    return secrets.token_urlsafe(24)


def _posted(request) -> tuple[str, str]:
    token = request.POST.get(TOKEN_FIELD, "")
    data = sorted((k, request.POST.getlist(k)) for k in request.POST if k not in _IGNORED)
    return token, fingerprint(request.method, request.path, data)


def _replay(request, outcome: Outcome) -> HttpResponse:
    messages.info(request, ALREADY_SENT if outcome.same_request else ALREADY_SENT_CHANGED)
    return HttpResponseRedirect(outcome.location or request.path)


def earlier_submission(request) -> HttpResponse | None:
    """Where this form went when it was first sent, if it was (checked before validating it:
    the first submission may have changed what the form would now say)."""
    token, digest = _posted(request)
    if not valid_key(token) or not request.user.is_authenticated:
        return None
    outcome = submission_outcome(user=request.user, key=token, fingerprint=digest)
    return _replay(request, outcome) if outcome else None


def submit_once(request, write: Callable[[], HttpResponse]) -> HttpResponse:
    """Run `write` (a service call returning the redirect to send) once for this form's
    token; a `write` that answers with anything but a redirect has done nothing, so its
    token is not used up. A repeat (even one arriving while the first is still writing) is
    sent where the first went. A missing token, or a service's ValidationError, raises
    ValidationError with nothing written; StaleVersion passes through for the view's stale page."""
    token, digest = _posted(request)
    if not valid_key(token):
        raise ValidationError(NOT_SENT_SAFELY)
    with transaction.atomic():
        claim = submission_begin(
            user=request.user,
            key=token,
            channel=Submission.Channel.WEB,
            method=request.method,
            path=request.path,
            fingerprint=digest,
        )
        if isinstance(claim, Outcome):
            return _replay(request, claim)
        response = write()
        if not response.has_header("Location"):
            # Not done (a page to show again, e.g. an import refused): nothing is kept.
            transaction.set_rollback(True)
            return response
        headers = {"Location": response["Location"]}
        submission_finish(claim, status_code=response.status_code, headers=headers)
        return response


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, by field where the field exists."""
    if hasattr(error, "error_dict"):
        for name, field_messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, field_messages)
    else:
        form.add_error(None, error.messages)


def form_submit(request, form: forms.Form, write: Callable[[dict], HttpResponse]):
    """The POST of a form with fields: a repeat goes where the first went; a valid form is
    written once (`write(cleaned_data)` returns the redirect); a service's ValidationError
    lands on the form. Returns the response to send, or None to show the form again."""
    if request.method != "POST":
        return None
    earlier = earlier_submission(request)
    if earlier is not None:
        return earlier
    if not form.is_valid():
        return None
    try:
        return submit_once(request, lambda: write(form.cleaned_data))
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None


class VersionedForm(forms.Form):
    """A form that edits a `Versioned` record carries the version its user opened, and hands
    it to the service as `expected_version` (never to be compared with the record by the
    view: the service does that under a row lock)."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": NOT_SENT_SAFELY, "invalid": NOT_SENT_SAFELY},
    )

    def restart_from(self, version: int) -> None:
        """Keep the user's answers but make them a change of `version` (the stale page's way
        forward: saving again overwrites the current record knowingly)."""
        data = self.data.copy()
        data[self.add_prefix("version")] = str(version)
        self.data = data


def _shown(field: forms.Field, value) -> str:
    if value in (None, "", []):
        return "Not set"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime.date):
        return f"{value.day} {value:%B %Y}"
    choices = getattr(field, "choices", None)
    if choices:
        return str(dict((str(k), v) for k, v in choices).get(str(value), value))
    return str(value)


def compared_fields(form: forms.Form, current: dict) -> list[dict]:
    """Each visible field as the user sent it and as the record has it now."""
    rows = []
    for bound in form.visible_fields():
        yours = _shown(bound.field, form.cleaned_data.get(bound.name))
        now = _shown(bound.field, current.get(bound.name))
        rows.append({"label": bound.label, "yours": yours, "current": now, "differs": yours != now})
    return rows


def stale_page(
    request,
    *,
    error: StaleVersion,
    form: VersionedForm,
    current: dict,
    title: str,
    cancel_url: str,
    submit: str = "Save my version",
    submit_name: str = "",
    template: str = "includes/form_fields.html",
) -> HttpResponse:
    """ "This record changed since you opened it": the user's version and the current one side
    by side, with their answers kept in the form (now a change of the current version) and a
    way to start again from the current record. `current` is the form's initial data for the
    record as it is now. Answered with 409 Conflict."""
    record = error.current
    latest = history_for_object(record).select_related("actor").first()
    form.restart_from(record.version)
    context = {
        "title": title,
        "record": record,
        "rows": compared_fields(form, current),
        "latest": latest,
        "form": form,
        "cancel_url": cancel_url,
        "submit": submit,
        "submit_name": submit_name,
        "fields_template": template,
    }
    return render(request, "core/stale.html", context, status=409)
