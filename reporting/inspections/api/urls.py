"""This app's REST endpoints, mounted under /api/."""

from django.urls import path

from rest_framework.routers import SimpleRouter

from .views import MyRequestViewSet, StaffRequestViewSet, VerifyView

router = SimpleRouter()
router.register("inspections/requests", MyRequestViewSet, basename="inspection-request")
router.register("inspections/staff/requests", StaffRequestViewSet, basename="inspection-staff-request")

urlpatterns = [
    path("inspections/verify/<str:code>/", VerifyView.as_view(), name="inspection-verify"),
    *router.urls,
]
