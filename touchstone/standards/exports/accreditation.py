"""The accreditation scheme's records written out, for a standards body's staff: its holders
(every accreditation it holds, in any state) and its assessments (one row per answer), as CSV
or XLSX through core.tabular; and a completed assessment as a PDF in the seed's table layout
(section and heading rows, then each standard with its Complied answer, note and equivalents),
for the provider and the body. The permission is checked and the export audited before the
first row, so a streamed download never starts for someone who may not have it."""

from collections.abc import Iterator
from datetime import date

from django.utils import timezone

from touchstone.core.models import Organisation
from touchstone.core.pdf import render_pdf
from touchstone.core.permissions import require_perm
from touchstone.core.services import audit_record
from touchstone.standards.models import Accreditation, Answer, Assessment
from touchstone.standards.selectors import assessment_sheet
from touchstone.standards.services.audit import AuditAction

HOLDER_COLUMNS = [
    "provider",
    "state",
    "corporate_member",
    "applied_on",
    "registered_from",
    "registered_until",
    "remediation_deadline",
    "ended_on",
    "framework",
    "edition",
]
ASSESSMENT_COLUMNS = [
    "provider",
    "assessment",
    "kind",
    "started_on",
    "submitted_on",
    "status",
    "remediation_deadline",
    "number",
    "answer",
    "note",
    "evidence",
]


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def _audited(acting_user, standards_body: Organisation, action: AuditAction, **after) -> None:
    require_perm(acting_user, "standards.export_accreditations", standards_body)
    audit_record(
        actor=acting_user,
        action=action,
        obj=standards_body,
        organisation=standards_body,
        after=after,
    )


def holders_export_rows(*, acting_user, standards_body: Organisation, as_of: date) -> Iterator:
    _audited(acting_user, standards_body, AuditAction.EXPORT_HOLDERS, as_of=as_of.isoformat())
    found = (
        Accreditation.objects.filter(standards_body=standards_body)
        .select_related("provider", "framework")
        .order_by("provider__name", "-applied_on", "pk")
    )
    for a in found.iterator(chunk_size=1000):
        yield [
            a.provider.name,
            a.state,
            "yes" if a.corporate_member else "no",
            _iso(a.applied_on),
            _iso(a.registered_from),
            _iso(a.registered_until),
            _iso(a.remediation_deadline),
            _iso(a.ended_on),
            a.framework_ref,
            a.framework.edition,
        ]


def assessments_export_rows(*, acting_user, standards_body: Organisation) -> Iterator:
    _audited(acting_user, standards_body, AuditAction.EXPORT_ASSESSMENTS)
    evidence: dict[int, list[str]] = {}
    for answer_id, name in (
        Answer.objects.filter(assessment__accreditation__standards_body=standards_body)
        .filter(evidence__isnull=False)
        .order_by("evidence__pk")
        .values_list("pk", "evidence__upload__original_name")
    ):
        evidence.setdefault(answer_id, []).append(name)
    answers = (
        Answer.objects.filter(assessment__accreditation__standards_body=standards_body)
        .select_related("assessment__accreditation__provider")
        .order_by("assessment__accreditation__provider__name", "assessment__started_on", "number")
    )
    for answer in answers.iterator(chunk_size=2000):
        assessment = answer.assessment
        yield [
            assessment.accreditation.provider.name,
            assessment.pk,
            assessment.kind,
            _iso(assessment.started_on),
            _iso(assessment.submitted_on),
            assessment.status,
            _iso(assessment.remediation_deadline),
            answer.number,
            answer.answer,
            answer.note,
            "; ".join(evidence.get(answer.pk, [])),
        ]


def assessment_pdf(*, acting_user, assessment: Assessment) -> bytes:
    """The assessment as the seed prints the standards: for the provider's people and the
    body's staff (`standards.view_accreditation`); audited, as it carries the provider's
    answers and notes."""
    accreditation = assessment.accreditation
    require_perm(acting_user, "standards.view_accreditation", accreditation)
    audit_record(
        actor=acting_user,
        action=AuditAction.EXPORT_ASSESSMENT_PDF,
        obj=accreditation,
        organisation=accreditation.standards_body,
        after={"assessment": assessment.pk},
    )
    return render_pdf(
        "standards/assessment_pdf.html",
        {
            "sheet": assessment_sheet(assessment),
            "accreditation": accreditation,
            "assessment": assessment,
            "printed_on": timezone.localdate(),
        },
    )
