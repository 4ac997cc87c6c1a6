"""Public pages of this app, mounted under the language prefix (/id/, /en/)."""

from django.urls import path

from reporting.incidents import views

app_name = "reporting"

CODE = "<str:code>"

urlpatterns = [
    path("report/", views.report, name="report"),
    path(f"report/{CODE}/sent/", views.sent, name="sent"),
    path(f"report/{CODE}/same-as/<str:other>/", views.join, name="join"),
    path("track/", views.track, name="track"),
    path(f"track/{CODE}/", views.track_code, name="track_code"),
    path(f"track/{CODE}/contact/", views.contact, name="contact"),
]
