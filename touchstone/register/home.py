"""The register's home panels: keeping the register (officers) and a member's own CPD."""

from django.urls import reverse
from django.utils import timezone

from touchstone.core.home import Link, Panel
from touchstone.register import rules
from touchstone.register.selectors import (
    cpd_samples_for_staff,
    cpd_year,
    officer_organisations,
    registrant_for_member,
)


def _hours(value) -> str:
    """Hours as people write them: 12, 2.5 (not 12.0 or 2.50)."""
    return format(value.normalize(), "f")


def panels(request) -> list[Panel]:
    user = request.user
    found = []
    if officer_organisations(user).exists():
        samples = cpd_samples_for_staff(user).count()
        found.append(
            Panel(
                key="register-staff",
                title="Keep the register",
                links=(
                    Link(
                        "Registrants", reverse("register:staff-search"), "search, change, history"
                    ),
                    Link(
                        "CPD monitoring",
                        reverse("register:staff-cpd"),
                        f"{samples} sample{'s' if samples != 1 else ''} drawn",
                    ),
                ),
                order=30,
            )
        )
    member = registrant_for_member(user)
    if member is not None:
        year = timezone.localdate().year
        record = cpd_year(member, year)
        end = rules.cpd_year_end(year)
        if record.submitted:
            hint = f"{_hours(record.hours)} hours, submitted"
        else:
            hint = (
                f"{_hours(record.hours)} of {_hours(record.scheme.minimum_hours)} hours recorded; "
                f"submit by {end.day} {end:%B %Y}"
            )
        found.append(
            Panel(
                key="register-member",
                title="Your CPD",
                lines=(f"Your registration: {member.status.name} ({member.number}).",),
                links=(Link(f"Your CPD record for {year}", reverse("register:my-cpd"), hint),),
                order=20,
                attention=not record.submitted and record.hours < record.scheme.minimum_hours,
            )
        )
    return found
