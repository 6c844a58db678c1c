from django.urls import path

from touchstone.register import views

app_name = "register"

urlpatterns = [
    path("", views.search, name="search"),
    path("open-data.<str:fmt>", views.open_data, name="open-data"),
    path("staff/", views.staff_search_view, name="staff-search"),
    path("staff/<int:pk>/", views.staff_detail, name="staff-detail"),
    path("<str:number>/", views.detail, name="detail"),
]
