from django.urls import path

from touchstone.rights.views import schemes

app_name = "rights"

urlpatterns = [
    path("", schemes.scheme_list, name="schemes"),
    path("<slug:scheme>/", schemes.scheme_detail, name="scheme"),
    path("<slug:scheme>/<str:version>.json", schemes.scheme_export, name="scheme-json"),
]
