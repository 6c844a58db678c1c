from django.urls import path

from touchstone.register.api.views import public, staff

urlpatterns = [
    path("public/register/", public.PublicRegisterList.as_view(), name="api-public-register"),
    path(
        "public/register/<str:number>/",
        public.PublicRegisterDetail.as_view(),
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
