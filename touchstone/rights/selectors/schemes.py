"""Reading the schemes: the versions of a scheme, the one in force on a date, and the checks an
applicant (or anyone) runs against it."""

from datetime import date
from typing import Any

from django.utils import timezone

from touchstone.rights import rules
from touchstone.rights.models import SchemeVersion

# (scheme code) -> (the stored versions' ids and load times, their Scheme objects): a scheme
# is read from its JSON once per process and again only when `migrate` has reloaded it.
_cache: dict[str, tuple[tuple, list[rules.Scheme]]] = {}


class UnknownScheme(LookupError):
    """No scheme has this code."""


def forget_schemes() -> None:
    _cache.clear()


def scheme_versions(code: str) -> list[rules.Scheme]:
    """Every version of the scheme, earliest first. Raises `UnknownScheme`."""
    stamp = tuple(
        SchemeVersion.objects.filter(scheme=code)
        .order_by("effective_from")
        .values_list("pk", "loaded_at")
    )
    if not stamp:
        raise UnknownScheme(code)
    cached = _cache.get(code)
    if cached is None or cached[0] != stamp:
        rows = SchemeVersion.objects.filter(scheme=code).order_by("effective_from")
        cached = (stamp, [rules.scheme_from_dict(row.data) for row in rows])
        _cache[code] = cached
    return list(cached[1])


def scheme_codes() -> list[tuple[str, str]]:
    """(code, name) of every scheme, by name."""
    pairs = SchemeVersion.objects.values_list("scheme", "name").order_by("name", "scheme")
    return list(dict(pairs).items())


def scheme_on(code: str, on: date) -> rules.Scheme | None:
    """The version of the scheme in force on `on`; None before its first version."""
    return rules.scheme_in_force(scheme_versions(code), on)


def _in_force(code: str, on: date, field: str) -> rules.Scheme:
    versions = scheme_versions(code)
    scheme = rules.scheme_in_force(versions, on)
    if scheme is None:
        first = versions[0]
        raise rules.MalformedInput(
            field,
            f"no version of the {first.name} scheme was in force on {on.isoformat()}: "
            f"the first took effect on {first.effective_from.isoformat()}",
        )
    return scheme


def qe_check_for(code: str, data: Any) -> dict:
    """The qualifying-experience check of `data` against the version of the scheme in force on
    its `as_of` date. Raises `rules.MalformedInput` or `UnknownScheme`."""
    scheme_versions(code)  # an unknown scheme before the input is read
    return rules.qe_check(data, _in_force(code, rules.qe_date(data), "as_of"))


def portfolio_check_for(code: str, data: Any) -> dict:
    """The portfolio check of `data` against the version in force on its application date."""
    scheme_versions(code)
    when = rules.portfolio_date(data)
    return rules.portfolio_check(data, _in_force(code, when, "application_date"))


def scheme_today(code: str) -> rules.Scheme:
    """The version of the scheme in force today (the latest, before the first takes effect)."""
    return scheme_on(code, timezone.localdate()) or scheme_versions(code)[-1]
