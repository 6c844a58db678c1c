"""What the standards pages share."""

from django.http import Http404

from touchstone.standards.selectors import UnknownFramework, framework_current


def current_framework_or_404(ref_id: str):
    """The framework's current edition; a framework not held is a page not found."""
    try:
        return framework_current(ref_id)
    except UnknownFramework as exc:
        raise Http404("No such framework") from exc
