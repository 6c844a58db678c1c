"""Step 3, the portfolio of evidence (§29-57): the applicant's sheets (one per example), the
evidence on each logbook sheet (an uploaded document, read for personal data left in it,
§38), the supervisors the sheets name, and whether optional outcome 6.5 is evidenced. Every
change is audited on the application and raises its version."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from touchstone.core.services import (
    audit_record,
    snapshot,
    upload_store,
    version_bump,
)
from touchstone.rights import rules
from touchstone.rights.models import (
    Application,
    PortfolioSheet,
    PortfolioSupervisor,
    SheetEvidence,
)
from touchstone.rights.selectors.portfolio import portfolio_scheme
from touchstone.rights.selectors.redaction import document_findings
from touchstone.rights.services.audit import AuditAction, audit_changes
from touchstone.rights.services.common import application_touched, portfolio_changing

SHEET_FIELDS = (
    "kind",
    "matter",
    "document_type",
    "explanation",
    "reflection",
    "supervisor",
    "age_explanation",
    "reason",
    "work_date",
)
TEXT_LIMITS = {"matter": 200, "document_type": 200, "supervisor": 200}


def _scheme(application: Application) -> rules.Scheme:
    return portfolio_scheme(application, as_of=timezone.localdate())


def _example(application: Application, example: str) -> str:
    """The example as the scheme numbers it; ValidationError for one it does not ask for."""
    found = rules.normalise_example(example or "", rules.per_outcome(_scheme(application)))
    if found is None:
        raise ValidationError({"example": f"{example} is not an example of this portfolio."})
    return found


def _sheet_checked(sheet: PortfolioSheet) -> None:
    errors = {}
    if sheet.kind not in ("logbook", "personal_statement"):
        errors["kind"] = "Choose a logbook sheet or a personal statement."
    for name, limit in TEXT_LIMITS.items():
        if len(getattr(sheet, name)) > limit:
            errors[name] = f"Use {limit} characters or fewer."
    if sheet.work_date is not None and sheet.work_date > timezone.localdate():
        errors["work_date"] = "The date of the work must be today or in the past."
    if errors:
        raise ValidationError(errors)
    if sheet.statement:  # a statement has no evidence or matter; a logbook sheet no reason
        sheet.matter = sheet.document_type = sheet.age_explanation = ""
    else:
        sheet.reason, sheet.work_date = "", None


@transaction.atomic
def portfolio_sheet_save(
    *,
    acting_user,
    application: Application,
    example: str,
    expected_version: int | None = None,
    **fields,
) -> PortfolioSheet:
    """The sheet for `example`, written or rewritten with `fields` (blank texts are allowed
    while the portfolio is in progress: the check lists them). A logbook sheet becomes a
    personal statement only once its evidence is removed."""
    portfolio_changing(acting_user, application, expected_version)
    unknown = set(fields) - set(SHEET_FIELDS)
    if unknown:
        raise TypeError(f"unknown sheet fields: {', '.join(sorted(unknown))}")
    example = _example(application, example)
    sheet = application.sheets.filter(example=example).first()
    before = snapshot(sheet, SHEET_FIELDS) if sheet else {}
    sheet = sheet or PortfolioSheet(application=application, example=example)
    for name, value in fields.items():
        setattr(sheet, name, value if value is not None or name == "work_date" else "")
    _sheet_checked(sheet)
    if sheet.statement and sheet.pk and sheet.evidence.exists():
        raise ValidationError(
            {"kind": "Remove the sheet's evidence first: a personal statement has none (§48)."}
        )
    try:
        with transaction.atomic():
            sheet.save()
    except IntegrityError as exc:  # the same example written at the same moment elsewhere
        raise ValidationError({"example": f"Example {example} already has a sheet."}) from exc
    application_touched(application)
    audit_changes(
        actor=acting_user,
        action=AuditAction.SAVE_SHEET,
        obj=application,
        before={"example": example if before else None, **before},
        after={"example": example, **snapshot(sheet, SHEET_FIELDS)},
    )
    return sheet


@transaction.atomic
def portfolio_sheet_remove(
    *, acting_user, sheet: PortfolioSheet, expected_version: int | None = None
) -> None:
    application = sheet.application
    portfolio_changing(acting_user, application, expected_version)
    before = {"example": sheet.example, **snapshot(sheet, SHEET_FIELDS)}
    before["evidence"] = list(sheet.evidence.values_list("description", flat=True))
    sheet.delete()
    application_touched(application)
    audit_record(actor=acting_user, action=AuditAction.REMOVE_SHEET, obj=application, before=before)


def _evidence_checked(application: Application, description: str, day: date | None, kind: str):
    errors = {}
    if not (description or "").strip():
        errors["description"] = "Describe the document, for example “Letter to the client”."
    elif len(description) > 300:
        errors["description"] = "Use 300 characters or fewer."
    if day is None:
        errors["date"] = "Enter the date of the document."
    elif day > timezone.localdate():
        errors["date"] = "The date of the document must be today or in the past."
    if kind not in {k.code for k in _scheme(application).evidence_kinds}:
        errors["kind"] = "Choose what kind of document it is."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def portfolio_evidence_add(
    *,
    acting_user,
    sheet: PortfolioSheet,
    description: str,
    date: date | None,
    kind: str,
    file,
    expected_version: int | None = None,
) -> SheetEvidence:
    """A document of evidence on a logbook sheet: stored through core's uploads (its type told
    by its content), and read for personal data left in it (§38), which the applicant sees to
    fix and the officer sees too. A refused file, or a refused answer, writes nothing."""
    application = sheet.application
    portfolio_changing(acting_user, application, expected_version)
    if sheet.statement:
        raise ValidationError("A personal statement has no evidence (§48).")
    _evidence_checked(application, description, date, kind)
    try:
        document = upload_store(
            acting_user=acting_user, organisation=application.regulator, file=file
        )
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    text_read, findings = document_findings(document, application=application)
    evidence = SheetEvidence.objects.create(
        sheet=sheet,
        description=description.strip(),
        date=date,
        kind=kind,
        document=document,
        text_read=text_read,
        findings=findings,
    )
    application_touched(application)
    audit_record(
        actor=acting_user,
        action=AuditAction.ADD_EVIDENCE,
        obj=application,
        after={
            "example": sheet.example,
            "description": evidence.description,
            "date": date,
            "kind": kind,
            "document": document.pk,
            "personal_data_found": len(findings),
        },
    )
    return evidence


@transaction.atomic
def portfolio_evidence_remove(
    *, acting_user, evidence: SheetEvidence, expected_version: int | None = None
) -> None:
    application = evidence.sheet.application
    portfolio_changing(acting_user, application, expected_version)
    before = {
        "example": evidence.sheet.example,
        "description": evidence.description,
        "document": evidence.document_id,
    }
    evidence.delete()
    application_touched(application)
    audit_record(
        actor=acting_user, action=AuditAction.REMOVE_EVIDENCE, obj=application, before=before
    )


@transaction.atomic
def portfolio_supervisor_add(
    *,
    acting_user,
    application: Application,
    name: str,
    authorised: bool,
    current: bool,
    expected_version: int | None = None,
) -> PortfolioSupervisor:
    """A supervisor the sheets may name (§53). A former supervisor's examples count once they
    have declared them."""
    portfolio_changing(acting_user, application, expected_version)
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "Enter the supervisor's full name."})
    if len(name) > 200:
        raise ValidationError({"name": "Use 200 characters or fewer."})
    taken = {rules.name_key(s.name) for s in application.supervisors.all()}
    if rules.name_key(name) in taken:
        raise ValidationError({"name": f"{name} is already one of your supervisors."})
    supervisor = PortfolioSupervisor.objects.create(
        application=application, name=name, authorised=bool(authorised), current=bool(current)
    )
    application_touched(application)
    audit_record(
        actor=acting_user,
        action=AuditAction.ADD_SUPERVISOR,
        obj=application,
        after=snapshot(supervisor, ["name", "authorised", "current"]),
    )
    return supervisor


@transaction.atomic
def portfolio_supervisor_remove(
    *, acting_user, supervisor: PortfolioSupervisor, expected_version: int | None = None
) -> None:
    application = supervisor.application
    portfolio_changing(acting_user, application, expected_version)
    before = snapshot(supervisor, ["name", "authorised", "current", "declaration_examples"])
    supervisor.delete()
    application_touched(application)
    audit_record(
        actor=acting_user, action=AuditAction.REMOVE_SUPERVISOR, obj=application, before=before
    )


@transaction.atomic
def portfolio_optional_set(
    *, acting_user, application: Application, include: bool, expected_version: int | None = None
) -> Application:
    """Whether optional outcome 6.5 is evidenced (36 examples in place of 35)."""
    portfolio_changing(acting_user, application, expected_version)
    before = snapshot(application, ["portfolio_include_optional"])
    application.portfolio_include_optional = bool(include)
    version_bump(application)
    application.save(update_fields=["portfolio_include_optional", "version", "updated_at"])
    audit_changes(
        actor=acting_user,
        action=AuditAction.SET_OPTIONAL_OUTCOME,
        obj=application,
        before=before,
        after=snapshot(application, ["portfolio_include_optional"]),
    )
    return application
