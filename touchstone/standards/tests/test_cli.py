"""`touchstone standards load`: what it says for each outcome, and that it refuses a file
that is not there or not text."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from touchstone.core.models import AuditEvent
from touchstone.standards.services import AuditAction
from touchstone.standards.tests.build import as_yaml, small_document

pytestmark = pytest.mark.django_db


def _load(path, *options) -> str:
    out = StringIO()
    call_command("standards", "load", str(path), *options, stdout=out)
    return out.getvalue().strip()


def test_load_then_again_then_replace(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(as_yaml(small_document()), encoding="utf-8")
    assert _load(path) == 'test-quality "First edition" created: 5 nodes, 3 mappings'
    assert _load(path) == 'test-quality "First edition" unchanged: 5 nodes, 3 mappings'
    changed = small_document()
    changed["nodes"][4]["text"] = "Hold professional indemnity insurance."
    path.write_text(as_yaml(changed), encoding="utf-8")
    with pytest.raises(CommandError, match="small.yaml was not imported: 1 problem"):
        _load(path)
    assert _load(path, "--replace") == 'test-quality "First edition" replaced: 5 nodes, 3 mappings'
    events = AuditEvent.objects.filter(actor=None, object_repr__startswith="Test Quality")
    assert list(events.order_by("pk").values_list("action", flat=True)) == [
        AuditAction.LOAD_FRAMEWORK,
        AuditAction.REPLACE_FRAMEWORK,
    ]


def test_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        _load(tmp_path / "absent.yaml")


def test_a_file_that_is_not_text(tmp_path, capsys):
    path = tmp_path / "binary.yaml"
    path.write_bytes(b"\xff\xfe\x00framework")
    with pytest.raises(CommandError, match="nothing was written"):
        _load(path)
    assert "binary.yaml: not UTF-8 text" in capsys.readouterr().err
