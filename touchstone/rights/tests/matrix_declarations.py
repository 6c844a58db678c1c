"""Step 4's declaration pages for the practice-rights permission matrix: opened from the
emailed link, with no account (the link is the permission), alike for everyone."""

from django.utils import timezone

from touchstone.core.testing import Endpoint, sent
from touchstone.rights.models import Application
from touchstone.rights.services import declarations_send

PUBLIC = {"public": True, "scoped": False}


def declared(application: Application) -> dict:
    """The `objs` entry: the application's declarations sent (it is set in declarations
    pending with its given reference, as paying its fee leaves it)."""
    application.application_state = "declarations_pending"
    application.application_submitted_on = timezone.localdate()
    application.application_reference = application.references.get(state="given")
    application.save()
    mine, _theirs = declarations_send(acting_user=None, application=application)
    return {"declaration": mine}


def _link(o) -> str:
    return f"/rights/declaration/{o['declaration'].link_token}/"


DECLARATION_ENDPOINTS = (
    Endpoint("declaration-sign", "get", _link, **PUBLIC),
    Endpoint(
        "declaration-sign-incomplete",
        "post",
        _link,
        data=lambda o: sent(signed_name="Someone Else"),
        editor_status=400,
        **PUBLIC,
    ),
    Endpoint(
        "declaration-sign-unknown",
        "get",
        lambda o: "/rights/declaration/not-a-token/",
        editor_status=404,
        **PUBLIC,
    ),
    Endpoint("declaration-signed", "get", lambda o: "/rights/declaration/signed/", **PUBLIC),
)
