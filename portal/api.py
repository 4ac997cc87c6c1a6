"""The API root: DRF endpoints of each app, the OpenAPI schema and its docs,
and Wagtail's content API (v2) for the headless side."""

from django.urls import include, path

from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.parsers import FormParser, MultiPartParser

from portal.content_api import content_api
from portal.core.parsers import JSONParser
from portal.core.signin import TokenView

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves its start-up script as a file: no inline script under the CSP.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    # DRF's token view lists its own parsers; ours bounds JSON size and depth.
    # TokenView lets django-axes see the request (lockout after repeated wrong passwords).
    path(
        "auth/token/",
        TokenView.as_view(parser_classes=[JSONParser, FormParser, MultiPartParser]),
        name="api-token",
    ),
    path("v2/", content_api.urls),
    path("", include("reporting.incidents.api.urls")),
    path("", include("reporting.inspections.api.urls")),
    path("", include("volunteers.api.urls")),
]
