"""The caseworkers' forms on a case: each carries the case's version (core.writes.VersionedForm)
and the page's submission token, and hands its answers to one service."""

from django import forms
from django.utils import timezone

from touchstone.casework.models import Complexity
from touchstone.casework.permissions import CASEWORK_ROLES, PANEL_ROLES
from touchstone.casework.selectors.conduct import without_board_or_council
from touchstone.core.dates import TODAY, DateInputField
from touchstone.core.forms import GovukForm, govuk_textarea
from touchstone.core.models import Membership, User
from touchstone.core.writes import VersionedForm


def staff_of(organisation):
    """The organisation's casework staff, who may be given a case."""
    members = Membership.objects.filter(organisation=organisation, role__in=CASEWORK_ROLES)
    return User.objects.filter(pk__in=members.values("user_id")).order_by(
        "last_name", "first_name", "username"
    )


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.username


class CaseForm(VersionedForm, GovukForm):
    """A form on a case."""

    def __init__(self, *args, case, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("version", case.version)
        super().__init__(*args, **kwargs)
        self.case = case


class AssignForm(CaseForm):
    caseworker = PersonChoice(
        label="Caseworker",
        queryset=User.objects.none(),
        required=False,
        empty_label="No one",
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        staff = staff_of(case.organisation)
        if case.scheme == "conduct":
            staff = without_board_or_council(staff, case.organisation, as_of=timezone.localdate())
        self.fields["caseworker"].queryset = staff


class AcceptForm(CaseForm):
    accepted_on = DateInputField(label="Date accepted", noun="date accepted", latest=TODAY)


class TriageForm(CaseForm):
    complexity = forms.ChoiceField(
        label="Complexity", choices=Complexity.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label="Reason for a change of complexity",
        required=False,
        max_length=2000,
        help_text="Needed when the case already has a complexity.",
        widget=govuk_textarea(),
    )


class MoveForm(CaseForm):
    to_stage = forms.ChoiceField(label="Move the case to", widget=forms.RadioSelect)
    note = forms.CharField(
        label="Note (optional)", required=False, max_length=2000, widget=govuk_textarea()
    )

    def __init__(self, *args, case, moves, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["to_stage"].choices = [(m["code"], m["name"]) for m in moves]


class NoteForm(CaseForm):
    note = forms.CharField(label="Investigation note", max_length=10000, widget=govuk_textarea(6))


class InformationRequestForm(CaseForm):
    party = forms.ModelChoiceField(
        label="Who is asked",
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
    )
    asked = forms.CharField(
        label="What they are asked to send", max_length=5000, widget=govuk_textarea(4)
    )
    due_on = DateInputField(label="Date it is due", noun="date it is due")

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["party"].queryset = case.parties.all()


class InformationReceivedForm(CaseForm):
    received_on = DateInputField(label="Date received", noun="date received", latest=TODAY)
    note = forms.CharField(
        label="What arrived (optional)", required=False, max_length=2000, widget=govuk_textarea()
    )


class ReopenForm(CaseForm):
    reason = forms.CharField(
        label="Why the case is reopened", max_length=5000, widget=govuk_textarea(4)
    )


class PanelMemberForm(CaseForm):
    member = PersonChoice(
        label="Panel member",
        queryset=User.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        members = Membership.objects.filter(organisation=case.organisation, role__in=PANEL_ROLES)
        offered = User.objects.filter(pk__in=members.values("user_id")).exclude(
            pk__in=case.panel_members.values("member_id")
        )
        self.fields["member"].queryset = without_board_or_council(
            offered, case.organisation, as_of=timezone.localdate()
        ).order_by("username")


class DecisionForm(CaseForm):
    """The standard reasoned determination (seed 000, key target 5)."""

    allegation = forms.CharField(
        label="The complaint or allegation", max_length=10000, widget=govuk_textarea(4)
    )
    facts_found = forms.CharField(label="Facts found", max_length=20000, widget=govuk_textarea(6))
    findings = forms.CharField(label="Findings", max_length=20000, widget=govuk_textarea(6))
    outcome = forms.ChoiceField(label="Outcome", widget=forms.RadioSelect)
    remedy = forms.ChoiceField(label="Remedy", required=False, widget=forms.RadioSelect)
    reasons = forms.CharField(label="Reasons", max_length=20000, widget=govuk_textarea(6))
    decided_on = DateInputField(
        label="Date of the decision", noun="date of the decision", latest=TODAY
    )
    publish = forms.BooleanField(
        label="Publish the finding on the register, for the period the sanctions guidelines give",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}),
    )

    def __init__(self, *args, case, scheme, remedies, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        conduct = case.scheme == "conduct"
        self.fields["outcome"].choices = [(o["code"], o["name"]) for o in scheme["outcomes"]]
        self.fields["remedy"].label = "Sanction" if conduct else "Remedy"
        self.fields["remedy"].choices = [("", "None")] + [(r["code"], r["name"]) for r in remedies]
        if conduct:
            self.fields["allegation"].label = "The allegation"
        else:
            del self.fields["publish"]
        self._bound_fields_cache.clear()  # the labels changed after the form was worded


class CouncilSeatForm(GovukForm):
    """A member of the regulator recorded as sitting on the professional body's council."""

    member = PersonChoice(
        label="Who sits on the council",
        queryset=User.objects.none(),
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    started_on = DateInputField(label="On the council since", noun="date they joined", latest=TODAY)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        people = Membership.objects.filter(organisation=organisation).values("user_id")
        self.fields["member"].queryset = User.objects.filter(pk__in=people).order_by("username")


class CouncilSeatEndForm(GovukForm):
    ended_on = DateInputField(label="Left the council on", noun="date they left", latest=TODAY)
