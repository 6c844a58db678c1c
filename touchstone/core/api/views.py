from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from touchstone.core.selectors import memberships_for_user


class MeView(APIView):
    """Who the caller is and their roles in each organisation."""

    @extend_schema(
        responses=inline_serializer(
            "Me",
            {
                "username": serializers.CharField(),
                "name": serializers.CharField(),
                "memberships": serializers.ListField(child=serializers.DictField()),
            },
        )
    )
    def get(self, request):
        memberships = [
            {"organisation": m.organisation.slug, "role": m.role}
            for m in memberships_for_user(request.user)
        ]
        return Response(
            {
                "username": request.user.get_username(),
                "name": request.user.get_full_name(),
                "memberships": memberships,
            }
        )


@csrf_exempt
def api_not_found(request, *args, **kwargs):
    """Unknown API addresses answer in JSON, like the rest of the API (it changes nothing,
    so it needs no CSRF check)."""
    return JsonResponse({"detail": "Not found."}, status=404)
