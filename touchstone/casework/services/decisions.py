"""A reasoned decision in the standard format (seed 000, key target 5), recorded through
`case_conclude` (its contract kept: the scheme's move, outcome and remedy or sanction, the
days to conclude): the complaint or allegation, the facts found, the findings, the outcome
with its remedy or sanction, and the reasons. Independence and the panel are checked first
for a conduct case; the decision letter is written as a PDF in the organisation's name and
emailed to every party with an address, in the same transaction; a proved conduct finding
marked for publication is written to the register (`register.services.finding_record`) for
the period its sanction's guidelines give."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from touchstone.casework import rules
from touchstone.casework.models import Case, Decision, EventKind, Scheme
from touchstone.casework.selectors.schemes import scheme_data
from touchstone.casework.services.audit import AuditAction
from touchstone.casework.services.cases import case_conclude
from touchstone.casework.services.common import case_event, refuse_if, refuse_if_concluded
from touchstone.casework.services.conduct import independence_check
from touchstone.core.dates import date_in_words
from touchstone.core.letters import letter_pdf
from touchstone.core.permissions import require_perm
from touchstone.core.services import audit_record, letter_store, lock_for_change
from touchstone.register.services import finding_record

TEXTS = {
    "allegation": "the complaint or allegation",
    "facts_found": "the facts found",
    "findings": "the findings",
    "reasons": "the reasons",
}
MAKERS = {
    "ombudsman": "The Ombudsman",
    "delegated": "A delegated officer",
    "panel": "Conduct panel",
    "tribunal": "Disciplinary Tribunal",
}


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "The casework team"


def _named(items: list, code: str) -> str:
    return next((i["name"] for i in items if i["code"] == code), code)


def decision_paragraphs(decision: Decision, data: dict) -> list[str]:
    """The decision's words, in the standard order: the letter's paragraphs."""
    conduct = decision.case.scheme == Scheme.CONDUCT
    remedy = _named(data["remedies"], decision.remedy) if decision.remedy else "None"
    members = decision.panel.order_by("last_name", "first_name", "username")
    panel = ", ".join(_name(m) for m in members)
    who = MAKERS[decision.maker] + (f": {panel}" if panel else "")
    return [
        f"{'The allegation' if conduct else 'The complaint'}: {decision.allegation}",
        f"Facts found: {decision.facts_found}",
        f"Findings: {decision.findings}",
        f"Outcome: {_named(data['outcomes'], decision.outcome)}. "
        f"{'Sanction' if conduct else 'Remedy'}: {remedy}.",
        f"Reasons: {decision.reasons}",
        f"Decided by: {who}, on {date_in_words(decision.decided_on)}.",
    ]


def _letter(decision: Decision, data: dict, acting_user):
    case = decision.case
    parties = list(case.parties.all())
    pdf = letter_pdf(
        organisation=case.organisation,
        recipient_name=", ".join(p.name for p in parties) or "The parties to the case",
        recipient_address_lines=[],
        reference=case.reference,
        subject=f"The decision on case {case.reference}",
        paragraphs=decision_paragraphs(decision, data),
        signed_by=_name(acting_user),
    )
    upload = letter_store(
        organisation=case.organisation,
        filename=f"decision-{case.reference}-{decision.decided_on.isoformat()}.pdf",
        pdf=pdf,
    )
    recipients = [p for p in parties if p.email]
    for party in recipients:
        message = EmailMessage(
            subject=f"The decision on your case {case.reference}",
            body=f"Dear {party.name},\n\nThe decision on case {case.reference} is attached.",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[party.email],
        )
        message.attach(upload.original_name, pdf, "application/pdf")
        transaction.on_commit(message.send)
    case_event(
        case,
        kind=EventKind.LETTER_SENT,
        actor=acting_user,
        note="Emailed to " + ", ".join(p.name for p in recipients)
        if recipients
        else "No party has an email address: send the letter by post.",
    )
    return upload


def _independent(acting_user, case: Case, data: dict, panel: list) -> None:
    independence_check(acting_user, case, part="decide")
    for member in panel:
        independence_check(member, case, part="panel")
    independence_check(case.caseworker, case, part="assign")
    on_panel = acting_user is None or any(m.pk == acting_user.pk for m in panel)
    refuse_if(rules.panel_refusal(data, case.stage, len(panel), on_panel))


@transaction.atomic
def case_decide(
    *,
    acting_user,
    case: Case,
    allegation: str,
    facts_found: str,
    findings: str,
    outcome: str,
    reasons: str,
    decided_on: date,
    remedy: str = "",
    publish: bool = False,
    expected_version: int | None = None,
) -> Decision:
    """Record the case's reasoned decision, conclude the case with it, write and send its
    letter, and publish a conduct finding marked for publication."""
    require_perm(acting_user, "casework.change_case", case)
    lock_for_change(case, expected_version=expected_version)
    refuse_if_concluded(case)
    texts = {"allegation": allegation, "facts_found": facts_found}
    texts |= {"findings": findings, "reasons": reasons}
    missing = {f: f"Enter {words}" for f, words in TEXTS.items() if not texts[f].strip()}
    if missing:
        raise ValidationError(missing)
    data = scheme_data(case.scheme)
    panel = [seat.member for seat in case.panel_members.select_related("member")]
    if case.scheme == Scheme.CONDUCT:
        _independent(acting_user, case, data, panel)
    if publish:
        refuse_if(rules.publication_refusal(data, outcome, remedy), "publish")
        if case.provider is None:
            raise ValidationError(
                {"publish": "Only a member on the register can have a finding published"}
            )
    maker = rules.decision_maker(data, case.stage)
    case = case_conclude(
        acting_user=acting_user,
        case=case,
        outcome=outcome,
        concluded_on=decided_on,
        remedy=remedy,
        reasons=reasons,
        expected_version=case.version,
    )
    decision = Decision(
        case=case,
        allegation=allegation.strip(),
        facts_found=facts_found.strip(),
        findings=findings.strip(),
        outcome=outcome,
        remedy=remedy,
        reasons=reasons.strip(),
        decided_on=decided_on,
        decided_at=timezone.now(),
        decided_by=acting_user if getattr(acting_user, "pk", None) else None,
        maker=maker,
    )
    if publish:
        decision.publish = True
        decision.publish_from, decision.publish_until = rules.publication_period(
            data, remedy, decided_on
        )
        # The register is written by the casework decision, whose decider the scheme has
        # checked (a panel member need not be a register officer): a trusted call.
        decision.finding = finding_record(
            acting_user=None,
            registrant=case.provider,
            decided_on=decided_on,
            body=MAKERS[maker],
            summary=decision.findings,
            sanction=_named(data["remedies"], remedy),
            publish=True,
            publish_from=decision.publish_from,
            publish_until=decision.publish_until,
        )
    decision.full_clean()
    decision.save()
    decision.panel.set(panel)
    decision.letter = _letter(decision, data, acting_user)
    decision.save(update_fields=["letter"])
    audit_record(
        actor=acting_user,
        action=AuditAction.DECIDE_CASE,
        obj=case,
        after={
            "decision": decision.pk,
            "maker": maker,
            "outcome": outcome,
            "remedy": remedy,
            "panel": [m.pk for m in panel],
            "published": publish,
        },
    )
    return decision
