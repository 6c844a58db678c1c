"""The form the applicant and the supervisor sign their declaration with (step 4)."""

from django import forms

from touchstone.core.forms import GovukForm


class DeclarationSignForm(GovukForm):
    """A declaration signed by typing the name it was sent to and confirming it is true (the
    service checks the name)."""

    nouns = {"signed_name": "your full name"}

    signed_name = forms.CharField(
        label="Type your full name to sign",
        help_text="As the declaration gives it.",
        max_length=200,
        widget=forms.TextInput(
            attrs={"class": "govuk-input", "autocomplete": "name", "spellcheck": "false"}
        ),
        error_messages={"required": "Type your full name to sign the declaration"},
    )
    confirms = forms.BooleanField(
        label="I confirm this declaration is true",
        error_messages={"required": "Confirm that this declaration is true"},
    )
