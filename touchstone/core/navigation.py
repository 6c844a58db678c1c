"""Service navigation: each module adds its entry by naming it in its AppConfig."""

from django.apps import apps
from django.http import HttpRequest
from django.urls import reverse


def module_navigation(request: HttpRequest) -> list[dict]:
    """Entries from every installed module's AppConfig.navigation = (label, url name, public)."""
    user = getattr(request, "user", None)
    items = []
    for config in apps.get_app_configs():
        entry = getattr(config, "navigation", None)
        if not entry:
            continue
        label, url_name, public = entry
        if not public and not (user and user.is_authenticated):
            continue
        url = reverse(url_name)
        items.append({"label": label, "url": url, "active": request.path.startswith(url)})
    return items
