"""OpenAPI post-processing: document the error responses every endpoint can give."""

ERROR_SCHEMA = {
    "type": "object",
    "description": (
        "An error. `detail` explains it; for bad input (400) each field with a problem is a key "
        "whose value lists its messages."
    ),
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}

_STANDARD = {
    "400": "Bad input: field-level messages.",
    "401": "Not signed in (no valid session or token).",
    "403": "Signed in, but not allowed to do this.",
    "404": "No such object, or not one you may see.",
    "405": "Method not allowed.",
    "429": "Too many requests: slow down.",
}


def add_error_responses(result, generator, request, public):
    """Add the standard error responses (and the Error schema) to every operation."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("Error", ERROR_SCHEMA)
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for code, description in _STANDARD.items():
                operation["responses"].setdefault(
                    code, {"description": description, "content": reference}
                )
    return result
