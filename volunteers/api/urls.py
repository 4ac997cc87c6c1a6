"""This app's REST endpoints, mounted under /api/."""

from django.urls import path

from rest_framework.routers import SimpleRouter

from volunteers.api import views

router = SimpleRouter()
router.register("volunteers/trainings", views.TrainingViewSet, basename="volunteer-training")
router.register("volunteers/registrations", views.RegistrationViewSet, basename="volunteer-registration")

profile = views.ProfileViewSet.as_view({"get": "retrieve", "patch": "partial_update"})
attendance = views.AttendanceViewSet.as_view({"put": "update"})

urlpatterns = [
    path("volunteers/me/", profile, name="volunteer-me"),
    path("volunteers/attendance/<str:code>/", attendance, name="volunteer-attendance"),
    *router.urls,
]
