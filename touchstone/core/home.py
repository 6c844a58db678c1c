"""The home page: a set of panels that each module contributes for the roles it serves.

A module names a function in its AppConfig (`home_panels = "touchstone.<module>.home.panels"`);
the function takes the request and returns the `Panel`s that user should see (none for a user
the module does not serve). Core adds its own (deadlines, notifications). Panels are shown
in `order`, then by title; a panel with `attention` set is shown first and marked.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from touchstone.core.selectors import deadlines_for_user, notifications_for_user

SHOWN_DEADLINES = 5
CORE_PANEL_KEYS = frozenset({"deadlines", "notifications"})
SOON = timedelta(days=7)  # a deadline this close makes its panel one for attention


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    hint: str = ""  # a line under the link: "3 overdue", "submit by 31 December 2026"
    overdue: bool = False  # marked with an "Overdue" tag


@dataclass(frozen=True)
class Panel:
    key: str  # unique; the panel's test id
    title: str
    links: tuple[Link, ...] = ()
    lines: tuple[str, ...] = ()  # short sentences shown above the links
    order: int = 50
    attention: bool = False
    more: Link | None = None  # "All notifications", "All plans"


def panels_for(request) -> list[Panel]:
    """Every panel for this request's user: core's and each installed module's."""
    panels = list(core_panels(request))
    for config in apps.get_app_configs():
        path = getattr(config, "home_panels", None)
        if path:
            panels.extend(import_string(path)(request))
    return sorted(panels, key=lambda p: (not p.attention, p.order, p.title))


def _when(day, today) -> str:
    if day < today:
        return f"was due {day.day} {day:%B %Y}"
    if day == today:
        return "due today"
    return f"due {day.day} {day:%B %Y}"


def core_panels(request) -> list[Panel]:
    user = request.user
    today = timezone.localdate()
    open_deadlines = deadlines_for_user(user, as_of=today)
    missed = open_deadlines.filter(due_on__lt=today)
    missed_count = missed.count()
    # Soonest first among what is still to come; what was missed, the latest first (a list of
    # very old misses says less than how many there are).
    coming = list(open_deadlines.filter(due_on__gte=today)[:SHOWN_DEADLINES])
    recent_misses = list(missed.order_by("-due_on", "-id")[: max(0, SHOWN_DEADLINES - 2)])
    lines = []
    if missed_count:
        oldest = missed.order_by("due_on").values_list("due_on", flat=True).first()
        lines.append(
            f"{missed_count} missed deadline{'s' if missed_count != 1 else ''}, "
            f"the oldest due {oldest.day} {oldest:%B %Y}."
        )
    if not missed_count and not coming:
        lines.append("Nothing missed or due in the next 30 days.")
    links = tuple(
        Link(d.label, d.url or "", _when(d.due_on, today), overdue=d.due_on < today)
        for d in [*coming, *recent_misses]
    )
    unread = notifications_for_user(user, unread_only=True)
    unread_count = unread.count()
    return [
        Panel(
            key="deadlines",
            title="Your deadlines",
            lines=tuple(lines),
            links=links,
            order=10,
            attention=bool(missed_count) or any(d.due_on <= today + SOON for d in coming),
        ),
        Panel(
            key="notifications",
            title="Notifications",
            lines=(f"{unread_count} unread.",) if unread_count else ("Nothing new.",),
            links=tuple(Link(n.subject, n.url or "") for n in unread[:SHOWN_DEADLINES]),
            order=90,
            more=Link("All notifications", reverse("core:notifications")),
        ),
    ]
