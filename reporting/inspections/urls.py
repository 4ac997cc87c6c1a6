"""Public pages of this app, mounted under the language prefix (/id/, /en/)."""

from django.urls import path

from . import views

app_name = "inspections"

urlpatterns = [
    path("inspections/request/", views.request_create, name="request"),
    path("inspections/mine/", views.request_list, name="list"),
    path("inspections/mine/<int:pk>/", views.request_detail, name="detail"),
    path("inspections/mine/<int:pk>/correct/", views.request_edit, name="edit"),
    path("inspections/mine/<int:pk>/cancel/", views.request_cancel, name="cancel"),
    path("inspections/mine/<int:pk>/documents/", views.request_upload, name="upload"),
    path("inspections/mine/<int:pk>/documents/<int:document_pk>/", views.document_download, name="document"),
    path("inspections/mine/<int:pk>/visit.ics", views.visit_ics, name="ics"),
    path("inspections/results/<int:visit_pk>/", views.result_document, name="result"),
    path("inspections/verify/", views.verify, name="verify"),
]
