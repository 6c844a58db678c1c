from django.urls import path

from touchstone.register.views import cpd, my_cpd, public, staff, staff_status

app_name = "register"

urlpatterns = [
    path("", public.search, name="search"),
    path("specialist/", public.specialist, name="specialist"),
    path("open-data.<str:fmt>", public.open_data, name="open-data"),
    path("my-cpd/", my_cpd.my_cpd, name="my-cpd"),
    path("my-cpd/add/", my_cpd.my_cpd_add, name="my-cpd-add"),
    path("my-cpd/activities/<int:pk>/change/", my_cpd.my_cpd_change, name="my-cpd-change"),
    path("my-cpd/activities/<int:pk>/remove/", my_cpd.my_cpd_remove, name="my-cpd-remove"),
    path("my-cpd/<int:year>/submit/", my_cpd.my_cpd_submit, name="my-cpd-submit"),
    path("staff/", staff.staff_search_view, name="staff-search"),
    path("staff/export.csv", staff.staff_export, name="staff-export"),
    path("staff/cpd/", cpd.staff_cpd, name="staff-cpd"),
    path("staff/cpd/samples/<int:pk>/", cpd.staff_cpd_sample, name="staff-cpd-sample"),
    path("staff/<int:pk>/", staff.staff_detail, name="staff-detail"),
    path("staff/<int:pk>/edit/", staff.staff_edit, name="staff-edit"),
    path("staff/<int:pk>/status/", staff_status.staff_status, name="staff-status"),
    path("staff/<int:pk>/rights/add/", staff.staff_right_grant, name="staff-right-grant"),
    path("staff/<int:pk>/findings/add/", staff.staff_finding_add, name="staff-finding-add"),
    path("staff/rights/<int:pk>/end/", staff.staff_right_end, name="staff-right-end"),
    path(
        "staff/findings/<int:pk>/publication/",
        staff.staff_finding_publication,
        name="staff-finding-publication",
    ),
    path("<str:number>/", public.detail, name="detail"),
]
