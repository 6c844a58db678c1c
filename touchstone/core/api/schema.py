"""OpenAPI post-processing: document the error responses every endpoint can give, and the
plain-text rule every request body follows."""

from drf_spectacular.utils import OpenApiResponse

from touchstone.core.inputs import PLAIN_TEXT_PATTERN

# The responses a module's endpoints name in their `@extend_schema(responses=...)`.
BAD_INPUT = OpenApiResponse(description="Bad input: messages by field.")


def not_found(things: str) -> OpenApiResponse:
    """404: "No such plan or action, or not one you can see"."""
    return OpenApiResponse(description=f"No such {things}, or not one you can see.")


def forbidden(thing: str) -> OpenApiResponse:
    """403 from a service: the record is visible to the user, but not theirs to change."""
    return OpenApiResponse(description=f"You may see this {thing} but not change it.")


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


def _plain_text(schema) -> None:
    """Mark every free-text string in a request schema, the fields it does not name included,
    as refusing NUL and control characters, as `core.api.parsers` does."""
    if not isinstance(schema, dict):
        return
    if schema.get("type") == "string" and not {"enum", "format", "pattern"} & schema.keys():
        schema["pattern"] = PLAIN_TEXT_PATTERN
    if schema.get("type") == "object" or "properties" in schema:
        # A field the endpoint does not know is ignored, but its text is checked like the rest.
        schema.setdefault(
            "additionalProperties",
            {"type": ["string", "number", "boolean", "null"], "pattern": PLAIN_TEXT_PATTERN},
        )
    for key in ("properties",):
        for item in schema.get(key, {}).values():
            _plain_text(item)
    _plain_text(schema.get("items"))
    for key in ("allOf", "anyOf", "oneOf"):
        for item in schema.get(key, []):
            _plain_text(item)


def document_plain_text(result, generator, request, public):
    """Request bodies (the `…Request` components, and inline ones) refuse control characters."""
    for name, schema in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            _plain_text(schema)
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for content in operation.get("requestBody", {}).get("content", {}).values():
                schema = content.get("schema", {})
                if "$ref" not in schema:
                    _plain_text(schema)
    return result
