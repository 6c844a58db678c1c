"""The KPI scorecard as JSON, for the staff of the organisation that runs the scheme: the
active organisation where the user may see its scorecard (an ombudsman's cases under the
ombudsman scheme, a regulator's under the conduct scheme). Anyone else is refused (403).

The period is read as the definitions say, whatever its length: one whose end is before its
start has no day in it, so nothing was accepted or concluded in it (the page and the command,
where a person types the dates, refuse such a period instead)."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from touchstone.casework.api.serializers.scorecard import (
    ScorecardQuerySerializer,
    ScorecardSerializer,
)
from touchstone.casework.filters import year_of
from touchstone.casework.models import SCHEME_ORGANISATION
from touchstone.casework.selectors import scorecard, scorecard_targets
from touchstone.core.api.schema import BAD_INPUT
from touchstone.core.web import acting_organisation

SCHEME_OF_KIND = {kind: scheme for scheme, kind in SCHEME_ORGANISATION.items()}


class Scorecard(APIView):
    @extend_schema(
        tags=["casework"],
        summary="The KPI scorecard for a period (cases concluded in it, by complexity)",
        description=(
            "Cases concluded from `from` to `to` inclusive; `to` before `from` is a period "
            "with no days in it. A bad date is a 400."
        ),
        parameters=[ScorecardQuerySerializer],
        responses={200: ScorecardSerializer, 400: BAD_INPUT},
    )
    def get(self, request):
        query = ScorecardQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        organisation = acting_organisation(request, "casework.view_scorecard")
        jurisdiction = values.get("jurisdiction")
        card = scorecard(
            acting_user=request.user,
            organisation=organisation,
            date_from=values["from"],
            date_to=values["to"],
            jurisdiction=jurisdiction,
            scheme=SCHEME_OF_KIND[organisation.kind],
        )
        card["targets"] = scorecard_targets(
            organisation=organisation, year=year_of(values["from"]), jurisdiction=jurisdiction
        )
        return Response(card)
