"""`{% pagination page %}`: the GOV.UK pagination component for any list page, with numbered
links (`rules.page_numbers`) that keep every other parameter of the page's address, repeated
ones included (several statuses, say)."""

from django import template

from touchstone.core import rules

register = template.Library()


def _page_url(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return f"?{query.urlencode()}"


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page, label: str = "Pages of results"):
    request = context["request"]
    if page is None or not page.has_other_pages():
        return {"show": False}
    items = [
        {"number": n, "url": _page_url(request, n), "current": n == page.number}
        if n is not None
        else {"ellipsis": True}
        for n in rules.page_numbers(page.number, page.paginator.num_pages)
    ]
    return {
        "show": True,
        "label": label,
        "items": items,
        "previous": _page_url(request, page.previous_page_number())
        if page.has_previous()
        else None,
        "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
    }
