"""The GOV.UK form base: controls point at their hint and error, whoever reports it."""

from django import forms

from touchstone.core.forms import GovukForm, govuk_input, govuk_select


class ExampleForm(GovukForm):
    when = forms.DateField(label="Date", help_text="For example, 2025-03-31", widget=govuk_input())
    kind = forms.ChoiceField(label="Kind", choices=[("", ""), ("a", "A")], widget=govuk_select())
    note = forms.CharField(label="What you did", required=False, widget=govuk_input())
    agreed = forms.BooleanField(label="I agree")


def test_each_missing_answer_says_which_it_is():
    form = ExampleForm({})
    assert not form.is_valid()
    assert form.errors["when"] == ["Enter the date"]
    assert form.errors["kind"] == ["Select the kind"]
    assert form.errors["agreed"] == ["This field is required."]  # a checkbox keeps its own


def test_hint_and_error_are_described_and_styled():
    form = ExampleForm({"when": "soon", "kind": "a", "agreed": "on"})
    assert not form.is_valid()
    attrs = form.fields["when"].widget.attrs
    assert attrs["aria-describedby"] == "id_when-hint id_when-error"
    assert attrs["class"] == "govuk-input govuk-input--error"
    assert "aria-describedby" not in form.fields["kind"].widget.attrs


def test_an_error_added_after_cleaning_is_marked_too():
    form = ExampleForm({"when": "2025-01-01", "kind": "a", "agreed": "on"})
    assert form.is_valid()
    assert form.fields["kind"].widget.attrs["class"] == "govuk-select"
    form.add_error("kind", "That kind is closed.")
    assert form.fields["kind"].widget.attrs["aria-describedby"] == "id_kind-error"
    assert form.fields["kind"].widget.attrs["class"] == "govuk-select govuk-select--error"
