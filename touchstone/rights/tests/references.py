"""Giving a supervisor's reference in tests, as the supervisor would through their link."""

from touchstone.rights.selectors import reference_terms_for
from touchstone.rights.services import reference_give, reference_request

SUPERVISOR = ("Ann Lee", "ann.lee@example.org")


def answers(application, **changes) -> dict:
    """A complete reference: an authorised person's details and a comment on every point."""
    terms = reference_terms_for(application)
    given = {
        "qualification": terms.qualifications[0] if terms.qualifications else "",
        "membership_number": "S123456",
        "employer": "Lee & Co Solicitors",
        "job_title": "Partner",
        "confirms_authorised": True,
        "comments": {p.code: f"Good: {p.code}." for p in terms.points},
    }
    return {**given, **changes}


def requested(application, *, name=SUPERVISOR[0], email=SUPERVISOR[1]):
    return reference_request(
        acting_user=application.applicant, application=application, name=name, email=email
    )


def given(application, *, ip_address="127.0.0.1", **changes):
    """The application with a reference asked for and given (the application is refreshed)."""
    reference = requested(application)
    reference_give(
        token=reference.link_token, ip_address=ip_address, **answers(application, **changes)
    )
    application.refresh_from_db()
    reference.refresh_from_db()
    return reference
