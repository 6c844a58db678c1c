"""Coverage through the mappings, as pages anyone can read: which of a framework's standards
an accreditation already held covers (a provider's starting point for its self-assessment),
and, for a standards officer, each clause of that accreditation with the standards mapped to
it."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from touchstone.standards.forms import CoverageForm
from touchstone.standards.selectors import (
    UnknownFramework,
    clauses_mapped,
    coverage,
    coverage_targets,
)
from touchstone.standards.views.common import current_framework_or_404


@require_GET
def framework_coverage(request, ref_id: str):
    framework = current_framework_or_404(ref_id)
    targets = coverage_targets(framework)
    if not targets:
        raise Http404("The framework is mapped to no other")
    form = CoverageForm(request.GET or None, targets=targets)
    found = coverage(framework, form.cleaned_data["held"]) if form.is_valid() else None
    return render(
        request,
        "standards/coverage.html",
        {"framework": framework, "form": form, "coverage": found, "targets": targets},
    )


@require_GET
def clauses_mapped_to(request, held_ref_id: str, ref_id: str):
    held = current_framework_or_404(held_ref_id)
    try:
        framework, clauses = clauses_mapped(held, ref_id)
    except UnknownFramework as exc:
        raise Http404("No mappings between these frameworks") from exc
    return render(
        request,
        "standards/clauses_mapped.html",
        {
            "framework": framework,
            "held": held,
            "clauses": clauses,
            "unmapped": sum(1 for clause in clauses if not clause.standards),
        },
    )
