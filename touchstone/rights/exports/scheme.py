"""A version of a scheme as JSON, the data the checks read, for anyone who wants to check a
plan their own way."""

import json

from touchstone.rights.rules import Scheme


def scheme_json(scheme: Scheme) -> bytes:
    return json.dumps(scheme.to_dict(), indent=2, ensure_ascii=False).encode("utf-8")
