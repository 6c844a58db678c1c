"""Step 4, the application (§58-64): what it needs before it can be submitted, each as a
sentence naming the paragraph it comes from. Pure: the caller passes each step's state, the
portfolio check's verdict and the dates."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from .references import reference_reusable
from .scheme import Scheme


@dataclass(frozen=True)
class Needed:
    code: str
    message: str


def application_missing(
    *,
    knowledge_state: str,
    experience_state: str,
    portfolio_complete: bool,
    portfolio_errors: int,
    reference_given_on: date | None,
    application_date: date,
    reuse_months: int | None,
    form_complete: bool = True,
) -> list[Needed]:
    """What the application still needs (none: it can be submitted), in the page's order:
    technical knowledge and qualifying experience confirmed (§58), the portfolio complete (§59),
    and a supervisor's reference dated less than `reuse_months` before the application date, or
    a new one (§62)."""
    needed = []
    if not form_complete:
        needed.append(Needed("FORM_INCOMPLETE", "Complete the application form (handbook §59)."))
    if knowledge_state != "met":
        needed.append(
            Needed("KNOWLEDGE_NOT_MET", "Your technical knowledge must be confirmed first (§12).")
        )
    if experience_state != "met":
        needed.append(
            Needed(
                "EXPERIENCE_NOT_MET",
                "We must first confirm your qualifying experience meets the requirement "
                "(handbook §58).",
            )
        )
    if not portfolio_complete:
        count = f"{portfolio_errors} thing{'' if portfolio_errors == 1 else 's'}"
        needed.append(
            Needed(
                "PORTFOLIO_INCOMPLETE",
                f"Your portfolio is not complete: {count} to put right (handbook §59).",
            )
        )
    months = reuse_months or 0
    if reference_given_on is None:
        needed.append(
            Needed("REFERENCE_MISSING", "A reference from your supervisor is needed (§59, §62).")
        )
    elif not months or not reference_reusable(
        given_on=reference_given_on, application_date=application_date, months=months
    ):
        needed.append(
            Needed(
                "REFERENCE_TOO_OLD",
                f"Your supervisor's reference must be dated less than {months} months before "
                "the application: ask for a new one (handbook §62).",
            )
        )
    return needed


@dataclass(frozen=True)
class Fee:
    code: str
    name: str
    paragraph: str
    amount: Decimal | None  # None: the regulator has not set it (to be confirmed)


def scheme_fee(scheme: Scheme, code: str) -> Fee | None:
    """The scheme's fee `code` (§21's qualifying-experience assessment, §60's application
    assessment), or None when the scheme charges none of that name."""
    for fee in dict(scheme.facts).get("fees") or ():
        if fee.get("code") == code:
            try:
                amount = None if fee.get("amount") is None else Decimal(str(fee["amount"]))
            except InvalidOperation:
                amount = None
            name = str(fee.get("name") or code)
            return Fee(code, name, str(fee.get("paragraph") or ""), amount)
    return None


@dataclass(frozen=True)
class Question:
    code: str
    label: str
    kind: str = "text"  # "text", "textarea", "phone" or "yes_no"
    hint: str = ""
    required: bool = True


# The application form (§59: "a completed ... Application Form"): how to reach the applicant,
# where they work, and what the regulator must know of their character and suitability.
APPLICATION_FORM = (
    Question("address", "Your address for letters", "textarea"),
    Question("phone", "Your telephone number", "phone", "A UK number, like 01632 960 001."),
    Question("employer", "Your employer"),
    Question("job_title", "Your job title"),
    Question(
        "membership_number",
        "Your CILEX membership number",
        hint="Leave this blank if you are not a member.",
        required=False,
    ),
    Question(
        "character",
        "Have you been convicted of a criminal offence, been the subject of disciplinary "
        "proceedings by a professional or regulatory body, or been refused admission by one?",
        "yes_no",
    ),
    Question(
        "character_details",
        "Give the details",
        "textarea",
        "What happened, when, and the outcome.",
        required=False,
    ),
)
TEXT_LIMIT = 2000


def form_errors(answers: dict, *, phone_ok: Callable[[str], bool]) -> dict[str, str]:
    """What is wrong with the application form's answers, by question (none: complete);
    `phone_ok` says whether a telephone number reads as one (`core.inputs`)."""
    errors = {}
    for q in APPLICATION_FORM:
        value = answers.get(q.code)
        text = value.strip() if isinstance(value, str) else ""
        if len(text) > TEXT_LIMIT:
            errors[q.code] = f"Use {TEXT_LIMIT} characters or fewer."
        elif not text and q.required:
            errors[q.code] = (
                "Answer yes or no."
                if q.kind == "yes_no"
                else f"Enter {q.label[0].lower()}{q.label[1:]}."
            )
        elif q.kind == "yes_no" and text not in ("yes", "no"):
            errors[q.code] = "Answer yes or no."
        elif q.kind == "phone" and text and not phone_ok(text):
            errors[q.code] = "Enter a telephone number, like 01632 960 001 or +44 7700 900 982."
    if (
        answers.get("character") == "yes"
        and not str(answers.get("character_details") or "").strip()
    ):
        errors["character_details"] = "Give the details of what happened."
    return errors
