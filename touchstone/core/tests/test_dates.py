"""The GOV.UK date input: what it accepts, what it refuses and how it says so."""

from datetime import date, timedelta

import pytest
from django import forms
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from touchstone.core.dates import TODAY, DateInputField, date_in_words, month_number
from touchstone.core.forms import GovukForm
from touchstone.core.testing import date_boxes


class GrantForm(GovukForm):
    granted_on = DateInputField(label="Date granted")
    ended_on = DateInputField(label="Date the right ends", required=False, latest=TODAY)
    reviewed_on = DateInputField(
        label="Reviewed", noun="review date", required=False, earliest=date(2020, 1, 1)
    )


def errors_for(data: dict, prefix=None) -> tuple[list[str], tuple[str, ...], str]:
    form = GrantForm(data, prefix=prefix)
    form.is_valid()
    name = next(iter(form.errors), "granted_on")
    bound = form[name]
    return form.errors.get(name, []), bound.field.widget.boxes_at_fault, bound.id_for_label


@pytest.mark.parametrize(
    ("day", "month", "year", "expected"),
    [
        ("27", "3", "2026", date(2026, 3, 27)),
        (" 27 ", " 03 ", " 2026 ", date(2026, 3, 27)),
        ("1", "March", "2026", date(2026, 3, 1)),
        ("1", "mar", "2026", date(2026, 3, 1)),
        ("1", "SEPT", "2026", date(2026, 9, 1)),
        ("29", "feb", "2024", date(2024, 2, 29)),
        ("01", "12", "1999", date(1999, 12, 1)),
    ],
)
def test_accepts_what_govuk_accepts(day, month, year, expected):
    form = GrantForm(date_boxes("granted_on", day, month, year))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["granted_on"] == expected


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "boxes"),
    [
        ("", "", "", "Enter the date granted", ("day", "month", "year")),
        ("3", "3", "", "Date granted must include a year", ("year",)),
        ("", "3", "2026", "Date granted must include a day", ("day",)),
        ("", "", "2026", "Date granted must include a day and month", ("day", "month")),
        ("31", "4", "2026", "Date granted must be a real date", ("day",)),
        ("29", "2", "2025", "Date granted must be a real date", ("day",)),
        ("3", "13", "2026", "Date granted must be a real date", ("month",)),
        ("3", "Smarch", "2026", "Date granted must be a real date", ("month",)),
        ("x", "3", "2026", "Date granted must be a real date", ("day",)),
        ("0", "0", "2026", "Date granted must be a real date", ("day", "month")),
        ("3", "3", "26", "Date granted must include a year of 4 numbers", ("year",)),
        ("3", "3", "two", "Date granted must be a real date", ("year",)),
        ("²", "3", "2026", "Date granted must be a real date", ("day",)),
    ],
)
def test_refuses_with_the_fields_name_and_marks_only_the_boxes_at_fault(
    day, month, year, message, boxes
):
    errors, at_fault, first = errors_for(date_boxes("granted_on", day, month, year))
    assert errors == [message]
    assert at_fault == boxes
    assert first == f"id_granted_on-{boxes[0]}"  # where the error summary links


def test_limits_are_in_words():
    tomorrow = timezone.localdate() + timedelta(days=1)
    data = {
        **date_boxes("granted_on", 1, 1, 2021),
        **date_boxes("ended_on", tomorrow.day, tomorrow.month, tomorrow.year),
        **date_boxes("reviewed_on", 31, 12, 2019),
    }
    form = GrantForm(data)
    assert not form.is_valid()
    assert form.errors["ended_on"] == ["Date the right ends must be today or in the past"]
    assert form.errors["reviewed_on"] == ["Review date must be the same as or after 1 January 2020"]
    assert "granted_on" not in form.errors


def test_a_prefixed_form_reads_its_own_boxes_and_an_iso_date_under_the_plain_name():
    form = GrantForm(date_boxes("grant-granted_on", 2, 3, 2026), prefix="grant")
    assert form.is_valid() and form.cleaned_data["granted_on"] == date(2026, 3, 2)
    linked = GrantForm({"granted_on": "2026-03-02"})  # ?granted_on= in a link
    assert linked.is_valid() and linked.cleaned_data["granted_on"] == date(2026, 3, 2)
    assert errors_for({"granted_on": "2026-02-30"})[0] == ["Date granted must be a real date"]


def test_renders_a_fieldset_with_legend_hint_and_named_boxes():
    form = GrantForm(date_boxes("granted_on", "31", "4", "2026"))
    form.is_valid()
    html = str(form["granted_on"].as_widget())
    assert 'name="granted_on-day"' in html and 'value="31"' in html
    assert html.count("govuk-input--error") == 1  # the day only
    from django.template.loader import render_to_string

    group = render_to_string("includes/field.html", {"field": form["granted_on"]})
    assert '<legend class="govuk-fieldset__legend">Date granted</legend>' in group
    assert "For example, 27 3 2026" in group
    assert 'aria-describedby="id_granted_on-hint id_granted_on-error"' in group
    assert 'type="date"' not in group


def test_an_error_found_after_cleaning_marks_every_box():
    form = GrantForm(date_boxes("granted_on", 1, 1, 2026))
    assert form.is_valid()
    form.add_error("granted_on", "The registrant was not admitted then")
    assert form.fields["granted_on"].widget.boxes_at_fault == ("day", "month", "year")


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)), st.booleans())
def test_any_real_date_round_trips_through_day_month_and_year(day, by_name):
    month = date_in_words(day).split()[1] if by_name else str(day.month)
    field = DateInputField(label="Date granted")
    assert field.clean({"day": str(day.day), "month": month, "year": str(day.year)}) == day
    assert field.widget.format_value(day) == {
        "day": str(day.day),
        "month": str(day.month),
        "year": str(day.year),
    }


@given(
    st.integers(1000, 9999),
    st.integers(1, 12),
    st.integers(1, 99),
)
def test_impossible_dates_are_refused_with_the_fields_name(year, month, day):
    try:
        date(year, month, day)
    except ValueError:
        field = DateInputField(label="Date granted")
        with pytest.raises(forms.ValidationError) as refused:
            field.clean({"day": str(day), "month": str(month), "year": str(year)})
        assert refused.value.messages == ["Date granted must be a real date"]
        assert field.widget.boxes_at_fault == ("day",)


@pytest.mark.parametrize(
    ("text", "number"),
    [("3", 3), ("03", 3), ("March", 3), ("mar", 3), ("Sept.", 9), ("13", None), ("", None)],
)
def test_month_number(text, number):
    assert month_number(text) == number


def test_date_in_words():
    assert date_in_words(date(2026, 3, 3)) == "3 March 2026"
