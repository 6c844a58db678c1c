"""Every standards address, web and API, tried as anonymous, an officer of another
organisation, a standards body's read-only staff and its officer (core.testing
.PermissionMatrix): the framework library is public, so each answers alike for everyone and
none writes anything."""

from touchstone.core.models import OrganisationKind, Role
from touchstone.core.testing import (
    Endpoint,
    PermissionMatrix,
    new_organisation,
    new_user,
    records_once,
)

IQS = "/standards/frameworks/iqs-2012/"


def build() -> dict:
    body = new_organisation("iop", kind=OrganisationKind.STANDARDS_BODY)
    return {"organisation": body, "editor": new_user("standards-officer", (body, Role.OFFICER))}


def _public(name, url, **extra) -> Endpoint:
    return Endpoint(name, "get", lambda o, url=url: url, public=True, scoped=False, **extra)


MATRIX = PermissionMatrix(
    endpoints=(
        _public("frameworks", "/standards/"),
        _public("framework", IQS),
        _public("framework filtered", f"{IQS}?q=complaint&maps_to=Lexcel"),
        _public("framework download", f"{IQS}download/?format=csv"),
        _public("framework download refused", f"{IQS}download/?format=exe", editor_status=400),
        _public("api frameworks", "/api/v1/standards/frameworks/", api=True),
        _public("api framework", "/api/v1/standards/frameworks/iqs-2012/", api=True),
        _public("unknown framework", "/standards/frameworks/nothing/", editor_status=404),
    ),
    urlconfs=("touchstone.standards.urls", "touchstone.standards.api.urls"),
    apps=("standards",),
    secret=b"never shown",
)

globals().update(records_once(build))
globals().update(MATRIX.tests())
