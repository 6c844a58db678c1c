"""Every register address, web and API, public and staff, tried as anonymous, an outsider (an
officer of another regulator), a member of the regulator without the officer role, and the one
it is for (an officer; for "my CPD", the member whose record it is), through
core.testing.PermissionMatrix. The register's private side has no read-only role: anyone but
its officers finds no registrant (404)."""

from functools import partial

from django.utils import timezone

from touchstone.core.models import Deadline, Role
from touchstone.core.testing import (
    Endpoint,
    PermissionMatrix,
    new_organisation,
    new_user,
    records_once,
    sent,
)
from touchstone.register.models import CpdActivity, CpdRecord, CpdSample
from touchstone.register.services import cpd_activity_add, cpd_sample_draw
from touchstone.register.services.cpd import REMINDER_KIND
from touchstone.register.tests.fixtures import FINDING, GRANT, STATUS_CHANGE, small_register

MATRIX_EMAIL = "matrix@example.test"
API = "/api/v1/register"

public = partial(Endpoint, public=True, scoped=False)
staff = partial(Endpoint, reader_status=404)  # invisible to all but the regulator's officers
# A method the address does not take is refused before any record is looked up.
not_taken = partial(Endpoint, editor_status=405, outsider_status=405, reader_status=405)


def change_page(name, url, data, written) -> tuple[Endpoint, Endpoint]:
    """A staff change page: its form, and the form sent."""
    return (
        staff(f"{name}-page", "get", url),
        staff(name, "post", url, data=data, write=True, editor_status=302, written=written),
    )


def api_write(name, url, body, written, *, status=201) -> tuple[Endpoint, Endpoint]:
    """A staff API write (POST only: a GET is refused by method), and the write."""
    return (
        not_taken(f"{name}-get", "get", url, api=True),
        staff(
            name,
            "post",
            url,
            data=lambda o: body,
            write=True,
            api=True,
            editor_status=status,
            written=written,
        ),
    )


def _john(path=""):
    return lambda o: f"/register/staff/{o['john'].pk}/{path}"


def _api_john(path=""):
    return lambda o: f"{API}/registrants/{o['john'].pk}/{path}"


def _edit(objs):
    john = objs["john"]
    return sent(
        title=john.title,
        given_names=john.given_names,
        family_name=john.family_name,
        category=john.category.code,
        town=john.town,
        postcode=john.postcode,
        email=MATRIX_EMAIL,
        version=john.version,
    )


def _email_changed(objs) -> bool:
    return objs["john"].__class__.objects.get(pk=objs["john"].pk).email == MATRIX_EMAIL


def _suspended(objs) -> bool:
    return objs["john"].status_changes.filter(reason=STATUS_CHANGE["reason"]).exists()


def _granted(objs) -> bool:
    return objs["john"].rights.filter(right_type__code="probate").exists()


def _ended(objs) -> bool:
    return objs["john"].rights.filter(pk=objs["right"].pk, ended_on__isnull=False).exists()


def _found(objs) -> bool:
    return objs["john"].findings.filter(summary=FINDING["summary"]).exists()


def _withdrawn(objs) -> bool:
    return objs["john"].findings.filter(pk=objs["finding"].pk, publish=False).exists()


def _activity_added(objs) -> bool:
    return CpdActivity.objects.filter(description="Matrix activity").exists()


def _activity_changed(objs) -> bool:
    return CpdActivity.objects.filter(pk=objs["activity"].pk, description="Matrix change").exists()


def _activity_removed(objs) -> bool:
    return not CpdActivity.objects.filter(pk=objs["activity"].pk).exists()


def own_activity_pages(name, path, data, written) -> tuple[Endpoint, Endpoint]:
    """A page about one activity of the member's own record: only they find it (404)."""

    def url(o):
        return f"/register/my-cpd/activities/{o['activity'].pk}/{path}"

    return (
        Endpoint(f"{name}-page", "get", url, editor="member", reader_status=404),
        Endpoint(
            name,
            "post",
            url,
            data=data,
            write=True,
            editor="member",
            editor_status=302,
            reader_status=404,
            written=written,
        ),
    )


def _submitted(objs) -> bool:
    return CpdRecord.objects.filter(
        registrant=objs["john"], year=objs["year"], submitted_on__isnull=False
    ).exists()


def _sampled(objs) -> bool:
    return CpdSample.objects.filter(seed=4242).exists()


def _reminded(objs) -> bool:
    return Deadline.objects.filter(kind=REMINDER_KIND, organisation=objs["organisation"]).exists()


ENDPOINTS = (
    # the public register: the same for everyone, signed in or not
    public("search", "get", lambda o: "/register/?q=smith"),
    public("specialist", "get", lambda o: "/register/specialist/"),
    public("open-data-csv", "get", lambda o: "/register/open-data.csv"),
    public("open-data-json", "get", lambda o: "/register/open-data.json"),
    public("detail", "get", lambda o: "/register/100001/"),
    public("api-public-list", "get", lambda o: "/api/v1/public/register/", api=True),
    public("api-public-detail", "get", lambda o: "/api/v1/public/register/100001/", api=True),
    # a member's own CPD
    Endpoint("my-cpd", "get", lambda o: "/register/my-cpd/", scoped=False, editor="member"),
    Endpoint(
        "my-cpd-add",
        "post",
        lambda o: "/register/my-cpd/add/",
        data=lambda o: sent(
            done_on=timezone.localdate().isoformat(),
            hours="12",
            activity_type="Course or webinar",
            description="Matrix activity",
        ),
        write=True,
        scoped=False,
        editor="member",
        editor_status=302,
        reader_status=200,  # "your account is not linked to the register": nothing to add to
        outsider_status=200,
        written=_activity_added,
    ),
    Endpoint(
        "my-cpd-add-page",
        "get",
        lambda o: "/register/my-cpd/add/",
        scoped=False,
        editor="member",
    ),
    *own_activity_pages(
        "my-cpd-change",
        "change/",
        lambda o: sent(
            done_on=timezone.localdate().isoformat(),
            hours="2",
            activity_type="Course or webinar",
            description="Matrix change",
            version=o["activity"].version,
        ),
        _activity_changed,
    ),
    *own_activity_pages(
        "my-cpd-remove",
        "remove/",
        lambda o: sent(version=o["activity"].version, confirmed="yes"),
        _activity_removed,
    ),
    Endpoint(  # check your answers before submitting
        "my-cpd-submit-get",
        "get",
        lambda o: f"/register/my-cpd/{o['year']}/submit/",
        editor="member",
        reader_status=404,
    ),
    Endpoint(
        "my-cpd-submit",
        "post",
        lambda o: f"/register/my-cpd/{o['year']}/submit/",
        data=lambda o: sent(),
        write=True,
        editor="member",
        editor_status=302,
        reader_status=404,
        written=_submitted,
    ),
    # the staff pages
    staff("staff-search", "get", lambda o: "/register/staff/?q=smith", scoped=False),
    staff(
        "staff-export",
        "get",
        lambda o: "/register/staff/export.csv",
        scoped=False,
        outsider_may_write=True,  # the export of their own register is audited
    ),
    staff("staff-cpd", "get", lambda o: "/register/staff/cpd/", scoped=False),
    staff(
        "staff-cpd-sample-draw",
        "post",
        lambda o: "/register/staff/cpd/",
        data=lambda o: sent(action="sample", year="2025", size="1", seed="4242"),
        write=True,
        scoped=False,
        editor_status=302,
        outsider_status=200,  # their own regulator has nobody to sample: the form says so
        written=_sampled,
    ),
    staff(
        "staff-cpd-reminders",
        "post",
        lambda o: "/register/staff/cpd/",
        data=lambda o: sent(action="reminders"),
        write=True,
        scoped=False,
        editor_status=302,
        outsider_status=302,  # for their own regulator (nobody there to remind)
        outsider_may_write=True,
        written=_reminded,
    ),
    staff("staff-cpd-sample", "get", lambda o: f"/register/staff/cpd/samples/{o['sample'].pk}/"),
    staff("staff-detail", "get", _john()),
    staff("history-registrant", "get", lambda o: f"/history/register/registrant/{o['john'].pk}/"),
    *change_page("staff-edit", _john("edit/"), _edit, _email_changed),
    *change_page(
        "staff-status",
        _john("status/"),
        lambda o: sent(STATUS_CHANGE, confirmed="yes"),
        _suspended,
    ),
    *change_page("staff-right-grant", _john("rights/add/"), lambda o: sent(GRANT), _granted),
    *change_page("staff-finding-add", _john("findings/add/"), lambda o: sent(FINDING), _found),
    *change_page(
        "staff-right-end",
        lambda o: f"/register/staff/rights/{o['right'].pk}/end/",
        lambda o: sent(ended_on="2025-02-01"),
        _ended,
    ),
    *change_page(
        "staff-finding-publication",
        lambda o: f"/register/staff/findings/{o['finding'].pk}/publication/",
        lambda o: sent(version=o["finding"].version),  # unticked: withdrawn
        _withdrawn,
    ),
    # the staff API
    Endpoint(
        "api-staff-search", "get", lambda o: f"{API}/registrants/?q=smith", api=True, scoped=False
    ),
    staff("api-staff-registrant", "get", _api_john(), api=True),
    staff(
        "api-staff-patch",
        "patch",
        _api_john(),
        data=lambda o: {"email": MATRIX_EMAIL},
        write=True,
        api=True,
        written=_email_changed,
    ),
    *api_write("api-staff-status", _api_john("status/"), STATUS_CHANGE, _suspended),
    *api_write("api-staff-right-grant", _api_john("rights/"), GRANT, _granted),
    *api_write("api-staff-finding", _api_john("findings/"), FINDING, _found),
    *api_write(
        "api-staff-right-end",
        lambda o: f"{API}/rights/{o['right'].pk}/end/",
        {"ended_on": "2025-02-01"},
        _ended,
        status=200,
    ),
)

MATRIX = PermissionMatrix(
    endpoints=ENDPOINTS,
    urlconfs=("touchstone.register.urls", "touchstone.register.api.urls"),
    apps=("register", "core"),
    secret=b"100001",
    readers_see_records=False,
    # A member of the public in the regulator, besides its caseworkers and committee.
    reader_roles=(Role.CASEWORKER, Role.COMMITTEE_MEMBER, Role.PUBLIC),
    # John's own account: he keeps his CPD, and sees no staff page or record.
    refused_as_readers=("member",),
)


def build() -> dict:
    organisation = new_organisation("ips")
    officer = new_user("officer", (organisation, Role.OFFICER))
    john = small_register(organisation)["john"]
    member = new_user("john")
    john.user = member
    john.save()
    return {
        "organisation": organisation,
        "editor": officer,
        "member": member,
        "john": john,
        "right": john.rights.get(),
        "finding": john.findings.get(summary="Late filing of accounts"),
        "sample": cpd_sample_draw(
            acting_user=None, regulator=organisation, year=2025, size=1, seed=7
        ),
        "year": timezone.localdate().year,
        "activity": cpd_activity_add(
            acting_user=None,
            registrant=john,
            done_on=timezone.localdate(),
            hours=1,
            activity_type="Course or webinar",
            description="Matrix fixture",
        ),
    }


globals().update(records_once(build))  # objs: built once, each test in a savepoint
globals().update(MATRIX.tests())  # test_anonymous, test_outsider, … (core.testing)
