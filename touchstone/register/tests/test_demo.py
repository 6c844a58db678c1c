"""Demo register: loads through the services, links a member, and loads only once."""

from io import StringIO

import pytest

from touchstone.register import demo
from touchstone.register.models import CpdSample, EntityOffice, Registrant


@pytest.mark.django_db
def test_demo_register_loads_once(organisation, monkeypatch):
    monkeypatch.setattr(demo, "INDIVIDUALS", 60)
    monkeypatch.setattr(demo, "ENTITIES", 4)
    out = StringIO()
    demo.load(out)
    assert "64 demo registrants" in out.getvalue()
    first = list(Registrant.objects.order_by("number").values_list("number", "search_name"))
    assert Registrant.objects.get(number="100000").user.username == demo.MEMBER_USERNAME
    assert EntityOffice.objects.filter(head_office=True).count() == 4
    assert CpdSample.objects.get().seed == 2025
    demo.load(out)
    assert list(Registrant.objects.order_by("number").values_list("number", "search_name")) == (
        first
    )
