"""The practice-rights module's forms."""

from touchstone.core.dates import DateInputField
from touchstone.core.forms import GovukForm


class SchemeOnForm(GovukForm):
    """Which version of a scheme applies on a date: an application is checked against the
    version in force on its application date."""

    on = DateInputField(
        required=False,
        label="Application date",
        noun="application date",
        help_text="The version in force on this date applies.",
    )
