"""The supervisor's reference for step 2 (§21-25). The applicant asks for it; the supervisor
gets an emailed link that works once and expires, and gives it without an account; an
unanswered request is chased once and then lapses, and the applicant is told."""

from datetime import timedelta

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from touchstone.core.permissions import require_perm
from touchstone.core.services import (
    LinkHolder,
    LinkRefused,
    access_link_issue,
    access_link_revoke,
    access_link_spend,
    audit_record,
    lock_for_change,
)
from touchstone.register.selectors import public_get
from touchstone.rights import rules
from touchstone.rights.models import Application, SupervisorReference
from touchstone.rights.selectors.references import (
    open_reference,
    reference_for_link,
    reference_terms_for,
)
from touchstone.rights.services.audit import AuditAction
from touchstone.rights.services.common import application_touched, notify_applicant

PURPOSE = "rights.reference"
ANSWER_FIELDS = (
    "qualification",
    "membership_number",
    "employer",
    "job_title",
    "confirms_authorised",
    "comments",
)


def _applicant_name(application: Application) -> str:
    return application.applicant.get_full_name() or application.applicant.get_username()


def _link_for(reference_name, reference_email, application, *, acting_user, expires_at=None):
    terms = reference_terms_for(application)
    applicant = _applicant_name(application)
    return access_link_issue(
        acting_user=acting_user,
        organisation=application.regulator,
        purpose=PURPOSE,
        name=reference_name,
        email=reference_email,
        valid_for=timedelta(days=terms.link_valid_days),
        expires_at=expires_at,
        path_for=lambda token: reverse("rights:reference-give", args=[token]),
        subject=f"{applicant} asks you for a supervisor's reference",
        body=(
            f"{applicant} is applying to {application.regulator.name} for the "
            f"{application.scheme.title()} practice right and names you as their supervisor. "
            "Please confirm you are an authorised person and comment on their work "
            f"(handbook §{terms.paragraph or '25'}). You do not need an account: use this link."
        ),
    )


def _withdraw(acting_user, reference: SupervisorReference, state: str = "withdrawn") -> None:
    access_link_revoke(acting_user=acting_user, link=reference.link)
    reference.state = state
    reference.save(update_fields=["state"])


@transaction.atomic
def reference_request(
    *,
    acting_user,
    application: Application,
    name: str,
    email: str,
    expected_version: int | None = None,
) -> SupervisorReference:
    """Ask the supervisor named for a reference: they are emailed a link. A request still
    unanswered is withdrawn first (its link stops working): one is open at a time. The
    returned reference carries `link_token`, the token just emailed, which is not stored (the
    demo data gives references through it)."""
    require_perm(acting_user, "rights.change_application", application)
    lock_for_change(application, expected_version=expected_version)
    for_application = (  # §62: a new reference for the application when the first is too old
        application.experience_state == "met"
        and application.application_state in rules.PORTFOLIO_EDITABLE
    )
    if application.experience_state not in rules.EDITABLE and not for_application:
        raise ValidationError(
            "A reference is asked for before the experience is submitted, or for the "
            "application once the experience is confirmed."
        )
    name, email = (name or "").strip(), (email or "").strip()
    errors = {}
    if not name:
        errors["name"] = "Enter your supervisor's name."
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = "Enter your supervisor's email address, like name@example.com."
    else:
        if email.casefold() == (application.applicant.email or "").casefold():
            errors["email"] = (
                "That is your own email address: the reference comes from your supervisor."
            )
    if errors:
        raise ValidationError(errors)
    earlier = open_reference(application)
    if earlier is not None:
        _withdraw(acting_user, earlier)
    link, token = _link_for(name, email, application, acting_user=acting_user)
    reference = SupervisorReference.objects.create(
        application=application, supervisor_name=name, supervisor_email=email, link=link
    )
    reference.link_token = token  # emailed, never stored: for a caller handing it over itself
    application_touched(application)
    audit_record(
        actor=acting_user,
        action=AuditAction.REQUEST_REFERENCE,
        obj=application,
        after={
            "reference": reference.pk,
            "supervisor": name,
            "email": email,
            "replaces": earlier.pk if earlier else None,
        },
    )
    return reference


@transaction.atomic
def reference_withdraw(*, acting_user, reference: SupervisorReference) -> SupervisorReference:
    """The applicant withdraws a request not yet answered: its link stops working."""
    application = reference.application
    require_perm(acting_user, "rights.change_application", application)
    lock_for_change(application)
    reference.refresh_from_db()
    if reference.state != "invited":
        raise ValidationError(f"That reference is {reference.state_words.lower()}: not withdrawn.")
    _withdraw(acting_user, reference)
    application_touched(application)
    audit_record(
        actor=acting_user,
        action=AuditAction.WITHDRAW_REFERENCE,
        obj=application,
        after={"reference": reference.pk},
    )
    return reference


def _answers_errors(terms: rules.ReferenceTerms, answers: dict) -> dict:
    errors = {}
    if terms.qualifications and answers["qualification"] not in terms.qualifications:
        errors["qualification"] = "Choose the qualification that makes you an authorised person."
    if not answers["membership_number"]:
        errors["membership_number"] = "Enter your membership or registration number."
    for field, words in (("employer", "your employer"), ("job_title", "your job title")):
        if not answers[field]:
            errors[field] = f"Enter {words}."
    if answers["confirms_authorised"] is not True:
        errors["confirms_authorised"] = (
            "Confirm that you are an authorised person who supervised the applicant (§24)."
        )
    for point in terms.points:
        if not answers["comments"].get(point.code, "").strip():
            errors[f"comment_{point.code}"] = f"Comment on {point.ask[0].lower()}{point.ask[1:]}."
    return errors


def _register_finding(membership_number: str, name: str) -> tuple[str, str]:
    """What this regulator's public register says of the supervisor's number."""
    try:
        registrant = public_get(membership_number, as_of=timezone.localdate())
    except ObjectDoesNotExist:
        return "not_found", ""
    if registrant.kind != "individual":  # a firm's number: no person is on the register under it
        return "not_found", ""
    if not registrant.status.authorised:
        return "not_authorised", registrant.name
    if not rules.names_match(name, registrant.name):
        return "name_differs", registrant.name
    return "matched", registrant.name


@transaction.atomic
def reference_give(*, token: str, ip_address: str | None, **answers) -> SupervisorReference:
    """The supervisor gives the reference through their link: the link is spent in the same
    transaction, so a second submission is refused (LinkRefused) and a refused answer
    (ValidationError, by field) leaves the link unused and nothing written."""
    unknown = set(answers) - set(ANSWER_FIELDS)
    if unknown:
        raise TypeError(f"unknown answers: {', '.join(sorted(unknown))}")
    answers = {
        "qualification": str(answers.get("qualification") or "").strip(),
        "membership_number": str(answers.get("membership_number") or "").strip().upper(),
        "employer": str(answers.get("employer") or "").strip(),
        "job_title": str(answers.get("job_title") or "").strip(),
        "confirms_authorised": answers.get("confirms_authorised") is True,
        "comments": {
            str(k): str(v).strip() for k, v in (answers.get("comments") or {}).items() if v
        },
    }
    link = access_link_spend(token=token, purpose=PURPOSE, ip_address=ip_address)
    reference = reference_for_link(link)
    if reference.state != "invited":
        raise LinkRefused("revoked")
    application = reference.application
    terms = reference_terms_for(application)
    errors = _answers_errors(terms, answers)
    if errors:
        raise ValidationError(errors)
    answers["comments"] = {p.code: answers["comments"][p.code] for p in terms.points}
    finding, held = _register_finding(answers["membership_number"], reference.supervisor_name)
    for field, value in answers.items():
        setattr(reference, field, value)
    reference.state = "given"
    reference.given_at, reference.given_from = link.used_at, ip_address
    reference.register_finding, reference.register_name = finding, held
    reference.save()
    application_touched(application)
    audit_record(
        actor=LinkHolder(link.name, link.email),
        action=AuditAction.GIVE_REFERENCE,
        obj=application,
        after={
            "reference": reference.pk,
            "qualification": reference.qualification,
            "membership_number": reference.membership_number,
            "register_finding": finding,
            "given_from": ip_address,
        },
    )
    notify_applicant(
        application,
        f"{reference.supervisor_name} has given your reference",
        f"{reference.supervisor_name} has given the supervisor's reference for your "
        "qualifying experience. You can now submit it for assessment.",
        key=f"rights:reference:{reference.pk}:given",
    )
    return reference


def _chase_one(reference: SupervisorReference, now) -> str | None:
    application, link = reference.application, reference.link
    if link.expires_at <= now:
        _withdraw(None, reference, state="lapsed")
        audit_record(
            actor=None,
            action=AuditAction.LAPSE_REFERENCE,
            obj=application,
            after={"reference": reference.pk},
        )
        notify_applicant(
            application,
            f"{reference.supervisor_name} did not give your reference in time",
            f"The link we sent {reference.supervisor_name} has expired without a reference. "
            "Ask them again, or ask another supervisor, from your qualifying experience page.",
            key=f"rights:reference:{reference.pk}:lapsed",
        )
        return "lapsed"
    terms = reference_terms_for(application)
    due = reference.invited_at + timedelta(days=terms.remind_after_days)
    if reference.reminded_at is not None or due > now:
        return None
    fresh, _token = _link_for(
        reference.supervisor_name,
        reference.supervisor_email,
        application,
        acting_user=None,
        expires_at=link.expires_at,
    )
    access_link_revoke(acting_user=None, link=link)
    reference.link, reference.reminded_at = fresh, now
    reference.save(update_fields=["link", "reminded_at"])
    audit_record(
        actor=None,
        action=AuditAction.REMIND_REFERENCE,
        obj=application,
        after={"reference": reference.pk, "expires_at": fresh.expires_at},
    )
    return "reminded"


def references_chase(*, now=None) -> dict[str, int]:
    """The daily chase: a request unanswered for the scheme's reminder days is sent once more
    (a fresh link that ends when the first would have); one whose link has expired lapses and
    the applicant is told. Safe to run twice."""
    now = now or timezone.now()
    counts = {"reminded": 0, "lapsed": 0}
    waiting = SupervisorReference.objects.filter(state="invited").values_list("pk", flat=True)
    for pk in list(waiting):
        with transaction.atomic():
            reference = (
                SupervisorReference.objects.select_for_update()
                .select_related("link", "application__applicant", "application__regulator")
                .filter(pk=pk, state="invited")
                .first()
            )
            if reference is None:
                continue
            outcome = _chase_one(reference, now)
            if outcome:
                counts[outcome] += 1
    return counts
