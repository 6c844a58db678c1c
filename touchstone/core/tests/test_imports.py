"""The shared import framework: header checks, row messages, size limit, held uploads."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.utils import timezone

from touchstone.core.imports import Column, ImportRejected, ImportSpec, RowErrors, batched
from touchstone.core.lookups import ReferenceIndex, by_code_or_name
from touchstone.core.models import PendingImport
from touchstone.core.services import pending_import_hold, pending_import_take

SPEC = ImportSpec(
    columns=(Column("number", required=True), Column("name", max_length=5), Column("town")),
    ignored=("as_at",),
)


def rejected(data: bytes, spec: ImportSpec = SPEC, **kwargs) -> list[str]:
    with pytest.raises(ImportRejected) as error:
        spec.open("file.csv", data, **kwargs)
    return error.value.errors


def test_headers_in_any_case_and_order_and_values_unguarded():
    upload = SPEC.open("file.csv", b"TOWN, Number ,as_at\nLeeds,'=1,x\n,,\nYork,2,\n")
    assert list(upload.rows()) == [
        (2, {"number": "=1", "name": "", "town": "Leeds"}),
        (4, {"number": "2", "name": "", "town": "York"}),
    ]
    assert list(upload.rows()) == list(upload.rows())  # read again from the top


def test_header_problems_are_named():
    assert rejected(b"number,shoe,Shoe,hat\n1,2,3,4\n") == [
        "unknown columns shoe, hat: the columns are number, name, town",
        'the column "shoe" appear more than once',
    ]
    assert rejected(b"name\nx\n") == ["missing column number"]
    assert rejected(b"number\n") == ["the file has no rows"]
    assert rejected(b"") == ["the file is empty: the first row must name the columns"]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(settings):
    settings.TOUCHSTONE_IMPORT_MAX_BYTES = 1_000_000
    [message] = rejected(b"not even read", size=2_500_000)
    assert message == (
        "file.csv is 2.5 MB; the most one import takes is 1.0 MB: "
        "split the file and import the parts one at a time"
    )
    assert SPEC.open("file.csv", BytesIO(b"number\n1\n"), size=9).filename == "file.csv"


def test_row_errors_are_numbered_and_capped():
    errors = RowErrors(limit=2)
    for row in (2, 3, 4, 5):
        errors.add(row, "bad")
    errors.add(None, "about the file")
    assert errors.messages == ["row 2: bad", "row 3: bad", "and 3 more problems not listed"]
    with pytest.raises(ImportRejected) as error:
        errors.reject()
    assert error.value.count == 5
    RowErrors().reject()  # nothing found: nothing raised


def test_lengths_are_row_errors():
    upload = SPEC.open("file.csv", b"number,name\n1,abcdef\n2,abc\n")
    errors = RowErrors()
    results = [upload.check_lengths(n, v, errors) for n, v in upload.rows()]
    assert results == [False, True]
    assert errors.messages == ["row 2: the name is 6 characters long; the most is 5"]


def test_batches():
    assert list(batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(batched([], 2)) == []


class Ref:
    def __init__(self, code, name):
        self.code, self.name = code, name


def test_reference_lookup_by_code_or_name_in_any_case():
    items = [Ref("cilex_practitioner", "CILEX Practitioner"), Ref("active", "Struck off")]
    index = ReferenceIndex(items)
    assert index.get("Cilex Practitioner") is items[0]  # by code, spaces for underscores
    assert index.get("  cilex practitioner ") is items[0]
    assert index.get("STRUCK OFF") is items[1]  # by name
    assert index.get("ACTIVE") is items[1]
    assert index.get("asleep") is None and index.get("") is None
    assert by_code_or_name(items, "active") is items[1]


@pytest.mark.django_db
def test_a_held_upload_is_taken_once_and_only_by_its_owner(make_user, organisation):
    owner, other = make_user("owner"), make_user("other")
    held = pending_import_hold(
        acting_user=owner,
        kind="plans.plan",
        organisation=organisation,
        filename="p.csv",
        data=b"action\nDo it\n",
        options={"name": "Plan"},
    )
    assert pending_import_take(acting_user=other, kind="plans.plan", pk=held.pk) is None
    assert pending_import_take(acting_user=owner, kind="other.kind", pk=held.pk) is None
    assert pending_import_take(acting_user=owner, kind="plans.plan", pk="not-a-uuid") is None
    taken = pending_import_take(acting_user=owner, kind="plans.plan", pk=str(held.pk))
    assert (taken.data, taken.options, taken.organisation) == (
        b"action\nDo it\n",
        {"name": "Plan"},
        organisation,
    )
    assert pending_import_take(acting_user=owner, kind="plans.plan", pk=held.pk) is None


@pytest.mark.django_db
def test_a_new_upload_replaces_the_last_and_old_ones_expire(make_user, organisation):
    owner = make_user("owner")

    def hold(name):
        return pending_import_hold(
            acting_user=owner,
            kind="plans.plan",
            organisation=organisation,
            filename=name,
            data=b"x",
            options={},
        )

    first = hold("a.csv")
    second = hold("b.csv")
    assert list(PendingImport.objects.values_list("pk", flat=True)) == [second.pk]
    assert pending_import_take(acting_user=owner, kind="plans.plan", pk=first.pk) is None
    PendingImport.objects.filter(pk=second.pk).update(
        created_at=timezone.now() - timedelta(hours=7)
    )
    assert pending_import_take(acting_user=owner, kind="plans.plan", pk=second.pk) is None
