"""The API root: DRF endpoints of each app, the OpenAPI schema and its docs,
and Wagtail's content API (v2) for the headless side."""

from django.urls import include, path

from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token

from portal.content_api import content_api

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    path("auth/token/", obtain_auth_token, name="api-token"),
    path("v2/", content_api.urls),
    path("", include("reporting.incidents.api.urls")),
    path("", include("reporting.inspections.api.urls")),
    path("", include("volunteers.api.urls")),
]
