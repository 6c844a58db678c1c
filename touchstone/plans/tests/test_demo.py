"""The seed plans load completely and faithfully through the services, and loading twice
changes nothing."""

import copy
from datetime import date
from io import StringIO

import pytest
import yaml
from django.core.management.base import OutputWrapper
from django.utils import timezone

from touchstone.core.models import Organisation, OrganisationKind
from touchstone.plans import rules
from touchstone.plans.demo import DEMO_DIR, PLAN_FILES, load, load_plan
from touchstone.plans.models import Action, Area, KeyAim, KeyTarget, Plan, ProgressUpdate
from touchstone.plans.tests.factories import table_counts

IPS_TITLE = "IPS business plan 2009-10"
LGSS_TITLE = "LGSS Law / CCC CFA service improvement plan 2017"


def seed(name: str) -> dict:
    return yaml.safe_load((DEMO_DIR / name).read_text(encoding="utf-8"))


def expected_counts(data: dict) -> dict[str, int]:
    areas = data["areas"]
    actions = [a for area in areas for t in area["targets"] for a in t["actions"]]
    return {
        "areas": len(areas),
        "aims": sum(len(a["aims"]) for a in areas),
        "targets": sum(len(a["targets"]) for a in areas),
        "actions": len(actions),
        "progress": sum(1 for a in actions if a.get("progress")),
    }


def seed_actions(name: str) -> list[tuple[dict, dict, dict]]:
    """(area, target, action) for every action of a seed file, in source order."""
    return [
        (area, target, action)
        for area in seed(name)["areas"]
        for target in area["targets"]
        for action in target["actions"]
    ]


def text(value) -> str:
    return "" if value is None else str(value).strip()


@pytest.fixture
def loaded(db) -> str:
    out = StringIO()
    load(OutputWrapper(out))  # as `touchstone demo-data` passes its stdout
    return out.getvalue()


def test_both_seed_plans_load_completely(loaded):
    assert loaded.splitlines() == [
        f'loaded plan "{IPS_TITLE}" ({len(seed_actions(PLAN_FILES[0]))} actions)',
        f'loaded plan "{LGSS_TITLE}" ({len(seed_actions(PLAN_FILES[1]))} actions)',
    ]
    for name, title in zip(PLAN_FILES, [IPS_TITLE, LGSS_TITLE], strict=True):
        data = seed(name)
        plan = Plan.objects.get(title=title)
        assert (plan.organisation.slug, plan.kind, plan.period) == (
            data["organisation"]["slug"],
            data["plan"]["kind"],
            str(data["plan"]["period"] or ""),
        )
        assert {
            "areas": Area.objects.filter(plan=plan).count(),
            "aims": KeyAim.objects.filter(area__plan=plan).count(),
            "targets": KeyTarget.objects.filter(area__plan=plan).count(),
            "actions": plan.actions.count(),
            "progress": ProgressUpdate.objects.filter(action__plan=plan).count(),
        } == expected_counts(data)
        assert [(a.position, a.name) for a in plan.areas.all()] == [
            (i, area["name"] or "") for i, area in enumerate(data["areas"], start=1)
        ]
    # The documents themselves: six areas and 105 actions in seed 000, 11 actions in seed 004.
    ips, lgss = Plan.objects.get(title=IPS_TITLE), Plan.objects.get(title=LGSS_TITLE)
    assert (ips.areas.count(), ips.actions.count(), lgss.actions.count()) == (6, 105, 11)


@pytest.mark.parametrize("name", PLAN_FILES)
def test_every_seed_action_is_loaded_as_written(loaded, name):
    data = seed(name)
    plan = Plan.objects.get(title=data["plan"]["title"])
    actions = list(plan.actions.select_related("target__area").prefetch_related("progress_updates"))
    expected = seed_actions(name)
    assert len(actions) == len(expected)
    progress_on = data["plan"]["progress_as_of"] or timezone.localdate()
    for action, (area, target, row) in zip(actions, expected, strict=True):
        assert (action.target.area.name, action.target.number, action.target.text) == (
            area["name"] or "",
            target["number"],
            target["text"] or "",
        )
        assert (action.ref, action.text, action.due_text, action.leads_text, action.comment) == (
            text(row["ref"]),
            text(row["action"]),
            text(row["due"]),
            text(row["leads"]),
            text(row["comment"]),
        )
        assert action.status == (row["status"] or "not_started")
        assert action.rag == (row["rag"] or "")
        assert action.due_date == rules.parse_due(text(row["due"])).due_date
        assert action.leads == rules.split_leads(text(row["leads"]))
        updates = [(u.recorded_on, u.text) for u in action.progress_updates.all()]
        assert updates == ([(progress_on, text(row["progress"]))] if row["progress"] else [])


def test_spot_checks_from_the_source_documents(loaded):
    # Seed 000: "IPS to position itself to regulate alternative business structures", due 2012.
    abs_action = Action.objects.get(
        plan__title=IPS_TITLE,
        text="IPS to position itself to regulate alternative business structures",
    )
    assert (abs_action.due_text, abs_action.due_date, abs_action.recurring) == (
        "2012",
        date(2012, 12, 31),
        False,
    )
    assert abs_action.leads == ["BB", "IW"]
    assert abs_action.target.area.name == "Education and standards"
    assert abs_action.progress_updates.get().text == "Board to review position in December 2009"
    split_row = Action.objects.get(text="Website to include specialist rights awarded to members")
    assert (split_row.due_date, split_row.leads) == (date(2009, 12, 31), ["BB", "LN"])
    ongoing = Action.objects.get(
        text="Monitor and respond to LSB consultations on development of regulatory "
        "structure for ABS"
    )
    assert (ongoing.due_date, ongoing.recurring) == (date(2009, 8, 31), True)
    # Seed 004, action 1: the service level agreement, due 01-09-17, green.
    sla = Action.objects.get(plan__title=LGSS_TITLE, ref="1")
    assert (sla.due_text, sla.due_date, sla.rag) == ("01-09-17", date(2017, 9, 1), "green")
    assert sla.comment.startswith("Draft SLA (agreed by LGSS Law")
    assert Action.objects.get(plan__title=LGSS_TITLE, ref="10").rag == "red"  # the pro forma
    tba = Action.objects.get(plan__title=LGSS_TITLE, ref="7")
    assert (tba.due_date, tba.recurring) == (None, False)
    recruitment = Action.objects.get(plan__title=LGSS_TITLE, ref="9")
    assert recruitment.comment.endswith("iii) Paralegals increased from 3 to 5.")
    lgss = Plan.objects.get(title=LGSS_TITLE)
    assert lgss.organisation.slug == "lgss-law" and lgss.kind == "service_improvement_plan"


@pytest.mark.django_db
def test_after_the_core_demo_leads_are_linked_to_demo_people():
    from touchstone.core import demo as core_demo

    core_demo.load(OutputWrapper(StringIO()))
    load(OutputWrapper(StringIO()))
    ips = Plan.objects.get(title=IPS_TITLE)
    assert ips.organisation.name == "ILEX Professional Standards Ltd"
    led_by_am = [a for a in ips.actions.all() if "AM" in a.leads]
    assert led_by_am, "the IPS plan names AM (Ada Morgan in the demo) as a lead"
    for action in led_by_am:
        assert "Ada Morgan" in {p.full_name for p in action.lead_people.all()}


def test_loading_again_changes_nothing(loaded):
    before = table_counts()
    out = StringIO()
    load(OutputWrapper(out))
    assert table_counts() == before
    assert out.getvalue().splitlines() == [
        f'plan "{IPS_TITLE}" is already there: left as it is',
        f'plan "{LGSS_TITLE}" is already there: left as it is',
    ]


@pytest.mark.django_db
def test_existing_demo_organisations_are_used_and_missing_ones_created():
    ips = Organisation.objects.create(
        slug="ips", name="IPS as core made it", kind=OrganisationKind.REGULATOR
    )
    load(StringIO())
    assert Plan.objects.get(title=IPS_TITLE).organisation == ips
    lgss = Organisation.objects.get(slug="lgss-law")  # not there before: made by the loader
    assert (lgss.name, lgss.kind) == ("LGSS Law", "provider")


@pytest.mark.django_db
def test_a_bad_seed_value_fails_loudly_and_leaves_nothing():
    data = copy.deepcopy(seed(PLAN_FILES[1]))
    data["areas"][0]["targets"][0]["actions"][-1]["rag"] = "purple"
    Organisation.objects.create(slug="lgss-law", name="LGSS Law", kind=OrganisationKind.PROVIDER)
    before = table_counts()
    with pytest.raises(rules.RuleError, match='action 11: unknown RAG "purple"'):
        load_plan(data)
    assert table_counts() == before
