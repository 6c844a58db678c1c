"""The forms of step 4: the application form (its questions are `rules.APPLICATION_FORM`), the
further information the applicant sends, and the officer's decision."""

from django import forms

from touchstone.core.dates import DateInputField
from touchstone.core.forms import GovukForm, govuk_textarea
from touchstone.core.writes import VersionedForm
from touchstone.rights.forms.steps import OfficerDecisionForm, _officer_actions
from touchstone.rights.rules.application import APPLICATION_FORM, TEXT_LIMIT
from touchstone.rights.rules.states import APPLICATION_MOVES

YES_NO = [("yes", "Yes"), ("no", "No")]


def _field(question) -> forms.Field:
    common = {"label": question.label, "help_text": question.hint, "required": False}
    if question.kind == "yes_no":
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
    if question.kind == "textarea":
        return forms.CharField(max_length=TEXT_LIMIT, widget=govuk_textarea(rows=4), **common)
    attrs = {"class": "govuk-input govuk-!-width-two-thirds"}
    if question.kind == "phone":
        attrs = {"class": "govuk-input govuk-input--width-20", "type": "tel", "autocomplete": "tel"}
    return forms.CharField(max_length=200, widget=forms.TextInput(attrs=attrs), **common)


class ApplicationForm(VersionedForm, GovukForm):
    """The application form (§59). Every answer is checked by the service (`rules.form_errors`)
    so the page and the service say the same."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in APPLICATION_FORM:
            self.fields[question.code] = _field(question)
        self.fields["address"].widget.attrs["autocomplete"] = "street-address"
        self.fields[
            "character_details"
        ].help_text = f"{self.fields['character_details'].help_text} Only if you answered yes."

    def answers(self) -> dict:
        return {q.code: self.cleaned_data.get(q.code) or "" for q in APPLICATION_FORM}


class ResubmitForm(VersionedForm, GovukForm):
    nouns = {"note": "what you have sent or changed"}

    note = forms.CharField(
        label="What have you sent or changed?",
        help_text="For example, which sheets you changed and the evidence you added.",
        max_length=TEXT_LIMIT,
        widget=govuk_textarea(rows=5),
    )


class ApplicationDecisionForm(OfficerDecisionForm):
    """An officer's decision on the application ("How will my application be assessed?")."""

    officer_actions = _officer_actions(APPLICATION_MOVES)
    reasons_help = "For the letter to the applicant. Needed unless you approve."

    information_due_on = DateInputField(
        label="Further information due by",
        noun="date the information is due",
        required=False,
        help_text="Only when asking for more information. The applicant is reminded a week before.",
    )
    hearing_on = DateInputField(
        label="Committee hearing date",
        noun="hearing date",
        required=False,
        help_text="Only when referring to the committee.",
    )

    def __init__(self, *args, moves, **kwargs):
        super().__init__(*args, moves=[m for m in moves if m.by == "officer"], **kwargs)
