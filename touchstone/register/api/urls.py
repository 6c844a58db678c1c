from django.urls import path

from touchstone.register.api import staff, views

urlpatterns = [
    path("public/register/", views.PublicRegisterList.as_view(), name="api-public-register"),
    path(
        "public/register/<str:number>/",
        views.PublicRegisterDetail.as_view(),
        name="api-public-registrant",
    ),
    path(
        "register/registrants/",
        staff.StaffRegistrantList.as_view(),
        name="api-staff-registrants",
    ),
    path(
        "register/registrants/<int:pk>/",
        staff.StaffRegistrantDetail.as_view(),
        name="api-staff-registrant",
    ),
    path(
        "register/registrants/<int:pk>/status/",
        staff.StaffRegistrantStatus.as_view(),
        name="api-staff-registrant-status",
    ),
    path(
        "register/registrants/<int:pk>/rights/",
        staff.StaffRightGrant.as_view(),
        name="api-staff-registrant-rights",
    ),
    path(
        "register/registrants/<int:pk>/findings/",
        staff.StaffFindingRecord.as_view(),
        name="api-staff-registrant-findings",
    ),
    path(
        "register/rights/<int:pk>/end/", staff.StaffRightEnd.as_view(), name="api-staff-right-end"
    ),
]
