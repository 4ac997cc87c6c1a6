from django.contrib.auth.models import Group

import pytest

from tests.refusals import assert_admin_refused
from volunteers import seats
from volunteers.models import Registration

pytestmark = pytest.mark.django_db


def test_coordinators_group_has_what_it_needs(site, coordinators_group):
    group = Group.objects.get(name="Coordinators")
    perms = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    assert {
        "wagtailadmin.access_admin",
        "volunteers.change_volunteerprofile",
        "volunteers.view_registration",
        "volunteers.change_registration",
        "volunteers.add_volunteergroup",
        "volunteers.add_groupmembership",
    } <= perms
    assert "volunteers.delete_volunteerprofile" not in perms


@pytest.fixture
def roster(make_training, make_volunteer):
    training = make_training(capacity=1)
    first, second = make_volunteer(name="Ani Peserta"), make_volunteer(name="Bayu Menunggu")
    return training, seats.register(training, first.user), seats.register(training, second.user)


ADMIN_URLS = [
    "/admin/volunteers/rosters/",
    "/admin/volunteers/applications/",
    "/admin/volunteers/registrations/",
    "/admin/volunteers/certificates/",
    "/admin/volunteers/groups/",
]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_coordinator_reaches_the_back_office(client, coordinator, roster, url):
    client.force_login(coordinator)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_volunteer_does_not_reach_the_back_office(client, make_volunteer, url):
    client.force_login(make_volunteer().user)
    assert_admin_refused(client.get(url))


def test_roster_lists_seats_and_waitlist(client, coordinator, roster):
    training, seat, waiting = roster
    client.force_login(coordinator)
    html = client.get(f"/admin/volunteers/rosters/{training.pk}/").content.decode()
    assert "Ani Peserta" in html and "Bayu Menunggu" in html
    assert html.index("Ani Peserta") < html.index('id="waitlist"') < html.index("Bayu Menunggu")


def test_coordinator_marks_attendance_and_a_certificate_follows(client, coordinator, roster, start):
    training, seat, _waiting = roster
    start(training)
    client.force_login(coordinator)
    response = client.post(f"/admin/volunteers/rosters/attendance/{seat.pk}/", {"attended": "yes"})
    assert response.status_code == 302
    seat.refresh_from_db()
    assert seat.attended is True and seat.attendance_marked_by == coordinator
    assert seat.certificate.holder_name == "Ani Peserta"


def test_coordinator_cancels_and_the_waitlist_moves(client, coordinator, roster):
    _training, seat, waiting = roster
    client.force_login(coordinator)
    client.post(f"/admin/volunteers/rosters/cancel/{seat.pk}/")
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_roster_export_csv_and_xlsx(client, coordinator, roster):
    training, _seat, _waiting = roster
    client.force_login(coordinator)
    csv = client.get(f"/admin/volunteers/registrations/?training={training.pk}&export=csv")
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "Ani Peserta" in body and "Bayu Menunggu" in body
    assert body.startswith("Kode pendaftaran,Nama,Telepon")  # the coordinator's admin language
    xlsx = client.get(f"/admin/volunteers/registrations/?training={training.pk}&export=xlsx")
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx["Content-Type"]


def test_volunteer_cannot_mark_attendance(client, make_volunteer, roster):
    _training, seat, _waiting = roster
    client.force_login(make_volunteer().user)
    assert_admin_refused(client.post(f"/admin/volunteers/rosters/attendance/{seat.pk}/", {"attended": "yes"}))
    seat.refresh_from_db()
    assert seat.attended is None and seat.attendance_marked_by is None


def test_a_volunteer_never_sees_anothers_registration(client, make_volunteer, roster):
    _training, seat, _waiting = roster
    intruder = make_volunteer()
    client.force_login(intruder.user)
    assert client.get(f"/id/relawan/pendaftaran/{seat.code}/kalender.ics").status_code == 404
    assert client.post(f"/id/relawan/pendaftaran/{seat.code}/batal/").status_code == 404
    seat.refresh_from_db()
    assert seat.status == "confirmed"
    assert "Ani Peserta" not in client.get("/id/relawan/saya/").content.decode()
    assert "Ani Peserta" not in client.get("/id/accounts/my-data.json").content.decode()


def test_a_volunteer_never_sees_anothers_certificate(client, make_volunteer, coordinator, roster, start):
    training, seat, _waiting = roster
    start(training)
    seats.mark_attendance(seat, True, by=coordinator)
    client.force_login(make_volunteer().user)
    assert client.get(f"/id/relawan/sertifikat/{seat.certificate.code}/").status_code == 404
    client.force_login(seat.user)
    page = client.get(f"/id/relawan/sertifikat/{seat.certificate.code}/").content.decode()
    assert "Ani Peserta" in page


def test_public_verification_shows_only_what_a_certificate_needs(client, coordinator, roster, start):
    training, seat, _waiting = roster
    start(training)
    seats.mark_attendance(seat, True, by=coordinator)
    code = seat.certificate.code
    html = client.get(f"/en/relawan/verifikasi/?code={code.lower()}").content.decode()
    assert "Valid certificate" in html
    assert "Ani P." in html
    assert "Ani Peserta" not in html
    assert str(seat.profile.phone) not in html and seat.user.email not in html
    assert "No certificate has this code" in client.get("/en/relawan/verifikasi/?code=AAAA-BBBB-CCCC").content.decode()


def test_registration_page_is_not_open_to_anonymous_people(client, roster):
    training, _seat, _waiting = roster
    response = client.post(f"/id/relawan/pelatihan/{training.pk}/daftar/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Registration.objects.count() == 2


def test_certificate_checks_are_rate_limited(client, site, settings):
    from django.core.cache import cache

    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "verification": "2/min"},
    }
    for _ in range(2):
        assert client.get("/en/relawan/verifikasi/?code=AAAA-BBBB-CCCC").status_code == 200
    response = client.get("/en/relawan/verifikasi/?code=AAAA-BBBB-CCCD")
    assert response.status_code == 429
    assert "Too many checks" in response.content.decode()
    cache.clear()
