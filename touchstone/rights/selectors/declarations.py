"""Reading step 4's declarations: an application's (the current one of each role first), the
one an emailed link was sent for, and the portfolio's examples in the order they are signed."""

from touchstone.core.models import AccessLink
from touchstone.rights import rules
from touchstone.rights.models import Application, Declaration, PortfolioSheet
from touchstone.rights.selectors.portfolio import portfolio_sheets

PERSONAL_STATEMENT = "Personal statement"


def _current_pks(found: list[Declaration]) -> set[int]:
    """Of each role, the newest declaration, unless it was withdrawn."""
    newest: dict[str, Declaration] = {}
    for declaration in found:
        held = newest.get(declaration.role)
        if held is None or (declaration.sent_at, declaration.pk) > (held.sent_at, held.pk):
            newest[declaration.role] = declaration
    return {d.pk for d in newest.values() if d.state != "withdrawn"}


def declarations_of(application: Application) -> list[Declaration]:
    """The application's declarations with their links: the current one of each role first
    (the applicant's, then the supervisor's), then the earlier ones, newest first. Each
    carries `current`."""
    found = list(application.declarations.select_related("link"))
    current = _current_pks(found)
    for declaration in found:
        declaration.current = declaration.pk in current
    ordered = sorted(found, key=lambda d: (d.sent_at, d.pk), reverse=True)
    return sorted(ordered, key=lambda d: (not d.current, d.role if d.current else ""))


def current_declarations(application: Application) -> dict[str, Declaration]:
    """The current declaration of each role that has one ("applicant", "supervisor")."""
    return {d.role: d for d in declarations_of(application) if d.current}


def declaration_for_link(link: AccessLink) -> Declaration:
    """The declaration an open link was sent for, with its application."""
    return Declaration.objects.select_related(
        "link", "application__applicant", "application__regulator"
    ).get(link=link)


def portfolio_in_order(application: Application, scheme: rules.Scheme) -> list[PortfolioSheet]:
    """The portfolio's sheets in the scheme's order of its examples (1.1(1) … 6.4, then 6.5),
    as the compiled portfolio puts them; a sheet the scheme does not list comes last."""
    by_example = {s.example: s for s in portfolio_sheets(application)}
    include = application.portfolio_include_optional or "6.5" in by_example
    order = [e for c in scheme.competencies for e in rules.examples_of(c, include)]
    ordered = [by_example.pop(e) for e in order if e in by_example]
    return ordered + list(by_example.values())


def declaration_examples(application: Application, scheme: rules.Scheme) -> list[rules.Example]:
    """The examples the declarations list: each sheet's example and matter (a personal
    statement has none: it is named as one)."""
    return [
        rules.Example(s.example, PERSONAL_STATEMENT if s.statement else s.matter)
        for s in portfolio_in_order(application, scheme)
    ]
