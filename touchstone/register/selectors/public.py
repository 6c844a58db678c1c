"""Public reads of the register: public fields and visible findings only, nothing else."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from touchstone.register import rules
from touchstone.register.models import (
    Category,
    Finding,
    NameToken,
    PracticeRight,
    Registrant,
    RightType,
    Status,
)

NUMBER_PATTERN = r"^[A-Za-z]{0,3}[0-9]{1,10}$"


class BadFilter(ValueError):
    """A public filter value that names nothing (an unknown right, category or status)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class PublicFilters:
    q: str = ""
    right: str = ""
    category: str = ""
    status: str = ""
    town: str = ""


def visible_findings(as_of: date) -> QuerySet[Finding]:
    """Findings the public may see on `as_of`: published and inside the publication period."""
    return Finding.objects.filter(
        Q(publish=True)
        & (Q(publish_from__isnull=True) | Q(publish_from__lte=as_of))
        & (Q(publish_until__isnull=True) | Q(publish_until__gte=as_of))
    )


def _public_queryset(as_of: date) -> QuerySet[Registrant]:
    return Registrant.objects.select_related("category", "status", "entity").prefetch_related(
        Prefetch(
            "rights",
            queryset=PracticeRight.objects.filter(
                Q(ended_on__isnull=True) | Q(ended_on__gt=as_of), granted_on__lte=as_of
            ).select_related("right_type"),
            to_attr="current_rights",
        ),
        Prefetch("findings", queryset=visible_findings(as_of), to_attr="public_findings"),
    )


def _reference(model, value: str, field: str):
    text = value.strip()
    found = model.objects.filter(Q(code=text.lower().replace(" ", "_")) | Q(name__iexact=text))
    item = found.first()
    if item is None:
        raise BadFilter(field, f'unknown {field} "{text[:50]}"')
    return item


def name_matches_q(words: list[str]) -> Q:
    """Registrants with, for each query word, a name word at most one typo away (found
    through the indexed deletion keys; see rules.deletion_keys)."""
    condition = Q()
    for word in words:
        keys = rules.deletion_keys(word)
        condition &= Q(pk__in=NameToken.objects.filter(key__in=keys).values("registrant_id"))
    return condition


def public_search(filters: PublicFilters, *, as_of: date) -> QuerySet[Registrant]:
    """The public register search: number, tolerant name, right, category, status, town."""
    import re

    queryset = _public_queryset(as_of)
    q = filters.q.strip()[:200]
    if q and re.match(NUMBER_PATTERN, q):
        queryset = queryset.filter(number=q.upper())
    elif q:
        words = rules.name_words(q)[: rules.MAX_QUERY_WORDS]
        if not words:
            return queryset.none()
        queryset = queryset.filter(name_matches_q(words))
    if filters.right:
        right_type = _reference(RightType, filters.right, "right")
        queryset = queryset.filter(
            pk__in=PracticeRight.objects.filter(
                Q(ended_on__isnull=True) | Q(ended_on__gt=as_of),
                right_type=right_type,
                granted_on__lte=as_of,
            ).values("registrant_id")
        )
    if filters.category:
        queryset = queryset.filter(category=_reference(Category, filters.category, "category"))
    if filters.status:
        queryset = queryset.filter(status=_reference(Status, filters.status, "status"))
    if filters.town:
        town = filters.town.strip()[:100]
        postcode = rules.normalise_postcode(town)
        queryset = queryset.filter(
            Q(town__iexact=town) | Q(search_postcode__startswith=postcode)
            if postcode
            else Q(town__iexact=town)
        )
    return queryset.order_by("search_name", "number")


def public_get(number: str, *, as_of: date) -> Registrant:
    registrant = (
        _public_queryset(as_of)
        .prefetch_related("offices")
        .filter(number=number.strip()[:20].upper())
        .first()
    )
    if registrant is None:
        raise Registrant.DoesNotExist(number)
    return registrant


def public_item(registrant: Registrant, *, as_at) -> dict:
    """The public API's item: public fields only (the one place that shape is made)."""
    return {
        "number": registrant.number,
        "kind": registrant.kind,
        "name": registrant.name,
        "category": registrant.category.name if registrant.category else None,
        "status": registrant.status.name,
        "rights": [
            {"code": r.right_type.code, "name": r.right_type.name, "conditions": r.conditions}
            for r in registrant.current_rights
        ],
        "entity": registrant.entity.number if registrant.entity else None,
        "town": registrant.town,
        "findings": [
            {"date": f.decided_on.isoformat(), "summary": f.summary, "sanction": f.sanction}
            for f in registrant.public_findings
        ],
        "as_at": as_at.isoformat(),
    }


def status_line(registrant: Registrant) -> str:
    return rules.status_in_words(
        status_name=registrant.status.name,
        authorised=registrant.status.authorised,
        status_since=registrant.status_since,
        rights=[r.right_type.plain for r in registrant.current_rights],
    )


@dataclass(frozen=True)
class SpecialistRegister:
    code: str
    name: str
    right_name: str


def specialist_registers() -> list[SpecialistRegister]:
    """Specialist registers (advocates, immigration practitioners) are views of rights."""
    return [
        SpecialistRegister(code=r.code, name=r.specialist_register, right_name=r.name)
        for r in RightType.objects.exclude(specialist_register="")
    ]
