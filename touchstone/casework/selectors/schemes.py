"""The schemes as the services read them: the stored reference data, kept in memory once read
(reloading the reference data forgets it)."""

from touchstone.casework.models import SchemeDefinition

_SCHEMES: dict[str, dict] = {}


def forget_schemes() -> None:
    _SCHEMES.clear()


def scheme_data(code: str) -> dict:
    """The scheme's plain data (`rules.scheme_read`'s shape); DoesNotExist for an unknown code."""
    if code not in _SCHEMES:
        _SCHEMES[code] = SchemeDefinition.objects.get(code=code).data
    return _SCHEMES[code]
