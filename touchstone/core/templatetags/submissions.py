"""`{% submission_token %}`: the one-time token every state-changing form carries, so the
write it asks for is made once however often the form is sent (see `core.writes`)."""

from django import template
from django.utils.html import format_html

from touchstone.core.writes import TOKEN_FIELD, new_token

register = template.Library()


@register.simple_tag
def submission_token() -> str:
    return format_html('<input type="hidden" name="{}" value="{}">', TOKEN_FIELD, new_token())
