"""Reading step 3, the portfolio: its rows as the portfolio check reads them, the check itself
(the same as the API's), and the checklist of every example the scheme asks for."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch

from touchstone.rights import rules
from touchstone.rights.models import Application, PortfolioSheet, SheetEvidence
from touchstone.rights.selectors.schemes import portfolio_check_for, scheme_on, scheme_today


def portfolio_scheme(application: Application, *, as_of: date) -> rules.Scheme:
    """The scheme's version in force on the portfolio's date (the latest before the first)."""
    return scheme_on(application.scheme, as_of) or scheme_today(application.scheme)


def portfolio_sheets(application: Application) -> list[PortfolioSheet]:
    """The sheets with their evidence (and its documents), in one query each."""
    evidence = SheetEvidence.objects.select_related("document")
    return list(application.sheets.prefetch_related(Prefetch("evidence", queryset=evidence)))


def evidence_on(application: Application, example: str, pk: int) -> SheetEvidence | None:
    """A document of evidence on the application's sheet for `example`, with its upload."""
    return (
        SheetEvidence.objects.select_related("document", "sheet")
        .filter(pk=pk, sheet__application=application, sheet__example=example)
        .first()
    )


def portfolio_input(
    application: Application, *, as_of: date, sheets: list[PortfolioSheet] | None = None
) -> dict:
    """The portfolio as the check reads it, dated `as_of` (the application date)."""
    sheets = portfolio_sheets(application) if sheets is None else sheets
    applicant = application.applicant
    return {
        "application_date": as_of.isoformat(),
        "include_optional": application.portfolio_include_optional,
        "applicant": {"name": applicant.get_full_name() or applicant.get_username()},
        "supervisors": [s.as_check_input() for s in application.supervisors.all()],
        "sheets": [s.as_check_input(list(s.evidence.all())) for s in sheets],
    }


def portfolio_check(
    application: Application, *, as_of: date, sheets: list[PortfolioSheet] | None = None
) -> dict:
    """The portfolio check of the stored sheets, as of `as_of`: the API's check, on rows."""
    return portfolio_check_for(
        application.scheme, portfolio_input(application, as_of=as_of, sheets=sheets)
    )


@dataclass
class ChecklistRow:
    example: str
    outcome: rules.Outcome
    sheet: PortfolioSheet | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def state(self) -> str:
        if self.sheet is None:
            return "missing"
        return "errors" if self.errors else "complete"


@dataclass
class ChecklistGroup:
    competency: rules.Competency
    rows: list[ChecklistRow]
    errors: list[str]  # what the competency's outcomes break together (§44)


def portfolio_checklist(
    application: Application, check: dict, sheets: list[PortfolioSheet], scheme: rules.Scheme
) -> list[ChecklistGroup]:
    """Every example the scheme asks for, by competency, with its sheet and what the check
    says of it (an outcome's shared errors on its competency)."""
    by_example = {s.example: s for s in sheets}
    include = application.portfolio_include_optional or "6.5" in by_example
    groups = []
    for competency in scheme.competencies:
        outcomes = {o.code: o for o in competency.outcomes}
        rows = [
            ChecklistRow(example, outcomes[rules.outcome_of(example)], by_example.get(example))
            for example in rules.examples_of(competency, include)
        ]
        index = {row.example: row for row in rows}
        shared = []
        for key, target in (("errors", "errors"), ("warnings", "warnings")):
            for item in check[key]:
                if item["code"] == "MISSING_EXAMPLE":
                    continue
                if item["ref"] in index:
                    getattr(index[item["ref"]], target).append(item["message"])
                elif item["ref"] in outcomes and key == "errors":
                    shared.append(item["message"])
        groups.append(ChecklistGroup(competency, rows, shared))
    return groups
