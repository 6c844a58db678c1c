"""The declarations the applicant and the supervisor sign once the fee is paid (§47, §52 and
"How will my application be assessed?" 1): the exact words each signs, naming the application
and every example in the portfolio, and the SHA-256 kept of them. Pure: the caller passes the
names, the application's reference and the sheets."""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Example:
    example: str  # "1.1(2)" or "2.3"
    matter: str  # the matter, or "Personal statement"


def _listed(examples: Sequence[Example]) -> list[str]:
    return [f"- {e.example}: {e.matter}" for e in examples]


def declaration_statement(
    *,
    role: str,
    signer: str,
    applicant: str,
    title: str,
    reference: str,
    submitted_on: date,
    scheme_version: str,
    examples: Sequence[Example],
) -> str:
    """The words `signer` signs as the applicant or the supervisor (`role`) of `applicant`'s
    application `reference` to become a `title`, with its examples in the portfolio's order."""
    head = (
        f"Application {reference} to become a {title}, made by {applicant} on "
        f"{submitted_on.day} {submitted_on:%B %Y} under version {scheme_version} of the scheme."
    )
    if role == "applicant":
        body = [
            f"I, {signer}, declare that:",
            "- the work in my portfolio, listed below, is my own (handbook §47);",
            "- the information I have given in this application is true and complete; and",
            "- I will tell the regulator at once if any of it changes before a decision.",
        ]
    elif role == "supervisor":
        body = [
            f"I, {signer}, declare that:",
            f"- the work in {applicant}'s portfolio, listed below, is their own and was done "
            "under my supervision (handbook §52); and",
            "- the reference I gave in support of this application is true.",
        ]
    else:
        raise ValueError(f"unknown role {role!r}")
    return "\n".join([head, "", *body, "", "The examples in the portfolio:", *_listed(examples)])


def statement_sha256(statement: str) -> str:
    """The hex SHA-256 of the statement's UTF-8 bytes: what is kept as proof of what was signed
    (anyone can recompute it from the text shown)."""
    return hashlib.sha256(statement.encode("utf-8")).hexdigest()


def signed_name_matches(typed: str, expected: str) -> bool:
    """The name typed to sign is the name the declaration was sent to (case and spacing aside)."""
    return " ".join(typed.casefold().split()) == " ".join(expected.casefold().split())
