"""The officer's assessment of a submitted application ("How will my application be
assessed?" 2-4): approve it (the right goes on the register in the same transaction, and the
applicant is admitted under the scheme's title), ask for further information (by a date the
applicant is reminded of), or refer it to the Admissions and Licensing Committee on a hearing
date, whose decision (approve or refuse) the officer then records. Every decision is
audited, written to the applicant as a PDF letter, and refused when another officer decided
first."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from touchstone.core.dates import date_in_words
from touchstone.core.permissions import require_perm
from touchstone.core.services import (
    deadline_close,
    deadline_set,
    lock_for_change,
    snapshot,
    version_bump,
)
from touchstone.register.selectors import category_for_code
from touchstone.register.services import registrant_update, right_grant
from touchstone.rights import rules
from touchstone.rights.models import Application
from touchstone.rights.selectors import registrant_to_admit, scheme_on
from touchstone.rights.services.application import INFORMATION
from touchstone.rights.services.audit import AuditAction
from touchstone.rights.services.experience import (
    COMMITTEE,
    hearing_deadline,
)
from touchstone.rights.services.letters import decision_sent

HEARING = "rights.application_hearing"
STATE_FIELDS = ["application_state", "application_hearing_on", "information_due_on"]


def _scheme(application: Application) -> rules.Scheme:
    return scheme_on(
        application.scheme, application.application_submitted_on or timezone.localdate()
    )


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def _scope(facts: dict) -> str:
    """§6: the activities the right permits, then the note on judicial review."""
    activities = facts.get("permitted_activities") or []
    note = facts.get("permitted_activities_note") or ""
    lines = [f"{a[0].upper()}{a[1:]}." for a in activities]
    return "\n".join([*lines, note] if note else lines)


def _admit(acting_user, application: Application, today: date) -> list:
    """Put the scheme's rights on the applicant's register entry (the first with the §6 scope)
    and admit them to its category; returns the rights granted (one already held,
    like Commissioner for Oaths, stays as it is)."""
    registrant = registrant_to_admit(application)
    if registrant is None:
        raise ValidationError(
            f"{_name(application.applicant)} is not on the register yet: add them, link their "
            "account to the entry, then approve."
        )
    if not registrant.status.authorised:
        raise ValidationError(
            f"{registrant.number} is {registrant.status.name.lower()} on the register: a right "
            "cannot be granted while they may not practise."
        )
    facts = dict(_scheme(application).facts)
    grants = facts.get("register_grants") or {}
    held = set(
        registrant.rights.filter(ended_on__isnull=True).values_list("right_type__code", flat=True)
    )
    granted = []
    for index, code in enumerate(grants.get("rights") or []):
        if code in held:
            continue
        right = right_grant(
            acting_user=acting_user,
            registrant=registrant,
            code=code,
            granted_on=today,
            scope=_scope(facts) if index == 0 else "",
        )
        granted.append(right)
    category = category_for_code(grants.get("category") or "")
    if category is not None and registrant.category_id != category.pk:
        registrant.refresh_from_db()  # as right_grant left it (locked, perhaps a new version)
        registrant_update(acting_user=acting_user, registrant=registrant, category=category)
    return granted


def _listed(names: list[str]) -> str:
    if not names:
        return ""
    words = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f": {words}"


WORDS = {
    "approve": "Your application has been approved",
    "request_information": "We need more information for your application",
    "refer": "Your application has been referred to the committee",
    "refuse": "Your application has been refused",
}


def _words(application: Application, action: str, reasons: str, was_referred: bool, granted):
    title = _scheme(application).name
    subject = WORDS[action]
    paragraphs = []
    if was_referred:
        subject = f"The committee's decision: {subject[0].lower()}{subject[1:]}"
        paragraphs.append(
            f"Your application was referred to {COMMITTEE}, which considered it on "
            f"{date_in_words(application.application_hearing_on)}. This is the committee's "
            "decision."
        )
    if action == "approve":
        paragraphs.append(
            f"You are admitted as a {title}: from today the register shows your practice "
            f"rights{_listed([r.right_type.name for r in granted])}."
        )
        activities = dict(_scheme(application).facts).get("permitted_activities") or []
        if activities:
            paragraphs.append(f"You may now act in {'; '.join(activities)} (handbook §6).")
    if reasons:
        paragraphs.append(reasons)
    if action == "request_information":
        paragraphs.append(
            f"Please send it by {date_in_words(application.information_due_on)}: you can change "
            "your portfolio and application form, then send it from your application's page. "
            "We will assess your application again once we have it."
        )
    elif action == "refer":
        paragraphs.append(
            f"We cannot decide whether you meet the criteria for admission, so {COMMITTEE} will "
            f"consider your application on {date_in_words(application.application_hearing_on)}. "
            "We will write to you with its decision."
        )
    return subject, paragraphs


def _required(action: str, reasons: str, hearing_on, information_due_on, today: date) -> None:
    errors = {}
    if action in ("request_information", "refer", "refuse") and not reasons:
        errors["reasons"] = "Give the reasons, for the letter to the applicant."
    if action == "refer" and hearing_on is None:
        errors["hearing_on"] = "Enter the date of the committee's hearing."
    elif action == "refer" and hearing_on < today:
        errors["hearing_on"] = "The hearing must be today or later."
    if action == "request_information":
        if information_due_on is None:
            errors["information_due_on"] = "Enter the date the information is due."
        elif information_due_on <= today:
            errors["information_due_on"] = "The date the information is due must be in the future."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def application_decide(
    *,
    acting_user,
    application: Application,
    action: str,
    reasons: str = "",
    hearing_on: date | None = None,
    information_due_on: date | None = None,
    expected_version: int | None = None,
) -> Application:
    """An officer's decision on the application (or, after a hearing, the committee's): see
    the module docstring. Two officers cannot both decide: the second is refused as deciding
    on an old version (`StaleVersion`)."""
    require_perm(acting_user, "rights.decide_application", application)
    lock_for_change(application, expected_version=expected_version)
    before = snapshot(application, STATE_FIELDS)
    try:
        application.application_state = rules.application_next(
            application.application_state, action, "officer"
        )
    except rules.StateError as exc:
        raise ValidationError(str(exc)) from exc
    today = timezone.localdate()
    reasons = (reasons or "").strip()
    _required(action, reasons, hearing_on, information_due_on, today)
    was_referred = before["application_state"] == "referred"
    granted = []
    if action == "refer":
        application.application_hearing_on = hearing_on
    elif action == "request_information":
        application.information_due_on = information_due_on
    else:
        application.application_decided_on = today
    if action == "approve":
        granted = _admit(acting_user, application, today)
    application.application_reasons = reasons
    version_bump(application)
    application.save()
    subject, paragraphs = _words(application, action, reasons, was_referred, granted)
    decision_sent(
        acting_user=acting_user,
        application=application,
        step="application",
        decision=action,
        subject=subject,
        paragraphs=paragraphs,
        audit_action=AuditAction.DECIDE_APPLICATION,
        before=before,
        after={
            **snapshot(application, STATE_FIELDS),
            "reasons": reasons,
            "granted": [r.right_type.code for r in granted],
        },
    )
    _deadlines(acting_user, application, action, was_referred)
    return application


def _deadlines(acting_user, application: Application, action: str, was_referred: bool) -> None:
    """The officer is reminded before the hearing; the applicant before the information is due
    (core's daily sweep)."""
    if action == "refer":
        hearing_deadline(
            acting_user, application, HEARING, "application", application.application_hearing_on
        )
    elif action == "request_information":
        deadline_set(
            acting_user=acting_user,
            subject=application,
            organisation=application.regulator,
            kind=INFORMATION,
            label="Send the further information for your application",
            due_on=application.information_due_on,
            responsible=[application.applicant],
            url=reverse("rights:submission", args=[application.pk]),
            warn_days=7,
        )
    elif was_referred:
        deadline_close(acting_user=acting_user, subject=application, kind=HEARING)
