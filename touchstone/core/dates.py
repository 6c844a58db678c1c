"""The GOV.UK date input: a date typed as day, month and year in three boxes.

`DateInputField` is the one way a web form asks for a date. It reads the boxes `<name>-day`,
`<name>-month` and `<name>-year` (the GOV.UK names, so a prefixed form posts
`progress-recorded_on-day`), or, when none of them was sent, an ISO date under the field's
own name (a link such as `?as_of=2026-03-31`). It accepts what GOV.UK accepts: surrounding
spaces, and the month as a number, a name or an abbreviation ("3", "March", "mar"). Its
messages name the date ("Date granted must include a year", "Enter the date granted") and it
remembers which boxes were at fault, so only those are highlighted and the error summary
links to the first of them.

`date_in_words` writes a date as people read it: "3 March 2026".
"""

import calendar
import re
from collections.abc import Callable
from datetime import date

from django import forms
from django.utils import timezone

from touchstone.core.rules import MONTHS, joined_in_words

PARTS = ("day", "month", "year")
EXAMPLE = "For example, 27 3 2026"
TODAY = "today"

_DIGITS = re.compile(r"[0-9]+")


def date_in_words(value: date) -> str:
    """ "3 March 2026": the day without a leading zero, the month by name."""
    return f"{value.day} {calendar.month_name[value.month]} {value.year}"


def month_number(text: str) -> int | None:
    """The month a person typed: 1 to 12 (leading zeros allowed), a name or its abbreviation,
    in any case. None when it is none of these."""
    text = text.strip().lower().rstrip(".")
    if _DIGITS.fullmatch(text):
        number = int(text)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(text)


def _parse_iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


class DateInput(forms.Widget):
    """Three boxes in a row (GOV.UK `govuk-date-input`); see `includes/field.html` for the
    fieldset, legend, hint and error around them."""

    template_name = "core/widgets/date_input.html"
    is_date_input = True

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.boxes_at_fault: tuple[str, ...] = ()

    def value_from_datadict(self, data, files, name):
        boxes = {part: data.get(f"{name}-{part}") for part in PARTS}
        if all(v is None for v in boxes.values()) and name in data:
            return data.get(name)  # an ISO date under the field's own name (a link)
        return {part: v or "" for part, v in boxes.items()}

    def value_omitted_from_data(self, data, files, name):
        return name not in data and not any(f"{name}-{part}" in data for part in PARTS)

    def format_value(self, value):
        if isinstance(value, str):
            value = _parse_iso(value) or {"day": "", "month": "", "year": ""}
        if isinstance(value, date):
            return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
        if isinstance(value, dict):
            return {part: value.get(part) or "" for part in PARTS}
        return {part: "" for part in PARTS}

    def id_for_label(self, id_):
        """The first box at fault (or the day), which the error summary links to."""
        if not id_:
            return id_
        return f"{id_}-{self.boxes_at_fault[0] if self.boxes_at_fault else 'day'}"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        field_id = context["widget"]["attrs"].get("id") or name
        values = self.format_value(value)
        context["widget"]["boxes"] = [
            {
                "part": part,
                "label": part.capitalize(),
                "name": f"{name}-{part}",
                "id": f"{field_id}-{part}",
                "value": values[part],
                "width": 4 if part == "year" else 2,
                "autocomplete": self.attrs.get(f"autocomplete-{part}", ""),
                "at_fault": part in self.boxes_at_fault,
            }
            for part in PARTS
        ]
        context["widget"]["id"] = field_id
        return context


Limit = date | Callable[[], date] | str  # a date, a function giving one, or TODAY


class DateInputField(forms.Field):
    """A date asked for as day, month and year, with GOV.UK's messages naming it.

    `noun` is the date in words, as it reads after "Enter the" ("date granted"); without it,
    the label lower-cased. `earliest` and `latest` bound it (a date, a function giving one, or
    `TODAY`), and their messages say so in words: "must be today or in the past"."""

    widget = DateInput

    def __init__(
        self,
        *,
        noun: str | None = None,
        earliest: Limit | None = None,
        latest: Limit | None = None,
        help_text: str = "",
        **kwargs,
    ):
        hint = f"{help_text} {EXAMPLE}" if help_text else EXAMPLE
        super().__init__(help_text=hint, **kwargs)
        self.noun = noun
        self.earliest = earliest
        self.latest = latest

    # The messages, in words.

    def _noun(self) -> str:
        return self.noun or str(self.label or "the date").strip().rstrip("?:").lower()

    def _subject(self) -> str:
        noun = self._noun()
        return noun[:1].upper() + noun[1:]

    def _fault(self, message: str, boxes: tuple[str, ...] = PARTS) -> forms.ValidationError:
        self.widget.boxes_at_fault = boxes
        return forms.ValidationError(message, code="invalid")

    # Reading the boxes.

    def clean(self, value):
        self.widget.boxes_at_fault = ()
        result = self.to_python(value)
        self.validate(result)
        self.run_validators(result)
        return result

    def to_python(self, value):
        if value is None or value == "":
            return self._missing()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            parsed = _parse_iso(value)
            if parsed is None:
                raise self._fault(f"{self._subject()} must be a real date")
            return self._within_limits(parsed)
        boxes = {part: (value.get(part) or "").strip() for part in PARTS}
        missing = tuple(part for part in PARTS if not boxes[part])
        if len(missing) == 3:
            return self._missing()
        if missing:
            raise self._fault(
                f"{self._subject()} must include a {joined_in_words(list(missing))}", missing
            )
        return self._within_limits(self._real_date(**boxes))

    def _missing(self):
        if self.required:
            message = self.error_messages["required"]
            if message == forms.Field.default_error_messages["required"]:
                message = f"Enter the {self._noun()}"  # a date field outside a GovukForm
            raise self._fault(message)
        return None

    def _real_date(self, *, day: str, month: str, year: str) -> date:
        subject = self._subject()
        day_number = int(day) if _DIGITS.fullmatch(day) else None
        month_no = month_number(month)
        if not _DIGITS.fullmatch(year):
            wrong = (
                ("year",)
                + (("day",) if day_number is None else ())
                + (("month",) if month_no is None else ())
            )
            raise self._fault(f"{subject} must be a real date", _in_order(wrong))
        if len(year) != 4:
            raise self._fault(f"{subject} must include a year of 4 numbers", ("year",))
        wrong = (() if day_number is not None and 1 <= day_number <= 31 else ("day",)) + (
            () if month_no is not None else ("month",)
        )
        if wrong:
            raise self._fault(f"{subject} must be a real date", wrong)
        try:
            return date(int(year), month_no, day_number)
        except ValueError:  # 31 April, 29 February in a common year
            raise self._fault(f"{subject} must be a real date", ("day",)) from None

    def _within_limits(self, value: date) -> date:
        subject = self._subject()
        earliest, latest = _limit(self.earliest), _limit(self.latest)
        if latest is not None and value > latest:
            if self.latest == TODAY:
                raise self._fault(f"{subject} must be today or in the past")
            raise self._fault(f"{subject} must be the same as or before {date_in_words(latest)}")
        if earliest is not None and value < earliest:
            if self.earliest == TODAY:
                raise self._fault(f"{subject} must be today or in the future")
            raise self._fault(f"{subject} must be the same as or after {date_in_words(earliest)}")
        return value

    def has_changed(self, initial, data):
        at_fault = self.widget.boxes_at_fault
        try:
            return self.to_python(data) != (self.to_python(initial) if initial else None)
        except forms.ValidationError:
            return True
        finally:
            self.widget.boxes_at_fault = at_fault


def _limit(limit: Limit | None) -> date | None:
    if limit is None:
        return None
    if limit == TODAY:
        return timezone.localdate()
    if callable(limit):
        return limit()
    return limit


def _in_order(parts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part for part in PARTS if part in parts)
