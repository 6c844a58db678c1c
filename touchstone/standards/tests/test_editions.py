"""Loading an edition that is stored already: the same content changes nothing; other content
is refused unless replaced; a new edition is stored beside the old one and becomes current.
Each load or replacement is audited; the system loads with no user."""

import pytest
from django.core.exceptions import PermissionDenied

from touchstone.core.imports import ImportRejected
from touchstone.core.models import AuditEvent, OrganisationKind, Role
from touchstone.core.testing import row_counts
from touchstone.standards.imports import read_library
from touchstone.standards.models import Framework, Mapping, Node
from touchstone.standards.reference import load_reference_data
from touchstone.standards.selectors import framework_current, library_document
from touchstone.standards.services import AuditAction, framework_load
from touchstone.standards.tests.build import as_yaml, small_document, small_library

pytestmark = pytest.mark.django_db


def _load(document, **options):
    return framework_load(acting_user=None, library=read_library(as_yaml(document)), **options)


def test_a_new_framework_is_created_current_and_audited():
    loaded = framework_load(acting_user=None, library=small_library())
    assert (loaded.outcome, loaded.nodes, loaded.mappings) == ("created", 5, 3)
    framework = framework_current("test-quality")
    assert framework == loaded.framework and framework.current
    event = AuditEvent.objects.get(action=AuditAction.LOAD_FRAMEWORK, object_id=str(framework.pk))
    assert event.actor is None and event.after["nodes"] == 5 and event.after["mappings"] == 3
    sub_item = Node.objects.get(framework=framework, ref_id="2")
    assert sub_item.parent.ref_id == "1" and sub_item.parent.parent.ref_id == "h1"
    mappings = Mapping.objects.filter(source__framework=framework).order_by("order")
    assert [(m.source.ref_id, m.target.ref_id, m.relationship) for m in mappings] == [
        ("1", "7.5", "intersect"),
        ("2", "7.5", "subset"),
        ("2", "8.3", "subset"),
    ]


def test_the_same_content_again_changes_nothing():
    framework_load(acting_user=None, library=small_library())
    before, events = row_counts("standards"), AuditEvent.objects.count()
    again = _load(small_document(), replace=True)
    assert again.outcome == "unchanged"
    assert row_counts("standards") == before and AuditEvent.objects.count() == events


def test_other_content_for_a_stored_edition_is_refused_without_replace():
    framework_load(acting_user=None, library=small_library())
    changed = small_document()
    changed["nodes"][4]["text"] = "Hold professional indemnity insurance."
    with pytest.raises(ImportRejected) as refused:
        _load(changed)
    assert refused.value.errors[0].startswith(
        'framework.edition: test-quality "First edition" is already loaded with other content'
    )
    assert Node.objects.get(framework__ref_id="test-quality", ref_id="3").text == "Hold insurance."


def test_replace_brings_the_edition_to_the_file_keeping_nodes_by_ref_id():
    first = framework_load(acting_user=None, library=small_library()).framework
    kept = Node.objects.get(framework=first, ref_id="1").pk
    changed = small_document()
    changed["nodes"][4]["text"] = "Hold professional indemnity insurance."
    del changed["nodes"][3]  # the sub-item goes, and its mappings with it
    changed["mapping_sets"][0]["mappings"] = [{"source": "1", "target": "7.5"}]
    replaced = _load(changed, replace=True)
    assert replaced.outcome == "replaced" and replaced.framework.pk == first.pk
    assert replaced.nodes == 4 and replaced.mappings == 1
    assert Node.objects.get(framework=first, ref_id="1").pk == kept
    assert not Node.objects.filter(framework=first, ref_id="2").exists()
    assert AuditEvent.objects.filter(
        action=AuditAction.REPLACE_FRAMEWORK, object_id=str(first.pk)
    ).exists()


def test_a_new_edition_is_kept_beside_the_old_and_becomes_current():
    old = framework_load(acting_user=None, library=small_library()).framework
    new = framework_load(acting_user=None, library=small_library(edition="Second edition"))
    assert new.outcome == "created"
    old.refresh_from_db()
    assert not old.current and new.framework.current
    assert framework_current("test-quality") == new.framework
    assert Framework.objects.filter(ref_id="test-quality").count() == 2
    assert old.nodes.count() == 5  # the old edition's standards are still there


def test_reloading_an_old_edition_changes_nothing_and_leaves_the_current_one():
    framework_load(acting_user=None, library=small_library())
    new = framework_load(acting_user=None, library=small_library(edition="Second edition"))
    assert _load(small_document(), replace=True).outcome == "unchanged"
    assert framework_current("test-quality") == new.framework


def test_a_clause_mapped_from_another_framework_cannot_be_replaced_away():
    lexcel = framework_current("lexcel")
    document = library_document(lexcel)
    document["nodes"] = [n for n in document["nodes"] if n["ref_id"] != "7.5"]
    before = row_counts("standards")
    with pytest.raises(ImportRejected) as refused:
        _load(document, replace=True)
    assert refused.value.errors == [
        'nodes: "7.5" is no longer in the file but IQS 39, IQS 40, IQS 41 maps to it'
    ]
    assert row_counts("standards") == before


def test_the_shipped_library_loads_once_however_often_migrate_runs():
    before, events = row_counts("standards"), AuditEvent.objects.count()
    outcomes = {loaded.framework.ref_id: loaded.outcome for loaded in load_reference_data()}
    assert outcomes == dict.fromkeys(
        ["iba-principles", "iso-9000", "lexcel", "lsc-gqm", "iqs-2012"], "unchanged"
    )
    assert row_counts("standards") == before and AuditEvent.objects.count() == events


def test_a_user_needs_to_be_a_standards_bodys_officer(make_organisation, make_user):
    body = make_organisation("iop", kind=OrganisationKind.STANDARDS_BODY)
    regulator = make_organisation("ips")
    officer = make_user("officer", (body, Role.OFFICER), (regulator, Role.OFFICER))
    reader = make_user("reader", (body, Role.CASEWORKER))
    for user, organisation in ((reader, body), (officer, regulator)):
        with pytest.raises(PermissionDenied):
            framework_load(acting_user=user, library=small_library(), organisation=organisation)
    loaded = framework_load(acting_user=officer, library=small_library(), organisation=body)
    event = AuditEvent.objects.get(
        action=AuditAction.LOAD_FRAMEWORK, object_id=str(loaded.framework.pk)
    )
    assert event.actor == officer and event.organisation == body
    assert loaded.outcome == "created"
