"""Helpers every module's web views use: posted data, a service's errors on a form, and the
shape of a change page (one thing per page: show the form; on POST call the service, show its
validation errors on the form, or go on with a message)."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render


def posted(request):
    """The POST data when posted (even an empty form, e.g. an unticked box), else None."""
    return request.POST if request.method == "POST" else None


def add_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, by field where the field exists."""
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_messages)
    else:
        form.add_error(None, error.messages)


def apply_form(form, apply: Callable[[dict], object]) -> bool:
    """Call `apply(form.cleaned_data)` when the form is valid; a service's ValidationError goes
    onto the form. True when the write was made."""
    if not form.is_valid():
        return False
    try:
        apply(form.cleaned_data)
    except ValidationError as exc:
        add_errors(form, exc)
        return False
    return True


def change_page(
    request,
    *,
    form,
    apply: Callable[[dict], object],
    done: str,
    success_url: str,
    template: str,
    context: dict,
):
    """A change page: on a valid POST call `apply` (a service), then go to `success_url` with
    the `done` message; otherwise render `template` with the form and its errors."""
    if request.method == "POST" and apply_form(form, apply):
        messages.success(request, done)
        return redirect(success_url)
    return render(request, template, {**context, "form": form})
