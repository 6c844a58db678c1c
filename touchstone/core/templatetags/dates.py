"""Dates in words in templates, for values that arrive as ISO text (a check's JSON result)."""

from datetime import date

from django import template

from touchstone.core.dates import date_in_words

register = template.Library()


@register.filter
def iso_in_words(value: str | None) -> str:
    """ "2028-07-13" → "13 July 2028"; anything that is not an ISO date is shown as it is."""
    if not value:
        return ""
    try:
        return date_in_words(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)
