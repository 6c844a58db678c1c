"""The demo and the library task change nothing on a database `migrate` has loaded, and say
what the library holds."""

from io import StringIO

import pytest
from django.core.management.base import OutputWrapper

from touchstone.core.testing import row_counts
from touchstone.standards import demo, tasks

pytestmark = pytest.mark.django_db


def test_the_demo_says_what_the_library_holds():
    before = row_counts("standards")
    out = StringIO()
    demo.load(OutputWrapper(out))
    lines = out.getvalue().splitlines()
    assert lines[0] == "Framework library (/standards/):"
    expected = "iqs-2012 IQS January 2012: 71 standards, 34 with equivalents in LSC, Lexcel, "
    assert any(" ".join(line.split()).startswith(expected + "ISO 9000, IBA") for line in lines)
    assert row_counts("standards") == before


def test_the_sync_task_reports_each_shipped_framework():
    before = row_counts("standards")
    assert tasks.reference_library_sync.call() == dict.fromkeys(
        ["iba-principles", "iso-9000", "lexcel", "lsc-gqm", "iqs-2012"], "unchanged"
    )
    assert row_counts("standards") == before
