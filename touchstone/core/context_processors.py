from django.http import HttpRequest

from touchstone.core.navigation import module_navigation
from touchstone.core.selectors import notifications_for_user


def shell(request: HttpRequest) -> dict:
    """What the page shell needs: the service navigation, organisations, unread count."""
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    return {
        "service_navigation": module_navigation(request),
        "active_organisation": getattr(request, "organisation", None),
        "user_organisations": getattr(request, "organisations", []),
        "unread_notifications": (
            notifications_for_user(user, unread_only=True).count() if authenticated else 0
        ),
    }
