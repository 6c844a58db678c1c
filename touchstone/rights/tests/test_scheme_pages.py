"""The schemes as pages anyone can read: the version in force on a date, everything it asks
for, and each version's data as JSON."""

import json
from pathlib import Path

import pytest
import yaml
from django.test import Client
from django.utils.html import escape

from touchstone.rights.reference import load_scheme_file
from touchstone.rights.selectors import scheme_versions
from touchstone.rights.tests.build import PROBATE, document

pytestmark = pytest.mark.django_db


def page(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_list_names_each_scheme_with_the_version_in_force():
    html = page("/rights/")
    assert 'href="/rights/immigration/"' in html
    assert "version 2024.1, in force from 1 January 2024" in html


def test_the_immigration_page_shows_what_the_scheme_asks_for():
    html = page("/rights/immigration/")
    for words in (
        "This is version <strong>2024.1</strong>",
        "<strong>2,300 hours</strong>",
        "Legal Practice Course (LPC): 644 hours",
        "35, or 36 with the optional outcome",
        "No older than 2 years",
        "up to 3 years with an explanation",
        "At most 4",
        "Up to 10 MB",
        "less than 6 months old",
        "1.5 Draft legal documents",
        "6.5",
        "(optional)",
        "CILEX Professional Qualification (CPQ)",
        "Licensed Conveyancer",
        "a claim for asylum",
        "Civil Litigation Practice Rights",
        "Commissioner for Oaths",
        "not yet published",
    ):
        assert words in html, words


def test_every_criterion_and_bullet_is_on_the_page():
    html = page("/rights/immigration/")
    scheme = scheme_versions("immigration")[0]
    written = [
        text
        for competency in scheme.competencies
        for outcome in competency.outcomes
        for criterion in outcome.criteria
        for text in (criterion["text"], *criterion.get("bullets", ()))
    ]
    assert len(written) > 100
    assert [text for text in written if escape(text) not in html] == []


def _two_versions(tmp_path: Path) -> None:
    data = document(PROBATE)
    data["versions"].append(
        {"version": "P2", "effective_from": "2026-04-06", "required_hours": 1000}
    )
    path = tmp_path / "probate.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    load_scheme_file(path)


def test_a_date_shows_the_version_in_force_on_it(tmp_path):
    _two_versions(tmp_path)
    before = page("/rights/probate/?on-day=5&on-month=4&on-year=2026")
    assert "version <strong>P1</strong>" in before and "<strong>1,500 hours</strong>" in before
    assert "as it applied on 5 April 2026" in before
    after = page("/rights/probate/?on-day=6&on-month=4&on-year=2026")
    assert "version <strong>P2</strong>" in after and "<strong>1,000 hours</strong>" in after
    earlier = page("/rights/probate/?on-day=1&on-month=1&on-year=2020")
    assert "No version of this scheme was in force on 1 January 2020" in earlier
    assert "the first took effect on 6 April 2023" in earlier


def test_a_date_that_is_not_one_says_so_and_shows_today(tmp_path):
    html = page("/rights/immigration/?on-day=31&on-month=2&on-year=2026")
    assert "govuk-error-summary" in html
    assert "This is version <strong>2024.1</strong>" in html


def test_each_version_downloads_as_the_json_the_checks_read(tmp_path):
    _two_versions(tmp_path)
    response = Client().get("/rights/probate/P2.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert 'filename="probate-P2.json"' in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["version"] == "P2" and data["required_hours"] == 1000
    assert data == scheme_versions("probate")[1].to_dict()


@pytest.mark.parametrize(
    "url", ["/rights/litigation/", "/rights/immigration/9.9.json", "/rights/nope/1.json"]
)
def test_an_unknown_scheme_or_version_is_not_found(url):
    assert Client().get(url).status_code == 404


def test_the_pages_take_only_get():
    assert Client().post("/rights/immigration/").status_code == 405
