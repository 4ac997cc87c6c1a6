"""Public pages of this app, mounted under the language prefix (/id/, /en/)."""

app_name = "volunteers"

urlpatterns = []
