"""An action without a RAG reads "Not rated" everywhere: pages, board report, API labels."""

import io
from pathlib import Path

import pytest
from django.test import Client
from pypdf import PdfReader

from touchstone.plans.api.serializers.staff import ActionUpdateSerializer
from touchstone.plans.exports import export_pdf
from touchstone.plans.filters import ActionFilters
from touchstone.plans.models import NOT_RATED
from touchstone.plans.tests.factories import SAMPLE_AS_OF, sample_plan

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "plans"


@pytest.fixture
def plan(organisation):
    return sample_plan(organisation, name="IPS plan")


def test_one_wording():
    assert NOT_RATED == "Not rated"
    for template in TEMPLATES.glob("*.html"):
        assert "No RAG" not in template.read_text(), template.name


@pytest.mark.django_db
def test_pages_pdf_and_api_say_not_rated(plan, officer):
    client = Client()
    client.force_login(officer)
    unrated = plan.actions.filter(rag="").first()
    assert unrated is not None
    for url in ("/plans/", f"/plans/{plan.pk}/", f"/plans/actions/{unrated.pk}/"):
        html = client.get(url).content.decode()
        assert "Not rated" in html and "No RAG" not in html, url
    pdf = export_pdf(plan, as_of=SAMPLE_AS_OF)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Not rated" in text
    assert unrated.rag_label == "Not rated"


def test_the_apis_labels_say_not_rated():
    assert ActionUpdateSerializer().fields["rag"].choices[""] == NOT_RATED
    assert dict(ActionFilters(plan=None).form.fields["rag"].choices)["none"] == NOT_RATED
