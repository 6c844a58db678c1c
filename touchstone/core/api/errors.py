"""API errors: bad input is a 400 with field-level messages, never a 500; a write to a record
that changed since the client read it is a 412 with the current ETag. A document a pure check
finds malformed (`MalformedInput`) is a 400 naming the place as the JSON parser does
("periods.2.start")."""

import re

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from touchstone.core.rules.checked_json import MalformedInput
from touchstone.core.services import StaleVersion


def exception_handler(exc, context):
    if isinstance(exc, StaleVersion):
        response = Response(
            {"detail": str(exc), "current_version": exc.current.version},
            status=status.HTTP_412_PRECONDITION_FAILED,
        )
        response["ETag"] = f'"{exc.current.version}"'
        return response
    if isinstance(exc, MalformedInput):
        field = re.sub(r"\[(\d+)\]", r".\1", exc.field) or api_settings.NON_FIELD_ERRORS_KEY
        exc = exceptions.ValidationError({field: [exc.message]})
    elif isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(detail=str(exc) or None)
    return drf_exception_handler(exc, context)
