"""Reading accreditations and their assessments with the scheme's visibility: a provider's
users see only their own provider's, a standards body's administrators and officers only
those their body holds, and nobody else anything (a lookup finds nothing, which a page shows
as not found). And an assessment as the seed lays it out: section, heading and standard with
its answer, note, evidence and equivalents."""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from touchstone.core.models import Membership, OrganisationKind
from touchstone.standards.models import Accreditation, Answer, Assessment
from touchstone.standards.permissions import STAFF_ROLES
from touchstone.standards.selectors.frameworks import StandardRow, framework_table


def accreditations_visible(user) -> QuerySet[Accreditation]:
    if not getattr(user, "is_authenticated", False):
        return Accreditation.objects.none()
    memberships = Membership.objects.filter(user=user)
    providers = memberships.filter(organisation__kind=OrganisationKind.PROVIDER).values(
        "organisation_id"
    )
    bodies = memberships.filter(
        organisation__kind=OrganisationKind.STANDARDS_BODY, role__in=STAFF_ROLES
    ).values("organisation_id")
    return Accreditation.objects.filter(
        Q(provider_id__in=providers) | Q(standards_body_id__in=bodies)
    ).select_related("provider", "standards_body", "framework")


def accreditations_list(user, *, state: str = "") -> QuerySet[Accreditation]:
    found = accreditations_visible(user)
    if state:
        found = found.filter(state=state)
    return found.order_by("provider__name", "-applied_on", "-id")


def accreditation_for(user, pk: int) -> Accreditation | None:
    """The accreditation if the user may see it."""
    found = accreditations_visible(user).filter(pk=pk).first()
    if found is None or not user.has_perm("standards.view_accreditation", found):
        return None
    return found


def assessment_for(user, pk: int) -> Assessment | None:
    """The assessment if the user may see its accreditation."""
    found = (
        Assessment.objects.select_related(
            "accreditation__provider", "accreditation__standards_body", "accreditation__framework"
        )
        .select_related("invoice")
        .filter(pk=pk, accreditation__in=accreditations_visible(user))
        .first()
    )
    if found is None or not user.has_perm("standards.view_accreditation", found):
        return None
    return found


def assessment_current(accreditation: Accreditation) -> Assessment | None:
    """The open assessment, or the latest one."""
    assessments = accreditation.assessments.select_related("invoice")
    return (
        assessments.filter(closed=False).first()
        or assessments.order_by("-started_on", "-id").first()
    )


@dataclass
class SheetRow:
    """One standard of the assessment sheet: the framework table's row and its answer."""

    standard: StandardRow
    answer: Answer
    evidence: list = field(default_factory=list)


@dataclass
class SheetHeading:
    section: str | None
    heading: str | None
    guidance: str
    rows: list[SheetRow] = field(default_factory=list)

    @property
    def answered(self) -> int:
        return sum(1 for row in self.rows if row.answer.answer)

    @property
    def title(self) -> str:
        """The heading, or for standards straight under a section (IQS 1-10), the section."""
        return self.heading or self.section or "Standards"


@dataclass
class AssessmentSheet:
    assessment: Assessment
    targets: list[str]
    headings: list[SheetHeading]

    @property
    def total(self) -> int:
        return sum(len(h.rows) for h in self.headings)

    @property
    def answered(self) -> int:
        return sum(h.answered for h in self.headings)

    @property
    def unanswered(self) -> list[int]:
        return [r.answer.number for h in self.headings for r in h.rows if not r.answer.answer]

    @property
    def unconfirmed(self) -> list[int]:
        return [
            r.answer.number
            for h in self.headings
            for r in h.rows
            if r.answer.answer and not r.answer.reconfirmed
        ]


def assessment_sheet(assessment: Assessment) -> AssessmentSheet:
    """The assessment in the framework's own layout, grouped by heading, in the framework's
    order; each standard with its answer and evidence and its equivalents in each framework it
    is mapped to (`framework_table`)."""
    table = framework_table(assessment.accreditation.framework)
    answers = {
        answer.number: answer
        for answer in assessment.answers.prefetch_related("evidence__upload").order_by("number")
    }
    guidance = {node.text: node.guidance for node in table.nodes if node.kind == "heading"}
    headings: list[SheetHeading] = []
    for row in table.standards:
        answer = answers.get(row.number)
        if answer is None:
            continue
        if not headings or (headings[-1].section, headings[-1].heading) != (
            row.section,
            row.heading,
        ):
            headings.append(SheetHeading(row.section, row.heading, guidance.get(row.heading, "")))
        headings[-1].rows.append(SheetRow(row, answer, list(answer.evidence.all())))
    return AssessmentSheet(assessment, table.targets, headings)
