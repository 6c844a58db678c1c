"""Demo plans: the two seed plans, loaded through the services from YAML (idempotent)."""

from datetime import date
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone

from touchstone.core.models import Organisation
from touchstone.core.services import organisation_create
from touchstone.plans.models import Plan
from touchstone.plans.services import ActionInput, action_add, area_add, plan_create, target_add

DEMO_DIR = Path(__file__).resolve().parent / "demo"
PLAN_FILES = ["ips_business_plan_2009_10.yaml", "lgss_law_cfa_sip_2017.yaml"]


def load(stdout) -> None:
    for name in PLAN_FILES:
        data = yaml.safe_load((DEMO_DIR / name).read_text(encoding="utf-8"))
        plan, created = load_plan(data)
        verb = "loaded" if created else "already there:"
        stdout.write(f'{verb} plan "{plan.title}" ({plan.actions.count()} actions)')


@transaction.atomic
def load_plan(data: dict) -> tuple[Plan, bool]:
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
        period=meta.get("period") or "",
        starts_on=meta.get("starts_on"),
        ends_on=meta.get("ends_on"),
        summary=(meta.get("summary") or "").strip(),
    )
    progress_on: date = meta.get("progress_as_of") or timezone.localdate()
    for area_data in data["areas"]:
        area = area_add(
            acting_user=None,
            plan=plan,
            name=area_data.get("name") or "",
            aims=list(area_data.get("aims") or []),
        )
        for target_data in area_data["targets"]:
            target = target_add(
                acting_user=None,
                area=area,
                text=target_data.get("text") or "",
                number=target_data.get("number"),
            )
            for a in target_data["actions"]:
                action_add(
                    acting_user=None,
                    target=target,
                    data=ActionInput(
                        text=a["action"],
                        ref=str(a.get("ref") or ""),
                        due_text=str(a.get("due") or ""),
                        leads_text=a.get("leads") or "",
                        status=a.get("status"),
                        rag=a.get("rag"),
                        comment=a.get("comment") or "",
                        progress=a.get("progress"),
                        progress_on=progress_on,
                    ),
                )
    return plan, True
