"""Forms for the register pages: they check input only; the services decide and write."""

from django import forms
from django.utils import timezone

from touchstone.core.dates import TODAY, DateInputField
from touchstone.core.forms import GovukForm, govuk_input, govuk_select, govuk_textarea
from touchstone.core.writes import VersionedForm
from touchstone.register.models import Category, RightType, Status
from touchstone.register.reference import cpd_activity_types


def _choices(model, blank: str) -> list[tuple[str, str]]:
    return [("", blank)] + list(model.objects.values_list("code", "name"))


class RegistrantForm(VersionedForm, GovukForm):
    """The editable details of a registrant (number, kind and status have their own ways)."""

    nouns = {
        "entity_name": "name of the entity",
        "email": "email address",
        "phone": "phone number",
        "home_address": "home address",
    }

    title = forms.CharField(
        required=False, max_length=20, widget=govuk_input("govuk-input--width-5")
    )
    given_names = forms.CharField(required=False, max_length=100, widget=govuk_input())
    family_name = forms.CharField(required=False, max_length=100, widget=govuk_input())
    entity_name = forms.CharField(
        label="Entity name", required=False, max_length=200, widget=govuk_input()
    )
    trading_names = forms.CharField(required=False, max_length=300, widget=govuk_input())
    authorised_activities = forms.CharField(
        label="Authorised activities (entities)", required=False, widget=govuk_textarea()
    )
    category = forms.ChoiceField(required=False, widget=govuk_select())
    admitted_on = DateInputField(label="Date admitted", required=False, latest=TODAY)
    town = forms.CharField(required=False, max_length=100, widget=govuk_input())
    postcode = forms.CharField(
        required=False, max_length=10, widget=govuk_input("govuk-input--width-10")
    )
    email = forms.EmailField(label="Email (private)", required=False, widget=govuk_input())
    phone = forms.CharField(
        label="Phone (private)", required=False, max_length=40, widget=govuk_input()
    )
    date_of_birth = DateInputField(
        label="Date of birth (private)", noun="date of birth", required=False, latest=TODAY
    )
    home_address = forms.CharField(
        label="Home address (private)", required=False, widget=govuk_textarea()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = _choices(Category, "None")

    def clean_category(self):
        code = self.cleaned_data["category"]
        return Category.objects.get(code=code) if code else None


class StatusChangeForm(GovukForm):
    """A new status for a registrant: the one they have now is said, and not offered."""

    nouns = {"reason": "reason for the change"}
    status = forms.ChoiceField(label="New status", widget=govuk_select())
    effective_on = DateInputField(label="Date the status takes effect")
    reason = forms.CharField(
        label="Reason (private)",
        required=False,
        widget=govuk_textarea(),
        help_text="Not published: the reason is kept in the staff record and its history. "
        "The public register shows the new status and its date.",
    )

    def __init__(self, *args, current: Status | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = _choices(Status, "Choose a status")
        if current is not None:
            choices = [(code, name) for code, name in choices if code != current.code]
            self.fields["status"].help_text = f"The status now is {current.name}."
        self.fields["status"].choices = choices

    def clean_status(self):
        return Status.objects.get(code=self.cleaned_data["status"])


class RightGrantForm(GovukForm):
    code = forms.ChoiceField(label="Practice right", widget=govuk_select())
    granted_on = DateInputField(label="Date granted")
    conditions = forms.CharField(
        required=False,
        widget=govuk_textarea(),
        help_text="Shown on the public register. Leave empty if there are none.",
    )
    scope = forms.CharField(
        required=False,
        widget=govuk_textarea(5),
        help_text="Leave empty to use the standard scope of this right.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = _choices(RightType, "Choose a right")


class RightEndForm(GovukForm):
    ended_on = DateInputField(label="Date the right ends")


class FindingForm(GovukForm):
    nouns = {"summary": "summary of the finding"}
    decided_on = DateInputField(label="Date of the decision", latest=TODAY)
    body = forms.CharField(label="Decision body", max_length=200, widget=govuk_input())
    summary = forms.CharField(widget=govuk_textarea(4))
    sanction = forms.CharField(max_length=200, widget=govuk_input())
    publish = forms.BooleanField(
        label="Publish on the public register",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}),
    )
    publish_from = DateInputField(label="Publish from", noun="date to publish from", required=False)
    publish_until = DateInputField(
        label="Publish until", noun="date to publish until", required=False
    )


class FindingPublicationForm(VersionedForm, GovukForm):
    publish = FindingForm.base_fields["publish"]
    publish_from = DateInputField(label="Publish from", noun="date to publish from", required=False)
    publish_until = DateInputField(
        label="Publish until", noun="date to publish until", required=False
    )


class CpdActivityForm(GovukForm):
    nouns = {"hours": "number of hours", "description": "description of what you did"}
    examples = {"hours": "1.5"}
    done_on = DateInputField(label="Date of the activity", latest=TODAY)
    hours = forms.DecimalField(
        min_value=0.1,
        max_digits=4,
        decimal_places=1,
        widget=govuk_input("govuk-input--width-4"),
        help_text="For example, 1.5",
    )
    activity_type = forms.ChoiceField(label="Type of activity", widget=govuk_select())
    description = forms.CharField(label="What you did", widget=govuk_textarea())
    reflection = forms.CharField(
        label="What you learnt and how you will use it", required=False, widget=govuk_textarea()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].choices = [("", "Choose a type")] + [
            (t, t) for t in cpd_activity_types()
        ]


class CpdSampleForm(GovukForm):
    nouns = {"year": "year to sample", "seed": "seed"}
    examples = {"year": str(timezone.localdate().year - 1), "seed": "12345"}
    year = forms.IntegerField(widget=govuk_input("govuk-input--width-4"))  # range: the service
    size = forms.IntegerField(
        label="Number of members to sample", min_value=1, widget=govuk_input("govuk-input--width-5")
    )
    seed = forms.IntegerField(
        required=False,
        min_value=0,
        help_text="Leave empty for a fresh random seed; enter a logged seed to repeat a draw.",
        widget=govuk_input("govuk-input--width-10"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year - 1


class CpdActivityChangeForm(VersionedForm, CpdActivityForm):
    """An activity being corrected: the version its member opened goes with it."""
