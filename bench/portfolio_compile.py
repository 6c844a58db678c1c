"""Benchmark: compiling a full portfolio for assessment (§57), against a naive baseline.

Builds, on a migrated SQLite database with the uploads on disk, an application whose
portfolio has all 36 examples (the optional 6.5 included), each a logbook sheet with one
evidence PDF, about 9 MB of evidence in all (scanned pages: JPEG noise, which does not
compress). Then times, in the same run:

- `rights.exports.compile_portfolio` (the product's path: the rows read through the ORM, the
  files read from storage, two WeasyPrint layouts in all, pypdf copying the evidence in);
- a BASELINE written here (not product code): WeasyPrint lays out each sheet on its own and
  pypdf appends every file one after another.

Both must give the same number of pages, or the run stops. Target: under 10 s.

It also times the live portfolio check as the pages run it on the stored rows
(`rights.selectors.portfolio_check`: the sheets and their evidence in two queries), against a
BASELINE that reads each required example's sheet, its evidence and the supervisors again for
every example (three queries an example). Both must agree. Target: under 50 ms.

    .venv/bin/python -m bench.portfolio_compile              # 3 runs of each
    .venv/bin/python -m bench.portfolio_compile --runs 5

Results are written to bench/results/portfolio_compile.json.
"""

import argparse
import io
import json
import random
import tempfile
import time
from datetime import timedelta

from bench.register_search import ROOT, configure, percentile
from bench.rights_checks import this_run

TARGET_S = 10.0
EVIDENCE_BYTES = 9 * 1024 * 1024


def scanned_pdf(rng: random.Random, size: int) -> bytes:
    """A one-page PDF of a scanned page about `size` bytes long."""
    from PIL import Image

    def page(side: int) -> bytes:
        noise = Image.frombytes("L", (side, side), rng.randbytes(side * side))
        out = io.BytesIO()
        noise.save(out, "PDF", resolution=150, quality=75)
        return out.getvalue()

    guess = 600
    first = page(guess)  # then the side scaled to the size wanted
    return page(int(guess * (size / len(first)) ** 0.5))


def build():
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from touchstone.core.models import Organisation, OrganisationKind, User
    from touchstone.rights import rules, services
    from touchstone.rights.selectors import scheme_today

    rng = random.Random(57)
    regulator = Organisation.objects.create(
        slug="bench", name="Bench Regulator", kind=OrganisationKind.REGULATOR
    )
    user = User.objects.create_user("applicant", first_name="Sam", last_name="Jones")
    application = services.application_start(
        acting_user=user, regulator=regulator, scheme="immigration"
    )
    services.portfolio_optional_set(acting_user=user, application=application, include=True)
    application.refresh_from_db()
    services.portfolio_supervisor_add(
        acting_user=user, application=application, name="Ann Lee", authorised=True, current=True
    )
    scheme = scheme_today("immigration")
    examples = [e for c in scheme.competencies for e in rules.examples_of(c, True)]
    each = EVIDENCE_BYTES // len(examples)
    total = 0
    for n, example in enumerate(examples):
        sheet = services.portfolio_sheet_save(
            acting_user=user,
            application=application,
            example=example,
            kind="logbook",
            matter=f"IMM/{n}",
            document_type=f"Document type {n}",
            explanation="How the work meets each of the outcome's criteria. " * 20,
            reflection="What went well, and what I would do differently. " * 8,
            supervisor="Ann Lee",
        )
        data = scanned_pdf(rng, each)
        total += len(data)
        services.portfolio_evidence_add(
            acting_user=user,
            sheet=sheet,
            description=f"Scanned letter for {example}",
            date=timezone.localdate() - timedelta(days=30 + n),
            kind="client_letter",
            file=SimpleUploadedFile(f"{example}.pdf", data, content_type="application/pdf"),
        )
    return application, len(examples), total


def baseline(application) -> bytes:
    """BASELINE, not product code: each sheet laid out by WeasyPrint on its own, then every
    file appended by pypdf in turn, the contents laid out last."""
    from django.template.loader import render_to_string
    from pypdf import PdfReader, PdfWriter
    from weasyprint import HTML

    from touchstone.rights.exports.portfolio import _item, _ordered
    from touchstone.rights.selectors import portfolio_scheme

    scheme = portfolio_scheme(application, as_of=application.created_at.date())
    titles = {o.code: o.title for c in scheme.competencies for o in c.outcomes}
    items = [_item(s, titles) for group in _ordered(application, scheme) for s in group]
    context = {"application": application, "title": "Portfolio"}
    parts = []
    for item in items:
        html = render_to_string("rights/portfolio_pdf.html", {**context, "items": [item]})
        parts.append(HTML(string=html).write_pdf())
        for evidence, _reader in item.pdfs:
            with evidence.document.file.open("rb") as stored:
                parts.append(stored.read())
    rows = [{"item": i, "page": 0} for i in items]
    contents = render_to_string("rights/portfolio_contents.html", {**context, "rows": rows})
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(HTML(string=contents).write_pdf())))
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def baseline_check(application, as_of) -> dict:
    """BASELINE, not product code: every row read again for each example the scheme asks for."""
    from touchstone.rights.models import PortfolioSheet
    from touchstone.rights.selectors import portfolio_check_for, portfolio_scheme

    scheme = portfolio_scheme(application, as_of=as_of)
    from touchstone.rights import rules

    sheets = []
    for competency in scheme.competencies:
        for example in rules.examples_of(competency, application.portfolio_include_optional):
            sheet = PortfolioSheet.objects.filter(application=application, example=example).first()
            if sheet is not None:
                sheets.append(sheet.as_check_input(list(sheet.evidence.all())))
            supervisors = [s.as_check_input() for s in application.supervisors.all()]
    data = {
        "application_date": as_of.isoformat(),
        "include_optional": application.portfolio_include_optional,
        "supervisors": supervisors,
        "sheets": sheets,
    }
    return portfolio_check_for(application.scheme, data)


def timed(run, runs: int) -> tuple[dict, bytes]:
    result = run()  # once untimed: fonts loaded, as in a running worker
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    row = {
        "runs": runs,
        "p50_s": round(percentile(times, 50), 5),
        "p95_s": round(percentile(times, 95), 5),
        "max_s": round(max(times), 5),
    }
    return row, result


def _ms(row: dict) -> dict:
    return {
        "runs": row["runs"],
        **{f"{key}_ms": round(row[f"{key}_s"] * 1000, 2) for key in ("p50", "p95", "max")},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    configure("sqlite")
    from django.test import override_settings
    from pypdf import PdfReader

    with override_settings(MEDIA_ROOT=tempfile.mkdtemp(prefix="touchstone-bench-media-")):
        from touchstone.rights.exports import compile_portfolio

        application, sheets, evidence = build()
        real, compiled = timed(lambda: compile_portfolio(application), args.runs)
        naive, base = timed(lambda: baseline(application), args.runs)
        from django.utils import timezone

        from touchstone.rights.selectors import portfolio_check

        today = timezone.localdate()
        live, checked = timed(lambda: portfolio_check(application, as_of=today), 100)
        again, rechecked = timed(lambda: baseline_check(application, today), 100)
    if checked != rechecked or not checked["complete"]:
        raise SystemExit("the baseline check disagrees, or the portfolio is not complete")
    pages = len(PdfReader(io.BytesIO(compiled.data)).pages)
    base_pages = len(PdfReader(io.BytesIO(base)).pages)
    if compiled.content_type != "application/pdf" or pages != base_pages:
        raise SystemExit(f"the baseline disagrees: {pages} pages against {base_pages}")
    result = {
        **this_run(),
        "portfolio": {
            "sheets": sheets,
            "evidence_mb": round(evidence / 1024 / 1024, 2),
            "pages": pages,
            "output_mb": round(len(compiled.data) / 1024 / 1024, 2),
        },
        "target_s": TARGET_S,
        "compile_portfolio": real,
        "baseline": naive,
        "met": real["max_s"] < TARGET_S,
        "check_target_p95_ms": 50.0,
        "portfolio_check": _ms(live),
        "baseline_check": _ms(again),
        "check_met": live["p95_s"] * 1000 < 50.0,
    }
    out = ROOT / "bench" / "results" / "portfolio_compile.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
