"""What a self-assessment is checked against: a framework edition's assessable standards as
the rules see them (numbers in order, each sub-item's parent, the mandatory ones), and the fees
in force over time, from `reference/fees/<framework id>.yaml`."""

from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

import yaml

from touchstone.standards.models import Framework, Node
from touchstone.standards.rules import FeeSchedule, FrameworkShape, assessment_check
from touchstone.standards.selectors.frameworks import UnknownFramework, framework_current

ACCREDITED_FRAMEWORK = "iqs-2012"  # the framework the accreditation scheme assesses against
FEES_DIR = Path(__file__).resolve().parent.parent / "reference" / "fees"


class FeesMissing(LookupError):
    """A framework whose fees are not in the product's reference data: it cannot be assessed
    for accreditation."""


def assessment_shape(framework: Framework) -> FrameworkShape:
    rows = list(
        Node.objects.filter(framework=framework, assessable=True, number__isnull=False)
        .order_by("order")
        .values_list("number", "na_allowed", "parent__number", "parent__assessable")
    )
    return FrameworkShape(
        numbers=tuple(number for number, *_ in rows),
        parents={
            number: parent
            for number, _, parent, parent_assessable in rows
            if parent is not None and parent_assessable
        },
        mandatory=frozenset(number for number, na_allowed, *_ in rows if not na_allowed),
    )


def _amount(value, where: str) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{where}: {value!r} is not an amount") from None


@cache
def fee_schedules(ref_id: str) -> tuple[FeeSchedule, ...]:
    """The fee schedules of a framework's accreditation, as shipped (read once a process)."""
    path = FEES_DIR / f"{ref_id}.yaml"
    if not path.is_file():
        raise FeesMissing(ref_id)
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    schedules = []
    for index, entry in enumerate(document["fees"]):
        where = f"{path.name}: fees[{index}]"
        effective = entry["effective_from"]
        if not isinstance(effective, date):
            raise ValueError(f"{where}.effective_from: {effective!r} is not a date")
        schedules.append(
            FeeSchedule(
                effective_from=effective,
                corporate_member=_amount(entry["corporate_member"], f"{where}.corporate_member"),
                other=_amount(entry["other"], f"{where}.other"),
                corporate_membership=_amount(
                    entry["corporate_membership"], f"{where}.corporate_membership"
                ),
                period_months=int(entry["period_months"]),
            )
        )
    return tuple(schedules)


def has_accreditation_scheme(ref_id: str) -> bool:
    """Whether the framework is assessed for accreditation (its fees are shipped)."""
    return (FEES_DIR / f"{ref_id}.yaml").is_file()


def assessment_check_for(ref_id: str, data) -> dict:
    """The verdict of the rules on a self-assessment against the framework's current edition
    and the fees in force on its day. UnknownFramework for a framework not stored or without
    fees (it has no accreditation); MalformedInput for a document the rules cannot read."""
    framework = framework_current(ref_id)
    try:
        fees = list(fee_schedules(ref_id))
    except FeesMissing as exc:
        raise UnknownFramework(ref_id) from exc
    return assessment_check(data, shape=assessment_shape(framework), fees=fees)
