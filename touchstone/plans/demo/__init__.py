"""Demo plans: the two seed plans, loaded through the services from the YAML beside this file
(idempotent)."""

from datetime import date
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone

from touchstone.core.models import Organisation
from touchstone.core.services import organisation_create
from touchstone.plans import rules
from touchstone.plans.models import Plan
from touchstone.plans.services import ActionInput, action_add, area_add, plan_create, target_add

DEMO_DIR = Path(__file__).resolve().parent
PLAN_FILES = ["ips_business_plan_2009_10.yaml", "lgss_law_cfa_sip_2017.yaml"]


def load(stdout) -> None:
    """Load each seed plan that its organisation does not have yet; one line per plan."""
    for name in PLAN_FILES:
        data = yaml.safe_load((DEMO_DIR / name).read_text(encoding="utf-8"))
        try:
            plan, created = load_plan(data)
        except (rules.RuleError, ValueError) as exc:
            raise ValueError(f"{name}: {exc}") from exc
        if created:
            stdout.write(f'loaded plan "{plan.title}" ({plan.actions.count()} actions)')
        else:
            stdout.write(f'plan "{plan.title}" is already there: left as it is')


def _date(value) -> date | None:
    """YAML gives a date for 2009-12-01 but a string if it was quoted."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _text(value) -> str:
    return "" if value is None else str(value).strip()


@transaction.atomic
def load_plan(data: dict) -> tuple[Plan, bool]:
    """Build one plan from its YAML, all in one transaction. Returns (plan, created)."""
    org = data["organisation"]
    organisation = Organisation.objects.filter(slug=org["slug"]).first() or organisation_create(
        acting_user=None, slug=org["slug"], name=org["name"], kind=org["kind"]
    )
    meta = data["plan"]
    existing = Plan.objects.filter(organisation=organisation, title=meta["title"]).first()
    if existing:
        return existing, False
    plan = plan_create(
        acting_user=None,
        organisation=organisation,
        title=meta["title"],
        kind=meta["kind"],
        period=_text(meta.get("period")),
        starts_on=_date(meta.get("starts_on")),
        ends_on=_date(meta.get("ends_on")),
        summary=_text(meta.get("summary")),
    )
    progress_on = _date(meta.get("progress_as_of")) or timezone.localdate()
    for area_data in data["areas"]:
        area = area_add(
            acting_user=None,
            plan=plan,
            name=_text(area_data.get("name")),
            aims=[_text(aim) for aim in area_data.get("aims") or []],
        )
        for target_data in area_data.get("targets") or []:
            target = target_add(
                acting_user=None,
                area=area,
                text=_text(target_data.get("text")),
                number=target_data.get("number"),
            )
            for a in target_data.get("actions") or []:
                ref = _text(a.get("ref"))
                try:
                    status = rules.parse_status(_text(a.get("status")))
                    rag = rules.parse_rag(_text(a.get("rag")))
                except rules.RuleError as exc:
                    raise rules.RuleError(f"action {ref}: {exc}") from exc
                action_add(
                    acting_user=None,
                    target=target,
                    data=ActionInput(
                        text=_text(a["action"]),
                        ref=ref,
                        due_text=_text(a.get("due")),
                        leads_text=_text(a.get("leads")),
                        status=status,
                        rag=rag,
                        comment=_text(a.get("comment")),
                        progress=_text(a.get("progress")) or None,
                        progress_on=progress_on,
                    ),
                )
    return plan, True
