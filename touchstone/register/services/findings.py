"""Fitness-to-practise findings on the register: recorded here (the conduct module calls
`finding_record`), shown publicly only while published and inside the publication period."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from touchstone.core.permissions import require_perm
from touchstone.core.services import audit_record, lock_for_change, snapshot, version_bump
from touchstone.register.models import Finding, Registrant
from touchstone.register.services.audit import AuditAction


@transaction.atomic
def finding_record(
    *,
    acting_user,
    registrant: Registrant,
    decided_on: date,
    body: str,
    summary: str,
    sanction: str,
    publish: bool,
    publish_from: date | None = None,
    publish_until: date | None = None,
) -> Finding:
    """Record a fitness-to-practise finding (the conduct module will call this)."""
    require_perm(acting_user, "register.change_finding", registrant)
    finding = Finding(
        registrant=registrant,
        decided_on=decided_on,
        body=body,
        summary=summary,
        sanction=sanction,
        publish=publish,
        publish_from=publish_from or (decided_on if publish else None),
        publish_until=publish_until,
    )
    finding.full_clean()
    if (
        finding.publish_until
        and finding.publish_from
        and finding.publish_until < finding.publish_from
    ):
        raise ValidationError({"publish_until": "Publication cannot end before it starts"})
    finding.save()
    audit_record(
        actor=acting_user,
        action=AuditAction.RECORD_FINDING,
        obj=registrant,
        after=snapshot(
            finding, ["decided_on", "body", "sanction", "publish", "publish_from", "publish_until"]
        ),
    )
    # The finding's own history starts with its creation (the registrant's records it too).
    audit_record(actor=acting_user, action=AuditAction.CREATE, obj=finding, after=snapshot(finding))
    return finding


@transaction.atomic
def finding_publication_change(
    *,
    acting_user,
    finding: Finding,
    publish: bool,
    publish_from: date | None,
    publish_until: date | None,
    expected_version: int | None = None,
) -> Finding:
    """Publish, withdraw or re-date a finding's publication. `expected_version` is the
    version the change was made from: if the finding has changed since, nothing is written."""
    require_perm(acting_user, "register.change_finding", finding)
    lock_for_change(finding, expected_version=expected_version)
    fields = ["publish", "publish_from", "publish_until"]
    before = snapshot(finding, fields)
    finding.publish = publish
    finding.publish_from = publish_from or (finding.decided_on if publish else None)
    finding.publish_until = publish_until
    if (
        finding.publish_until
        and finding.publish_from
        and finding.publish_until < finding.publish_from
    ):
        raise ValidationError({"publish_until": "Publication cannot end before it starts"})
    if snapshot(finding, fields) != before:
        version_bump(finding)
    finding.full_clean()
    finding.save(update_fields=[*fields, "version"])
    for obj in (finding.registrant, finding):  # in both histories
        audit_record(
            actor=acting_user,
            action=AuditAction.CHANGE_FINDING_PUBLICATION,
            obj=obj,
            before=before,
            after=snapshot(finding, fields),
        )
    return finding
