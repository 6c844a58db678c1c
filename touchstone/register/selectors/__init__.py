"""Every read of the register that has rules: public visibility, staff scope, CPD."""

from touchstone.register.selectors.cpd import (
    CpdYear,
    cpd_activity_for_member,
    cpd_sample_statuses,
    cpd_samples_for_staff,
    cpd_year,
    cpd_years,
    registrant_for_member,
    scheme_for_year,
)
from touchstone.register.selectors.items import public_items, visible_findings
from touchstone.register.selectors.names import name_holders, name_matches_q
from touchstone.register.selectors.public import (
    NUMBER_PATTERN,
    BadFilter,
    PublicFilters,
    SearchResults,
    SpecialistRegister,
    forget_counts,
    forget_reference,
    public_get,
    public_get_item,
    public_search,
    public_standing,
    specialist_registers,
)
from touchstone.register.selectors.staff import (
    category_for_code,
    finding_for_staff,
    officer_organisations,
    registrant_for_staff,
    right_for_staff,
    staff_search,
)

__all__ = [
    "NUMBER_PATTERN",
    "BadFilter",
    "CpdYear",
    "PublicFilters",
    "SearchResults",
    "SpecialistRegister",
    "category_for_code",
    "cpd_activity_for_member",
    "cpd_sample_statuses",
    "cpd_samples_for_staff",
    "cpd_year",
    "cpd_years",
    "finding_for_staff",
    "forget_counts",
    "forget_reference",
    "name_holders",
    "name_matches_q",
    "officer_organisations",
    "public_get",
    "public_get_item",
    "public_items",
    "public_search",
    "registrant_for_member",
    "registrant_for_staff",
    "right_for_staff",
    "scheme_for_year",
    "specialist_registers",
    "staff_search",
    "public_standing",
    "visible_findings",
]
