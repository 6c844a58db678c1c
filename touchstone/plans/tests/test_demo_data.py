"""The seed plans load completely and faithfully, and loading twice changes nothing."""

from datetime import date
from io import StringIO

import pytest
import yaml

from touchstone.core.models import AuditEvent
from touchstone.plans.demo import DEMO_DIR, PLAN_FILES, load
from touchstone.plans.models import Action, Area, KeyAim, KeyTarget, Plan


def _expected(name: str) -> dict:
    data = yaml.safe_load((DEMO_DIR / name).read_text())
    areas = data["areas"]
    return {
        "areas": len(areas),
        "aims": sum(len(a["aims"]) for a in areas),
        "targets": sum(len(a["targets"]) for a in areas),
        "actions": sum(len(t["actions"]) for a in areas for t in a["targets"]),
    }


@pytest.mark.django_db
def test_seed_plans_load_completely_and_idempotently():
    load(StringIO())
    ips = Plan.objects.get(title="IPS business plan 2009-10")
    lgss = Plan.objects.get(title="LGSS Law / CCC CFA service improvement plan 2017")
    for plan, name in zip([ips, lgss], PLAN_FILES, strict=True):
        expected = _expected(name)
        assert Area.objects.filter(plan=plan).count() == expected["areas"]
        assert KeyAim.objects.filter(area__plan=plan).count() == expected["aims"]
        assert KeyTarget.objects.filter(area__plan=plan).count() == expected["targets"]
        assert plan.actions.count() == expected["actions"]
    # The documents themselves: six areas and 105 actions in seed 000, 11 actions in seed 004.
    assert (ips.areas.count(), ips.actions.count(), lgss.actions.count()) == (6, 105, 11)
    assert ips.organisation.slug == "ips" and lgss.organisation.slug == "lgss-law"

    events = AuditEvent.objects.count()
    load(StringIO())
    assert Plan.objects.count() == 2
    assert AuditEvent.objects.count() == events


@pytest.mark.django_db
def test_seed_plans_spot_checks():
    load(StringIO())
    abs_action = Action.objects.get(
        text="IPS to position itself to regulate alternative business structures"
    )
    assert (abs_action.due_text, abs_action.due_date, abs_action.leads) == (
        "2012",
        date(2012, 12, 31),
        ["BB", "IW"],
    )
    assert abs_action.target.area.name == "Education and standards"
    assert abs_action.progress_updates.get().text == "Board to review position in December 2009"
    split_row = Action.objects.get(text="Website to include specialist rights awarded to members")
    assert (split_row.due_date, split_row.leads) == (date(2009, 12, 31), ["BB", "LN"])
    ongoing = Action.objects.get(
        text="Monitor and respond to LSB consultations on development of regulatory "
        "structure for ABS"
    )
    assert (ongoing.due_date, ongoing.recurring) == (date(2009, 8, 31), True)
    sla = Action.objects.get(plan__title__startswith="LGSS", ref="1")
    assert (sla.due_date, sla.rag) == (date(2017, 9, 1), "green")
    assert sla.comment.startswith("Draft SLA (agreed by LGSS Law")
    pro_forma = Action.objects.get(plan__title__startswith="LGSS", ref="10")
    assert pro_forma.rag == "red"
    tba = Action.objects.get(plan__title__startswith="LGSS", ref="7")
    assert (tba.due_date, tba.recurring) == (None, False)
    recruitment = Action.objects.get(plan__title__startswith="LGSS", ref="9")
    assert recruitment.comment.endswith("iii) Paralegals increased from 3 to 5.")
