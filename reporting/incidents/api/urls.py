"""This app's REST endpoints, mounted under /api/."""

from django.urls import include, path

from rest_framework.routers import SimpleRouter

from reporting.incidents.api import views

router = SimpleRouter()
router.register("incidents", views.IncidentViewSet, basename="incident")

urlpatterns = [
    path("incidents/track/<str:code>/", views.TrackView.as_view(), name="incident-track"),
    path("incident-categories/", views.CategoryListView.as_view(), name="incident-categories"),
    path("fire-stations/", views.FireStationListView.as_view(), name="fire-stations"),
    path("", include(router.urls)),
]
