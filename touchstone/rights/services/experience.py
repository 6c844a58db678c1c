"""Step 2, qualifying experience: the applicant's periods of work and study, their submission,
and the officer's decision (or the committee's, recorded by an officer)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from touchstone.core.dates import date_in_words
from touchstone.core.models import Organisation
from touchstone.core.permissions import require_perm
from touchstone.core.services import (
    audit_record,
    deadline_close,
    deadline_set,
    invoice_raise,
    lock_for_change,
    snapshot,
    version_bump,
)
from touchstone.rights import rules
from touchstone.rights.models import Application, ExperiencePeriod
from touchstone.rights.selectors import experience_check, scheme_on, scheme_today, scheme_versions
from touchstone.rights.services.audit import AuditAction, audit_changes
from touchstone.rights.services.common import (
    applicant_changing,
    application_touched,
    notify_applicant,
)
from touchstone.rights.services.letters import decision_sent

PERIOD_FIELDS = ("kind", "start", "end", "hours", "tasks", "passed", "employer", "role")


def _next(application: Application, action: str, by: str) -> str:
    """The state `action` leads to, or the reason it cannot be taken now (ValidationError)."""
    try:
        return rules.experience_next(application.experience_state, action, by)
    except rules.StateError as exc:
        raise ValidationError(str(exc)) from exc


def _signed_in(user) -> None:
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied("Sign in to apply.")


@transaction.atomic
def application_start(*, acting_user, regulator: Organisation, scheme: str) -> Application:
    """The signed-in user's application under `scheme` to `regulator`: started now, or the one
    they already have open (one each; after a refusal they may apply again)."""
    _signed_in(acting_user)
    scheme_versions(scheme)  # UnknownScheme for a scheme that is not there
    existing = (
        Application.objects.filter(applicant=acting_user, regulator=regulator, scheme=scheme)
        .exclude(application_state="refused")
        .first()
    )
    if existing is not None:
        return existing
    application = Application(applicant=acting_user, regulator=regulator, scheme=scheme)
    application.full_clean()
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:  # started at the same moment elsewhere
        return Application.objects.exclude(application_state="refused").get(
            applicant=acting_user, regulator=regulator, scheme=scheme
        )
    audit_record(
        actor=acting_user,
        action=AuditAction.START_APPLICATION,
        obj=application,
        after={"scheme": scheme},
    )
    return application


def _editable(application: Application) -> None:
    if application.experience_state not in rules.EDITABLE:
        label = rules.EXPERIENCE_STATES[application.experience_state].lower()
        raise ValidationError(f"Your qualifying experience is {label}: it cannot be changed now.")


def _check_period(application: Application, period: ExperiencePeriod) -> None:
    """The period as the scheme in force today reads it: a kind and tasks it knows."""
    scheme = (
        scheme_on(application.scheme, timezone.localdate())
        or scheme_versions(application.scheme)[-1]
    )
    kinds = ["work", *(code for code, *_ in scheme.courses)]
    if period.kind not in kinds:
        raise ValidationError({"kind": "Choose work or one of the scheme's courses."})
    if period.start is not None and period.start > timezone.localdate():
        raise ValidationError({"start": "The start date must be today or in the past."})
    known = {code for code, _ in scheme.qualifying_tasks}
    unknown = [task for task in period.tasks if task not in known]
    if unknown:
        raise ValidationError({"tasks": f"Unknown task: {', '.join(unknown)}"})
    period.full_clean()


def _changed(acting_user, application: Application, expected_version: int | None) -> None:
    applicant_changing(acting_user, application, expected_version)
    _editable(application)


@transaction.atomic
def experience_period_add(
    *, acting_user, application: Application, expected_version: int | None = None, **fields
) -> ExperiencePeriod:
    _changed(acting_user, application, expected_version)
    period = ExperiencePeriod(application=application, **fields)
    _check_period(application, period)
    period.save()
    application_touched(application)
    audit_record(
        actor=acting_user,
        action=AuditAction.ADD_PERIOD,
        obj=application,
        after=snapshot(period, PERIOD_FIELDS),
    )
    return period


@transaction.atomic
def experience_period_update(
    *, acting_user, period: ExperiencePeriod, expected_version: int | None = None, **changes
) -> ExperiencePeriod:
    application = period.application
    _changed(acting_user, application, expected_version)
    before = snapshot(period, PERIOD_FIELDS)
    for name, value in changes.items():
        if name not in PERIOD_FIELDS:
            raise ValidationError(f"{name} cannot be changed")
        setattr(period, name, value)
    _check_period(application, period)
    period.save()
    application_touched(application)
    audit_changes(
        actor=acting_user,
        action=AuditAction.CHANGE_PERIOD,
        obj=application,
        before=before,
        after=snapshot(period, PERIOD_FIELDS),
    )
    return period


@transaction.atomic
def experience_period_remove(
    *, acting_user, period: ExperiencePeriod, expected_version: int | None = None
) -> None:
    application = period.application
    _changed(acting_user, application, expected_version)
    before = snapshot(period, PERIOD_FIELDS)
    period.delete()
    application_touched(application)
    audit_record(
        actor=acting_user, action=AuditAction.REMOVE_PERIOD, obj=application, before=before
    )


def hearing_deadline(acting_user, application: Application, kind: str, what: str, on: date):
    """The deciding officer is reminded a week before the committee hears the `what` (core's
    deadlines, swept daily)."""
    name = application.applicant.get_full_name() or application.applicant.get_username()
    deadline_set(
        acting_user=acting_user,
        subject=application,
        organisation=application.regulator,
        kind=kind,
        label=f"Committee hearing: {what} of {name}",
        due_on=on,
        responsible=[acting_user],
        url=reverse("rights:staff-case", args=[application.pk]),
        warn_days=7,
    )


@transaction.atomic
def experience_submit(
    *, acting_user, application: Application, expected_version: int | None = None
) -> dict:
    """Submit the periods for assessment (§21): the check as it stands today is recorded with
    the submission. Returns that check."""
    require_perm(acting_user, "rights.change_application", application)
    lock_for_change(application, expected_version=expected_version)
    application.experience_state = _next(application, "submit", "applicant")
    if not application.periods.exists():
        raise ValidationError("Add at least one period of work or study before submitting.")
    if not application.references.filter(state="given").exists():
        raise ValidationError(
            "Your supervisor's reference is needed before you submit (handbook §21): ask for "
            "it, and submit once they have given it."
        )
    today = timezone.localdate()
    check = experience_check(application, as_of=today)
    application.experience_submitted_on = today
    application.experience_reasons = ""  # an earlier decision's reasons stay in the history
    version_bump(application)
    application.save()
    invoice = fee_invoice(acting_user, application, today)
    audit_record(
        actor=acting_user,
        action=AuditAction.SUBMIT_EXPERIENCE,
        obj=application,
        after={
            "submitted_on": today,
            "credited_hours": check["credited_hours"],
            "scheme_version": check["scheme_version"],
        },
    )
    notify_applicant(
        application,
        "Your qualifying experience was submitted",
        f"We have your qualifying experience: {rules.hours_text(check['credited_hours'])} "
        "hours credited "
        f"under the scheme's version {check['scheme_version']}. An officer will assess it and "
        f"write to you with the decision.{invoice_words(invoice)}",
    )
    return check


FEE = "qualifying_experience_assessment"  # §21


def fee_invoice(acting_user, application: Application, today: date, code: str = FEE):
    """The invoice for the scheme's fee `code` (§22: the experience's assessment fee, raised
    once it is submitted; §60: the application's), its amount to be confirmed while the
    regulator has not set it in the scheme; None when the scheme charges no such fee."""
    fee = rules.scheme_fee(
        scheme_on(application.scheme, today) or scheme_today(application.scheme), code
    )
    if fee is None:
        return None
    return invoice_raise(
        acting_user=acting_user,
        organisation=application.regulator,
        payer=application.applicant,
        subject=application,
        description=fee.name,
        amount=fee.amount,
        raised_on=today,
    )


def invoice_words(invoice, paragraph: str = "22") -> str:
    """The sentence telling the applicant an invoice was raised (§22 for the experience's fee,
    §60 for the application's)."""
    if invoice is None:
        return ""
    amount = (
        f"£{invoice.amount:,.2f}" if invoice.amount is not None else "an amount to be confirmed"
    )
    return (
        f" We have raised invoice {invoice.number} for the assessment fee ({amount}) and will "
        f"send you the instructions to pay it (handbook §{paragraph})."
    )


@transaction.atomic
def experience_reopen(
    *, acting_user, application: Application, expected_version: int | None = None
) -> Application:
    """Back to draft after a decision that the requirement is not met yet, to add experience."""
    require_perm(acting_user, "rights.change_application", application)
    lock_for_change(application, expected_version=expected_version)
    application.experience_state = _next(application, "reopen", "applicant")
    version_bump(application)
    application.save()
    audit_record(actor=acting_user, action=AuditAction.REOPEN_EXPERIENCE, obj=application)
    return application


HEARING = "rights.committee_hearing"
DECISION_WORDS = {
    "meets": "Your qualifying experience meets the requirement",
    "does_not_meet": "Your qualifying experience does not meet the requirement yet",
    "refer": "Your qualifying experience has been referred to the committee",
}
COMMITTEE = "the Admissions and Licensing Committee"


def _decision_words(
    application: Application, action: str, reasons: str, check: dict, was_referred: bool
) -> tuple[str, list[str]]:
    """The subject and paragraphs of the decision, alike in the letter and the notification:
    the hours so far and the date they are expected when it is not met yet, the hearing date
    when it is referred, and whose decision it was after a hearing."""
    subject = DECISION_WORDS[action]
    paragraphs = []
    if was_referred:
        subject = f"The committee's decision: {subject[0].lower()}{subject[1:]}"
        paragraphs.append(
            f"Your qualifying experience was referred to {COMMITTEE}, which considered it on "
            f"{date_in_words(application.alc_hearing_on)}. This is the committee's decision."
        )
    if reasons:
        paragraphs.append(reasons)
    elif action == "meets" and not was_referred:
        paragraphs.append("An officer has confirmed your qualifying experience (handbook §21-28).")
    if action == "does_not_meet":
        anticipated = (
            date_in_words(date.fromisoformat(check["anticipated_date"]))
            if check["anticipated_date"]
            else "not known: no period of work is still going on"
        )
        paragraphs.append(
            f"Hours credited so far: {rules.hours_text(check['credited_hours'])} "
            f"of {rules.hours_text(check['required_hours'])}. Expected to be met by: "
            f"{anticipated}."
        )
    elif action == "refer":
        paragraphs.append(
            f"{COMMITTEE[0].upper()}{COMMITTEE[1:]} will consider it on "
            f"{date_in_words(application.alc_hearing_on)}."
        )
    return subject, paragraphs


@transaction.atomic
def experience_decide(
    *,
    acting_user,
    application: Application,
    action: str,
    reasons: str = "",
    hearing_on: date | None = None,
    expected_version: int | None = None,
) -> Application:
    """An officer's decision on the submitted experience (§26-28): it meets the requirement,
    it does not yet (the letter gives the hours so far and the date they are expected), or it
    goes to the Admissions and Licensing Committee on a hearing date; after the hearing the
    officer records the committee's decision. Two officers cannot both decide: the second is
    refused as deciding on an old version."""
    require_perm(acting_user, "rights.decide_application", application)
    lock_for_change(application, expected_version=expected_version)
    before = snapshot(application, ["experience_state", "alc_hearing_on"])
    application.experience_state = _next(application, action, "officer")
    reasons = (reasons or "").strip()
    if action in ("does_not_meet", "refer") and not reasons:
        raise ValidationError({"reasons": "Give the reasons, for the letter to the applicant."})
    if action == "refer":
        if hearing_on is None:
            raise ValidationError({"hearing_on": "Enter the date of the committee's hearing."})
        application.alc_hearing_on = hearing_on
    else:
        application.experience_decided_on = timezone.localdate()
    was_referred = before["experience_state"] == "referred"
    application.experience_reasons = reasons
    version_bump(application)
    application.save()
    check = experience_check(application, as_of=application.experience_submitted_on)
    subject, paragraphs = _decision_words(application, action, reasons, check, was_referred)
    decision_sent(
        acting_user=acting_user,
        application=application,
        step="experience",
        decision=action,
        subject=subject,
        paragraphs=paragraphs,
        audit_action=AuditAction.DECIDE_EXPERIENCE,
        before=before,
        after={**snapshot(application, ["experience_state", "alc_hearing_on"]), "reasons": reasons},
    )
    if action == "refer":  # the officer is reminded before the hearing (core's daily sweep)
        hearing_deadline(acting_user, application, HEARING, "qualifying experience", hearing_on)
    elif was_referred:
        deadline_close(acting_user=acting_user, subject=application, kind=HEARING)
    return application
