"""Public pages of this app, mounted under the language prefix (/id/, /en/)."""

from django.urls import path

from volunteers import views

app_name = "volunteers"

urlpatterns = [
    path("relawan/privasi/", views.privacy_statement, name="privacy"),
    path("relawan/daftar/", views.apply, name="apply"),
    path("relawan/saya/", views.mine, name="mine"),
    path("relawan/saya/data.json", views.export, name="export"),
    path("relawan/saya/hapus-akun/", views.delete_account, name="delete_account"),
    path("relawan/pelatihan/<int:pk>/kursi/", views.seats_fragment, name="seats"),
    path("relawan/pelatihan/<int:pk>/daftar/", views.register, name="register"),
    path("relawan/pendaftaran/<str:code>/batal/", views.cancel, name="cancel"),
    path("relawan/pendaftaran/<str:code>/kalender.ics", views.registration_ics, name="registration_ics"),
    path("relawan/sertifikat/<str:code>/", views.certificate, name="certificate"),
    path("relawan/verifikasi/", views.verify, name="verify"),
]
