"""The web complaint form's pages, in order, and what its answers say: which pages are still
to be answered, and the complaint in words as the case keeps it. Standard library only."""

PAGES = (
    ("you", "Your details"),
    ("for-whom", "Who the complaint is for"),
    ("provider", "Who you are complaining about"),
    ("what-happened", "What happened"),
    ("complained-first", "Complaining to the provider first"),
    ("outcome", "What you would like to happen"),
)
PAGE_NAMES = dict(PAGES)
OPTIONAL_PAGES = ("evidence",)  # documents are welcome, not required


def missing_pages(answers: dict) -> list[str]:
    """The pages not answered yet, by their titles, in the form's order."""
    return [title for page, title in PAGES if not answers.get(page)]


def next_page(answers: dict) -> str:
    """The first page not answered, or "check" when every page is."""
    for page, _title in PAGES:
        if not answers.get(page):
            return page
    return "check"


def summary_text(answers: dict, remedy_names: dict | None = None) -> str:
    """The complaint as sent, in words: the first entry of the case's correspondence."""
    remedy_names = remedy_names or {}
    what, first = answers["what-happened"], answers["complained-first"]
    wanted = answers["outcome"]
    lines = [
        f"What happened (from {what['happened_on']}):",
        what["what_happened"],
        "",
        "Complained to the provider first: "
        + (f"yes, on {first['complained_on']}" if first["complained_first"] == "yes" else "no"),
        "Would like: "
        + ", ".join(remedy_names.get(code, code) for code in wanted.get("remedies", [])),
    ]
    if wanted.get("details"):
        lines.append(wanted["details"])
    return "\n".join(lines)
