from django.urls import path

from touchstone.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("import/", views.plan_import_view, name="import"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/export.<str:fmt>", views.plan_export, name="export"),
    path("<int:pk>/board-report/", views.plan_board_report, name="board-report"),
    path("actions/<int:pk>/", views.action_detail, name="action"),
]
