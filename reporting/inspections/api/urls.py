"""This app's REST endpoints, mounted under /api/."""

urlpatterns = []
