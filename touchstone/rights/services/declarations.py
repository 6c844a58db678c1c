"""Step 4's declarations ("How will my application be assessed?" 1; §47, §52): once the
application's fee is paid (or the scheme charges none), the applicant and the supervisor of the
reference sent with the application are each emailed a link to sign the exact words of their
declaration, without an account. When both have signed, the application is assessed and the
applicant is sent the acknowledgement."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from touchstone.core.dates import date_in_words
from touchstone.core.models import Invoice
from touchstone.core.permissions import require_perm
from touchstone.core.selectors import access_link_open, invoices_for
from touchstone.core.services import (
    LinkHolder,
    LinkRefused,
    access_link_issue,
    access_link_revoke,
    access_link_spend,
    audit_record,
    deadline_close,
    deadline_set,
    lock_for_change,
    version_bump,
)
from touchstone.rights import rules
from touchstone.rights.models import Application, Declaration
from touchstone.rights.selectors import (
    portfolio_scheme,
    reference_terms_for,
    scheme_versions,
)
from touchstone.rights.selectors.declarations import (
    current_declarations,
    declaration_examples,
    declaration_for_link,
)
from touchstone.rights.services.audit import AuditAction
from touchstone.rights.services.common import notify_applicant

PURPOSE = "rights.declaration"
APPLICATION_FEE = "application_assessment"  # §60
ROLES = ("applicant", "supervisor")
AGENT_MAX = 300


def _applicant_name(application: Application) -> str:
    return application.applicant.get_full_name() or application.applicant.get_username()


def application_reference(application: Application) -> str:
    """How the application is named to the people who sign for it."""
    return f"PR-{application.pk}"


def _next(application: Application, action: str, by: str) -> str:
    try:
        return rules.application_next(application.application_state, action, by)
    except rules.StateError as exc:
        raise ValidationError(str(exc)) from exc


# --- Which invoice is the application's fee ------------------------------------------------


def application_fee_names(application: Application) -> set[str]:
    """The names the application-assessment fee has in any version of the scheme: step 4's
    invoice is raised with its fee's name as its description (as step 2's is with its own)."""
    names = set()
    for scheme in scheme_versions(application.scheme):
        fee = rules.scheme_fee(scheme, APPLICATION_FEE)
        if fee is not None:
            names.add(fee.name)
    return names


def is_application_fee(application: Application, invoice: Invoice) -> bool:
    """Whether `invoice` is the application's step 4 fee (§60) rather than step 2's (§22):
    described as the scheme's application-assessment fee, and raised no earlier than the
    application was submitted."""
    submitted_on = application.application_submitted_on
    return invoice.description in application_fee_names(application) and (
        submitted_on is None or invoice.raised_on >= submitted_on
    )


def _fee_settled(application: Application) -> bool:
    """The scheme charges no application fee, or the application's fee invoice is paid."""
    scheme = portfolio_scheme(application, as_of=_submitted_on(application))
    if rules.scheme_fee(scheme, APPLICATION_FEE) is None:
        return True
    return any(
        invoice.paid and is_application_fee(application, invoice)
        for invoice in invoices_for(application)
    )


def _submitted_on(application: Application):
    if application.application_submitted_on is None:
        raise ValidationError("The application has not been submitted yet.")
    return application.application_submitted_on


# --- Sending -----------------------------------------------------------------------------


def _addressees(application: Application) -> list[tuple[str, str, str]]:
    """(role, name, email) of each person who signs: the applicant, and the supervisor of the
    reference sent with the application (§62)."""
    reference = application.application_reference
    if reference is None:
        raise ValidationError(
            "The application has no supervisor's reference, so there is no supervisor to sign "
            "the declaration (§62)."
        )
    applicant = application.applicant
    if not applicant.email:
        raise ValidationError("The applicant has no email address to send the declaration to.")
    return [
        ("applicant", _applicant_name(application), applicant.email),
        ("supervisor", reference.supervisor_name, reference.supervisor_email),
    ]


def _email_words(role: str, application: Application, title: str) -> tuple[str, str]:
    applicant = _applicant_name(application)
    regulator = application.regulator.name
    reference = application_reference(application)
    if role == "applicant":
        return (
            f"Sign your declaration for your {title} application",
            f"Your application {reference} to {regulator} to become a {title} is assessed "
            "once you and your supervisor have both signed a declaration. Please read yours, "
            "that the work in your portfolio is your own (handbook §47), and sign it by typing "
            "your name. You do not need to sign in: use this link.",
        )
    return (
        f"{applicant} asks you to sign a supervisor's declaration",
        f"{applicant} has applied to {regulator} to become a {title} (application "
        f"{reference}) and names you as their supervisor. Please read the declaration that "
        "the work in their portfolio is their own and was done under your supervision "
        "(handbook §52), and sign it by typing your name. You do not need an account: use "
        "this link.",
    )


def _withdraw_open(acting_user, application: Application) -> list[int]:
    withdrawn = []
    for declaration in application.declarations.filter(state="invited").select_related("link"):
        access_link_revoke(acting_user=acting_user, link=declaration.link)
        declaration.state = "withdrawn"
        declaration.save(update_fields=["state"])
        withdrawn.append(declaration.pk)
    return withdrawn


DEADLINE = "rights.declarations"  # the links' end, the officer reminded a week before


def _deadline(acting_user, application: Application, sent: list[Declaration]) -> None:
    """The officer who had the declarations sent is reminded a week before their links end
    (core's deadlines, swept daily), to send them again if they are still not signed."""
    officer = acting_user if getattr(acting_user, "is_authenticated", False) else None
    if officer is None or not officer.has_perm("rights.decide_application", application):
        return
    ends = min(timezone.localtime(d.link.expires_at).date() for d in sent)
    name = _applicant_name(application)
    deadline_set(
        acting_user=acting_user,
        subject=application,
        organisation=application.regulator,
        kind=DEADLINE,
        label=f"Declarations to be signed: application of {name}",
        due_on=ends,
        responsible=[officer],
        url=reverse("rights:staff-case", args=[application.pk]),
        warn_days=7,
    )


def _send(acting_user, application: Application) -> list[Declaration]:
    """Send the declarations not yet signed (both, the first time; the application locked by
    the caller, in declarations pending); the ones still unsigned are withdrawn first."""
    if application.application_state != "declarations_pending":
        label = rules.APPLICATION_STATES[application.application_state].lower()
        raise ValidationError(f"Declarations are sent once the fee is paid: it is {label!r}.")
    submitted_on = _submitted_on(application)
    signed = {role for role, d in current_declarations(application).items() if d.state == "signed"}
    addressees = [a for a in _addressees(application) if a[0] not in signed]
    if not addressees:
        raise ValidationError("Both declarations are signed: there is nothing to send.")
    scheme = portfolio_scheme(application, as_of=submitted_on)
    examples = declaration_examples(application, scheme)
    withdrawn = _withdraw_open(acting_user, application)
    if withdrawn:
        audit_record(
            actor=acting_user,
            action=AuditAction.WITHDRAW_DECLARATIONS,
            obj=application,
            after={"declarations": withdrawn},
        )
    valid_for = timedelta(days=reference_terms_for(application).link_valid_days)
    sent = []
    for role, name, email in addressees:
        statement = rules.declaration_statement(
            role=role,
            signer=name,
            applicant=_applicant_name(application),
            title=scheme.name,
            reference=application_reference(application),
            submitted_on=submitted_on,
            scheme_version=scheme.version,
            examples=examples,
        )
        subject, body = _email_words(role, application, scheme.name)
        link, token = access_link_issue(
            acting_user=acting_user,
            organisation=application.regulator,
            purpose=PURPOSE,
            name=name,
            email=email,
            valid_for=valid_for,
            path_for=lambda token: reverse("rights:declaration-sign", args=[token]),
            subject=subject,
            body=body,
        )
        declaration = Declaration(
            application=application,
            role=role,
            name=name,
            email=email,
            link=link,
            statement=statement,
            statement_sha256=rules.statement_sha256(statement),
        )
        declaration.full_clean()
        declaration.save()
        declaration.link_token = token  # emailed, never stored: for a caller handing it over
        sent.append(declaration)
    _deadline(acting_user, application, sent)
    audit_record(
        actor=acting_user,
        action=AuditAction.SEND_DECLARATIONS,
        obj=application,
        after={
            "declarations": [d.pk for d in sent],
            "sent_to": [d.email for d in sent],
            "statement_sha256": [d.statement_sha256 for d in sent],
            "scheme_version": scheme.version,
            "replaces": withdrawn,
        },
    )
    return sent


@transaction.atomic
def declarations_send(*, acting_user, application: Application) -> list[Declaration]:
    """Send (or send again: a link expired or went astray) the applicant's and the supervisor's
    declarations of an application whose declarations are pending, but not one already
    signed: each is emailed a link to sign the words of theirs, its SHA-256 kept with it. Any
    still unsigned are withdrawn first (their links stop working). Returns those sent, the
    applicant's first, each carrying `link_token`, the token just emailed, which is not stored
    (the demo data signs through it)."""
    require_perm(acting_user, "rights.decide_application", application)
    lock_for_change(application)
    sent = _send(acting_user, application)
    version_bump(application)
    application.save(update_fields=["version", "updated_at"])
    return sent


def _settle(acting_user, application: Application, *, via: str) -> list[Declaration]:
    """Fee due → declarations pending, and the declarations sent (the application locked)."""
    before = application.application_state
    if before == "submitted":  # no invoice to raise: the scheme charges no fee
        application.application_state = _next(application, "raise_invoice", "system")
    application.application_state = _next(application, "record_payment", "officer")
    version_bump(application)
    application.save()
    audit_record(
        actor=acting_user,
        action=AuditAction.SETTLE_APPLICATION_FEE,
        obj=application,
        before={"application_state": before},
        after={"application_state": application.application_state, "settled_by": via},
    )
    return _send(acting_user, application)


def fee_paid(acting_user, application: Application, invoice: Invoice) -> list[Declaration]:
    """What recording `invoice`'s payment does to step 4 (fee_payment_record calls it inside its
    transaction): the application's fee paid while it is due sends the declarations; any
    other invoice, nothing."""
    if not is_application_fee(application, invoice):
        return []
    lock_for_change(application)
    if application.application_state != "fee_due":
        return []
    return _settle(acting_user, application, via=f"invoice {invoice.number}")


@transaction.atomic
def application_fee_settled(*, acting_user, application: Application) -> list[Declaration]:
    """The application's fee is settled without a payment to record (the scheme charges none;
    the submit service calls this), or was paid: the application moves to declarations pending
    (from fee due, or straight from submitted) and the declarations are sent."""
    if acting_user is not None and not (
        acting_user.has_perm("rights.change_application", application)
        or acting_user.has_perm("rights.decide_application", application)
    ):
        raise PermissionDenied("You do not have permission to do that.")
    lock_for_change(application)
    if not _fee_settled(application):
        raise ValidationError(
            "The application's assessment fee is not paid yet: the declarations are sent once "
            "it is (handbook §60)."
        )
    return _settle(acting_user, application, via="no fee to pay")


# --- Signing -----------------------------------------------------------------------------


def _sign_errors(declaration: Declaration, signed_name: str, confirms: bool) -> dict:
    errors = {}
    if not signed_name:
        errors["signed_name"] = "Type your full name to sign the declaration."
    elif not rules.signed_name_matches(signed_name, declaration.name):
        errors["signed_name"] = (
            f"Type your full name as the declaration gives it: {declaration.name}."
        )
    if confirms is not True:
        errors["confirms"] = "Confirm that this declaration is true."
    return errors


def _acknowledgement(application: Application) -> tuple[str, str]:
    """The acknowledgement ("How will my application be assessed?" 1): what happens now and
    how long it takes (a scheme may give `assessment_weeks`; the handbook gives none)."""
    scheme = portfolio_scheme(application, as_of=_submitted_on(application))
    weeks = dict(scheme.facts).get("assessment_weeks")
    when = (
        f"We aim to decide within {weeks} weeks of today."
        if weeks
        else "The handbook sets no time for the assessment: we will write to you as soon as "
        "it is decided, or sooner if we need anything from you."
    )
    paragraphs = [
        f"You and your supervisor have signed your declarations, so your application "
        f"{application_reference(application)} to become a {scheme.name}, made on "
        f"{date_in_words(application.application_submitted_on)}, is now being assessed.",
        "An officer assesses your portfolio, your supervisor's reference and your application "
        "form against the scheme. If your application is approved, we will write to tell you "
        f"and you will be admitted as a {scheme.name}. If it is not, we will write to ask you "
        "for further information, assess your application again with it, and write to you "
        "with the decision. If we cannot decide whether you meet the criteria, your "
        "application is referred to the Admissions and Licensing Committee: we will tell you "
        "the date it will consider it, and write to you with its decision.",
        when,
    ]
    return "We are assessing your application", "\n\n".join(paragraphs)


def _both_signed(application: Application) -> bool:
    current = current_declarations(application)
    return all(role in current and current[role].state == "signed" for role in ROLES)


@transaction.atomic
def declaration_sign(
    *, token: str, signed_name: str, confirms: bool, ip: str | None, user_agent: str = ""
) -> Declaration:
    """The applicant or the supervisor signs their declaration through their link, by typing
    the name it was sent to and confirming it is true. A refused answer (ValidationError, by
    field) leaves the link unused and nothing written; a link used, expired or withdrawn is
    LinkRefused. The words must still be the ones sent (their SHA-256). The second of the two
    to sign moves the application to assessment and the applicant is sent the
    acknowledgement: the application's row is locked, so of two signing at once exactly one
    moves it."""
    signed_name = " ".join((signed_name or "").split())
    declaration = declaration_for_link(access_link_open(token, PURPOSE))
    errors = _sign_errors(declaration, signed_name, confirms)
    if errors:
        raise ValidationError(errors)
    application = declaration.application
    lock_for_change(application)  # before the link: the order every declaration write takes
    link = access_link_spend(token=token, purpose=PURPOSE, ip_address=ip)
    declaration.refresh_from_db()
    if declaration.state != "invited":
        raise LinkRefused("revoked")
    if application.application_state != "declarations_pending":
        label = rules.APPLICATION_STATES[application.application_state].lower()
        raise ValidationError(
            f"This declaration can no longer be signed: the application is {label!r}."
        )
    if rules.statement_sha256(declaration.statement) != declaration.statement_sha256:
        raise ValidationError(
            "The words of this declaration are not the ones we sent, so it cannot be signed. "
            "Please contact us: we will send you a new one."
        )
    declaration.state = "signed"
    declaration.signed_name = signed_name
    declaration.signed_at, declaration.signed_from = link.used_at, ip
    declaration.signed_agent = (user_agent or "").strip()[:AGENT_MAX]
    declaration.full_clean()
    declaration.save()
    before = application.application_state
    if _both_signed(application):
        application.application_state = _next(application, "declarations_signed", "system")
    version_bump(application)
    application.save()
    audit_record(
        actor=LinkHolder(link.name, link.email),
        action=AuditAction.SIGN_DECLARATION,
        obj=application,
        before={"application_state": before},
        after={
            "declaration": declaration.pk,
            "role": declaration.role,
            "signed_name": signed_name,
            "signed_from": ip,
            "statement_sha256": declaration.statement_sha256,
            "application_state": application.application_state,
        },
    )
    if application.application_state != before:
        deadline_close(acting_user=None, subject=application, kind=DEADLINE)
        subject, body = _acknowledgement(application)
        notify_applicant(
            application, subject, body, key=f"rights:{application.pk}:declarations:signed"
        )
    return declaration
