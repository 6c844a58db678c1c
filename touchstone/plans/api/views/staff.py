"""Plans API: thin views over the selectors and services.

Plans and actions of other organisations are 404; a write the user may not make is 403 (from
the services); bad input is 400 with field-level messages (serializers, and the services'
ValidationError through the core exception handler).
"""

from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from touchstone.core.api.filters import OwnPageSchema, StrictFilters
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
from touchstone.plans.api.serializers.staff import (
    ActionSerializer,
    ActionUpdateSerializer,
    AsOfSerializer,
    ExportQuerySerializer,
    PlanDetailSerializer,
    PlanSerializer,
    ProgressSerializer,
)
from touchstone.plans.exports import plan_export_data
from touchstone.plans.filters import ActionFilters
from touchstone.plans.models import Action, KeyTarget, Plan
from touchstone.plans.selectors import (
    action_flags,
    action_get,
    plan_dashboard,
    plan_get,
    plans_for_user,
)
from touchstone.plans.services import action_update, progress_record

TAGS = ["plans"]
NOT_FOUND = not_found("plan or action")
FORBIDDEN = forbidden("action")


def _plan(request, pk) -> Plan:
    try:
        return plan_get(request.user, pk=pk)
    except Plan.DoesNotExist as exc:
        raise Http404 from exc


def _action(request, pk) -> Action:
    try:
        return action_get(request.user, pk=pk)
    except Action.DoesNotExist as exc:
        raise Http404 from exc


def _query(serializer_class, request) -> dict:
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return dict(query.validated_data)


def _action_response(action: Action, code: int = status.HTTP_200_OK) -> Response:
    """The action as the API shows it, with its version as the ETag."""
    overdue = action_flags(action).overdue
    data = ActionSerializer(action, context={"overdue_ids": {action.pk} if overdue else set()}).data
    return with_etag(Response(data, status=code), action)


@extend_schema(tags=TAGS)
class PlanList(generics.ListAPIView):
    """The plans of every organisation you belong to."""

    serializer_class = PlanSerializer

    def get_queryset(self):
        return plans_for_user(self.request.user)


@extend_schema(tags=TAGS)
class PlanDetail(APIView):
    @extend_schema(
        summary="A plan with RAG totals by area, and overdue, due soon and stale counts",
        parameters=[AsOfSerializer],
        responses={200: PlanDetailSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def get(self, request, pk: int):
        plan = _plan(request, pk)
        as_of = _query(AsOfSerializer, request).get("as_of") or timezone.localdate()
        dashboard = plan_dashboard(plan, as_of=as_of)
        plan.action_count = sum(dashboard.totals.values())
        plan.area_count = plan.areas.count()
        plan.target_count = KeyTarget.objects.filter(area__plan=plan).count()
        plan.as_of = as_of
        plan.rag_totals = dashboard.totals
        plan.area_summaries = dashboard.areas
        plan.overdue = len(dashboard.overdue)
        plan.due_soon = len(dashboard.due_soon)
        plan.stale = len(dashboard.stale)
        return Response(PlanDetailSerializer(plan).data)


@extend_schema(tags=TAGS)
class PlanActions(generics.GenericAPIView):
    queryset = Action.objects.none()  # the rows come from the filters' selector
    filterset_class = ActionFilters
    filter_backends = [StrictFilters]
    pagination_class = None
    also_takes = ("as_of",)
    schema = OwnPageSchema()

    def filterset_kwargs(self) -> dict:
        return {"plan": self.plan}

    @extend_schema(
        summary="A plan's actions in source order, filtered like the dashboard",
        parameters=[AsOfSerializer],
        responses={200: ActionSerializer(many=True), 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def get(self, request, pk: int):
        self.plan = _plan(request, pk)
        as_of = _query(AsOfSerializer, request).get("as_of") or timezone.localdate()
        actions = list(self.filter_queryset(self.get_queryset()))
        overdue = {a.pk for a in actions if action_flags(a, as_of=as_of).overdue}
        return Response(ActionSerializer(actions, many=True, context={"overdue_ids": overdue}).data)


@extend_schema(tags=TAGS)
class PlanExport(APIView):
    @extend_schema(
        summary="The plan in the export JSON shape (as `touchstone plans export --format json`)",
        parameters=[ExportQuerySerializer],
        responses={200: OpenApiTypes.OBJECT, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def get(self, request, pk: int):
        plan = _plan(request, pk)
        as_of = _query(ExportQuerySerializer, request).get("as_of") or timezone.localdate()
        return Response(plan_export_data(plan, as_of=as_of))


@extend_schema(tags=TAGS)
class ActionDetail(APIView):
    @extend_schema(
        summary="An action",
        parameters=[ETAG],
        responses={200: ActionSerializer, 404: NOT_FOUND},
    )
    def get(self, request, pk: int):
        return _action_response(_action(request, pk))

    @extend_schema(
        summary="Change an action's status, RAG, comment, due text or leads",
        description="Send the ETag you read as `If-Match` so a change made since is not undone.",
        parameters=[IF_MATCH, IDEMPOTENCY_KEY, ETAG],
        request=ActionUpdateSerializer,
        responses={
            200: ActionSerializer,
            400: BAD_INPUT,
            403: FORBIDDEN,
            404: NOT_FOUND,
            412: STALE,
            422: KEY_REUSED,
        },
    )
    @idempotent
    def patch(self, request, pk: int):
        action = _action(request, pk)
        payload = ActionUpdateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        action_update(
            acting_user=request.user,
            action=action,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return _action_response(_action(request, pk))


@extend_schema(tags=TAGS)
class ActionProgress(APIView):
    @extend_schema(
        summary="Record progress on an action, optionally moving its status and RAG",
        description="Send an `Idempotency-Key` so a retried request records the progress once.",
        parameters=[IDEMPOTENCY_KEY, ETAG],
        request=ProgressSerializer,
        responses={
            201: ActionSerializer,
            400: BAD_INPUT,
            403: FORBIDDEN,
            404: NOT_FOUND,
            422: KEY_REUSED,
        },
    )
    @idempotent
    def post(self, request, pk: int):
        action = _action(request, pk)
        payload = ProgressSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        progress_record(acting_user=request.user, action=action, **payload.validated_data)
        return _action_response(_action(request, pk), status.HTTP_201_CREATED)
