"""Demo applications for practice rights (deterministic): applicants at each point of step 2,
qualifying experience, with their supervisors' references (given by a member on the demo
register, so the check against the register finds them; the draft one still waiting). For step
1, technical knowledge, three have an accredited qualification with a PDF certificate,
confirmed by the officer; `applicant` has asked for recognition of prior qualifications,
waiting for an officer."""

from datetime import timedelta

from django.core.exceptions import ObjectDoesNotExist
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from touchstone.core.demo import DEMO_PASSWORD
from touchstone.core.models import Organisation, User
from touchstone.core.pdf import simple_pdf
from touchstone.core.services import user_create
from touchstone.register.selectors import public_get
from touchstone.rights.models import Application
from touchstone.rights.services import (
    application_start,
    experience_decide,
    experience_period_add,
    experience_submit,
    knowledge_decide,
    knowledge_evidence_set,
    knowledge_submit,
    reference_give,
    reference_request,
)

OFFICER = "officer"  # core's demo officer at the regulator
# username, first and last name, what happens, hours of the work going on now
APPLICANTS = [
    ("applicant", "Asha", "Patel", "draft", 900),
    ("applicant-submitted", "Ben", "Okafor", "submitted", 1500),
    ("applicant-referred", "Cara", "Nowak", "referred", 1800),
    ("applicant-met", "Dev", "Singh", "met", 2400),
]


COMMENTS = [
    ("supervision", "I have supervised their immigration casework day to day since they joined."),
    ("knowledge", "Sound knowledge of the Immigration Rules; two years in this work."),
    ("independence", "Runs their own caseload, asking for help where they should."),
    ("competence", "Accurate, timely applications and well-reasoned advice."),
    ("suitability", "I have no reservations about their suitability."),
]


def _supervisor(regulator: Organisation) -> tuple[str, str]:
    """A member of the demo register authorised to practise, as the public register shows
    them: the supervisor named and the number they give (a solicitor's number, not on this
    register, when it has no such member)."""
    today = timezone.localdate()
    for n in range(50):  # the register's demo numbers its members 100000, 100007, …
        try:
            member = public_get(f"{100000 + n * 7}", as_of=today)
        except ObjectDoesNotExist:
            break
        if member.status.authorised and member.regulator_id == regulator.pk:
            return member.name, member.number
    return "Ann Lee", "S123456"


def load(stdout) -> None:
    regulator = Organisation.objects.filter(slug="ips").first()
    officer = User.objects.filter(username=OFFICER).first()
    if regulator is None or officer is None or Application.objects.exists():
        stdout.write("rights: demo applications already there (or no regulator)")
        return
    _generate(regulator, officer)
    stdout.write(
        f"rights: {len(APPLICANTS)} demo applications; sign in as "
        + ", ".join(username for username, *_ in APPLICANTS)
    )


@transaction.atomic
def _generate(regulator: Organisation, officer: User) -> None:
    today = timezone.localdate()
    supervisor = _supervisor(regulator)
    for username, first, last, state, hours in APPLICANTS:
        user = User.objects.filter(username=username).first() or user_create(
            acting_user=None,
            username=username,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            email=f"{username}@touchstone.invalid",
        )
        application = application_start(acting_user=user, regulator=regulator, scheme="immigration")
        experience_period_add(
            acting_user=user,
            application=application,
            kind="lpc",
            start=today - timedelta(days=1700),
            end=today - timedelta(days=1450),
            passed=True,
            employer="University of Law",
        )
        experience_period_add(
            acting_user=user,
            application=application,
            kind="work",
            start=today - timedelta(days=700),
            end=None,
            hours=hours,
            tasks=["taking_instructions", "advising", "drafting", "correspondence"],
            employer=f"{last} Immigration Law",
            role="Paralegal",
        )
        _knowledge(user, application, officer, recognition=state == "draft")
        reference = reference_request(
            acting_user=user,
            application=application,
            name=supervisor[0],
            email=f"{supervisor[0].split()[0].lower()}.supervisor@touchstone.invalid",
        )
        if state == "draft":
            continue
        reference_give(
            token=reference.link_token,
            ip_address="127.0.0.1",
            qualification="Chartered Legal Executive",
            membership_number=supervisor[1],
            employer=f"{last} Immigration Law",
            job_title="Supervising partner",
            confirms_authorised=True,
            comments={code: words for code, words in COMMENTS},
        )
        experience_submit(acting_user=user, application=application)
        if state == "referred":
            experience_decide(
                acting_user=officer,
                application=application,
                action="refer",
                reasons="The roles described do not show clearly which tasks were done.",
                hearing_on=today + timedelta(days=21),
            )
        elif state == "met":
            experience_decide(acting_user=officer, application=application, action="meets")


CPQ = "cilex-professional-qualification-cpq"


def _knowledge(user: User, application: Application, officer: User, *, recognition: bool) -> None:
    """Step 1: a CPQ certificate the officer has confirmed, or a request for recognition."""
    name = user.get_full_name()
    if recognition:
        knowledge_evidence_set(
            acting_user=user,
            application=application,
            route="recognition",
            description="LLB (Hons) Law, University of Leeds, 2012; "
            "LLM Immigration Law, SOAS University of London, 2014.",
            file=_pdf("transcript.pdf", ["Academic transcript", name, "LLB (Hons) Law, 2012"]),
        )
        knowledge_submit(acting_user=user, application=application)
        return
    knowledge_evidence_set(
        acting_user=user,
        application=application,
        route="accredited",
        qualification=CPQ,
        file=_pdf(
            "CPQ certificate.pdf",
            ["CILEX Professional Qualification (CPQ)", "This certifies that", name],
        ),
    )
    knowledge_submit(acting_user=user, application=application)
    knowledge_decide(acting_user=officer, application=application, action="meets")


def _pdf(name: str, lines: list[str]) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, simple_pdf(lines), content_type="application/pdf")
