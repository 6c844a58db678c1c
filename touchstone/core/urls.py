from django.contrib.auth import views as auth_views
from django.urls import path

from touchstone.core import health, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", health.health, name="health"),
    path("sign-in/", views.LoginView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("organisation/", views.switch_organisation, name="switch-organisation"),
    path("notifications/", views.notifications, name="notifications"),
    path("account/api-token/", views.api_token, name="api-token"),
    path("jobs/<uuid:job_id>/", views.job_detail, name="job"),
    path("jobs/<uuid:job_id>/download/", views.job_download, name="job-download"),
    path("accessibility/", views.about_page, {"page": "accessibility"}, name="accessibility"),
    path("privacy/", views.about_page, {"page": "privacy"}, name="privacy"),
    path("contact/", views.about_page, {"page": "contact"}, name="contact"),
    path("history/<str:app_label>/<str:model_name>/<str:pk>/", views.history, name="history"),
]
