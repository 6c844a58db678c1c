"""Plans web pages (thin: validate with a form, call a service or selector, render)."""

from touchstone.plans.views.plans import (  # noqa: F401
    action_detail,
    plan_board_report,
    plan_detail,
    plan_export,
    plan_import_view,
    plan_list,
)
