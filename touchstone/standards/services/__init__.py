"""What the standards module offers other modules to call."""

from touchstone.standards.services.accreditation import (
    accreditation_apply,
    accreditation_renewal_start,
    assessment_fee_record_payment,
)
from touchstone.standards.services.accreditation_sweep import accreditations_sweep
from touchstone.standards.services.assessment import (
    assessment_answers_save,
    assessment_evidence_add,
    assessment_submit,
)
from touchstone.standards.services.audit import AuditAction
from touchstone.standards.services.frameworks import (
    FrameworkLoaded,
    framework_load,
)

__all__ = [
    "AuditAction",
    "FrameworkLoaded",
    "accreditation_apply",
    "accreditation_renewal_start",
    "accreditations_sweep",
    "assessment_answers_save",
    "assessment_evidence_add",
    "assessment_fee_record_payment",
    "assessment_submit",
    "framework_load",
]
