"""Step 3's addresses for the practice-rights permission matrix: the applicant's portfolio
pages and writes, and the officer's read-only view (test_permissions_matrix lists them)."""

from touchstone.core.models import Job
from touchstone.core.testing import Endpoint, sample_pdf, sent, uploaded
from touchstone.rights.models import Application

APPLICANT = {"editor": "applicant", "reader_status": 404}


def _mine(path=""):
    return lambda o: f"/rights/applications/{o['application'].pk}/portfolio/{path}"


def _staff(path=""):
    return lambda o: f"/rights/staff/{o['submitted'].pk}/portfolio/{path}"


def _version(o) -> int:
    return Application.objects.get(pk=o["application"].pk).version


def _evidence(o) -> str:
    return f"2.3/evidence/{o['evidence'].pk}/"


def _staff_evidence(o) -> str:
    return f"2.3/evidence/{o['submitted_evidence'].pk}/"


def _sheet_data(o):
    return sent(kind="logbook", matter="Matrix matter", reflection="r", version=_version(o))


def _evidence_data(o):
    return sent(
        {
            "description": "Matrix letter",
            "date-day": "1",
            "date-month": "1",
            "date-year": "2025",
            "kind": "client_letter",
            "file": uploaded(sample_pdf("A letter"), name="letter.pdf"),
        }
    )


def _sheets(o, **filters) -> bool:
    return o["application"].sheets.filter(**filters).exists()


PORTFOLIO_ENDPOINTS = (
    Endpoint("portfolio", "get", _mine(), **APPLICANT),
    Endpoint(
        "portfolio-optional-get",
        "get",
        _mine("optional/"),
        editor="applicant",
        editor_status=405,
        outsider_status=405,
    ),
    Endpoint(
        "portfolio-optional",
        "post",
        _mine("optional/"),
        data=lambda o: sent(include="on", version=_version(o)),
        write=True,
        editor_status=302,
        written=lambda o: (
            Application.objects.get(pk=o["application"].pk).portfolio_include_optional
        ),
        **APPLICANT,
    ),
    Endpoint("supervisor-add-page", "get", _mine("supervisors/add/"), **APPLICANT),
    Endpoint(
        "supervisor-add",
        "post",
        _mine("supervisors/add/"),
        data=lambda o: sent(name="Dee Eve", authorised="yes", current="yes"),
        write=True,
        editor_status=302,
        written=lambda o: o["application"].supervisors.filter(name="Dee Eve").exists(),
        **APPLICANT,
    ),
    Endpoint(
        "supervisor-remove-page",
        "get",
        lambda o: _mine(f"supervisors/{o['supervisor'].pk}/remove/")(o),
        **APPLICANT,
    ),
    Endpoint(
        "supervisor-remove",
        "post",
        lambda o: _mine(f"supervisors/{o['supervisor'].pk}/remove/")(o),
        data=lambda o: sent(confirmed="yes"),
        write=True,
        editor_status=302,
        written=lambda o: not o["application"].supervisors.exists(),
        **APPLICANT,
    ),
    Endpoint("sheet", "get", _mine("2.3/"), **APPLICANT),
    Endpoint(
        "sheet-save",
        "post",
        _mine("2.4/"),
        data=_sheet_data,
        write=True,
        editor_status=302,
        written=lambda o: _sheets(o, example="2.4", matter="Matrix matter"),
        **APPLICANT,
    ),
    Endpoint("sheet-remove-page", "get", _mine("2.3/remove/"), **APPLICANT),
    Endpoint(
        "sheet-remove",
        "post",
        _mine("2.3/remove/"),
        data=lambda o: sent(confirmed="yes"),
        write=True,
        editor_status=302,
        written=lambda o: not _sheets(o, example="2.3"),
        **APPLICANT,
    ),
    Endpoint("evidence-add-page", "get", _mine("2.3/evidence/add/"), **APPLICANT),
    Endpoint(
        "evidence-add",
        "post",
        _mine("2.3/evidence/add/"),
        data=_evidence_data,
        write=True,
        editor_status=302,
        written=lambda o: _sheets(o, evidence__description="Matrix letter"),
        **APPLICANT,
    ),
    Endpoint(
        "evidence-remove-page", "get", lambda o: _mine(_evidence(o) + "remove/")(o), **APPLICANT
    ),
    Endpoint(
        "evidence-remove",
        "post",
        lambda o: _mine(_evidence(o) + "remove/")(o),
        data=lambda o: sent(confirmed="yes"),
        write=True,
        editor_status=302,
        written=lambda o: not _sheets(o, evidence__isnull=False),
        **APPLICANT,
    ),
    Endpoint(
        "evidence-document", "get", lambda o: _mine(_evidence(o) + "document/")(o), **APPLICANT
    ),
    Endpoint(
        "portfolio-compile-get",
        "get",
        _mine("compile/"),
        editor="applicant",
        editor_status=405,
        outsider_status=405,
    ),
    Endpoint(
        "portfolio-compile",
        "post",
        _mine("compile/"),
        data=lambda o: sent(),
        write=True,
        editor_status=302,
        written=lambda o: Job.objects.filter(kind="rights.portfolio_compile").exists(),
        **APPLICANT,
    ),
    # the regulator's officers, read only (and compiling the portfolio to read)
    Endpoint(
        "staff-portfolio-compile-get",
        "get",
        _staff("compile/"),
        editor_status=405,
        outsider_status=405,
        reader_status=405,
    ),
    Endpoint(
        "staff-portfolio-compile",
        "post",
        _staff("compile/"),
        data=lambda o: sent(),
        write=True,
        editor_status=302,
        reader_status=404,
        written=lambda o: Job.objects.filter(kind="rights.portfolio_compile").exists(),
    ),
    Endpoint("staff-portfolio", "get", _staff(), reader_status=404),
    Endpoint("staff-sheet", "get", _staff("2.3/"), reader_status=404),
    Endpoint(
        "staff-evidence-document",
        "get",
        lambda o: _staff(_staff_evidence(o) + "document/")(o),
        reader_status=404,
    ),
)
