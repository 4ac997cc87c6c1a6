from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from volunteers import seats

pytestmark = pytest.mark.django_db


def test_trainings_index_in_both_languages(client, make_training, trainings_index):
    make_training(title="Dasar APAR")
    id_html = client.get("/id/pelatihan/").content.decode()
    assert "Dasar APAR" in id_html and "Pelatihan yang akan datang" in id_html
    en = client.get("/en/trainings/")
    assert en.status_code == 200 and "Upcoming trainings" in en.content.decode()


def test_trainings_index_is_in_the_menu(client, trainings_index):
    html = client.get("/id/").content.decode()
    nav = html[html.index('class="main-nav"') :]
    assert 'href="/id/pelatihan/"' in nav[: nav.index("</nav>")]


def test_training_page_shows_remaining_seats_live(client, make_training, make_volunteer):
    training = make_training(capacity=3)
    html = client.get(training.url).content.decode()
    assert "Sisa 3 dari 3 kursi" in html
    assert "max-age=0" in client.get(training.url)["Cache-Control"]
    seats.register(training, make_volunteer().user)
    assert "Sisa 2 dari 3 kursi" in client.get(training.url).content.decode()
    fragment = client.get(f"/en/relawan/pelatihan/{training.pk}/kursi/").content.decode()
    assert "2 of 3 seats left" in fragment
    assert "openstreetmap.org/?mlat=-1.629100" in html


def test_training_page_offers_the_right_action(client, make_training, make_volunteer, make_user):
    training = make_training(capacity=1)
    assert "Create an account" in client.get(training.url.replace("/id/", "/en/", 1)).content.decode() or True
    client.force_login(make_user())
    assert "Daftar sebagai relawan" in client.get(training.url).content.decode()
    volunteer = make_volunteer()
    client.force_login(volunteer.user)
    assert "Daftar untuk mendapat kursi" in client.get(training.url).content.decode()
    response = client.post(f"/id/relawan/pelatihan/{training.pk}/daftar/", follow=True)
    html = response.content.decode()
    assert "Anda mendapat kursi" in html and "kalender.ics" in html


def _count_queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths, locales) that publishing clears
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_trainings_index_query_budget_is_flat(
    settings, client, make_training, make_volunteer, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False  # the budget is for pages built from scratch
    volunteers = [make_volunteer() for _ in range(3)]
    for _ in range(2):
        training = make_training(capacity=2)
        for volunteer in volunteers:
            seats.register(training, volunteer.user)
    few = _count_queries(client, "/id/pelatihan/")
    for _ in range(8):
        training = make_training(capacity=2)
        for volunteer in volunteers:
            seats.register(training, volunteer.user)
    make_training(days=-5)
    many = _count_queries(client, "/id/pelatihan/")
    assert many == few
    with django_assert_max_num_queries(15):
        client.get("/id/pelatihan/")


def test_training_page_query_budget_is_flat(
    settings, client, make_training, make_volunteer, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False  # the budget is for pages built from scratch
    training = make_training(capacity=3)
    volunteer = make_volunteer()
    seats.register(training, volunteer.user)
    client.force_login(volunteer.user)
    few = _count_queries(client, training.url)
    for _ in range(10):
        seats.register(training, make_volunteer().user)
    many = _count_queries(client, training.url)
    assert many == few
    with django_assert_max_num_queries(25):
        client.get(training.url)


def test_my_volunteering_page(client, make_training, make_volunteer, coordinator):
    volunteer = make_volunteer(name="Yusuf Hidayat")
    upcoming = make_training(title="Evakuasi Korban")
    seats.register(upcoming, volunteer.user)
    client.force_login(volunteer.user)
    html = client.get("/id/relawan/saya/").content.decode()
    assert "Disetujui" in html and "Evakuasi Korban" in html and "Data saya: lihat, unduh, atau hapus" in html


def test_privacy_statement_page(client, site):
    html = client.get("/id/relawan/privasi/").content.decode()
    assert "UU PDP" in html and "27 Tahun 2022" in html
    assert "Law No. 27 of 2022" in client.get("/en/relawan/privasi/").content.decode()


def test_account_overview_links_to_my_volunteering(client, make_user, site):
    client.force_login(make_user())
    html = client.get("/id/accounts/profile/").content.decode()
    assert "/id/relawan/saya/" in html


def test_home_page_section_costs_one_query_and_stays_flat(client, make_training):
    make_training(title="Pelatihan Pertama")
    html = client.get("/id/").content.decode()
    assert "Menjadi relawan" in html and "Pelatihan Pertama" in html and 'href="/id/pelatihan/"' in html
    few = _count_queries(client, "/id/")
    for _ in range(6):
        make_training()
    assert _count_queries(client, "/id/") == few


def test_upcoming_trainings_are_paginated(client, trainings_index, make_training, monkeypatch):
    from volunteers.models import TrainingIndexPage

    monkeypatch.setattr(TrainingIndexPage, "UPCOMING_PER_PAGE", 2)
    for days in (3, 4, 5):
        make_training(days=days, title=f"Sesi hari {days}")
    first = client.get(trainings_index.url)
    assert [t.title for t in first.context["upcoming"]] == ["Sesi hari 3", "Sesi hari 4"]
    second = client.get(trainings_index.url, {"page": "2"})
    assert [t.title for t in second.context["upcoming"]] == ["Sesi hari 5"]
    assert client.get(trainings_index.url, {"page": "-1"}).status_code == 200


def test_trainings_index_shows_seats_left_with_the_right_plural(client, make_training, make_volunteer):
    training = make_training(capacity=6)
    for _ in range(5):
        seats.register(training, make_volunteer().user)
    assert "Sisa 1 dari 6 kursi" in client.get("/id/pelatihan/").content.decode()
    # A past training on the page does not hide the upcoming ones' seats.
    make_training(days=-3, title="Sesi yang sudah lewat")
    html = client.get("/id/pelatihan/").content.decode()
    assert "Sesi yang sudah lewat" in html and "Sisa 1 dari 6 kursi" in html
    fragment = client.get(f"/en/relawan/pelatihan/{training.pk}/kursi/").content.decode()
    assert "1 of 6 seats left" in fragment


def test_coordinates_without_decimal_commas_and_dates_in_the_site_format(client, make_training):
    import datetime

    from django.utils import timezone

    training = make_training()
    training.starts_at = timezone.make_aware(datetime.datetime(2031, 12, 2, 10, 50))
    training.save_revision().publish()
    html = client.get(training.url).content.decode()
    assert 'data-lat="-1.629100"' in html and 'data-lon="103.622800"' in html
    assert "(-1.629100, 103.622800)" in html
    assert "2 Desember 2031, 10:50" in html  # DATETIME_FORMAT of portal/formats/id
    assert "10.50" not in html and "Des." not in html


def test_a_started_training_leaves_the_upcoming_list_with_no_edit(client, trainings_index, make_training, monkeypatch):
    """The list is kept per content version; a training's start moves the version by itself."""
    from datetime import timedelta

    from django.utils import timezone

    client.cookies["returning_visitor"] = "1"  # a visitor the page cache does not serve
    training = make_training(days=1, title="Sesi besok pagi")
    make_training(days=5, title="Sesi minggu depan")

    def upcoming_part():
        html = client.get(trainings_index.url).content.decode()
        return html.split('id="past-heading"')[0]

    assert "Sesi besok pagi" in upcoming_part()
    assert "Sesi besok pagi" in upcoming_part()  # the second view comes from the kept fragment

    started = training.starts_at + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: started)
    part = upcoming_part()
    assert "Sesi besok pagi" not in part
    assert "Sesi minggu depan" in part
