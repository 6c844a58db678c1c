"""Staff register API: thin views over the staff selectors and the register services.

For the regulator's officers and administrators only. Anyone else finds no registrant (404)
and an empty search; a write the user may not make is 403 (from the services); bad input is
400 with field-level messages (serializers, and the services' ValidationError through the core
exception handler).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from touchstone.core.api.filters import StrictFilters
from touchstone.core.api.schema import BAD_INPUT, forbidden, not_found
from touchstone.core.api.writes import (
    ETAG,
    IDEMPOTENCY_KEY,
    IF_MATCH,
    KEY_REUSED,
    STALE,
    expected_version,
    idempotent,
    with_etag,
)
from touchstone.register import services
from touchstone.register.api.serializers.staff import (
    FindingSerializer,
    RegistrantUpdateSerializer,
    RightEndSerializer,
    RightGrantSerializer,
    StaffRegistrantDetailSerializer,
    StaffRegistrantSerializer,
    StatusChangeSerializer,
)
from touchstone.register.filters import StaffRegisterFilters
from touchstone.register.models import (
    NO_SUCH_ENTITY,
    Category,
    PracticeRight,
    Registrant,
    Status,
)
from touchstone.register.selectors import registrant_for_staff, right_for_staff, staff_search

TAGS = ["register"]
NOT_FOUND = not_found("registrant or right")
FORBIDDEN = forbidden("registrant")


def _registrant(request, pk: int) -> Registrant:
    try:
        return registrant_for_staff(request.user, pk=pk)
    except Registrant.DoesNotExist as exc:
        raise Http404("No such registrant.") from exc


def _right(request, pk: int) -> PracticeRight:
    try:
        return right_for_staff(request.user, pk=pk)
    except PracticeRight.DoesNotExist as exc:
        raise Http404("No such right.") from exc


def _payload(serializer_class, data) -> dict:
    payload = serializer_class(data=data)
    payload.is_valid(raise_exception=True)
    return dict(payload.validated_data)


def _reference(model, value: str, field: str):
    """A category or status by code or name; an unknown one is a 400 on that field."""
    try:
        return services.reference(model, value, field)
    except DjangoValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc


def _detail(request, pk: int, code: int = status.HTTP_200_OK) -> Response:
    """The registrant as officers see it, with its version as the ETag."""
    registrant = _registrant(request, pk)
    response = Response(StaffRegistrantDetailSerializer(registrant).data, status=code)
    return with_etag(response, registrant)


def _write(summary: str, request_serializer, code: int = 201, edit: bool = False):
    """The schema of a write: retried safely with an Idempotency-Key; an edit also takes
    If-Match (412 when the registrant changed since)."""
    responses = {
        code: StaffRegistrantDetailSerializer,
        400: BAD_INPUT,
        403: FORBIDDEN,
        404: NOT_FOUND,
        422: KEY_REUSED,
    }
    if edit:
        responses[412] = STALE
    return extend_schema(
        summary=summary,
        request=request_serializer,
        parameters=[IF_MATCH, IDEMPOTENCY_KEY, ETAG] if edit else [IDEMPOTENCY_KEY, ETAG],
        responses=responses,
    )


@extend_schema(tags=TAGS)
@extend_schema_view(
    get=extend_schema(
        summary="Search the whole register by name (tolerant of typos), number or email",
    )
)
class StaffRegistrantList(generics.ListAPIView):
    """Registrants of the regulators you are an officer or administrator of, private fields
    included; empty for anyone else."""

    serializer_class = StaffRegistrantSerializer
    queryset = Registrant.objects.none()  # the rows come from the filters' selector
    filterset_class = StaffRegisterFilters
    filter_backends = [StrictFilters]


@extend_schema(tags=TAGS)
class StaffRegistrantDetail(APIView):
    @extend_schema(
        summary="A registrant with private fields, rights, findings, status history, offices",
        parameters=[ETAG],
        responses={200: StaffRegistrantDetailSerializer, 404: NOT_FOUND},
    )
    def get(self, request, pk: int):
        return _detail(request, pk)

    @_write("Change a registrant's details", RegistrantUpdateSerializer, code=200, edit=True)
    @idempotent
    def patch(self, request, pk: int):
        registrant = _registrant(request, pk)
        changes = _payload(RegistrantUpdateSerializer, request.data)
        if "category" in changes:
            value = changes["category"]
            changes["category"] = _reference(Category, value, "category") if value else None
        if changes.get("entity") is not None:
            changes["entity"] = self._entity(request, changes["entity"])
        services.registrant_update(
            acting_user=request.user,
            registrant=registrant,
            expected_version=expected_version(request),
            **changes,
        )
        return _detail(request, pk)

    @staticmethod
    def _entity(request, pk: int) -> Registrant:
        """The registrant with this id, if the user may see it; whether it can be this
        registrant's entity is the service's check (`Registrant.clean`), answered the same."""
        entity = staff_search(request.user).filter(pk=pk).first()
        if entity is None:
            raise ValidationError({"entity": [NO_SUCH_ENTITY]})
        return entity


@extend_schema(tags=TAGS)
class StaffRegistrantStatus(APIView):
    @_write("Change a registrant's status from a date", StatusChangeSerializer)
    @idempotent
    def post(self, request, pk: int):
        registrant = _registrant(request, pk)
        data = _payload(StatusChangeSerializer, request.data)
        data["status"] = _reference(Status, data["status"], "status")
        services.registrant_status_change(acting_user=request.user, registrant=registrant, **data)
        return _detail(request, pk, status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class StaffRightGrant(APIView):
    @_write("Grant a practice right", RightGrantSerializer)
    @idempotent
    def post(self, request, pk: int):
        registrant = _registrant(request, pk)
        data = _payload(RightGrantSerializer, request.data)
        services.right_grant(acting_user=request.user, registrant=registrant, **data)
        return _detail(request, pk, status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class StaffRightEnd(APIView):
    @_write("End a practice right", RightEndSerializer, code=200)
    @idempotent
    def post(self, request, pk: int):
        right = _right(request, pk)
        data = _payload(RightEndSerializer, request.data)
        services.right_end(acting_user=request.user, right=right, ended_on=data["ended_on"])
        return _detail(request, right.registrant_id)


@extend_schema(tags=TAGS)
class StaffFindingRecord(APIView):
    @_write("Record a fitness-to-practise finding (published or not)", FindingSerializer)
    @idempotent
    def post(self, request, pk: int):
        registrant = _registrant(request, pk)
        data = _payload(FindingSerializer, request.data)
        services.finding_record(acting_user=request.user, registrant=registrant, **data)
        return _detail(request, pk, status.HTTP_201_CREATED)
