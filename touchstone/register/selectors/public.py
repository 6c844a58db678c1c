"""Public reads of the register: public fields and visible findings only, nothing else."""

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Lower

from touchstone.core import generations
from touchstone.core.filters import FilterRejected
from touchstone.core.lookups import by_code_or_name
from touchstone.register import rules
from touchstone.register.models import (
    Category,
    Kind,
    Registrant,
    RightType,
    Status,
)
from touchstone.register.selectors.items import (
    ROW_FIELDS,
    current_rights,
    public_items,
    visible_findings,
)
from touchstone.register.selectors.names import name_holders

NUMBER_PATTERN = r"^[A-Za-z]{0,3}[0-9]{1,10}$"


class BadFilter(FilterRejected):
    """A public filter value that names nothing (an unknown right, category or status)."""


@dataclass(frozen=True)
class PublicFilters:
    q: str = ""
    right: str = ""
    category: str = ""
    status: str = ""
    town: str = ""


PRIVATE_FIELDS = ("email", "phone", "date_of_birth", "home_address", "user")


def _public_queryset(as_of: date) -> QuerySet[Registrant]:
    """Registrants as the public sees them; private columns are not even read."""
    return (
        Registrant.objects.select_related("category", "status", "entity")
        .defer(*PRIVATE_FIELDS, *(f"entity__{field}" for field in PRIVATE_FIELDS))
        .prefetch_related(
            Prefetch(
                "rights",
                queryset=current_rights(as_of).select_related("right_type"),
                to_attr="current_rights",
            ),
            Prefetch("findings", queryset=visible_findings(as_of), to_attr="public_findings"),
        )
    )


REFERENCE_SECONDS = 300


def _reference_key(model) -> str:
    return f"register:reference:{model._meta.model_name}"


def forget_reference() -> None:
    """Drop the cached reference data (after it is loaded again)."""
    cache.delete_many([_reference_key(m) for m in (Category, RightType, Status)])


def _reference(model, value: str, field: str):
    """The category, status or right type a filter names, by code or name in any case. The
    few rows of each table are cached: every filtered search needs them."""
    items = cache.get_or_set(
        _reference_key(model), lambda: list(model.objects.all()), REFERENCE_SECONDS
    )
    item = by_code_or_name(items, value)
    if item is None:
        raise BadFilter(field, f'unknown {field} "{value.strip()[:50]}"')
    return item


COUNT_CACHE_SECONDS = 60
REGISTER_GENERATION = "register"


def forget_counts() -> None:
    """Make cached search totals stale on every process once the current transaction commits
    (a write to the register calls it inside its transaction)."""
    generations.bump(REGISTER_GENERATION)


class SearchResults:
    """The matches of a public search, in register order, for a paginator: `count()` and
    slices. Filter-only searches (the same few combinations asked again and again) keep their
    total in the cache for a minute, or until the register next changes (the register's
    generation is part of the key); the rows themselves are always read fresh."""

    ordered = True

    def __init__(
        self,
        rows: QuerySet[Registrant],
        counted: QuerySet,
        cache_key: str = "",
        known_count: int | None = None,
        page_ids: QuerySet | None = None,
    ):
        self.rows = rows
        self._counted = counted
        self._cache_key = cache_key
        self._known_count = known_count
        self._page_ids = page_ids  # (id, sort key) in order, when that is cheaper to page

    def count(self) -> int:
        if self._known_count is not None:
            return self._known_count
        if not self._cache_key:
            return self._counted.count()
        key = f"{self._cache_key}:{generations.current(REGISTER_GENERATION)}"
        return cache.get_or_set(key, self._counted.count, COUNT_CACHE_SECONDS)

    def values(self) -> "SearchResults":
        """The same matches as plain rows of public columns (see public_items), which is
        several times cheaper to read than model instances."""
        rows = self.rows.prefetch_related(None).values(*ROW_FIELDS)
        return SearchResults(
            rows, self._counted, self._cache_key, self._known_count, self._page_ids
        )

    def __getitem__(self, index):
        if self._page_ids is None or not isinstance(index, slice):
            return self.rows[index]
        ids = [pk for pk, _ in self._page_ids[index]]
        found = {_pk(row): row for row in self.rows.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]

    def __iter__(self):
        return iter(self.rows if self._page_ids is None else self[:])


def _pk(row) -> int:
    return row["id"] if isinstance(row, dict) else row.pk


def public_search(filters: PublicFilters, *, as_of: date) -> SearchResults:
    """The public register search: number, tolerant name, right, category, status, town.

    The rows and their count are asked differently, each in the shape its index serves: a
    page walks a name-ordered index and checks each candidate (a right through EXISTS), while
    the count gathers the holders of a right in one pass.
    """
    rows, counted, key_parts = _filtered(filters, as_of)
    q = filters.q.strip()[:200]
    if not q:
        digest = hashlib.sha256("|".join(key_parts).encode()).hexdigest()[:32]
        return SearchResults(rows, counted, cache_key=f"register:count:{digest}")
    if re.match(NUMBER_PATTERN, q):
        return SearchResults(rows.filter(number=q.upper()), counted.filter(number=q.upper()))
    words = rules.name_words(q)[: rules.MAX_QUERY_WORDS]
    return _by_name(words, rows, counted, filtered=len(key_parts) > 1)


def _filtered(filters: PublicFilters, as_of: date) -> tuple[QuerySet, QuerySet, list[str]]:
    """The rows (in register order) and the registrants to count for the filters, and the
    parts of the filters' cache key."""
    rows = _public_queryset(as_of).order_by("search_name", "number")
    counted = Registrant.objects.all()
    key_parts = [as_of.isoformat()]
    if filters.right:
        right_type = _reference(RightType, filters.right, "right")
        holders = current_rights(as_of).filter(right_type=right_type)
        rows = rows.filter(Exists(holders.filter(registrant=OuterRef("pk"))))
        counted = counted.filter(pk__in=holders.values("registrant_id"))
        key_parts.append(f"r{right_type.pk}")
    for field, model in (("category", Category), ("status", Status)):
        if getattr(filters, field):
            item = _reference(model, getattr(filters, field), field)
            rows, counted = rows.filter(**{field: item}), counted.filter(**{field: item})
            key_parts.append(f"{field[0]}{item.pk}")
    if filters.town:
        postcode = rules.postcode_prefix(filters.town)
        town = rules.normalise_town(filters.town)
        place = _starts_with("search_postcode", postcode) if postcode else Q(search_town=town)
        rows, counted = rows.filter(place), counted.filter(place)
        key_parts.append(f"p{postcode}" if postcode else f"t{town}")
    return rows, counted, key_parts


def _by_name(words: list[str], rows, counted, *, filtered: bool) -> SearchResults:
    holders = name_holders(words) if words else None
    read = (
        list(holders.values_list("registrant_id", flat=True)[: NAME_IDS_LIMIT + 1])
        if holders is not None
        else []
    )
    if not read:
        return SearchResults(rows.none(), counted.none())
    if len(read) <= NAME_IDS_LIMIT:
        # Most names: read once, then counted and paged by key (with nothing else asked, the
        # names read are the total). The few hundred matches are sorted: Lower() of the
        # already-folded name keeps the database from walking the whole name index instead.
        ids = sorted(set(read))
        match = Q(pk__in=ids)
        return SearchResults(
            rows.order_by(Lower("search_name"), "number").filter(match),
            counted.filter(match),
            known_count=None if filtered else len(ids),
        )
    # A common name: its holders are put in order from the name index (which carries each
    # registrant's place in register order), each checked against any filters, and only the
    # page is read. Alone it is counted there too; with filters, from the registrants' side
    # (each the fastest shape on both databases).
    match = Q(pk__in=holders.values("registrant_id"))
    if filtered:
        holders = holders.filter(Exists(counted.filter(pk=OuterRef("registrant_id"))))
    return SearchResults(
        rows.filter(match),
        counted.filter(match) if filtered else holders.values("registrant_id").distinct(),
        page_ids=holders.values_list("registrant_id", "sort_key").distinct().order_by("sort_key"),
    )


NAME_IDS_LIMIT = 2000


def _starts_with(field: str, prefix: str) -> Q:
    """`field` starts with `prefix`, in a form the column's index serves: PostgreSQL has a
    pattern index for LIKE; SQLite's LIKE ignores case and so its index, but a range over the
    lower-case text uses it."""
    if connection.vendor == "sqlite":
        return Q(**{f"{field}__gte": prefix, f"{field}__lt": prefix + "\x7f"})
    return Q(**{f"{field}__startswith": prefix})


def public_get_item(number: str, *, as_of: date, as_at) -> dict:
    """The public item of one registrant (the API's detail)."""
    rows = list(
        Registrant.objects.filter(number=number.strip()[:20].upper()).values(*ROW_FIELDS)[:1]
    )
    if not rows:
        raise Registrant.DoesNotExist(number)
    return public_items(rows, as_of=as_of, as_at=as_at)[0]


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


def public_standing(registrant: Registrant) -> rules.Standing:
    """A registrant's public standing (`rules.public_standing`), from a registrant read by
    `public_get` or `public_search` (its current rights and public findings prefetched)."""
    return rules.public_standing(
        status_name=registrant.status.name,
        authorised=registrant.status.authorised,
        registered=registrant.status.registered,
        status_since=registrant.status_since,
        rights=[
            rules.RightInWords(r.right_type.plain, conditions=bool(r.conditions.strip()))
            for r in registrant.current_rights
        ],
        firm=registrant.kind == Kind.ENTITY,
        listed_activities=bool(registrant.authorised_activities.strip()),
        published_findings=len(getattr(registrant, "public_findings", ())),
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
