from django import forms
from django.contrib.auth.forms import AuthenticationForm

from touchstone.core.services import login_attempt_record, login_is_locked


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


class ThrottledAuthenticationForm(AuthenticationForm):
    """Sign-in that refuses further attempts after repeated failures (per username and address)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": ("Too many failed sign-in attempts. Wait 15 minutes before trying again."),
    }

    def clean(self):
        username = (self.data.get("username") or "").strip()
        ip_address = client_ip(self.request) if self.request else None
        if username and login_is_locked(username=username, ip_address=ip_address):
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                login_attempt_record(username=username, ip_address=ip_address, succeeded=False)
            raise
        login_attempt_record(username=username, ip_address=ip_address, succeeded=True)
        return cleaned
