"""Test data for plans, always built through the services or the importer, so it is exactly
what the application itself makes (positions, derived dates and leads, audit, deadlines).

    plan = sample_plan(organisation)                       # 5 actions in 2 areas, from a CSV
    plan = make_plan(organisation, title="Board plan")     # an empty plan
    action = make_action(plan, "Publish the register", due_text="July 2009", rag="G")
"""

from datetime import date

from touchstone.core.models import AuditEvent, Deadline
from touchstone.plans import rules
from touchstone.plans.imports import plan_import
from touchstone.plans.models import (
    Action,
    Area,
    KeyAim,
    KeyTarget,
    Plan,
    PlanKind,
    ProgressUpdate,
)
from touchstone.plans.services import ActionInput, action_add, area_add, plan_create, target_add

IMPORT_HEADER = "area,target,action,due,leads,progress,rag,status,ref\n"

# Five actions in two areas (three key targets); as of 15 January 2010 only 2.1.1 is overdue
# (2.2.1 is past its date but complete), 2.1.2 has no date (TBA) and 3.1.2 is recurring.
SAMPLE_CSV = IMPORT_HEADER + (
    "Registration,Register is accurate,Publish the advocates register,July 2009,BB IW,"
    "Draft ready,G,in progress,2.1.1\n"
    "Registration,Register is accurate,Review member specialisms,TBA,TB,,A,not started,2.1.2\n"
    "Registration,CPD is kept,Review the CPD scheme,December 2009,BB,,,complete,2.2.1\n"
    "Fitness to practise,Timely cases,Introduce case tracking,Q1 2018-19,BB,,R,,3.1.1\n"
    "Fitness to practise,Timely cases,Monitor KPIs,Ongoing,BB LN,,,ongoing,3.1.2\n"
)
SAMPLE_REFS = ["2.1.1", "2.1.2", "2.2.1", "3.1.1", "3.1.2"]
SAMPLE_AS_OF = date(2010, 1, 15)

# Every table an import, a failed import or a loader could touch.
WRITTEN_MODELS = (Plan, Area, KeyAim, KeyTarget, Action, ProgressUpdate, AuditEvent, Deadline)


def table_counts() -> dict[str, int]:
    """Row counts of every table a plan write touches: compare before and after to prove that
    a rejected write left nothing behind."""
    return {model.__name__: model.objects.count() for model in WRITTEN_MODELS}


def sample_plan(organisation, *, name="Business plan", acting_user=None, csv=SAMPLE_CSV) -> Plan:
    """A plan imported from CSV text (by default SAMPLE_CSV)."""
    return plan_import(
        acting_user=acting_user,
        organisation=organisation,
        name=name,
        filename="plan.csv",
        data=csv.encode(),
    ).plan


def many_actions_csv(count: int) -> str:
    """CSV text of `count` actions spread over three areas and five key targets."""
    rows = [
        f"Area {i % 3},Target {i % 5},Action number {i},July 2009,BB,Note {i},G,in progress,{i}"
        for i in range(count)
    ]
    return IMPORT_HEADER + "\n".join(rows) + "\n"


def make_plan(
    organisation, *, title="Test plan", kind=PlanKind.BUSINESS_PLAN, acting_user=None, **fields
) -> Plan:
    return plan_create(
        acting_user=acting_user, organisation=organisation, title=title, kind=kind, **fields
    )


def make_action(
    plan: Plan,
    text: str,
    *,
    area: str = "",
    target: str = "",
    acting_user=None,
    **fields,
) -> Action:
    """An action under the named area and key target of the plan, creating them if needed.

    `fields` are those of ActionInput (ref, due_text, leads_text, status, rag, comment,
    progress, progress_on); status and RAG may be written any way the importer accepts.
    """
    area_obj = plan.areas.filter(name=area).first() or area_add(
        acting_user=acting_user, plan=plan, name=area
    )
    target_obj = area_obj.targets.filter(text=target).first() or target_add(
        acting_user=acting_user,
        area=area_obj,
        text=target,
        number=area_obj.targets.count() + 1,
    )
    if "status" in fields:
        fields["status"] = rules.parse_status(fields["status"])
    if "rag" in fields:
        fields["rag"] = rules.parse_rag(fields["rag"])
    return action_add(
        acting_user=acting_user, target=target_obj, data=ActionInput(text=text, **fields)
    )
