"""Step 4's addresses for the practice-rights permission matrix: the applicant's application
pages and writes, and the officer's decision (test_permissions_matrix lists them)."""

from datetime import timedelta

from django.utils import timezone

from touchstone.core.testing import Endpoint, date_boxes, sent
from touchstone.rights.models import Application
from touchstone.rights.tests.submission import ANSWERS

APPLICANT = {"editor": "applicant", "reader_status": 404}


def _mine(path=""):
    return lambda o: f"/rights/applications/{o['application'].pk}/application/{path}"


def _version(o, key="application") -> int:
    return Application.objects.get(pk=o[key].pk).version


def _state(o, key: str) -> str:
    return Application.objects.get(pk=o[key].pk).application_state


def _decision(o) -> dict:
    due = timezone.localdate() + timedelta(days=21)
    return sent(
        {
            "action": "request_information",
            "reasons": "Matrix reasons",
            "version": _version(o, "submitted"),
            **date_boxes("information_due_on", due.day, due.month, due.year),
        }
    )


APPLICATION_ENDPOINTS = (
    Endpoint("submission", "get", _mine(), **APPLICANT),
    Endpoint("submission-form-page", "get", _mine("form/"), **APPLICANT),
    Endpoint(
        "submission-form",
        "post",
        _mine("form/"),
        data=lambda o: sent({**ANSWERS, "employer": "Matrix employer", "version": _version(o)}),
        write=True,
        editor_status=302,
        written=lambda o: (
            Application.objects.get(pk=o["application"].pk).form_answers.get("employer")
            == "Matrix employer"
        ),
        **APPLICANT,
    ),
    Endpoint("submission-submit-page", "get", _mine("submit/"), **APPLICANT),
    Endpoint(  # not ready: the applicant is sent back to the page with what it needs
        "submission-submit",
        "post",
        _mine("submit/"),
        data=lambda o: sent(confirmed="yes", version=_version(o)),
        write=True,
        editor_status=302,
        **APPLICANT,
    ),
    Endpoint("submission-resubmit-page", "get", _mine("further-information/"), **APPLICANT),
    Endpoint(
        "staff-declarations-send-page",
        "get",
        lambda o: f"/rights/staff/{o['submitted'].pk}/declarations/send/",
        reader_status=404,
    ),
    Endpoint(  # under assessment: nothing to send, the officer is told so
        "staff-declarations-send",
        "post",
        lambda o: f"/rights/staff/{o['submitted'].pk}/declarations/send/",
        data=lambda o: sent(confirmed="yes"),
        write=True,
        editor_status=302,
        reader_status=404,
    ),
    Endpoint(
        "staff-application-decide-page",
        "get",
        lambda o: f"/rights/staff/{o['submitted'].pk}/application/decide/",
        reader_status=404,
    ),
    Endpoint(
        "staff-application-decide",
        "post",
        lambda o: f"/rights/staff/{o['submitted'].pk}/application/decide/",
        data=_decision,
        write=True,
        editor_status=302,
        reader_status=404,
        written=lambda o: _state(o, "submitted") == "information_requested",
    ),
)
