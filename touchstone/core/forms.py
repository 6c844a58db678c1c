from math import ceil

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import ProhibitNullCharactersValidator

from touchstone.core.inputs import client_ip, validate_plain_text
from touchstone.core.services import login_attempt_record, login_refusal

# The GOV.UK error modifier for each kind of control.
_ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-select": "govuk-select--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-file-upload": "govuk-file-upload--error",
}


def govuk_input(width: str = "") -> forms.TextInput:
    return forms.TextInput(attrs={"class": f"govuk-input {width}".strip()})


def govuk_select() -> forms.Select:
    return forms.Select(attrs={"class": "govuk-select"})


def govuk_textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"class": "govuk-textarea", "rows": rows})


class GovukForm(forms.Form):
    """A form whose controls point at their hint and error (aria-describedby) and carry the
    GOV.UK error style, to go with `includes/field.html` (which writes `<id>-hint` and
    `<id>-error`) — also for errors a service reports after the form was cleaned."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._name_required_answers()
        self._refuse_control_characters()
        self._describe()

    def _refuse_control_characters(self) -> None:
        """Every text field refuses NUL and control characters (core.inputs), with its own
        message in place of Django's NUL-only one."""
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators = [
                    v
                    for v in field.validators
                    if not isinstance(v, ProhibitNullCharactersValidator)
                ] + [validate_plain_text]

    def _name_required_answers(self) -> None:
        """ "Enter the date", "Select a status": each missing answer says which it is, so the
        error summary does not list the same sentence several times."""
        default = forms.Field.default_error_messages["required"]
        for name, field in self.fields.items():
            if field.error_messages.get("required") != default:
                continue
            if isinstance(field.widget, forms.CheckboxInput):
                continue
            what = str(self[name].label or name).strip().rstrip("?:").lower()
            verb = (
                "Select" if isinstance(field.widget, forms.Select | forms.RadioSelect) else "Enter"
            )
            field.error_messages = {**field.error_messages, "required": f"{verb} {what}"}

    def full_clean(self):
        super().full_clean()
        self._describe()

    def add_error(self, field, error):
        super().add_error(field, error)
        self._describe()

    def _describe(self) -> None:
        errors = getattr(self, "_errors", None) or {}
        for name, field in self.fields.items():
            field_id = self[name].id_for_label
            attrs = field.widget.attrs
            described = [f"{field_id}-hint"] if field.help_text else []
            css = [c for c in attrs.get("class", "").split() if not c.endswith("--error")]
            if name in errors:
                described.append(f"{field_id}-error")
                css += [_ERROR_CLASSES[c] for c in list(css) if c in _ERROR_CLASSES]
            if css:
                attrs["class"] = " ".join(css)
            if described:
                attrs["aria-describedby"] = " ".join(described)
            else:
                attrs.pop("aria-describedby", None)


class ThrottledAuthenticationForm(AuthenticationForm):
    """Sign-in throttled per client address and per account (`services.login_refusal`): an
    address that failed too often is refused for a while; an account that failed too often is
    slowed down, never locked, so its owner can still sign in from anywhere."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "address": "Too many failed sign-in attempts from your network. Try again in %(wait)s.",
        "account": (
            "Too many failed sign-in attempts for this account. Wait %(wait)s, then try again."
        ),
    }

    def clean(self):
        username = (self.data.get("username") or "").strip()
        ip_address = client_ip(self.request) if self.request else None
        refusal = login_refusal(username=username, ip_address=ip_address) if username else None
        if refusal is not None:
            raise forms.ValidationError(
                self.error_messages[refusal.reason],
                code="locked",
                params={"wait": _in_words(refusal.retry_after)},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                login_attempt_record(username=username, ip_address=ip_address, succeeded=False)
            raise
        login_attempt_record(username=username, ip_address=ip_address, succeeded=True)
        return cleaned


def _in_words(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
