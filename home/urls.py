from django.urls import path

from home import views

urlpatterns = [
    path("accounts/profile/", views.account_overview, name="account_profile"),
]
