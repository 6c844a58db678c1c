from django.urls import path

from touchstone.plans.views import actions, imports, plans

app_name = "plans"

urlpatterns = [
    path("", plans.plan_list, name="list"),
    path("import/", imports.plan_import_view, name="import"),
    path("import/template.csv", imports.plan_import_template, name="import-template"),
    path("<int:pk>/", plans.plan_detail, name="detail"),
    path("<int:pk>/export.<str:fmt>", plans.plan_export, name="export"),
    path("<int:pk>/board-report/", plans.plan_board_report, name="board-report"),
    path("actions/<int:pk>/", actions.action_detail, name="action"),
]
