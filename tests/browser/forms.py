"""Filling the shared form components in a browser."""

from datetime import date


def date_input(page, legend: str):
    """The GOV.UK date input (core.dates) whose legend is `legend`."""
    return page.get_by_role("group", name=legend, exact=True)


def fill_date(page, legend: str, day: date | None = None, *, text: tuple = ()) -> None:
    """Type a date into its day, month and year boxes (or `text`: what a person typed)."""
    parts = text or (str(day.day), str(day.month), str(day.year))
    group = date_input(page, legend)
    for label, value in zip(("Day", "Month", "Year"), parts, strict=True):
        group.get_by_label(label, exact=True).fill(value)
