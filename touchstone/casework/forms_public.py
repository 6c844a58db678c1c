"""The web complaint form's questions, one page each (GOV.UK "one thing per page"). Each
page's answers are kept on the draft as plain JSON (`answers()`), and shown again from it
(`initial_from`)."""

from datetime import date

from django import forms

from touchstone.core.dates import TODAY, DateInputField
from touchstone.core.forms import GovukForm, govuk_input, govuk_textarea
from touchstone.core.inputs import phone_number_possible
from touchstone.core.services.uploads import upload_max_bytes
from touchstone.core.uploads import ACCEPT, size_words

YES_NO = [("yes", "Yes"), ("no", "No")]


class PageForm(GovukForm):
    def answers(self) -> dict:
        """The cleaned answers as JSON values (dates in ISO)."""
        return {
            name: value.isoformat() if isinstance(value, date) else value
            for name, value in self.cleaned_data.items()
        }

    @classmethod
    def initial_from(cls, stored: dict) -> dict:
        return {
            name: date.fromisoformat(value)
            if isinstance(cls.base_fields.get(name), DateInputField) and value
            else value
            for name, value in stored.items()
        }


class YouForm(PageForm):
    name = forms.CharField(label="Full name", max_length=200, widget=govuk_input())
    email = forms.EmailField(
        label="Email address",
        help_text="We send your receipt and the link to follow your complaint here.",
        widget=forms.EmailInput(attrs={"class": "govuk-input", "autocomplete": "email"}),
    )
    phone = forms.CharField(
        label="Telephone number (optional)",
        required=False,
        max_length=30,
        widget=govuk_input("govuk-input--width-20"),
    )
    address = forms.CharField(
        label="Postal address (optional)", required=False, max_length=500, widget=govuk_textarea()
    )
    nouns = {"name": "your full name", "email": "your email address"}

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if phone and not phone_number_possible(phone):
            raise forms.ValidationError(
                "Enter a telephone number, like 01632 960 001 or +44 808 157 0192"
            )
        return phone


class ForWhomForm(PageForm):
    acting = forms.ChoiceField(
        label="Who is the complaint for?",
        choices=[("self", "Myself"), ("representative", "Someone else: I am representing them")],
        widget=forms.RadioSelect,
    )
    on_behalf_of = forms.CharField(
        label="Full name of the person you represent",
        required=False,
        max_length=200,
        widget=govuk_input(),
    )
    nouns = {"acting": "who the complaint is for"}

    def clean(self):
        data = super().clean()
        if data.get("acting") == "representative" and not data.get("on_behalf_of", "").strip():
            self.add_error("on_behalf_of", "Enter the full name of the person you represent")
        if data.get("acting") == "self":
            data["on_behalf_of"] = ""
        return data


class ProviderForm(PageForm):
    """A provider found on the register (its number), or one named that is not on it."""

    number = forms.CharField(
        label="Choose who you are complaining about",
        required=False,
        max_length=20,
        widget=forms.RadioSelect,
    )
    unregulated_name = forms.CharField(
        label="Or, if you cannot find them: their name",
        help_text="A provider not on the register can still be complained about.",
        required=False,
        max_length=200,
        widget=govuk_input(),
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].widget.choices = list(choices)

    def clean(self):
        data = super().clean()
        if not data.get("number") and not data.get("unregulated_name", "").strip():
            raise forms.ValidationError(
                "Choose the lawyer or firm from the search results, or enter their name"
            )
        return data


class WhatHappenedForm(PageForm):
    what_happened = forms.CharField(
        label="What happened?",
        help_text="Tell us what the provider did or did not do, and how it affected you.",
        max_length=10000,
        widget=govuk_textarea(rows=8),
    )
    happened_on = DateInputField(
        label="When did it happen?",
        noun="date it happened",
        latest=TODAY,
        help_text="If it went on for a while, when it started.",
    )
    area_of_law = forms.CharField(
        label="What was the legal work about? (optional)",
        help_text="For example, buying a house, a divorce, a will.",
        required=False,
        max_length=100,
        widget=govuk_input(),
    )
    nouns = {"what_happened": "what happened"}


class ComplainedFirstForm(PageForm):
    complained_first = forms.ChoiceField(
        label="Have you complained to the provider about this?",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    complained_on = DateInputField(
        label="When did you complain to them?",
        noun="date you complained to them",
        latest=TODAY,
        required=False,
    )
    nouns = {"complained_first": "whether you have complained to the provider"}

    def clean(self):
        data = super().clean()
        answered_yes = data.get("complained_first") == "yes"
        if answered_yes and not data.get("complained_on") and "complained_on" not in self.errors:
            self.add_error("complained_on", "Enter the date you complained to them")
        if data.get("complained_first") == "no":
            data["complained_on"] = None
        return data


class OutcomeForm(PageForm):
    remedies = forms.MultipleChoiceField(
        label="What would you like to happen?",
        help_text="Select all that apply.",
        widget=forms.CheckboxSelectMultiple,
    )
    details = forms.CharField(
        label="Tell us more (optional)",
        required=False,
        max_length=5000,
        widget=govuk_textarea(rows=4),
    )
    nouns = {"remedies": "what you would like to happen"}

    def __init__(self, *args, remedies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remedies"].choices = list(remedies)


class EvidenceForm(GovukForm):
    document = forms.FileField(
        label="Upload a file",
        error_messages={"required": "Choose a file to upload", "empty": "The file is empty."},
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload", "accept": ACCEPT}),
    )
    nouns = {"document": "a file"}

    def add_instance_fields(self) -> None:
        limit = size_words(upload_max_bytes())
        self.fields["document"].help_text = f"A PDF, Word document, PNG or JPEG, up to {limit}."


class EmailForm(GovukForm):
    email = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"class": "govuk-input", "autocomplete": "email"}),
    )
    nouns = {"email": "your email address"}


class NewLinkForm(EmailForm):
    reference = forms.CharField(
        label="Your complaint's reference",
        help_text="It is in the email we sent when you made the complaint, like WEB-000123.",
        max_length=40,
        widget=govuk_input("govuk-input--width-10"),
    )
    nouns = {"email": "your email address", "reference": "your complaint's reference"}


class MessageForm(GovukForm):
    text = forms.CharField(label="Your message", max_length=5000, widget=govuk_textarea(rows=5))
    nouns = {"text": "your message"}


class ServiceComplaintForm(GovukForm):
    text = forms.CharField(
        label="What went wrong with how we handled your case?",
        max_length=5000,
        widget=govuk_textarea(rows=6),
    )
    nouns = {"text": "what went wrong"}


class SurveyForm(GovukForm):
    outcome_satisfied = forms.ChoiceField(
        label="Are you satisfied with the outcome of your case?",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    service_satisfied = forms.ChoiceField(
        label="Are you satisfied with the service we gave you?",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    nouns = {
        "outcome_satisfied": "whether you are satisfied with the outcome",
        "service_satisfied": "whether you are satisfied with our service",
    }


class ServiceComplaintDecisionForm(GovukForm):
    outcome = forms.ChoiceField(
        label="Your decision",
        choices=[("upheld", "Upheld"), ("not_upheld", "Not upheld")],
        widget=forms.RadioSelect,
    )
    nouns = {"outcome": "your decision"}
