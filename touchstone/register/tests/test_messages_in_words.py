"""The register's and plans' forms name each answer in the domain's words, never a label turned
into a sentence or one of Django's own messages."""

import re

import pytest
from django import forms
from django.test import Client

from touchstone.core.filters import ListFilters
from touchstone.core.forms import GovukForm
from touchstone.core.testing import date_boxes, sent
from touchstone.plans import filters as plans_filters
from touchstone.plans import forms as plans_forms
from touchstone.register import filters as register_filters
from touchstone.register import forms as register_forms
from touchstone.register.services import registrant_user_link


@pytest.fixture
def member(register, make_user):
    user = make_user("john")
    registrant_user_link(acting_user=None, registrant=register["john"], user=user)
    return user


CODES = (
    "required",
    "invalid",
    "invalid_choice",
    "min_value",
    "max_value",
    "max_length",
    "max_digits",
    "max_decimal_places",
)


def _django_default(field: forms.Field, code: str) -> str | None:
    defaults: dict = {}
    for cls in reversed(type(field).__mro__):
        defaults.update(getattr(cls, "default_error_messages", {}))
    for validator in field.validators:
        if getattr(validator, "code", None) == code:
            return str(validator.message)
    return defaults.get(code)


def _forms():
    for module in (plans_forms, register_forms):
        for name, cls in vars(module).items():
            if isinstance(cls, type) and issubclass(cls, GovukForm) and cls is not GovukForm:
                yield pytest.param(cls, id=name)
    for module in (plans_filters, register_filters):  # a list's filters are a form too
        for name, cls in vars(module).items():
            if isinstance(cls, type) and issubclass(cls, ListFilters) and cls is not ListFilters:
                yield pytest.param(cls, id=name)


def _instance(cls):
    extra = {
        "PlanImportForm": {"organisations": []},
        "ActionFilters": {"plan": None},
        "DashboardFilters": {"plan": None},
    }
    made = cls(**extra.get(cls.__name__, {}))
    return made.form if isinstance(made, ListFilters) else made


@pytest.mark.django_db
@pytest.mark.parametrize("cls", list(_forms()))
def test_no_message_is_djangos_own(cls):
    form = _instance(cls)
    for name, field in form.fields.items():
        if isinstance(field.widget, forms.CheckboxInput | forms.HiddenInput):
            continue
        for code in CODES:
            message = field.error_messages.get(code)
            if message is None:
                continue
            assert message != _django_default(field, code), (name, code, message)
            assert not str(message).startswith(("This field", "Ensure this", "Enter a valid")), (
                name,
                code,
            )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"hours": ""}, "hours", "Enter the number of hours, for example 1.5"),
        ({"hours": "0"}, "hours", "The number of hours must be 0.1 or more"),
        ({"hours": "1.25"}, "hours", "The number of hours can have at most 1 decimal place"),
        ({"hours": "lots"}, "hours", "The number of hours must be a number, for example 1.5"),
        ({"activity_type": ""}, "activity_type", "Select the type of activity"),
        ({"description": ""}, "description", "Enter the description of what you did"),
        (date_boxes("done_on", "", "", ""), "done_on", "Enter the date of the activity"),
        (date_boxes("done_on", 3, 3, ""), "done_on", "Date of the activity must include a year"),
        (date_boxes("done_on", 30, 2, 2025), "done_on", "Date of the activity must be a real date"),
        (
            date_boxes("done_on", 1, 1, 2999),
            "done_on",
            "Date of the activity must be today or in the past",
        ),
    ],
)
def test_the_cpd_form_speaks_of_hours_and_activities(register, member, data, field, message):
    client = Client()
    client.force_login(member)
    response = client.post("/register/my-cpd/add/", sent(data))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[field] == [message]
    assert message in response.content.decode()


@pytest.mark.django_db
def test_the_summary_links_to_the_first_box_at_fault(register, member):
    client = Client()
    client.force_login(member)
    response = client.post("/register/my-cpd/add/", sent(date_boxes("done_on", 3, "", 2025)))
    html = response.content.decode()
    assert '<a href="#id_done_on-month">Date of the activity must include a month</a>' in html
    boxes = {p: c for c, p in re.findall(r'<input class="([^"]*)" id="id_done_on-(\w+)"', html)}
    assert {part for part, css in boxes.items() if "govuk-input--error" in css} == {"month"}
