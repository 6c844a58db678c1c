"""Public reads of the register: public fields and visible findings only, nothing else."""

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Lower

from touchstone.register import rules
from touchstone.register.models import (
    Category,
    NameWordKey,
    Registrant,
    RegistrantWord,
    RightType,
    Status,
)
from touchstone.register.selectors.items import (
    ROW_FIELDS,
    current_rights,
    public_items,
    visible_findings,
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
    text = value.strip()
    code, name = text.lower().replace(" ", "_"), text.lower()
    items = cache.get_or_set(
        _reference_key(model), lambda: list(model.objects.all()), REFERENCE_SECONDS
    )
    for item in items:
        if item.code == code or item.name.lower() == name:
            return item
    raise BadFilter(field, f'unknown {field} "{text[:50]}"')


def name_holders(words: list[str]) -> QuerySet[RegistrantWord] | None:
    """The name-word rows of registrants with, for each query word, a name word at most one
    typo away (a registrant holding several near words has several rows); None when some query
    word is near no word on the register (so nothing can match).

    One small query finds the vocabulary words near each query word through their deletion
    keys (see rules.deletion_keys). The result nests one semi-join per query word over
    `RegistrantWord`, so the database can estimate how few registrants hold them all.
    """
    keys_per_word = [rules.deletion_keys(word) for word in words]
    near: dict[str, set[int]] = defaultdict(set)
    for key, word_id in NameWordKey.objects.filter(
        key__in=sorted(set().union(*keys_per_word))
    ).values_list("key", "word_id"):
        near[key].add(word_id)
    holders = None
    for keys in keys_per_word:
        word_ids = sorted(set().union(*(near[key] for key in keys)))
        if not word_ids:
            return None
        these = RegistrantWord.objects.filter(word_id__in=word_ids)
        if holders is not None:
            these = these.filter(registrant_id__in=holders.values("registrant_id"))
        holders = these
    return holders


def name_matches_q(words: list[str]) -> Q | None:
    """The name condition (see name_holders), or None when nothing can match."""
    holders = name_holders(words)
    return None if holders is None else Q(pk__in=holders.values("registrant_id"))


COUNT_CACHE_SECONDS = 60
REGISTER_VERSION_KEY = "register:version"


def forget_counts() -> None:
    """Make cached search totals stale at once (the register changed)."""
    try:
        cache.incr(REGISTER_VERSION_KEY)
    except ValueError:  # not in the cache yet
        cache.set(REGISTER_VERSION_KEY, 1, None)


class SearchResults:
    """The matches of a public search, in register order, for a paginator: `count()` and
    slices. Filter-only searches (the same few combinations asked again and again) keep their
    total in the cache for a minute, or until the register next changes; the rows themselves
    are always read fresh."""

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
        key = f"{self._cache_key}:{cache.get_or_set(REGISTER_VERSION_KEY, 0, None)}"
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
        place = (
            _starts_with("search_postcode", postcode)
            if postcode
            else Q(search_town=rules.normalise_town(filters.town))
        )
        rows, counted = rows.filter(place), counted.filter(place)
        key_parts.append(f"p{postcode}" if postcode else f"t{rules.normalise_town(filters.town)}")
    q = filters.q.strip()[:200]
    if not q:
        digest = hashlib.sha256("|".join(key_parts).encode()).hexdigest()[:32]
        return SearchResults(rows, counted, cache_key=f"register:count:{digest}")
    if re.match(NUMBER_PATTERN, q):
        return SearchResults(rows.filter(number=q.upper()), counted.filter(number=q.upper()))
    words = rules.name_words(q)[: rules.MAX_QUERY_WORDS]
    holders = name_holders(words) if words else None
    read = (
        list(holders.values_list("registrant_id", flat=True)[: NAME_IDS_LIMIT + 1])
        if holders is not None
        else []
    )
    if not read:
        return SearchResults(rows.none(), counted.none())
    # A name narrows the register to a few thousand at most: sort those, rather than walk the
    # whole name index in order (Lower() of the already-folded name keeps the database from
    # choosing that walk).
    by_name = Lower("search_name"), "number"
    alone = len(key_parts) == 1
    if len(read) <= NAME_IDS_LIMIT:
        # Read once, then counted and paged by key; with nothing else asked, the names read
        # are the total.
        ids = sorted(set(read))
        match = Q(pk__in=ids)
        return SearchResults(
            rows.order_by(*by_name).filter(match),
            counted.filter(match),
            known_count=len(ids) if alone else None,
        )
    # A common name: its holders are put in order and counted from the name index (which
    # carries each registrant's place in register order), each checked against any filters,
    # and only the page is read.
    # (Both databases count filtered holders fastest from the registrants' side, and page them
    # fastest walking the name index with a check per holder.)
    match = Q(pk__in=holders.values("registrant_id"))
    if not alone:
        holders = holders.filter(Exists(counted.filter(pk=OuterRef("registrant_id"))))
    return SearchResults(
        rows.filter(match),
        holders.values("registrant_id").distinct() if alone else counted.filter(match),
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
