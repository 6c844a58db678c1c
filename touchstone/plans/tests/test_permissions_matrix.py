"""Every plans address, web and API, tried as anonymous, an outsider, a read-only member and
an editor (core.testing.PermissionMatrix): who gets what, and that a refused call writes
nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile

from touchstone.core.models import Job, Role
from touchstone.core.testing import (
    Endpoint,
    PermissionMatrix,
    new_organisation,
    new_user,
    records_once,
    sent,
)
from touchstone.plans.tests.factories import sample_plan


def _upload(objs):
    return sent(
        name="Matrix upload",
        kind="business_plan",
        organisation=objs["plan"].organisation_id,
        file=SimpleUploadedFile("plan.csv", b"action\nOne\n"),
    )


def _edit(objs):
    return sent(
        {
            "edit-action": "1",
            "edit-status": "complete",
            "edit-rag": "green",
            "edit-due_text": "",
            "edit-leads_text": "",
            "edit-comment": "Matrix",
            "edit-version": objs["action"].version,
        }
    )


def _progress(objs):
    return sent(
        {
            "record-progress": "1",
            "progress-text": "Matrix progress",
            "progress-recorded_on": "2020-01-01",
        }
    )


def _edited(objs) -> bool:
    return objs["plan"].actions.filter(comment="Matrix", status="complete").exists()


def _progressed(objs) -> bool:
    return objs["action"].progress_updates.filter(text="Matrix progress").exists()


def _plan(path=""):
    return lambda o: f"/plans/{o['plan'].pk}/{path}"


def _action(prefix="/plans/actions/"):
    return lambda o: f"{prefix}{o['action'].pk}/"


API_ACTION = "/api/v1/plans/actions/"

ENDPOINTS = (
    # web reads
    Endpoint("list", "get", lambda o: "/plans/", scoped=False),
    Endpoint("detail", "get", _plan()),
    Endpoint("detail-filtered", "get", _plan("?rag=red&as_of=2010-01-15")),
    Endpoint("export-csv", "get", _plan("export.csv")),
    Endpoint("export-xlsx", "get", _plan("export.xlsx")),
    Endpoint("export-json", "get", _plan("export.json")),
    Endpoint("export-pdf", "get", _plan("export.pdf")),
    Endpoint("action", "get", _action()),
    Endpoint("history-action", "get", _action("/history/plans/action/")),
    Endpoint("history-plan", "get", lambda o: f"/history/plans/plan/{o['plan'].pk}/"),
    # the board report reads the plan (it writes only a job for the person who asked)
    Endpoint(
        "board-report-get", "get", _plan("board-report/"), editor_status=405, outsider_status=405
    ),
    Endpoint(
        "board-report",
        "post",
        _plan("board-report/"),
        data=lambda o: sent(as_of="2010-01-15"),
        editor_status=302,
        written=lambda o: Job.objects.filter(kind="plans.board_report").exists(),
    ),
    # web writes
    Endpoint("import-page", "get", lambda o: "/plans/import/", write=True, scoped=False),
    # the template file: for those who may import (it names no record, so it reveals none)
    Endpoint(
        "import-template",
        "get",
        lambda o: "/plans/import/template.csv",
        write=True,
        scoped=False,
    ),
    Endpoint(
        "import-upload",
        "post",
        lambda o: "/plans/import/",
        data=_upload,
        write=True,
        scoped=False,
    ),
    Endpoint(
        "record-progress",
        "post",
        _action(),
        data=_progress,
        write=True,
        editor_status=302,
        written=_progressed,
    ),
    Endpoint(
        "edit-action", "post", _action(), data=_edit, write=True, editor_status=302, written=_edited
    ),
    # API reads
    Endpoint("api-list", "get", lambda o: "/api/v1/plans/", api=True, scoped=False),
    Endpoint("api-plan", "get", lambda o: f"/api/v1/plans/{o['plan'].pk}/", api=True),
    Endpoint("api-actions", "get", lambda o: f"/api/v1/plans/{o['plan'].pk}/actions/", api=True),
    Endpoint("api-export", "get", lambda o: f"/api/v1/plans/{o['plan'].pk}/export/", api=True),
    Endpoint("api-action", "get", _action(API_ACTION), api=True),
    Endpoint(
        "api-progress-get",
        "get",
        lambda o: f"{API_ACTION}{o['action'].pk}/progress/",
        api=True,
        editor_status=405,
        outsider_status=405,  # refused by method before any record is looked up
    ),
    # API writes
    Endpoint(
        "api-patch",
        "patch",
        _action(API_ACTION),
        data=lambda o: {"status": "complete", "comment": "Matrix"},
        write=True,
        api=True,
        written=_edited,
    ),
    Endpoint(
        "api-progress",
        "post",
        lambda o: f"{API_ACTION}{o['action'].pk}/progress/",
        data=lambda o: {"text": "Matrix progress"},
        write=True,
        api=True,
        editor_status=201,
        written=_progressed,
    ),
)

MATRIX = PermissionMatrix(
    endpoints=ENDPOINTS,
    urlconfs=("touchstone.plans.urls", "touchstone.plans.api.urls"),
    apps=("plans", "core"),
    secret=b"Matrix plan",
    never_offered_to_readers=(b"Record progress</button>", b"Save changes</button>"),
)


def build() -> dict:
    organisation = new_organisation("ips")
    officer = new_user("officer", (organisation, Role.OFFICER))
    plan = sample_plan(organisation, acting_user=officer, name="Matrix plan")
    return {
        "organisation": organisation,
        "editor": officer,
        "plan": plan,
        "action": plan.actions.get(ref="2.1.1"),
    }


globals().update(records_once(build))  # objs: built once, each test in a savepoint
globals().update(MATRIX.tests())  # test_anonymous, test_outsider, … (core.testing)
