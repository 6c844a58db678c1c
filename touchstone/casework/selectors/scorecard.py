"""The KPI scorecard computed in the database: a handful of aggregate queries (counts with
`Count(filter=...)`, grouped by complexity or by party and answer, so each is a few grouped
rows; the medians by an ordered offset into each group), never a loop over the cases,
finished by the pure `rules.scorecard_from_counts` so it gives exactly what the reference
definition (`rules.scorecard`) gives."""

from datetime import date

from django.db.models import Count, Q

from touchstone.casework import rules
from touchstone.casework.models import Case, SatisfactionResponse, Scheme, ServiceComplaint
from touchstone.core.permissions import require_perm


def _group_q(group: str) -> Q:
    known = Q(days_to_conclude__isnull=False)
    return known if group == "all" else known & Q(complexity=group)


def _timeliness(concluded) -> tuple[int, dict]:
    """(cases concluded, each group's counts and median): one aggregate grouped by
    complexity (a row for each, summed for all cases), then each group's median."""
    known = Q(days_to_conclude__isnull=False)
    wanted = {"concluded": Count("pk"), "with_days": Count("pk", filter=known)}
    wanted |= {f"within_{n}": Count("pk", filter=Q(days_to_conclude__lte=n)) for n in rules.WITHIN}
    by_complexity = {
        row.pop("complexity"): row
        for row in concluded.order_by().values("complexity").annotate(**wanted)
    }
    groups = {}
    for group in rules.GROUPS:
        rows = by_complexity.values() if group == "all" else [by_complexity.get(group)]
        rows = [row for row in rows if row]
        counts = {"concluded": sum(row["with_days"] for row in rows)}
        counts |= {f"within_{n}": sum(row[f"within_{n}"] for row in rows) for n in rules.WITHIN}
        offset, number = rules.middle_positions(counts["concluded"])
        middle = []
        if number:
            middle = list(
                concluded.filter(_group_q(group))
                .order_by("days_to_conclude")
                .values_list("days_to_conclude", flat=True)[offset : offset + number]
            )
        counts["median_days"] = rules.median_of(middle)
        groups[group] = counts
    return sum(row["concluded"] for row in by_complexity.values()), groups


def _satisfaction(case_q: Q) -> dict:
    """The answers counted in one aggregate grouped by party and outcome answer."""
    found = {
        (row["party_role"], row["outcome_satisfied"]): row
        for row in SatisfactionResponse.objects.filter(
            case_q, outcome_satisfied__isnull=False, service_satisfied__isnull=False
        )
        .order_by()
        .values("party_role", "outcome_satisfied")
        .annotate(responses=Count("pk"), service=Count("pk", filter=Q(service_satisfied=True)))
    }
    none = {"responses": 0, "service": 0}
    return {
        party: {
            f"{side}_with_outcome": {
                "responses": found.get((party, satisfied), none)["responses"],
                "service_satisfied": found.get((party, satisfied), none)["service"],
            }
            for side, satisfied in (("satisfied", True), ("dissatisfied", False))
        }
        for party in rules.PARTIES
    }


def _related(prefix: str, **lookups) -> Q:
    return Q(**{f"{prefix}{key}": value for key, value in lookups.items()})


def scorecard_counts(
    *, organisation, scheme: str, date_from: date, date_to: date, jurisdiction: str | None
) -> dict:
    """The counts `rules.scorecard_from_counts` reads, from the database."""
    chosen = {"organisation": organisation, "scheme": scheme}
    if jurisdiction:
        chosen["jurisdiction"] = jurisdiction
    period = {"concluded_on__gte": date_from, "concluded_on__lte": date_to}
    cases = Case.objects.filter(**chosen)
    counts = rules.empty_counts()
    counts["accepted_in_period"] = cases.filter(
        accepted_on__gte=date_from, accepted_on__lte=date_to
    ).count()
    # Open at the end: accepted by then, and concluded later or not yet; counted as two
    # ranges of the concluded-on index (a past period's end has few cases beyond it).
    accepted_by_end = cases.filter(accepted_on__lte=date_to)
    counts["open_at_end"] = (
        accepted_by_end.filter(concluded_on__isnull=True).count()
        + accepted_by_end.filter(concluded_on__gt=date_to).count()
    )
    counts["concluded"], counts["timeliness"] = _timeliness(cases.filter(**period))
    in_period = _related("case__", **chosen, **period)
    counts["satisfaction"] = _satisfaction(in_period)
    counts["service_complaints"] = ServiceComplaint.objects.filter(
        in_period, outcome__in=("upheld", "not_upheld")
    ).aggregate(decided=Count("pk"), upheld=Count("pk", filter=Q(outcome="upheld")))
    return counts


def scorecard(
    *,
    acting_user,
    organisation,
    date_from: date,
    date_to: date,
    jurisdiction: str | None = None,
    scheme: str = Scheme.OMBUDSMAN,
) -> dict:
    """The scorecard (the contract's JSON dict) of the organisation's cases under `scheme`
    for the period; PermissionDenied for anyone but its staff (`acting_user=None`: a command)."""
    require_perm(acting_user, "casework.view_scorecard", organisation)
    counts = scorecard_counts(
        organisation=organisation,
        scheme=scheme,
        date_from=date_from,
        date_to=date_to,
        jurisdiction=jurisdiction,
    )
    return rules.scorecard_from_counts(
        counts, date_from=date_from, date_to=date_to, jurisdiction=jurisdiction or None
    )
