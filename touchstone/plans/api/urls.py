from django.urls import path

from touchstone.plans.api.views import staff

urlpatterns = [
    path("", staff.PlanList.as_view(), name="api-plans"),
    path("<int:pk>/", staff.PlanDetail.as_view(), name="api-plan"),
    path("<int:pk>/actions/", staff.PlanActions.as_view(), name="api-plan-actions"),
    path("<int:pk>/export/", staff.PlanExport.as_view(), name="api-plan-export"),
    path("actions/<int:pk>/", staff.ActionDetail.as_view(), name="api-action"),
    path("actions/<int:pk>/progress/", staff.ActionProgress.as_view(), name="api-action-progress"),
]
