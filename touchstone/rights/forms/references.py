"""The supervisor's reference forms: the applicant's request, and the supervisor's answers."""

from django import forms

from touchstone.core.forms import GovukForm, govuk_input, govuk_select, govuk_textarea


class ReferenceRequestForm(GovukForm):
    """Who the applicant asks for the supervisor's reference (§21-25)."""

    nouns = {"name": "your supervisor's name", "email": "your supervisor's email address"}
    examples = {"email": "name@example.com"}

    name = forms.CharField(
        label="Your supervisor's full name", max_length=200, widget=govuk_input()
    )
    email = forms.EmailField(
        label="Their email address",
        help_text="We email them a link to give the reference. It works once.",
        max_length=254,
        widget=forms.EmailInput(
            attrs={"class": "govuk-input", "autocomplete": "off", "spellcheck": "false"}
        ),
    )


class ReferenceGiveForm(GovukForm):
    """The supervisor's reference (§24-25): who they are, that they are an authorised person,
    and a comment on each point the scheme asks about."""

    nouns = {
        "qualification": "your qualification",
        "membership_number": "your membership or registration number",
        "employer": "your employer",
        "job_title": "your job title",
    }

    qualification = forms.ChoiceField(
        label="Your qualification",
        help_text="What makes you an authorised person (handbook §24).",
        widget=govuk_select(),
    )
    membership_number = forms.CharField(
        label="Your membership or registration number",
        help_text="With your professional body. We check it against our register when you are "
        "on it.",
        max_length=40,
        widget=govuk_input("govuk-input--width-10"),
    )
    employer = forms.CharField(label="Your employer", max_length=200, widget=govuk_input())
    job_title = forms.CharField(label="Your job title", max_length=200, widget=govuk_input())
    confirms_authorised = forms.BooleanField(
        label="I am an authorised person and I supervised the applicant's work",
        error_messages={
            "required": "Confirm that you are an authorised person who supervised the applicant"
        },
    )

    def __init__(self, *args, terms, **kwargs):
        self.terms = terms
        super().__init__(*args, **kwargs)

    def add_instance_fields(self) -> None:
        self.fields["qualification"].choices = [("", "Choose one")] + [
            (q, q) for q in self.terms.qualifications
        ]
        for point in self.terms.points:
            self.fields[f"comment_{point.code}"] = forms.CharField(
                label=point.ask,
                max_length=4000,
                widget=govuk_textarea(4),
                error_messages={"required": f"Comment on {point.ask[0].lower()}{point.ask[1:]}"},
            )

    def comment_fields(self):
        return [self[f"comment_{p.code}"] for p in self.terms.points]

    def answers(self) -> dict:
        data = self.cleaned_data
        return {
            "qualification": data["qualification"],
            "membership_number": data["membership_number"],
            "employer": data["employer"],
            "job_title": data["job_title"],
            "confirms_authorised": data["confirms_authorised"],
            "comments": {p.code: data[f"comment_{p.code}"] for p in self.terms.points},
        }
