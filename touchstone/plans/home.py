"""Plans' home panel: the plans of the organisation the user is working as."""

from django.urls import reverse

from touchstone.core.home import Link, Panel
from touchstone.core.selectors import organisations_with_perm
from touchstone.plans.selectors import plans_for_user


def panels(request) -> list[Panel]:
    user = request.user
    plans = list(plans_for_user(user, organisation=getattr(request, "organisation", None))[:6])
    may_add = organisations_with_perm(user, "plans.add_plan").exists()
    if not plans and not may_add:
        return []
    links = tuple(
        Link(
            p.title,
            reverse("plans:detail", args=[p.pk]),
            f"{p.organisation.name}, {p.action_count} actions",
        )
        for p in plans[:5]
    )
    lines = () if plans else ("No plans yet. Import one from a spreadsheet.",)
    return [
        Panel(
            key="plans",
            title="Plans",
            links=links,
            lines=lines,
            order=40,
            more=Link("All plans", reverse("plans:list")),
        )
    ]
