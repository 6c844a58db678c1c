"""The investigation's working record: notes on the timeline, and requests for information
from a party with the date each is due. The caseworker is reminded through core's deadlines
(`deadline_set`: before it falls due, and when it is missed); the party is sent the request by
email when they have an address, and reminded by email before it falls due
(`information_reminders_send`, run daily)."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from touchstone.casework.models import Case, EventKind, InformationRequest, Party
from touchstone.casework.services.audit import AuditAction
from touchstone.casework.services.common import case_event, refuse_if_concluded
from touchstone.core.permissions import require_perm
from touchstone.core.services import audit_record, lock_for_change
from touchstone.core.services.deadlines import deadline_close, deadline_set

DEADLINE_KIND = "casework_information"
CASEWORKER_WARN_DAYS = 7
PARTY_WARN_DAYS = 3


def _open_case(acting_user, case: Case, expected_version: int | None) -> None:
    """A note or a request is not a change of the case's own fields, so it does not make an
    open edit stale; it is still refused on a case changed since its page was opened."""
    require_perm(acting_user, "casework.change_case", case)
    lock_for_change(case, expected_version=expected_version)
    refuse_if_concluded(case)


@transaction.atomic
def case_note_add(
    *, acting_user, case: Case, note: str, expected_version: int | None = None
) -> None:
    """An investigation note on the case's timeline."""
    _open_case(acting_user, case, expected_version)
    if not note.strip():
        raise ValidationError({"note": "Enter the note"})
    event = case_event(case, kind=EventKind.NOTE, actor=acting_user, note=note.strip())
    audit_record(
        actor=acting_user, action=AuditAction.ADD_NOTE, obj=case, after={"event": event.pk}
    )


def _party_email(request: InformationRequest, *, subject: str, opening: str) -> None:
    email = request.party.email
    if not email:
        return
    body = (
        f"{opening}\n\n{request.asked}\n\nPlease send it by {request.due_on:%d %B %Y}, "
        f"quoting your case reference {request.case.reference}."
    )
    transaction.on_commit(
        lambda: send_mail(
            subject=subject,
            message=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[email],
        )
    )


@transaction.atomic
def information_request(
    *,
    acting_user,
    case: Case,
    party: Party,
    asked: str,
    due_on: date,
    expected_version: int | None = None,
) -> InformationRequest:
    """Ask a party for information by `due_on`."""
    _open_case(acting_user, case, expected_version)
    if party.case_id != case.pk:
        raise ValidationError({"party": "Choose a party to this case"})
    if not asked.strip():
        raise ValidationError({"asked": "Enter what the party is asked to send"})
    if due_on <= timezone.localdate():
        raise ValidationError({"due_on": "The date it is due must be in the future"})
    request = InformationRequest(
        case=case,
        party=party,
        asked=asked.strip(),
        due_on=due_on,
        requested_by=acting_user if getattr(acting_user, "pk", None) else None,
        requested_at=timezone.now(),
    )
    request.full_clean()
    request.save()
    responsible = case.caseworker or request.requested_by
    deadline_set(
        acting_user=acting_user,
        subject=request,
        organisation=case.organisation,
        kind=DEADLINE_KIND,
        label=f"Information from {party.name} for case {case.reference}",
        due_on=due_on,
        responsible=[responsible] if responsible else [],
        url=reverse("casework:staff-case", args=[case.pk]),
        warn_days=CASEWORKER_WARN_DAYS,
    )
    case_event(
        case,
        kind=EventKind.INFORMATION_REQUESTED,
        actor=acting_user,
        note=f"From {party.name}, by {due_on:%d %B %Y}: {request.asked}",
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.REQUEST_INFORMATION,
        obj=case,
        after={"request": request.pk, "party": party.pk, "due_on": due_on.isoformat()},
    )
    _party_email(
        request,
        subject=f"Information needed for case {case.reference}",
        opening=f"{case.organisation.name} needs the following from you for your case.",
    )
    return request


@transaction.atomic
def information_received(
    *,
    acting_user,
    request: InformationRequest,
    received_on: date,
    note: str = "",
    expected_version: int | None = None,
) -> InformationRequest:
    """Record that the information asked for arrived on `received_on`; the caseworker's
    deadline is met."""
    case = request.case
    _open_case(acting_user, case, expected_version)
    request = InformationRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_open:
        raise ValidationError("The information was already recorded as received.")
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": "The date received must be today or in the past"})
    if received_on < request.requested_at.date():
        raise ValidationError({"received_on": "The date received must be after it was asked for"})
    request.received_on, request.received_note = received_on, note.strip()
    request.full_clean()
    request.save()
    deadline_close(acting_user=acting_user, subject=request, kind=DEADLINE_KIND)
    case_event(
        case,
        kind=EventKind.INFORMATION_RECEIVED,
        actor=acting_user,
        note=" ".join(
            part
            for part in (
                f"From {request.party.name} on {received_on:%d %B %Y}.",
                request.received_note,
            )
            if part
        ),
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.RECEIVE_INFORMATION,
        obj=case,
        after={"request": request.pk, "received_on": received_on.isoformat()},
    )
    return request


@transaction.atomic
def information_reminders_send(*, as_of: date) -> int:
    """Remind by email each party with an address whose requested information is due within
    `PARTY_WARN_DAYS` and not received, once per request; how many were reminded."""
    due = (
        InformationRequest.objects.select_for_update(of=("self",))
        .select_related("party", "case__organisation")
        .filter(
            received_on__isnull=True,
            party_reminded_on__isnull=True,
            due_on__gte=as_of,
            due_on__lte=as_of + timedelta(days=PARTY_WARN_DAYS),
            case__concluded_on__isnull=True,
        )
        .exclude(party__email="")
    )
    sent = 0
    for request in due:
        _party_email(
            request,
            subject=f"Reminder: information needed for case {request.case.reference}",
            opening=f"A reminder that {request.case.organisation.name} still needs this from you.",
        )
        request.party_reminded_on = as_of
        request.save(update_fields=["party_reminded_on"])
        sent += 1
    return sent
