"""The complaint form's answers as GOV.UK summary-list rows, each with its Change link back to
its page (`?change=1` returns to check your answers once it is answered again)."""

from datetime import date

from django.urls import reverse

from touchstone.casework.selectors import scheme_data


def _date(value: str) -> str:
    if not value:
        return ""
    day = date.fromisoformat(value)
    return f"{day.day} {day:%B %Y}"


def _change(page: str) -> str:
    if page == "provider":
        return reverse("casework:complain-provider") + "?change=1"
    return reverse("casework:complain-page", args=[page]) + "?change=1"


def check_rows(answers: dict) -> list[dict]:
    you, for_whom, about = answers["you"], answers["for-whom"], answers["provider"]
    what, first, wanted = answers["what-happened"], answers["complained-first"], answers["outcome"]
    remedies = {r["code"]: r["name"] for r in scheme_data("ombudsman")["remedies"]}
    provider = about["name"]
    if about.get("number"):
        provider = f"{provider} ({about['number']}, on the register)"
    else:
        provider = f"{provider} (not on the register)"
    rows = [
        ("Name", you["name"], "you"),
        ("Email address", you["email"], "you"),
        ("Telephone number", you.get("phone") or "Not given", "you"),
        ("Postal address", you.get("address") or "Not given", "you"),
        (
            "Who the complaint is for",
            f"{for_whom['on_behalf_of']} (I represent them)"
            if for_whom["acting"] == "representative"
            else "Myself",
            "for-whom",
        ),
        ("Who you are complaining about", provider, "provider"),
        ("What happened", what["what_happened"], "what-happened"),
        ("When it happened", _date(what["happened_on"]), "what-happened"),
        ("The legal work", what.get("area_of_law") or "Not given", "what-happened"),
        (
            "Complained to the provider first",
            f"Yes, on {_date(first['complained_on'])}"
            if first["complained_first"] == "yes"
            else "No",
            "complained-first",
        ),
        (
            "What you would like to happen",
            ", ".join(remedies.get(code, code) for code in wanted["remedies"]),
            "outcome",
        ),
        ("More about it", wanted.get("details") or "Nothing more", "outcome"),
    ]
    return [
        {"key": key, "value": value, "change": _change(page), "page": page}
        for key, value, page in rows
    ]
