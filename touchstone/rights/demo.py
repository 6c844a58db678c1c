"""Demo applications for practice rights (deterministic): applicants at each point of step 2,
qualifying experience, with their supervisors' references (given by a member on the demo
register, so the check against the register finds them; the draft one still waiting). For step
1, technical knowledge, the others have an accredited qualification with a PDF certificate,
confirmed by the officer; `applicant` has asked for recognition of prior qualifications,
waiting for an officer. Those whose experience is met have a complete portfolio and stand at
each point of step 4 (demo_application)."""

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
from touchstone.rights import rules
from touchstone.rights.demo_application import advance
from touchstone.rights.models import Application
from touchstone.rights.selectors import portfolio_scheme
from touchstone.rights.services import (
    application_start,
    experience_decide,
    experience_period_add,
    experience_submit,
    knowledge_decide,
    knowledge_evidence_set,
    knowledge_submit,
    portfolio_evidence_add,
    portfolio_sheet_save,
    portfolio_supervisor_add,
    reference_give,
    reference_request,
)

OFFICER = "officer"  # core's demo officer at the regulator
# username, first and last name, what happens at step 2, hours of the work going on now, and
# for those whose experience is met, where step 4 stands (demo_application.STEP4)
APPLICANTS = [
    ("applicant", "Asha", "Patel", "draft", 900, None),
    ("applicant-submitted", "Ben", "Okafor", "submitted", 1500, None),
    ("applicant-referred", "Cara", "Nowak", "referred", 1800, None),
    ("applicant-met", "Dev", "Singh", "met", 2400, "ready"),
    ("applicant-fee", "Esme", "Clarke", "met", 2450, "fee_due"),
    ("applicant-declaring", "Femi", "Adeyemi", "met", 2500, "declaring"),
    ("applicant-assessed", "Gita", "Rao", "met", 2550, "assessed"),
    ("applicant-committee", "Hana", "Ito", "met", 2600, "referred_to_committee"),
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
    for index, (username, first, last, state, hours, step4) in enumerate(APPLICANTS):
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
            _portfolio(user, application, supervisor[0], complete=False)
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
            _portfolio(user, application, supervisor[0], complete=True)
            advance(
                application,
                officer,
                step4,
                employer=f"{last} Immigration Law",
                number=f"IMM{900 + index}",
            )


def _portfolio(user: User, application: Application, supervisor: str, *, complete: bool) -> None:
    """Step 3: every example with a letter of evidence (complete), or a start on one: two
    sheets, one of whose letters still shows a client's email address and postcode."""
    portfolio_supervisor_add(
        acting_user=user, application=application, name=supervisor, authorised=True, current=True
    )
    scheme = portfolio_scheme(application, as_of=timezone.localdate())
    wanted = [e for c in scheme.competencies for e in rules.examples_of(c, False)]
    today = timezone.localdate()
    for n, example in enumerate(wanted if complete else wanted[:2]):
        sheet = portfolio_sheet_save(
            acting_user=user,
            application=application,
            example=example,
            kind="logbook",
            matter=f"Client matter IMM/{2400 + n}",
            document_type=DOCUMENT_TYPES[n % len(DOCUMENT_TYPES)],
            explanation="The letter sets out the client's position, the rules that apply and "
            "the options, meeting each of the outcome's criteria.",
            reflection="I would now confirm the client's instructions in writing sooner.",
            supervisor=supervisor,
        )
        left_in = ["Client: jo.bloggs@example.com, MK40 1AB"] if not complete and n == 1 else []
        portfolio_evidence_add(
            acting_user=user,
            sheet=sheet,
            description=f"{DOCUMENT_TYPES[n % len(DOCUMENT_TYPES)]} (example {example})",
            date=today - timedelta(days=60 + n * 9),
            kind="client_letter",
            file=_pdf(
                f"evidence {example}.pdf",
                [f"Example {example}", "Dear [client]", *left_in, "Advice on the application"],
            ),
        )


DOCUMENT_TYPES = ["Letter of advice", "Witness statement", "Representations to the Home Office"]


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
