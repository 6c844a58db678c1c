"""Plans API: thin views over the selectors and services."""

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from touchstone.plans import rules
from touchstone.plans.api.serializers import (
    ActionFilterSerializer,
    ActionSerializer,
    ActionUpdateSerializer,
    PlanSerializer,
    ProgressSerializer,
)
from touchstone.plans.exports import plan_export_data
from touchstone.plans.models import Action, Plan
from touchstone.plans.selectors import action_get, actions_for_plan, plan_get, plans_for_user
from touchstone.plans.services import action_update, progress_record


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


class PlanList(generics.ListAPIView):
    """The plans of every organisation you belong to."""

    serializer_class = PlanSerializer

    def get_queryset(self):
        return plans_for_user(self.request.user)


class PlanDetail(APIView):
    @extend_schema(responses=PlanSerializer)
    def get(self, request, pk: int):
        plan = plans_for_user(request.user).filter(pk=_plan(request, pk).pk).get()
        return Response(PlanSerializer(plan).data)


class PlanActions(APIView):
    """A plan's actions in source order, filtered like the dashboard."""

    @extend_schema(parameters=[ActionFilterSerializer], responses=ActionSerializer(many=True))
    def get(self, request, pk: int):
        plan = _plan(request, pk)
        filters = ActionFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        criteria = dict(filters.validated_data)
        as_of = criteria.pop("as_of", None) or timezone.localdate()
        actions = list(actions_for_plan(plan, filters=criteria))
        overdue = {
            a.pk
            for a in actions
            if rules.is_overdue(due_date=a.due_date, status=a.status, as_of=as_of)
        }
        data = ActionSerializer(actions, many=True, context={"overdue_ids": overdue}).data
        return Response(data)


class PlanExport(APIView):
    """The plan in the export JSON shape (the same as `touchstone plans export --format json`)."""

    @extend_schema(
        parameters=[OpenApiParameter("as_of", str, description="YYYY-MM-DD; default today")],
        responses={200: dict},
    )
    def get(self, request, pk: int):
        plan = _plan(request, pk)
        filters = ActionFilterSerializer(
            data={"as_of": request.query_params.get("as_of")}
            if request.query_params.get("as_of")
            else {}
        )
        filters.is_valid(raise_exception=True)
        as_of = filters.validated_data.get("as_of") or timezone.localdate()
        return Response(plan_export_data(plan, as_of=as_of))


class ActionDetail(APIView):
    @extend_schema(responses=ActionSerializer)
    def get(self, request, pk: int):
        action = _action(request, pk)
        return Response(ActionSerializer(action, context=_overdue_context(action)).data)

    @extend_schema(request=ActionUpdateSerializer, responses=ActionSerializer)
    def patch(self, request, pk: int):
        action = _action(request, pk)
        payload = ActionUpdateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        action = action_update(acting_user=request.user, action=action, **payload.validated_data)
        action = _action(request, pk)
        return Response(ActionSerializer(action, context=_overdue_context(action)).data)


class ActionProgress(APIView):
    @extend_schema(request=ProgressSerializer, responses={201: ActionSerializer})
    def post(self, request, pk: int):
        action = _action(request, pk)
        payload = ProgressSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        progress_record(acting_user=request.user, action=action, **payload.validated_data)
        action = _action(request, pk)
        return Response(
            ActionSerializer(action, context=_overdue_context(action)).data,
            status=status.HTTP_201_CREATED,
        )


def _overdue_context(action: Action) -> dict:
    overdue = rules.is_overdue(
        due_date=action.due_date, status=action.status, as_of=timezone.localdate()
    )
    return {"overdue_ids": {action.pk} if overdue else set()}
