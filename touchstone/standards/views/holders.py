"""Public verification of a holder, and the holder's certificate. Anyone may look a provider
up by name and see whether it holds the framework's accreditation (its name, status and
registered-until date, nothing else); a registered provider's users and the standards body's
staff download its certificate, the one document that entitles it to show the logo."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from touchstone.core.pdf import render_pdf
from touchstone.standards.selectors import has_accreditation_scheme, holders_public
from touchstone.standards.selectors import holder_certificate as may_show_logo
from touchstone.standards.selectors.holders import MAX_QUERY
from touchstone.standards.views.accreditation import accreditation_or_404
from touchstone.standards.views.common import current_framework_or_404

PAGE_SIZE = 25


@require_GET
def holders(request, ref_id: str):
    framework = current_framework_or_404(ref_id)
    if not has_accreditation_scheme(ref_id):
        raise Http404("The framework has no accreditation scheme")
    q = " ".join(request.GET.get("q", "").split())[:MAX_QUERY]
    found = holders_public(framework_ref=ref_id, q=q, as_of=timezone.localdate())
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    response = render(
        request,
        "standards/holders.html",
        {"framework": framework, "q": q, "page": page, "asked": "q" in request.GET},
    )
    if not request.user.is_authenticated:
        response["Cache-Control"] = "public, max-age=60"
    return response


@login_required
@require_GET
def certificate(request, pk: int):
    accreditation = accreditation_or_404(request.user, pk)
    today = timezone.localdate()
    if not may_show_logo(accreditation, as_of=today):
        raise Http404("Only a registered provider has a certificate")
    pdf = render_pdf(
        "standards/certificate.html", {"accreditation": accreditation, "issued_on": today}
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"{accreditation.framework_ref}-certificate-{accreditation.provider.slug}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
