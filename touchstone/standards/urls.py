from django.urls import path

from touchstone.standards.views import (
    accreditation,
    assessment,
    coverage,
    exports,
    frameworks,
    holders,
)

app_name = "standards"

urlpatterns = [
    path("", frameworks.framework_list, name="frameworks"),
    path("frameworks/<slug:ref_id>/", frameworks.framework_detail, name="framework"),
    path(
        "frameworks/<slug:ref_id>/download/",
        frameworks.framework_download,
        name="framework-download",
    ),
    path(
        "frameworks/<slug:ref_id>/coverage/",
        coverage.framework_coverage,
        name="framework-coverage",
    ),
    path(
        "frameworks/<slug:held_ref_id>/mapped-to/<slug:ref_id>/",
        coverage.clauses_mapped_to,
        name="clauses-mapped",
    ),
    path("accreditations/", accreditation.accreditation_list, name="accreditations"),
    path(
        "accreditations/export/<slug:what>/",
        exports.accreditations_export,
        name="accreditations-export",
    ),
    path("accreditations/apply/", accreditation.accreditation_apply, name="accreditation-apply"),
    path("accreditations/<int:pk>/", accreditation.accreditation_detail, name="accreditation"),
    path(
        "accreditations/<int:pk>/certificate.pdf",
        holders.certificate,
        name="accreditation-certificate",
    ),
    path("frameworks/<slug:ref_id>/holders/", holders.holders, name="holders"),
    path(
        "accreditations/<int:pk>/payment/",
        accreditation.accreditation_payment,
        name="accreditation-payment",
    ),
    path(
        "accreditations/<int:pk>/renew/",
        accreditation.accreditation_renew,
        name="accreditation-renew",
    ),
    path("assessments/<int:pk>/", assessment.assessment_sheet_page, name="assessment"),
    path(
        "assessments/<int:pk>/evidence/<int:number>/",
        assessment.assessment_evidence,
        name="assessment-evidence",
    ),
    path(
        "assessments/<int:pk>/evidence/file/<int:evidence_pk>/",
        assessment.assessment_evidence_file,
        name="assessment-evidence-file",
    ),
    path(
        "assessments/<int:pk>/assessment.pdf",
        exports.assessment_download,
        name="assessment-pdf",
    ),
    path("assessments/<int:pk>/submit/", assessment.assessment_submit, name="assessment-submit"),
    path("assessments/<int:pk>/result/", assessment.assessment_result, name="assessment-result"),
]
