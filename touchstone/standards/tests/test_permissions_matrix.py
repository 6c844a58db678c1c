"""Every standards address, web and API, tried as anonymous, an officer of another
organisation, a standards body's read-only staff and its officer (core.testing
.PermissionMatrix): the framework library and the self-assessment check are public, so each
answers alike for everyone and none writes anything."""

from touchstone.core.models import OrganisationKind, Role
from touchstone.core.testing import (
    Endpoint,
    PermissionMatrix,
    new_organisation,
    new_user,
    records_once,
)

IQS = "/standards/frameworks/iqs-2012/"
CHECK = "/api/v1/standards/iqs-2012/assessment-check"
ASSESSMENT = {
    "submitted_on": "2026-01-31",
    "corporate_member": False,
    "answers": {str(n): "complied" for n in range(1, 72)},
}


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
        _public("coverage", f"{IQS}coverage/"),
        _public("coverage of lexcel", f"{IQS}coverage/?held=lexcel"),
        _public("lexcel clauses", "/standards/frameworks/lexcel/mapped-to/iqs-2012/"),
        _public("api holders", "/api/v1/public/standards/iqs-2012/holders/?q=law", api=True),
        _public("api assessment check get", CHECK, api=True, editor_status=405),
        Endpoint(
            "api assessment check",
            "post",
            lambda o: CHECK,
            data=lambda o: ASSESSMENT,
            api=True,
            public=True,
            scoped=False,
        ),
        _public("unknown framework", "/standards/frameworks/nothing/", editor_status=404),
    ),
    # every web address is listed in test_accreditation_matrix.py, with the accreditation's
    urlconfs=("touchstone.standards.api.urls", "touchstone.standards.api.public_urls"),
    apps=("standards",),
    secret=b"never shown",
)

globals().update(records_once(build))
globals().update(MATRIX.tests())
