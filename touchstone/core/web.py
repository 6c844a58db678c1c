"""Helpers every module's web views use: posted data, a service's errors on a form, and the
shape of a change page (one thing per page: show the form; on POST call the service once for
the form's submission token, show its validation errors on the form, or go on with a
message), and the organisation a staff page acts for. The write mechanisms themselves are in
`core.writes`."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect, render

from touchstone.core.models import Organisation
from touchstone.core.selectors import organisations_with_perm
from touchstone.core.services import StaleVersion
from touchstone.core.writes import add_service_errors, form_submit

add_errors = add_service_errors  # a service's ValidationError, by field where it exists


def posted(request):
    """The POST data when posted (even an empty form, e.g. an unticked box), else None."""
    return request.POST if request.method == "POST" else None


def acting_organisation(
    request,
    perm: str,
    *,
    kind: str | None = None,
    refuse: type[Exception] = PermissionDenied,
    message: str = "You cannot do that for any of your organisations.",
) -> Organisation:
    """The organisation a page or API call acts for when none is named in its address: the
    active one (`request.organisation`, chosen with the switcher) if the user has `perm` there,
    else the first organisation where they do. Where they have it nowhere, `refuse(message)`
    is raised (PermissionDenied, or Http404 for pages that are invisible to others)."""
    allowed = list(organisations_with_perm(request.user, perm, kind=kind))
    active = getattr(request, "organisation", None)
    chosen = next((o for o in allowed if active is not None and o.pk == active.pk), None)
    if chosen is None and allowed:
        chosen = allowed[0]
    if chosen is None:
        raise refuse(message)
    return chosen


def acts_for(perm: str, **options):
    """A view decorator (under `login_required`): resolves `acting_organisation(request, perm,
    **options)` once and puts it on `request.acting_organisation` before the view runs."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            request.acting_organisation = acting_organisation(request, perm, **options)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def change_page(
    request,
    *,
    form,
    apply: Callable[[dict], object],
    done: str,
    success_url: str,
    template: str,
    context: dict,
    stale: Callable[[StaleVersion], object] | None = None,
):
    """A change page: on a valid POST call `apply` (a service) once for the form's submission
    token, then go to `success_url` with the `done` message (a repeat of the same submission
    goes there too, writing nothing); otherwise render `template` with the form and its
    errors. An edit of a record changed since the page was opened is answered by `stale`
    (usually `core.writes.stale_page`)."""

    def write(data):
        apply(data)
        messages.success(request, done)
        return redirect(success_url)

    try:
        response = form_submit(request, form, write)
    except StaleVersion as exc:
        if stale is None:
            raise
        return stale(exc)
    if response is not None:
        return response
    return render(request, template, {**context, "form": form})


CONFIRM_FIELD = "confirmed"
CHANGE_FIELD = "change_answers"
_NOT_KEPT = {"csrfmiddlewaretoken", "submission_token", CONFIRM_FIELD, CHANGE_FIELD}


def confirmed(request) -> bool:
    """The POST came from the confirmation page's main button (see `confirm_page`)."""
    return (
        request.method == "POST"
        and request.POST.get(CONFIRM_FIELD) == "yes"
        and CHANGE_FIELD not in request.POST
    )


def changing_answers(request) -> bool:
    """The POST came from the confirmation page's "Change your answers" button."""
    return request.method == "POST" and CHANGE_FIELD in request.POST


def confirm_page(
    request,
    *,
    title: str,
    confirm: str,
    cancel_url: str,
    rows: list[dict] | tuple = (),
    warning: str = "",
    notes: list[str] | tuple = (),
    caption: str = "",
    back_url: str = "",
    fields: dict | None = None,
    can_change: bool = False,
    errors: list[dict] | tuple = (),
    action: str = "",
    button_class: str = "",
    status: int = 200,
):
    """The step before a consequential action: what will happen, in a summary list (`rows`:
    `{"key", "value", "href"?, "action"?}`), a warning for what cannot be undone or shows at
    once, and one button that sends the action with `confirmed=yes`. The answers being
    confirmed are carried as hidden fields: `fields`, else the POST being confirmed. With
    `can_change` a second button sends them back to the form (`changing_answers`). `errors`
    (`{"text", "href"}`) show as the GOV.UK error summary. Every consequential action of
    every module uses this page (`core/confirm.html`)."""
    if fields is None:
        kept = [
            (name, value)
            for name in (request.POST if request.method == "POST" else ())
            if name not in _NOT_KEPT
            for value in request.POST.getlist(name)
        ]
    else:
        kept = list(fields.items())
    context = {
        "title": title,
        "confirm": confirm,
        "cancel_url": cancel_url,
        "rows": rows,
        "warning": warning,
        "notes": notes,
        "caption": caption,
        "back_url": back_url or cancel_url,
        "kept": kept,
        "can_change": can_change,
        "errors": errors,
        "action": action,
        "button_class": button_class,
        "confirm_field": CONFIRM_FIELD,
        "change_field": CHANGE_FIELD,
    }
    return render(request, "core/confirm.html", context, status=status)


def upload_response(upload) -> FileResponse:
    """A stored upload (`core.Upload`) sent as a download, never shown in the page: as an
    attachment under the name it was uploaded with, with the content type its bytes were
    checked to be, and headers that keep a browser from guessing another type or running
    anything in it. The caller's view has checked who may have it."""
    response = FileResponse(
        upload.file.open("rb"),
        as_attachment=True,
        filename=upload.original_name,
        content_type=upload.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response


def link_page(response):
    """A page opened from an emailed access link (core.AccessLink): never cached, and its
    address (the token) never sent to another site as the referrer. (Not "no-referrer":
    browsers then send the form's Origin as "null", which the CSRF check rightly refuses.)"""
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "no-store"
    return response
