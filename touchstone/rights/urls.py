from django.urls import path

from touchstone.rights.views import (
    applications,
    assessment,
    committee,
    declarations,
    knowledge,
    letters,
    portfolio,
    references,
    schemes,
    staff,
    submission,
)

app_name = "rights"

urlpatterns = [
    path("", schemes.scheme_list, name="schemes"),
    path("applications/<int:pk>/", applications.application, name="application"),
    path("applications/<int:pk>/experience/", applications.experience, name="experience"),
    path("applications/<int:pk>/experience/add/", applications.period_add, name="period-add"),
    path(
        "applications/<int:pk>/experience/preview/",
        applications.period_preview,
        name="period-preview",
    ),
    path(
        "applications/<int:pk>/experience/<int:period_pk>/preview/",
        applications.period_preview,
        name="period-change-preview",
    ),
    path(
        "applications/<int:pk>/experience/<int:period_pk>/change/",
        applications.period_change,
        name="period-change",
    ),
    path(
        "applications/<int:pk>/experience/<int:period_pk>/remove/",
        applications.period_remove,
        name="period-remove",
    ),
    path(
        "applications/<int:pk>/experience/submit/",
        applications.experience_submit,
        name="experience-submit",
    ),
    path(
        "applications/<int:pk>/experience/reopen/",
        applications.experience_reopen,
        name="experience-reopen",
    ),
    path(
        "applications/<int:pk>/experience/reference/",
        references.reference_request,
        name="reference-request",
    ),
    path(
        "applications/<int:pk>/experience/reference/<int:reference_pk>/withdraw/",
        references.reference_withdraw,
        name="reference-withdraw",
    ),
    path("reference/given/", references.reference_given, name="reference-given"),
    path("reference/<str:token>/", references.reference_give, name="reference-give"),
    path("declaration/signed/", declarations.declaration_signed, name="declaration-signed"),
    path("declaration/<str:token>/", declarations.declaration_sign, name="declaration-sign"),
    path("applications/<int:pk>/knowledge/", knowledge.knowledge, name="knowledge"),
    path(
        "applications/<int:pk>/knowledge/submit/",
        knowledge.knowledge_submit,
        name="knowledge-submit",
    ),
    path(
        "applications/<int:pk>/knowledge/reopen/",
        knowledge.knowledge_reopen,
        name="knowledge-reopen",
    ),
    path(
        "applications/<int:pk>/knowledge/documents/<uuid:document>/",
        knowledge.knowledge_document,
        name="knowledge-document",
    ),
    path(
        "applications/<int:pk>/letters/<uuid:upload>/",
        letters.letter,
        name="letter",
    ),
    path("applications/<int:pk>/application/", submission.submission, name="submission"),
    path(
        "applications/<int:pk>/application/form/",
        submission.submission_form,
        name="submission-form",
    ),
    path(
        "applications/<int:pk>/application/submit/",
        submission.submission_submit,
        name="submission-submit",
    ),
    path(
        "applications/<int:pk>/application/further-information/",
        submission.submission_resubmit,
        name="submission-resubmit",
    ),
    path(
        "staff/<int:pk>/application/decide/",
        assessment.staff_application_decide,
        name="staff-application-decide",
    ),
    path(
        "staff/<int:pk>/declarations/send/",
        assessment.staff_declarations_send,
        name="staff-declarations-send",
    ),
    path("applications/<int:pk>/portfolio/", portfolio.portfolio, name="portfolio"),
    path(
        "applications/<int:pk>/portfolio/compile/",
        portfolio.portfolio_compile_start,
        name="portfolio-compile",
    ),
    path(
        "applications/<int:pk>/portfolio/optional/",
        portfolio.optional_set,
        name="portfolio-optional",
    ),
    path(
        "applications/<int:pk>/portfolio/supervisors/add/",
        portfolio.supervisor_add,
        name="supervisor-add",
    ),
    path(
        "applications/<int:pk>/portfolio/supervisors/<int:supervisor_pk>/remove/",
        portfolio.supervisor_remove,
        name="supervisor-remove",
    ),
    path("applications/<int:pk>/portfolio/<str:example>/", portfolio.sheet, name="sheet"),
    path(
        "applications/<int:pk>/portfolio/<str:example>/remove/",
        portfolio.sheet_remove,
        name="sheet-remove",
    ),
    path(
        "applications/<int:pk>/portfolio/<str:example>/evidence/add/",
        portfolio.evidence_add,
        name="evidence-add",
    ),
    path(
        "applications/<int:pk>/portfolio/<str:example>/evidence/<int:evidence_pk>/remove/",
        portfolio.evidence_remove,
        name="evidence-remove",
    ),
    path(
        "applications/<int:pk>/portfolio/<str:example>/evidence/<int:evidence_pk>/document/",
        portfolio.evidence_document,
        name="evidence-document",
    ),
    path("staff/<int:pk>/portfolio/", portfolio.staff_portfolio, name="staff-portfolio"),
    path(
        "staff/<int:pk>/portfolio/compile/",
        portfolio.staff_portfolio_compile,
        name="staff-portfolio-compile",
    ),
    path("staff/<int:pk>/portfolio/<str:example>/", portfolio.staff_sheet, name="staff-sheet"),
    path(
        "staff/<int:pk>/portfolio/<str:example>/evidence/<int:evidence_pk>/document/",
        portfolio.staff_evidence_document,
        name="staff-evidence-document",
    ),
    path(
        "staff/<int:pk>/invoices/<int:invoice_pk>/paid/",
        staff.staff_payment,
        name="staff-payment",
    ),
    path("staff/", staff.staff_list, name="staff-list"),
    path("staff/<int:pk>/", staff.staff_case, name="staff-case"),
    path("staff/<int:pk>/decide/", staff.staff_decide, name="staff-decide"),
    path(
        "staff/<int:pk>/knowledge/decide/",
        knowledge.staff_knowledge_decide,
        name="staff-knowledge-decide",
    ),
    path("committee/", committee.committee_list, name="committee"),
    path("committee/<int:pk>/", committee.committee_case, name="committee-case"),
    path("<slug:scheme>/apply/", applications.apply, name="apply"),
    path("<slug:scheme>/", schemes.scheme_detail, name="scheme"),
    path("<slug:scheme>/<str:version>.json", schemes.scheme_export, name="scheme-json"),
]
