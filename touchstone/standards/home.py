"""The standards home panel: for a standards body's administrators and officers, the
framework library they look after, each framework in its current edition."""

from django.urls import reverse

from touchstone.core.home import Link, Panel
from touchstone.standards.permissions import is_standards_staff_anywhere
from touchstone.standards.selectors import frameworks_current


def panels(request) -> list[Panel]:
    if not is_standards_staff_anywhere(request.user):
        return []
    links = tuple(
        Link(
            framework.name,
            reverse("standards:framework", args=[framework.ref_id]),
            f"{framework.edition}" + ("" if framework.text_held else "; clause codes only"),
        )
        for framework in frameworks_current()
    )
    return [
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
