"""The decision letters of steps 1 and 2, as downloads: for the applicant and the regulator's
officers; anyone else, and any other file, is told there is no such page."""

from django.contrib.auth.decorators import login_required
from django.http import Http404

from touchstone.core.web import upload_response
from touchstone.rights.selectors import letter_for


@login_required
def letter(request, pk: int, upload):
    found = letter_for(request.user, pk, upload)
    if found is None:
        raise Http404("No such letter")
    return upload_response(found.upload)
