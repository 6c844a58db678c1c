from django.urls import path

from touchstone.register.api import views

urlpatterns = [
    path("public/register/", views.PublicRegisterList.as_view(), name="api-public-register"),
    path(
        "public/register/<str:number>/",
        views.PublicRegisterDetail.as_view(),
        name="api-public-registrant",
    ),
]
