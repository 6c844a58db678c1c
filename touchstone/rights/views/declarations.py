"""Step 4's declarations: the applicant and the supervisor each sign theirs through the emailed
link, with no account, reading the exact words kept (and their SHA-256)."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from touchstone.core.inputs import client_ip
from touchstone.core.selectors import access_link_open
from touchstone.core.services import LinkRefused
from touchstone.core.web import posted
from touchstone.core.writes import add_service_errors
from touchstone.rights import services
from touchstone.rights.forms import DeclarationSignForm
from touchstone.rights.selectors import declaration_for_link
from touchstone.rights.services.declarations import PURPOSE, application_reference
from touchstone.rights.views.references import _private


def _refused(request, exc: LinkRefused):
    status = 404 if exc.reason == "unknown" else 410
    return _private(
        render(request, "rights/declaration_refused.html", {"message": str(exc)}, status=status)
    )


@never_cache
@require_http_methods(["GET", "POST"])
def declaration_sign(request, token: str):
    try:
        link = access_link_open(token, PURPOSE)
    except LinkRefused as exc:
        return _refused(request, exc)
    declaration = declaration_for_link(link)
    application = declaration.application
    form = DeclarationSignForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.declaration_sign(
                token=token,
                signed_name=form.cleaned_data["signed_name"],
                confirms=form.cleaned_data["confirms"],
                ip=client_ip(request),
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
            )
        except LinkRefused as exc:
            return _refused(request, exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _private(redirect("rights:declaration-signed"))
    return _private(
        render(
            request,
            "rights/declaration_sign.html",
            {
                "form": form,
                "declaration": declaration,
                "regulator": application.regulator,
                "reference": application_reference(application),
                "expires_at": link.expires_at,
            },
            status=400 if request.method == "POST" else 200,
        )
    )


@never_cache
def declaration_signed(request):
    return _private(render(request, "rights/declaration_signed.html"))
