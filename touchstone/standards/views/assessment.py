"""The self-assessment on screen, in the framework's own layout: one heading's standards a
page (its section, heading and guidance; each standard's number and text, the Complied answer,
a note, its evidence and its equivalents in the other frameworks), saved with the page's
button, with or without JavaScript; evidence per standard; the submission through a
confirmation page; and the result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from touchstone.core.web import change_page, confirm_page, confirmed, posted, upload_response
from touchstone.core.writes import stale_page, submit_once
from touchstone.standards import services
from touchstone.standards.forms import AnswersForm, EvidenceForm
from touchstone.standards.models import AssessmentKind, Evidence
from touchstone.standards.selectors import assessment_for, assessment_sheet


def assessment_or_404(user, pk: int):
    found = assessment_for(user, pk)
    if found is None:
        raise Http404("No such assessment")
    return found


def _answerable(request, assessment) -> bool:
    return not assessment.closed and request.user.has_perm(
        "standards.answer_assessment", assessment
    )


def _part(request, sheet) -> int:
    try:
        part = int(request.GET.get("part", "1"))
    except ValueError:
        part = 1
    return min(max(part, 1), max(len(sheet.headings), 1))


def _initial(heading, version: int) -> dict:
    initial = {"version": version}
    for row in heading.rows:
        number = row.answer.number
        initial[f"answer-{number}"] = row.answer.answer
        initial[f"note-{number}"] = row.answer.note
        initial[f"confirm-{number}"] = row.answer.reconfirmed
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def assessment_sheet_page(request, pk: int):
    assessment = assessment_or_404(request.user, pk)
    sheet = assessment_sheet(assessment)
    part = _part(request, sheet)
    heading = sheet.headings[part - 1]
    answerable = _answerable(request, assessment)
    if request.method == "POST" and not answerable:
        raise Http404("No such assessment")
    renewal = assessment.kind == AssessmentKind.RENEWAL
    form = AnswersForm(
        posted(request),
        rows=heading.rows,
        renewal=renewal,
        initial=_initial(heading, assessment.version),
    )
    here = reverse("standards:assessment", args=[assessment.pk])
    after = part + 1 if "continue" in request.POST and part < len(sheet.headings) else part
    context = {
        "assessment": assessment,
        "accreditation": assessment.accreditation,
        "sheet": sheet,
        "heading": heading,
        "part": part,
        "parts": [(i, h) for i, h in enumerate(sheet.headings, start=1)],
        "answerable": answerable,
        "renewal": renewal,
        "fields": [
            (
                row,
                form[f"answer-{row.answer.number}"],
                form[f"note-{row.answer.number}"],
                form[f"confirm-{row.answer.number}"] if renewal else None,
            )
            for row in heading.rows
        ],
        "last": part == len(sheet.headings),
    }
    return change_page(
        request,
        form=form,
        apply=lambda data: services.assessment_answers_save(
            acting_user=request.user,
            assessment=assessment,
            answers=form.answers(),
            expected_version=data["version"],
        ),
        done=f"Answers to “{heading.title}” saved.",
        success_url=f"{here}?part={after}",
        template="standards/accreditation_assessment.html",
        context=context,
        stale=lambda exc: stale_page(
            request,
            error=exc,
            form=form,
            current=_initial(heading, exc.current.version),
            title=f"Answers to “{heading.title}”",
            cancel_url=f"{here}?part={part}",
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment_evidence(request, pk: int, number: int):
    assessment = assessment_or_404(request.user, pk)
    if not _answerable(request, assessment):
        raise Http404("No such assessment")
    answer = assessment.answers.filter(number=number).first()
    if answer is None:
        raise Http404("No such standard")
    part = request.GET.get("part", "1")
    back = reverse("standards:assessment", args=[assessment.pk]) + f"?part={part}"
    form = EvidenceForm(posted(request), request.FILES or None)
    return change_page(
        request,
        form=form,
        apply=lambda data: services.assessment_evidence_add(
            acting_user=request.user, assessment=assessment, number=number, file=data["file"]
        ),
        done=f"Evidence for standard {number} added.",
        success_url=back,
        template="standards/accreditation_evidence.html",
        context={"assessment": assessment, "answer": answer, "back": back},
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment_submit(request, pk: int):
    assessment = assessment_or_404(request.user, pk)
    if not _answerable(request, assessment):
        raise Http404("No such assessment")
    sheet = assessment_sheet(assessment)
    back = reverse("standards:assessment", args=[assessment.pk])
    errors = []
    if confirmed(request):

        def write():
            services.assessment_submit(
                acting_user=request.user,
                assessment=assessment,
                expected_version=int(request.POST.get("version") or 0) or None,
            )
            return redirect("standards:assessment-result", assessment.pk)

        try:
            return submit_once(request, write)
        except ValidationError as exc:
            errors = [{"text": message, "href": "#main-content"} for message in exc.messages]
    invoice = assessment.invoice
    return confirm_page(
        request,
        title="Submit your self-assessment",
        caption=str(assessment.accreditation.provider),
        confirm="Submit the assessment",
        cancel_url=back,
        fields={"version": assessment.version},
        errors=errors,
        status=400 if errors else 200,
        rows=[
            {"key": "Standards answered", "value": f"{sheet.answered} of {sheet.total}"},
            {
                "key": "Fee",
                "value": f"£{assessment.fee} (invoice {invoice.number}, "
                + ("paid)" if invoice.paid else "not yet paid)"),
            },
        ]
        + (
            [{"key": "Still to re-confirm", "value": ", ".join(map(str, sheet.unconfirmed))}]
            if sheet.unconfirmed
            else []
        ),
        notes=[
            "Fully compliant: registered for 12 months. Not yet: provisionally registered, "
            "with 7 months to show compliance with every standard."
        ],
    )


@login_required
@require_http_methods(["GET"])
def assessment_result(request, pk: int):
    assessment = assessment_or_404(request.user, pk)
    if not assessment.submitted_on:
        messages.info(request, "This assessment has not been submitted yet.")
        return redirect("standards:assessment", assessment.pk)
    return render(
        request,
        "standards/accreditation_result.html",
        {"assessment": assessment, "accreditation": assessment.accreditation},
    )


@login_required
@require_http_methods(["GET"])
def assessment_evidence_file(request, pk: int, evidence_pk: int):
    """A document given as evidence, for those who may see the assessment."""
    assessment = assessment_or_404(request.user, pk)
    evidence = (
        Evidence.objects.select_related("upload")
        .filter(pk=evidence_pk, answer__assessment=assessment)
        .first()
    )
    if evidence is None:
        raise Http404("No such document")
    return upload_response(evidence.upload)
