"""Request parsers that refuse text the platform does not store (core.inputs), before any
serializer sees it: every string value in the body, at any depth, is checked, and each one that
holds a NUL or another control character is a 400 naming its field."""

from rest_framework import parsers
from rest_framework.exceptions import ValidationError

from touchstone.core.inputs import text_problem


def _problems(value, path: str, found: dict[str, list[str]]) -> None:
    if isinstance(value, str):
        if (problem := text_problem(value)) is not None:
            found.setdefault(path or "detail", []).append(problem)
    elif isinstance(value, dict):
        for key, item in value.items():  # a name is not stored: an unknown one is ignored
            _problems(item, f"{path}.{key}" if path else str(key), found)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _problems(item, f"{path}.{index}" if path else str(index), found)


def refuse_control_characters(data) -> None:
    found: dict[str, list[str]] = {}
    _problems(data, "", found)
    if found:
        raise ValidationError(found)


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        refuse_control_characters(data)
        return data
