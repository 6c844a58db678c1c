from django.urls import path

from touchstone.plans.api import views

urlpatterns = [
    path("", views.PlanList.as_view(), name="api-plans"),
    path("<int:pk>/", views.PlanDetail.as_view(), name="api-plan"),
    path("<int:pk>/actions/", views.PlanActions.as_view(), name="api-plan-actions"),
    path("<int:pk>/export/", views.PlanExport.as_view(), name="api-plan-export"),
    path("actions/<int:pk>/", views.ActionDetail.as_view(), name="api-action"),
    path("actions/<int:pk>/progress/", views.ActionProgress.as_view(), name="api-action-progress"),
]
