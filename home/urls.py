from django.urls import path

from home import views

urlpatterns = [
    path("accounts/profile/", views.account_overview, name="account_profile"),
    path("accounts/my-data/", views.my_data, name="account_data"),
    path("accounts/my-data.json", views.my_data_json, name="account_data_json"),
    path("accounts/delete/", views.delete_account, name="account_delete"),
]
