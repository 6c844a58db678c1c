"""Forms for the register pages: they check input only; the services decide and write."""

from django import forms
from django.utils import timezone

from touchstone.register.models import Category, RightType, Status
from touchstone.register.reference import cpd_activity_types

_ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-select": "govuk-select--error",
    "govuk-textarea": "govuk-textarea--error",
}
DATE_HINT = "For example, 2025-03-31"
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def _input(width: str = "") -> forms.TextInput:
    return forms.TextInput(attrs={"class": f"govuk-input {width}".strip()})


def _select() -> forms.Select:
    return forms.Select(attrs={"class": "govuk-select"})


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"class": "govuk-textarea", "rows": rows})


def _date(label: str, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        help_text=DATE_HINT,
        widget=_input("govuk-input--width-10"),
    )


class GovukForm(forms.Form):
    """Controls point at their hint and error (aria-describedby) and carry the GOV.UK error
    style, to go with `includes/field.html` (which writes `<id>-hint` and `<id>-error`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._describe()

    def full_clean(self):
        super().full_clean()
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


def _choices(model, blank: str) -> list[tuple[str, str]]:
    return [("", blank)] + list(model.objects.values_list("code", "name"))


class PublicSearchForm(GovukForm):
    q = forms.CharField(
        label="Name or number",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "govuk-input", "spellcheck": "false"}),
    )
    town = forms.CharField(
        label="Town or postcode", required=False, max_length=100, widget=_input()
    )
    right = forms.ChoiceField(label="Practice right", required=False, widget=_select())
    category = forms.ChoiceField(label="Category", required=False, widget=_select())
    status = forms.ChoiceField(label="Status", required=False, widget=_select())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["right"].choices = _choices(RightType, "Any")
        self.fields["category"].choices = _choices(Category, "Any")
        self.fields["status"].choices = _choices(Status, "Any")


class StaffSearchForm(GovukForm):
    q = forms.CharField(
        label="Name, number or email", required=False, max_length=200, widget=_input()
    )


class RegistrantForm(GovukForm):
    """The editable details of a registrant (number, kind and status have their own ways)."""

    title = forms.CharField(required=False, max_length=20, widget=_input("govuk-input--width-5"))
    given_names = forms.CharField(required=False, max_length=100, widget=_input())
    family_name = forms.CharField(required=False, max_length=100, widget=_input())
    entity_name = forms.CharField(
        label="Entity name", required=False, max_length=200, widget=_input()
    )
    trading_names = forms.CharField(required=False, max_length=300, widget=_input())
    authorised_activities = forms.CharField(
        label="Authorised activities (entities)", required=False, widget=_textarea()
    )
    category = forms.ChoiceField(required=False, widget=_select())
    admitted_on = _date("Admitted on", required=False)
    town = forms.CharField(required=False, max_length=100, widget=_input())
    postcode = forms.CharField(
        required=False, max_length=10, widget=_input("govuk-input--width-10")
    )
    email = forms.EmailField(label="Email (private)", required=False, widget=_input())
    phone = forms.CharField(label="Phone (private)", required=False, max_length=40, widget=_input())
    date_of_birth = _date("Date of birth (private)", required=False)
    home_address = forms.CharField(
        label="Home address (private)", required=False, widget=_textarea()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = _choices(Category, "None")

    def clean_category(self):
        code = self.cleaned_data["category"]
        return Category.objects.get(code=code) if code else None


class StatusChangeForm(GovukForm):
    status = forms.ChoiceField(label="New status", widget=_select())
    effective_on = _date("From")
    reason = forms.CharField(required=False, widget=_textarea())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = _choices(Status, "Choose a status")

    def clean_status(self):
        return Status.objects.get(code=self.cleaned_data["status"])


class RightGrantForm(GovukForm):
    code = forms.ChoiceField(label="Practice right", widget=_select())
    granted_on = _date("Granted on")
    conditions = forms.CharField(
        required=False,
        widget=_textarea(),
        help_text="Shown on the public register. Leave empty if there are none.",
    )
    scope = forms.CharField(
        required=False,
        widget=_textarea(5),
        help_text="Leave empty to use the standard scope of this right.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = _choices(RightType, "Choose a right")


class RightEndForm(GovukForm):
    ended_on = _date("Ends on")


class FindingForm(GovukForm):
    decided_on = _date("Date of the decision")
    body = forms.CharField(label="Decision body", max_length=200, widget=_input())
    summary = forms.CharField(widget=_textarea(4))
    sanction = forms.CharField(max_length=200, widget=_input())
    publish = forms.BooleanField(
        label="Publish on the public register",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}),
    )
    publish_from = _date("Publish from", required=False)
    publish_until = _date("Publish until", required=False)


class FindingPublicationForm(GovukForm):
    publish = FindingForm.base_fields["publish"]
    publish_from = _date("Publish from", required=False)
    publish_until = _date("Publish until", required=False)


class CpdActivityForm(GovukForm):
    done_on = _date("Date")
    hours = forms.DecimalField(
        min_value=0.1,
        max_digits=4,
        decimal_places=1,
        widget=_input("govuk-input--width-4"),
        help_text="For example, 1.5",
    )
    activity_type = forms.ChoiceField(label="Type of activity", widget=_select())
    description = forms.CharField(label="What you did", widget=_textarea())
    reflection = forms.CharField(
        label="What you learnt and how you will use it", required=False, widget=_textarea()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].choices = [("", "Choose a type")] + [
            (t, t) for t in cpd_activity_types()
        ]


class CpdSampleForm(GovukForm):
    year = forms.IntegerField(min_value=2000, max_value=2100, widget=_input("govuk-input--width-4"))
    size = forms.IntegerField(
        label="Number of members to sample", min_value=1, widget=_input("govuk-input--width-5")
    )
    seed = forms.IntegerField(
        required=False,
        min_value=0,
        help_text="Leave empty for a fresh random seed; enter a logged seed to repeat a draw.",
        widget=_input("govuk-input--width-10"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year - 1
