"""Step 1, technical knowledge (§12-16): the accredited qualifications a scheme names (§14),
each with a code made from its name, and what an applicant's evidence still lacks before it
can be submitted. Pure: the caller passes the scheme's list and the evidence as it stands."""

import re
from collections.abc import Iterable

ROUTES = {
    "accredited": "An accredited qualification (handbook §14)",
    "recognition": "Recognition of my prior legal qualifications (handbook §15-16)",
}
_NOT_CODE = re.compile(r"[^a-z0-9]+")


def qualification_code(name: str) -> str:
    """A stable code for a qualification the scheme names only in words:
    "CILEX Professional Qualification (CPQ)" → "cilex-professional-qualification-cpq"."""
    return _NOT_CODE.sub("-", name.lower()).strip("-")[:80]


def accredited_qualifications(listed: Iterable) -> tuple[tuple[str, str], ...]:
    """(code, name) for each qualification the scheme lists: a name, or {code, name}."""
    found = []
    for item in listed or ():
        if isinstance(item, dict):
            found.append((str(item["code"]), str(item["name"])))
        else:
            found.append((qualification_code(str(item)), str(item)))
    return tuple(found)


def knowledge_missing(
    *,
    route: str,
    qualification: str,
    description: str,
    has_document: bool,
    qualifications: Iterable[str],
) -> list[str]:
    """What the evidence lacks before it can be submitted, as sentences, in the page's order
    (none: it can be submitted). `qualifications` are the codes the scheme accepts."""
    if route not in ROUTES:
        return ["Choose whether you have an accredited qualification or ask for recognition."]
    missing = []
    if route == "accredited":
        if not qualification:
            missing.append("Choose your accredited qualification.")
        elif qualification not in set(qualifications):
            missing.append("Choose one of the accredited qualifications the scheme lists.")
        if not has_document:
            missing.append("Upload your certificate.")
    else:
        if not (description or "").strip():
            missing.append("Describe the legal qualifications you want recognised.")
        if not has_document:
            missing.append("Upload at least one document showing your qualifications.")
    return missing
