import re
from math import ceil

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import ProhibitNullCharactersValidator

from touchstone.core.dates import PARTS, TODAY, DateInputField
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
    `<id>-error`) — also for errors a service reports after the form was cleaned — and whose
    messages name each answer in words (`nouns`, `examples`; see `_word_messages`)."""

    nouns: dict[str, str] = {}
    examples: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_instance_fields()
        self._word_messages()
        self._refuse_control_characters()
        self._describe()

    def add_instance_fields(self) -> None:
        """Fields this form's data asks for (one question per item of a scheme, say), added
        before the fields are worded and described. Nothing by default."""

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

    def _word_messages(self) -> None:
        """Every message Django would generate ("This field is required.", "Ensure this value
        is greater than or equal to 0.1") is replaced by one naming the answer in the domain's
        words: "Enter the number of hours, for example 1.5", "The number of hours must be 0.1
        or more". The words are the form's `nouns` (field name → noun, as it reads after
        "Enter the"), else the label lower-cased; `examples` adds "for example …" where a
        number or a format needs one. A message a field sets itself is kept."""
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.CheckboxInput):
                continue
            label = re.sub(r"\s*\([^)]*\)$", "", str(self[name].label or name)).strip()
            noun = self.nouns.get(name) or label.rstrip("?:")
            noun = noun[:1].lower() + noun[1:] if noun[1:2].islower() else noun
            if isinstance(field, DateInputField):
                field.noun = field.noun or noun  # the date field words its other messages
                if (
                    field.error_messages["required"]
                    == forms.Field.default_error_messages["required"]
                ):
                    field.error_messages = {
                        **field.error_messages,
                        "required": f"Enter the {field.noun}",
                    }
                continue
            defaults: dict = {}
            for cls in reversed(type(field).__mro__):
                defaults.update(getattr(cls, "default_error_messages", {}))
            words = _messages_in_words(field, noun, self.examples.get(name))
            field.error_messages = {
                **field.error_messages,
                **{
                    code: message
                    for code, message in words.items()
                    if field.error_messages.get(code) in (None, defaults.get(code))
                },
            }

    def full_clean(self):
        super().full_clean()
        self._describe()

    def add_error(self, field, error):
        super().add_error(field, error)
        self._describe()

    def _describe(self) -> None:
        errors = getattr(self, "_errors", None) or {}
        for name, field in self.fields.items():
            if isinstance(field, DateInputField):
                # The fieldset carries hint and error (includes/field.html); the boxes at
                # fault are red, or all three for an error found after cleaning.
                if name not in errors:
                    field.widget.boxes_at_fault = ()
                elif not field.widget.boxes_at_fault:
                    field.widget.boxes_at_fault = PARTS
                continue
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


def _messages_in_words(field: forms.Field, noun: str, example: str | None) -> dict[str, str]:
    """The messages of one field, naming it: what it lacks, what it must be."""
    the = noun if noun.startswith(("the ", "your ", "a ", "an ")) else f"the {noun}"
    subject = the[:1].upper() + the[1:]
    for_example = f", for example {example}" if example else ""
    choosing = isinstance(field.widget, forms.Select | forms.RadioSelect | forms.FileInput)
    words = {
        "required": f"{'Select' if choosing else 'Enter'} {the}{for_example}",
        "invalid_choice": f"Select {the} from the list",  # noqa: S608 (a message, not SQL)
        "max_length": f"{subject} must be %(limit_value)d characters or fewer",
        "min_length": f"{subject} must be %(limit_value)d characters or more",
        "min_value": f"{subject} must be %(limit_value)s or more",
        "max_value": f"{subject} must be %(limit_value)s or less",
    }
    if isinstance(field, forms.DecimalField | forms.FloatField):  # before IntegerField, their base
        words["invalid"] = f"{subject} must be a number{for_example}"
    elif isinstance(field, forms.IntegerField):
        words["invalid"] = f"{subject} must be a whole number{for_example}"
    elif isinstance(field, forms.FileField):
        words["invalid"] = words["missing"] = f"Select {the}"
        words["empty"] = f"{subject} is empty"
    elif isinstance(field, forms.EmailField):
        words["invalid"] = f"Enter {the} in the correct format, like name@example.com"
    if isinstance(field, forms.DecimalField):
        places = field.decimal_places or 0
        whole = (field.max_digits or 0) - places
        words["max_decimal_places"] = (
            f"{subject} must be a whole number"
            if places == 0
            else f"{subject} can have at most {places} decimal place{'s' if places > 1 else ''}"
        )
        if field.max_digits is not None:
            largest = "9" * whole + ("." + "9" * places if places else "")
            words["max_digits"] = words["max_whole_digits"] = f"{subject} must be {largest} or less"
    return words


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


class PaymentForm(GovukForm):
    """A fee's payment recorded against its invoice (`core.services.invoice_record_payment`):
    the day it was paid and the payer's reference."""

    paid_on = DateInputField(label="Date paid", noun="date it was paid", latest=TODAY)
    reference = forms.CharField(
        label="Payment reference (optional)",
        help_text="e.g. the bank transfer's reference.",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-20"}),
    )
