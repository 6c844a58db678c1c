"""Helpers for every module's tests: forms sent as a browser sends them, requests released
together on separate database connections, the number of queries a request runs, and the
permission matrix every module runs over all its addresses."""

import re
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, connections
from django.test import override_settings

from touchstone.core.models import Role
from touchstone.core.writes import TOKEN_FIELD, new_token


def sent(data: dict | None = None, **fields) -> dict:
    """Form data as a rendered form sends it: with its one-time submission token."""
    return {**(data or {}), **fields, TOKEN_FIELD: new_token()}


def date_boxes(name: str, day, month, year) -> dict:
    """A date as a GOV.UK date input sends it (core.dates): `<name>-day`, `-month`, `-year`."""
    return {f"{name}-day": str(day), f"{name}-month": str(month), f"{name}-year": str(year)}


def run_together(*calls: Callable[[], object], timeout: float = 60) -> list:
    """Run each call in its own thread (so each has its own database connection), all
    released at the same moment by a barrier; return what each returned, in order (an
    exception a call raised is returned in its place). Each thread closes its connection."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout)
            results[index] = call()
        except Exception as exc:  # reported to the test, which asserts on it
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
        if thread.is_alive():
            raise TimeoutError("a concurrent call did not finish in time")
    return results


@contextmanager
def throttle_rates(**rates: str):
    """The API's rate limits with `rates` changed for a block ("3/min" for a scope): DRF's
    throttles keep their rates in a class attribute, read once, so it is set and put back."""
    from django.conf import settings
    from rest_framework.settings import api_settings
    from rest_framework.throttling import SimpleRateThrottle

    current = settings.REST_FRAMEWORK
    changed = {**current, "DEFAULT_THROTTLE_RATES": {**current["DEFAULT_THROTTLE_RATES"], **rates}}
    try:
        with override_settings(REST_FRAMEWORK=changed):  # DRF reloads its settings on the change
            SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
            yield
    finally:
        SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES


def queries_run(call: Callable[[], object]) -> tuple[list[str], object]:
    """The SQL of every query `call()` ran on the default connection, and what it returned."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        result = call()
    return [query["sql"] for query in context.captured_queries], result


def queries_for(client, url: str, *, status: int = 200, **extra) -> int:
    """How many queries one GET of `url` runs; the response must have `status`. Pages and
    lists are checked to run as many with 5 rows as with 50 (see docs/testing.md)."""
    queries, response = queries_run(lambda: client.get(url, **extra))
    assert response.status_code == status, (url, response.status_code)
    return len(queries)


def client_for(user):
    """A test client signed in as `user`."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def hidden_value(html: str, name: str) -> str:
    """The value of the hidden input called `name` in a rendered page (the first one)."""
    match = re.search(rf'<input type="hidden" name="{re.escape(name)}" value="([^"]*)"', html)
    if match is None:
        raise AssertionError(f"no hidden {name} in the page")
    return match.group(1)


def two_writers_can_overlap() -> bool:
    """Whether the test database lets two connections hold write transactions at once (so a
    race can be staged): PostgreSQL does; the in-memory SQLite of the test suite locks whole
    tables, so there the repeat is tested one after the other instead."""
    return connection.vendor == "postgresql"


# --- The permission matrix ------------------------------------------------------------------
#
# Every module lists each of its addresses once, as Endpoints (a GET, and each write it takes),
# and the matrix tries every one as each kind of user, with the outcome each should get:
#
# - anonymous: a web page sends them to sign in, the API answers 401/403 (a public address
#   answers as it does for anyone);
# - an outsider (an officer of another organisation): an address tied to the module's records
#   is 404 (invisible, not forbidden); one that is not works for their own organisation and
#   shows none of the records;
# - a read-only member of the records' organisation (each of `reader_roles`): every read works,
#   every write is 403;
# - the editor (an officer, or the user the endpoint names in `objs`): everything works.
#
# A refused call writes nothing (every table of the module's apps is counted before and after,
# and the endpoint's own `written` check stays false). A guard checks that every URL pattern
# of the module's URLconfs is listed, so a new address cannot be missed.


def row_counts(*app_labels: str) -> dict[str, int]:
    """Row counts of every table of these apps: compare before and after a call to prove that
    it wrote nothing."""
    from django.apps import apps

    return {
        model._meta.label: model._default_manager.count()
        for label in app_labels
        for model in apps.get_app_config(label).get_models()
    }


def _nothing(objs: dict) -> dict:
    return {}


@dataclass(frozen=True)
class Endpoint:
    """One address and method. `url` and `data` are read from the module's `objs` fixture;
    the statuses left as None follow from what the endpoint is (see the comment above)."""

    name: str
    method: str
    url: Callable[[dict], str]
    data: Callable[[dict], dict] = _nothing
    write: bool = False
    api: bool = False
    public: bool = False  # no sign-in needed; answers alike for everyone
    scoped: bool = True  # tied to the records in `objs` (so invisible to other organisations)
    editor: str = "editor"  # the key in `objs` of the user for whom it works
    editor_status: int = 200
    reader_status: int | None = None  # default: 403 for a write, else editor_status
    # (role, status) for a reader role answered otherwise: a committee member reads the
    # committee's pages, which a caseworker cannot open.
    reader_statuses: tuple[tuple[str, int], ...] = ()
    outsider_status: int | None = None  # default: 404 when scoped, else editor_status
    outsider_may_write: bool = False  # it writes for the outsider's own organisation
    written: Callable[[dict], bool] | None = None  # a write's effect on the records is seen

    def call(self, client, objs: dict):
        url = self.url(objs)
        if self.api and self.method in ("patch", "post", "put"):
            return getattr(client, self.method)(
                url, self.data(objs), content_type="application/json"
            )
        return getattr(client, self.method)(url, self.data(objs))

    def expected_reader(self, role: str | None = None) -> int:
        by_role = dict(self.reader_statuses)
        if role in by_role:
            return by_role[role]
        if self.reader_status is not None:
            return self.reader_status
        return 403 if self.write else self.editor_status

    def expected_outsider(self) -> int:
        if self.outsider_status is not None:
            return self.outsider_status
        return 404 if self.scoped and not self.public else self.editor_status


def _signed_in(user):
    from django.test import Client

    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _body(response) -> bytes:
    """The whole body, streamed or not (a streamed one is read once)."""
    if response.streaming:
        response._matrix_body = getattr(response, "_matrix_body", None) or b"".join(
            response.streaming_content
        )
        return response._matrix_body
    return response.content


def _status(response, expected: int, name: str) -> None:
    detail = b"" if response.streaming else response.content[:300]
    assert response.status_code == expected, (name, response.status_code, detail)


@dataclass(frozen=True)
class PermissionMatrix:
    """The module's endpoints and what it takes to check them. `tests()` gives the test
    functions by name; put them in the test module, where a fixture `objs` gives the records
    (with `organisation`, the records' organisation, and `editor`: `records_once` builds it
    once per module) and the conftest gives `outsider` and `make_user`:

        globals().update(records_once(build))
        globals().update(MATRIX.tests())
    """

    endpoints: tuple[Endpoint, ...]
    urlconfs: tuple[str, ...]  # the module's URLconf modules: every pattern must be listed
    apps: tuple[str, ...]  # the apps whose tables a refused call must leave as they were
    secret: bytes  # text only the records show: never shown to an outsider
    reader_roles: tuple[str, ...] = (
        Role.CASEWORKER,
        Role.COMMITTEE_MEMBER,
    )  # staff who edit nothing
    readers_see_records: bool = True  # else the secret is hidden from readers too
    # Users in `objs` (by key) who are refused as a read-only member is, wherever they are not
    # the endpoint's editor: e.g. a member whose account is linked to a record of the module.
    refused_as_readers: tuple[str, ...] = ()
    never_offered_to_readers: tuple[bytes, ...] = ()  # forms a reader's pages never show

    def _unchanged(self, endpoint: Endpoint, objs: dict, before: dict) -> None:
        assert row_counts(*self.apps) == before, endpoint.name
        if endpoint.written is not None:
            assert not endpoint.written(objs), endpoint.name

    def _unseen(self, endpoint: Endpoint, response) -> None:
        if not endpoint.public:
            assert self.secret not in _body(response), endpoint.name

    def tests(self):
        import pytest  # only the test suite builds the tests

        endpoints = list(self.endpoints)
        ids = [e.name for e in endpoints]
        each = pytest.mark.parametrize("endpoint", endpoints, ids=ids)
        matrix = self

        @pytest.mark.django_db
        @each
        def test_anonymous(endpoint, objs):
            before = row_counts(*matrix.apps)
            response = endpoint.call(_signed_in(None), objs)
            if endpoint.public:
                _status(response, endpoint.editor_status, endpoint.name)
            elif endpoint.api:
                assert response.status_code in (401, 403), endpoint.name
            else:
                _status(response, 302, endpoint.name)
                assert response["Location"].startswith("/sign-in/?next="), endpoint.name
            if not (endpoint.public and endpoint.outsider_may_write):
                matrix._unchanged(endpoint, objs, before)

        @pytest.mark.django_db
        @each
        def test_outsider(endpoint, objs, outsider):
            before = row_counts(*matrix.apps)
            response = endpoint.call(_signed_in(outsider), objs)
            _status(response, endpoint.expected_outsider(), endpoint.name)
            matrix._unseen(endpoint, response)
            if endpoint.outsider_may_write:
                assert endpoint.written is None or not endpoint.written(objs), endpoint.name
            else:
                matrix._unchanged(endpoint, objs, before)

        @pytest.mark.django_db
        @pytest.mark.parametrize("role", matrix.reader_roles)
        @each
        def test_read_only_member(endpoint, role, objs, make_user):
            reader = make_user("matrix-reader", (objs["organisation"], role))
            before = row_counts(*matrix.apps)
            response = endpoint.call(_signed_in(reader), objs)
            _status(response, endpoint.expected_reader(role), endpoint.name)
            if endpoint.write:
                matrix._unchanged(endpoint, objs, before)
            if not matrix.readers_see_records:
                matrix._unseen(endpoint, response)
            elif endpoint.scoped and not endpoint.api and endpoint.method == "get":
                for form in matrix.never_offered_to_readers:
                    assert form not in _body(response), (endpoint.name, form)

        @pytest.mark.django_db
        @pytest.mark.parametrize("who", matrix.refused_as_readers)
        @each
        def test_others_refused_as_readers(endpoint, who, objs):
            if endpoint.editor == who:
                pytest.skip("the endpoint is theirs: test_editor tries it")
            before = row_counts(*matrix.apps)
            response = endpoint.call(_signed_in(objs[who]), objs)
            _status(response, endpoint.expected_reader(), endpoint.name)
            if endpoint.write:
                matrix._unchanged(endpoint, objs, before)
            if not matrix.readers_see_records:
                matrix._unseen(endpoint, response)

        @pytest.mark.django_db
        @each
        def test_editor(endpoint, objs):
            response = endpoint.call(_signed_in(objs[endpoint.editor]), objs)
            _status(response, endpoint.editor_status, endpoint.name)
            if endpoint.written is not None:
                assert endpoint.written(objs), endpoint.name

        @pytest.mark.django_db
        def test_every_url_is_in_the_matrix(objs):
            """A new address must be listed (and so tried as everyone), with a GET."""
            from importlib import import_module

            from django.urls import resolve

            patterns = [p for m in matrix.urlconfs for p in import_module(m).urlpatterns]
            names = [p.name for p in patterns]
            assert len(names) == len(set(names)), "URL names must be unique across the module"
            listed = {}
            for endpoint in endpoints:
                listed.setdefault(resolve(endpoint.url(objs).split("?")[0]).url_name, set()).add(
                    endpoint.method
                )
            missing = set(names) - set(listed)
            assert not missing, f"not in the matrix: {sorted(missing)}"
            no_get = [name for name in names if "get" not in listed[name]]
            assert not no_get, f"listed without a GET: {no_get}"

        tests = (
            test_anonymous,
            test_outsider,
            test_read_only_member,
            test_editor,
            test_every_url_is_in_the_matrix,
        )
        if matrix.refused_as_readers:
            tests += (test_others_refused_as_readers,)
        return {test.__name__: test for test in tests}


def new_organisation(slug: str = "ips", kind: str | None = None):
    """An organisation (a regulator unless `kind` says otherwise), as the conftest's
    `make_organisation` makes one."""
    from touchstone.core.models import Organisation, OrganisationKind

    return Organisation.objects.create(
        slug=slug, name=slug.replace("-", " ").title(), kind=kind or OrganisationKind.REGULATOR
    )


def new_user(username: str, *roles, password: str = "pw"):  # noqa: S107 (test users)
    """A user with a role in each (organisation, role) of `roles`, as the conftest's
    `make_user` makes one."""
    from touchstone.core.models import User
    from touchstone.core.services import membership_grant

    user = User.objects.create_user(
        username=username, password=password, email=f"{username}@example.test"
    )
    for organisation, role in roles:
        membership_grant(acting_user=None, user=user, organisation=organisation, role=role)
    return user


def _refreshed(value):
    """Each model instance in `value` (a dict, list or tuple of them, nested) read again from
    the database; anything else left as it is. Attributes that are not fields (a reference's
    `link_token`, shown once and never stored) are kept."""
    from django.db.models import Model

    if isinstance(value, Model):
        value.refresh_from_db()
    elif isinstance(value, dict):
        for item in value.values():
            _refreshed(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _refreshed(item)
    return value


def records_once(build: Callable[[], dict]):
    """The matrix's `objs` fixture from `build()`, which makes the records (and the users in
    them) and returns them by key: built once per module on each test worker, inside a
    transaction that is rolled back when the module's tests are done. Each test runs in its
    own savepoint within it (pytest-django's per-test `db` transaction, nested), rolled back
    after the test, so what one test writes is gone before the next; the instances in `objs`
    are read again from the database at the start of each test.

    `build` must make everything it needs itself (not through the function-scoped fixtures
    such as `organisation` or `make_user`: see `new_organisation` and `new_user`), and must
    not depend on on-commit callbacks (emails, jobs): they never run inside the transaction,
    just as they never ran inside a test's own.

        globals().update(records_once(build))  # the fixtures `objs` and `matrix_records`

    (`matrix_records` is the module's, `objs` each test's.)
    """
    import pytest  # only the test suite builds the fixtures
    from django.db import transaction

    @pytest.fixture(scope="module")
    def matrix_records(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            outer = transaction.atomic()
            outer.__enter__()
            try:
                records = build()
            except BaseException:
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)
                raise
        try:
            yield records
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)

    @pytest.fixture
    def objs(matrix_records, db) -> dict:
        return _refreshed(matrix_records)

    return {"matrix_records": matrix_records, "objs": objs}


# Sample files for upload tests and the demo data: each accepted kind, and files to refuse.
def sample_pdf(*lines: str) -> bytes:
    from touchstone.core.pdf import simple_pdf

    return simple_pdf(list(lines) or ["A sample document"])


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page of a PDF (pypdf), to check what a generated document says."""
    import io

    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def sample_docx(text: str = "A sample document") -> bytes:
    """The smallest Word document Word opens: a zip with its content types, relationships
    and one paragraph."""
    import io
    import zipfile

    from touchstone.core.uploads import DOCX_MAIN

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="application'
            '/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            f'ContentType="application/xml"/><Override PartName="/word/document.xml" '
            f'ContentType="{DOCX_MAIN}"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http'
            '://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
            'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
            f"{text}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def _image(format_: str) -> bytes:
    import io

    from PIL import Image  # Pillow comes with WeasyPrint

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (29, 112, 184)).save(buffer, format=format_)
    return buffer.getvalue()


def sample_png() -> bytes:
    return _image("PNG")


def sample_jpeg() -> bytes:
    return _image("JPEG")


def sample_executable() -> bytes:
    """The start of a Windows program (to be refused, whatever it is named)."""
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48


def sample_html() -> bytes:
    return b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def sample_zip() -> bytes:
    """A zip archive that is not a Word document."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a document")
    return buffer.getvalue()


def uploaded(data: bytes, name: str = "document.pdf", content_type: str = "application/pdf"):
    """A file as a browser uploads it (the name and type it claims are not trusted)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type=content_type)
