"""The standards home panels: for a standards body's administrators and officers, the
framework library they look after, each framework in its current edition; and for anyone
who may see accreditations (a provider's people, a body's staff), those accreditations."""

from django.urls import reverse

from touchstone.core.home import Link, Panel
from touchstone.standards.permissions import is_standards_staff_anywhere
from touchstone.standards.selectors import accreditations_list, frameworks_current


def _accreditations(request) -> list[Panel]:
    shown = list(accreditations_list(request.user)[:5])
    if not shown:
        return []
    return [
        Panel(
            key="standards-accreditations",
            title="Accreditations",
            links=tuple(
                Link(
                    str(a.provider),
                    reverse("standards:accreditation", args=[a.pk]),
                    a.get_state_display()
                    + (
                        f", deadline {a.remediation_deadline:%-d %B %Y}"
                        if a.remediation_deadline
                        else f" until {a.registered_until:%-d %B %Y}"
                        if a.registered_until and a.is_open
                        else ""
                    ),
                )
                for a in shown
            ),
            order=25,
            more=Link("All accreditations", reverse("standards:accreditations")),
        )
    ]


def panels(request) -> list[Panel]:
    found = _accreditations(request)
    if not is_standards_staff_anywhere(request.user):
        return found
    links = tuple(
        Link(
            framework.name,
            reverse("standards:framework", args=[framework.ref_id]),
            f"{framework.edition}" + ("" if framework.text_held else "; clause codes only"),
        )
        for framework in frameworks_current()
    )
    return found + [
        Panel(
            key="standards-library",
            title="Framework library",
            lines=(
                "No framework is loaded yet: load one with the command touchstone standards load.",
            )
            if not links
            else (),
            links=links,
            order=30,
            more=Link("All frameworks", reverse("standards:frameworks")),
        )
    ]
