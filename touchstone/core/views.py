from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from touchstone.core.forms import ThrottledAuthenticationForm
from touchstone.core.home import CORE_PANEL_KEYS, panels_for
from touchstone.core.inputs import local_redirect_target, parse_id
from touchstone.core.middleware import ActiveOrganisationMiddleware
from touchstone.core.selectors import (
    api_token_created,
    described_changes,
    history_for_object,
    job_for_user,
    model_in_words,
    notifications_for_user,
)
from touchstone.core.services import (
    api_token_create,
    api_token_revoke,
    notifications_mark_read,
)


def home(request):
    if not request.user.is_authenticated:
        return render(request, "core/landing.html")
    panels = panels_for(request)
    context = {
        "panels": panels,
        # Only core's own panels: nothing here for this user's job yet.
        "nothing_for_you": all(p.key in CORE_PANEL_KEYS for p in panels),
    }
    return render(request, "core/home.html", context)


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True


@require_POST
@login_required
def switch_organisation(request):
    wanted = request.POST.get("organisation")
    allowed = {str(o.pk): o for o in request.organisations}
    if wanted not in allowed:
        raise PermissionDenied("You are not a member of that organisation.")
    request.session[ActiveOrganisationMiddleware.SESSION_KEY] = int(wanted)
    messages.success(request, f"You are now working as {allowed[wanted].name}.")
    return redirect("core:home")  # never back to a page of the organisation left behind


@login_required
def history(request, app_label: str, model_name: str, pk: str):
    """The audit history of any object the user may view (rule `<app>.view_<model>`)."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404("No such kind of record.") from exc
    key = parse_id(pk)
    obj = model._default_manager.filter(pk=key).first() if key is not None else None
    if obj is None or not request.user.has_perm(f"{app_label}.view_{model_name}", obj):
        raise Http404("No such record.")
    page = Paginator(history_for_object(obj).select_related("actor"), 50).get_page(
        request.GET.get("page")
    )
    events = list(page.object_list)
    return render(
        request,
        "core/history.html",
        {
            "object": obj,
            "kind": model_in_words(model),
            "page": page,
            "events": zip(events, described_changes(model, events), strict=True),
            "back": local_redirect_target(request, request.GET.get("back"), ""),
        },
    )


@login_required
def notifications(request):
    if request.method == "POST":
        notifications_mark_read(user=request.user)
        messages.success(request, "All notifications marked as read.")
        return redirect("core:notifications")
    page = Paginator(notifications_for_user(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "core/notifications.html", {"page": page})


@login_required
def job_detail(request, job_id):
    job = job_for_user(request.user, job_id)
    if job is None:
        raise Http404("No such job.")
    template = "core/job.html#status" if request.htmx else "core/job.html"
    return render(request, template, {"job": job})


@login_required
def job_download(request, job_id):
    job = job_for_user(request.user, job_id)
    if job is None or job.result is None:
        raise Http404("No such file.")
    response = HttpResponse(bytes(job.result), content_type=job.result_content_type)
    response["Content-Disposition"] = f'attachment; filename="{job.result_name}"'
    return response


@login_required
def api_token(request):
    """The signed-in user's API token: create (or replace) it, shown on this response only,
    or revoke it."""
    new_key = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            if api_token_revoke(acting_user=request.user):
                messages.success(request, "Your API token is revoked: it no longer works.")
            return redirect("core:api-token")
        new_key = api_token_create(acting_user=request.user)
    return render(
        request,
        "core/api_token.html",
        {"new_key": new_key, "created": api_token_created(request.user)},
    )


ABOUT_PAGES = ("accessibility", "privacy", "contact")


def about_page(request, page: str):
    """The accessibility statement, privacy notice and contact page, for whoever runs the
    service (`TOUCHSTONE_OPERATOR_NAME`, `TOUCHSTONE_CONTACT_EMAIL`)."""
    if page not in ABOUT_PAGES:
        raise Http404(page)
    context = {
        "operator": settings.TOUCHSTONE_OPERATOR_NAME,
        "contact_email": settings.TOUCHSTONE_CONTACT_EMAIL,
        "login_attempts_kept_days": settings.TOUCHSTONE_LOGIN_ATTEMPTS_KEPT_DAYS,
    }
    return render(request, f"core/about/{page}.html", context)
