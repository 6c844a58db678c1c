"""The caseworkers' queue: the cases of one organisation under the scheme it runs, by state,
stage, complexity and assignment, in the order chosen. Filtered on the organisation and the
scheme columns directly (the indexes lead with both), so a page reads one count and one page
of rows whatever the number of cases."""

from datetime import date

from django.db.models import F, QuerySet

from touchstone.casework.models import SCHEME_ORGANISATION, Case
from touchstone.casework.rules import queue, stage_name
from touchstone.casework.selectors.schemes import scheme_data
from touchstone.casework.services.audit import AuditAction
from touchstone.core.filters import FilterRejected
from touchstone.core.permissions import require_perm
from touchstone.core.services import audit_record

SCHEME_OF_KIND = {kind: scheme for scheme, kind in SCHEME_ORGANISATION.items()}
ORDERS = {
    "oldest": ("received_on", "pk"),
    "newest": ("-received_on", "-pk"),
    "accepted": (F("accepted_on").asc(nulls_last=True), "pk"),
    "reference": ("reference", "pk"),
}
EXPORT_COLUMNS = (
    "reference",
    "stage",
    "complexity",
    "jurisdiction",
    "provider",
    "area_of_law",
    "received_on",
    "accepted_on",
    "days_since_received",
    "days_since_accepted",
    "caseworker",
)


def scheme_of(organisation) -> str:
    return SCHEME_OF_KIND[organisation.kind]


def queue_stages(organisation) -> list[tuple[str, str]]:
    """The stages of the scheme the organisation runs, as (code, name)."""
    return [(s["code"], s["name"]) for s in scheme_data(scheme_of(organisation))["stages"]]


def _every_stage() -> set[str]:
    return {s["code"] for code in SCHEME_ORGANISATION for s in scheme_data(code)["stages"]}


def case_queue(
    user,
    organisation,
    *,
    state: str = "",
    stage: str = "",
    complexity: str = "",
    assigned: str = "",
    q: str = "",
    sort: str = "",
) -> QuerySet[Case]:
    """The organisation's cases under its scheme, for a user who may see them there."""
    require_perm(user, "casework.view_case", organisation)
    scheme = scheme_of(organisation)
    cases = Case.objects.filter(organisation=organisation, scheme=scheme)
    state = state or queue.DEFAULT_STATE
    if state == "open":
        cases = cases.filter(concluded_on__isnull=True)
    elif state == "concluded":
        cases = cases.filter(concluded_on__isnull=False)
    if stage:  # a stage of another scheme lists none; a code of no scheme is refused
        if stage not in _every_stage():
            raise FilterRejected("stage", "Choose a stage of the scheme")
        cases = cases.filter(stage=stage)
    if complexity:
        cases = cases.filter(complexity="" if complexity == "none" else complexity)
    if assigned == "me":
        cases = cases.filter(caseworker=user)
    elif assigned == "none":
        cases = cases.filter(caseworker__isnull=True)
    if q.strip():  # a reference as it is written, or in capitals (an index lookup either way)
        cases = cases.filter(reference__in={q.strip(), q.strip().upper()})
    order = ORDERS[sort or queue.DEFAULT_SORT]
    return cases.select_related("caseworker").order_by(*order)


def queue_row(case: Case, *, as_of: date) -> dict:
    data = scheme_data(case.scheme)
    return {
        "case": case,
        "stage": stage_name(data, case.stage),
        "received_days": queue.age_days(case.received_on, as_of),
        "accepted_days": queue.age_days(case.accepted_on, as_of),
    }


def case_queue_export_rows(*, acting_user, organisation, as_of: date, **filters):
    """The queue as export rows (`EXPORT_COLUMNS`), permission-checked and audited before the
    first row is read."""
    cases = case_queue(acting_user, organisation, **filters)
    audit_record(actor=acting_user, action=AuditAction.EXPORT_CASES, obj=organisation)
    return _export_rows(cases, as_of)


def _export_rows(cases, as_of: date):
    for case in cases.iterator(chunk_size=2000):
        row = queue_row(case, as_of=as_of)
        worker = case.caseworker
        yield (
            case.reference,
            row["stage"],
            case.complexity,
            case.jurisdiction,
            case.provider_name,
            case.area_of_law,
            case.received_on,
            case.accepted_on,
            row["received_days"],
            row["accepted_days"],
            (worker.get_full_name() or worker.username) if worker else "",
        )
