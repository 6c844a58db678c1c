"""The KPI scorecard as JSON, for the staff of the organisation that runs the scheme: the
active organisation where the user may see its scorecard (an ombudsman's cases under the
ombudsman scheme, a regulator's under the conduct scheme). Anyone else is refused (403)."""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from touchstone.casework.api.serializers.scorecard import (
    ScorecardQuerySerializer,
    ScorecardSerializer,
)
from touchstone.casework.filters import period_refusal
from touchstone.casework.models import SCHEME_ORGANISATION
from touchstone.casework.selectors import scorecard
from touchstone.core.api.schema import BAD_INPUT
from touchstone.core.web import acting_organisation

SCHEME_OF_KIND = {kind: scheme for scheme, kind in SCHEME_ORGANISATION.items()}


class Scorecard(APIView):
    @extend_schema(
        tags=["casework"],
        summary="The KPI scorecard for a period (cases concluded in it, by complexity)",
        parameters=[ScorecardQuerySerializer],
        responses={200: ScorecardSerializer, 400: BAD_INPUT},
    )
    def get(self, request):
        query = ScorecardQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        refused = period_refusal(values["from"], values["to"])
        if refused:
            raise ValidationError(refused)
        organisation = acting_organisation(request, "casework.view_scorecard")
        return Response(
            scorecard(
                acting_user=request.user,
                organisation=organisation,
                date_from=values["from"],
                date_to=values["to"],
                jurisdiction=values.get("jurisdiction"),
                scheme=SCHEME_OF_KIND[organisation.kind],
            )
        )
