from django import forms

from touchstone.register.models import Category, RightType, Status


class PublicSearchForm(forms.Form):
    q = forms.CharField(
        label="Name or number",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "govuk-input", "spellcheck": "false"}),
    )
    town = forms.CharField(
        label="Town or postcode",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
    )
    right = forms.ChoiceField(
        label="Practice right", required=False, widget=forms.Select(attrs={"class": "govuk-select"})
    )
    category = forms.ChoiceField(
        label="Category", required=False, widget=forms.Select(attrs={"class": "govuk-select"})
    )
    status = forms.ChoiceField(
        label="Status", required=False, widget=forms.Select(attrs={"class": "govuk-select"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["right"].choices = [("", "Any")] + list(
            RightType.objects.values_list("code", "name")
        )
        self.fields["category"].choices = [("", "Any")] + list(
            Category.objects.values_list("code", "name")
        )
        self.fields["status"].choices = [("", "Any")] + list(
            Status.objects.values_list("code", "name")
        )


class StaffSearchForm(forms.Form):
    q = forms.CharField(
        label="Name, number or email",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
    )
