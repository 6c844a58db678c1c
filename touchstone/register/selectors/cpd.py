"""CPD reads: the scheme in force, a member's year, and the monitoring samples."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from touchstone.register import rules
from touchstone.register.models import CpdActivity, CpdRecord, CpdSample, CpdScheme, Registrant
from touchstone.register.selectors.staff import officer_organisations


def _schemes() -> list[rules.CpdSchemeData]:
    return [
        rules.CpdSchemeData(s.effective_from, s.minimum_hours, tuple(s.required_types))
        for s in CpdScheme.objects.all()
    ]


def scheme_for_year(year: int) -> rules.CpdSchemeData:
    return rules.scheme_in_force(_schemes(), year)


def cpd_years() -> range:
    """The CPD years a record or a sample can be for (the schemes' effective range)."""
    return rules.cpd_years(_schemes(), this_year=timezone.localdate().year)


@dataclass
class CpdYear:
    year: int
    scheme: rules.CpdSchemeData
    record: CpdRecord | None
    activities: list[CpdActivity] = field(default_factory=list)

    @property
    def hours(self) -> Decimal:
        return sum((a.hours for a in self.activities), Decimal(0))

    @property
    def submitted(self) -> bool:
        return bool(self.record and self.record.submitted_on)

    @property
    def status_if_submitted(self) -> str:
        """What submitting the record now would make of the year ("compliant" or
        "shortfall"), to warn a member before they submit a short year."""
        return rules.cpd_status(
            submitted=True,
            activities=[rules.CpdActivityData(a.hours, a.activity_type) for a in self.activities],
            minimum_hours=self.scheme.minimum_hours,
            required_types=self.scheme.required_types,
        )

    @property
    def status(self) -> str:
        return rules.cpd_status(
            submitted=self.submitted,
            activities=[rules.CpdActivityData(a.hours, a.activity_type) for a in self.activities],
            minimum_hours=self.scheme.minimum_hours,
            required_types=self.scheme.required_types,
        )

    @property
    def status_label_if_submitted(self) -> str:
        return rules.CPD_STATUS_LABELS[self.status_if_submitted]

    @property
    def deadline(self):
        """The day the year's record is due (rules.cpd_year_end)."""
        return rules.cpd_year_end(self.year)

    @property
    def status_label(self) -> str:
        return rules.CPD_STATUS_LABELS[self.status]


def cpd_year(registrant: Registrant, year: int) -> CpdYear:
    record = (
        CpdRecord.objects.filter(registrant=registrant, year=year)
        .prefetch_related("activities")
        .first()
    )
    return CpdYear(
        year=year,
        scheme=scheme_for_year(year),
        record=record,
        activities=list(record.activities.all()) if record else [],
    )


def registrant_for_member(user) -> Registrant | None:
    """The register entry linked to this signed-in user, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Registrant.objects.select_related("status", "category").filter(user=user).first()


def cpd_activity_for_member(user, *, pk: int) -> CpdActivity:
    """One activity of the signed-in member's own record (anyone else's is not found)."""
    activity = (
        CpdActivity.objects.select_related("record__registrant")
        .filter(pk=pk, record__registrant__user=user)
        .first()
        if getattr(user, "is_authenticated", False)
        else None
    )
    if activity is None:
        raise CpdActivity.DoesNotExist(pk)
    return activity


def cpd_samples_for_staff(user, *, regulator=None) -> QuerySet[CpdSample]:
    """The samples of the regulators this user keeps the register of (or of one of them)."""
    queryset = CpdSample.objects.filter(regulator__in=officer_organisations(user))
    if regulator is not None:
        queryset = queryset.filter(regulator=regulator)
    return queryset.select_related("regulator", "drawn_by")


def cpd_sample_statuses(sample: CpdSample) -> list[tuple[Registrant, CpdYear]]:
    """Each sampled member with their status for the sample's year (a constant number of
    queries however large the sample)."""
    registrants = {
        r.number: r
        for r in Registrant.objects.filter(
            regulator=sample.regulator, number__in=sample.numbers
        ).select_related("status")
    }
    records = {
        r.registrant_id: r
        for r in CpdRecord.objects.filter(
            registrant__in=registrants.values(), year=sample.year
        ).prefetch_related("activities")
    }
    scheme = scheme_for_year(sample.year)
    rows = []
    for number in sample.numbers:
        registrant = registrants.get(number)
        if registrant is None:
            continue
        record = records.get(registrant.pk)
        activities = list(record.activities.all()) if record else []
        rows.append((registrant, CpdYear(sample.year, scheme, record, activities)))
    return rows
