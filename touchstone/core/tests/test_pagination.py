"""`{% pagination page %}`: numbered links that keep the rest of the page's address."""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory

TEMPLATE = Template("{% load lists %}{% pagination page %}")


def render(path: str, *, items: int, per_page: int = 10) -> str:
    request = RequestFactory().get(path)
    page = Paginator(range(items), per_page).get_page(request.GET.get("page"))
    return TEMPLATE.render(Context({"request": request, "page": page}))


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def test_one_page_shows_no_pagination():
    assert render("/register/?q=smith", items=10).strip() == ""


def test_every_link_keeps_the_other_parameters_repeated_ones_included():
    html = render("/register/?status=active&status=suspended&q=o%27brien&page=5", items=100)
    for href in links(html):
        query = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
        assert query["status"] == ["active", "suspended"]
        assert query["q"] == ["o'brien"]
        assert len(query["page"]) == 1


def test_pages_are_numbered_with_the_current_one_marked_and_gaps_as_ellipses():
    html = render("/history/?page=5", items=100)
    pages = [parse_qs(urlsplit(h.replace("&amp;", "&")).query)["page"][0] for h in links(html)]
    # previous, 1 … 4 5 6 … 10, next
    assert pages == ["4", "1", "4", "5", "6", "10", "6"]
    assert html.count("govuk-pagination__item--ellipses") == 2
    assert 'aria-label="Page 5" aria-current="page"' in html
    assert 'rel="prev"' in html and 'rel="next"' in html


def test_the_first_page_has_no_previous_link_and_the_last_no_next():
    first, last = render("/x/", items=30), render("/x/?page=3", items=30)
    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="next"' not in last and 'rel="prev"' in last
