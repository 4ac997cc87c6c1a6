from decimal import Decimal

from django.core import mail
from django.test import override_settings
from django.urls import reverse

import pytest

from reporting.incidents.models import Incident, IncidentPhoto

from .conftest import INSIDE, OUTSIDE, jpeg_bytes, png_bomb_bytes

URL = "/id/report/"


@pytest.fixture
def form_data(category, kecamatan):
    return {
        "category": str(category.pk),
        "description": "Api membesar di gudang kayu",
        "kecamatan": str(kecamatan.pk),
        "address": "Jl. Contoh No. 5",
        "landmark": "Depan masjid",
        "latitude": str(INSIDE[0]),
        "longitude": str(INSIDE[1]),
        "reporter_name": "",
        "reporter_phone": "",
        "reporter_email": "",
        "website": "",
    }


@pytest.mark.django_db
def test_page_puts_call_112_above_the_form(client, reporting_setup):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="tel:112"' in html
    main = html.index('id="main"')
    assert html.index('href="tel:112"', main) < html.index("<form", main)
    assert "data-location-picker" in html and "location-picker.js" in html
    assert "<optgroup" in html


@pytest.mark.django_db
def test_category_names_follow_the_language(client, reporting_setup):
    assert "Bangunan (rumah, toko, gudang)" in client.get("/id/report/").content.decode()
    assert "Building (house, shop, warehouse)" in client.get("/en/report/").content.decode()


@pytest.mark.django_db
def test_submit_creates_incident_with_code_and_confirmation(client, form_data, photo):
    form_data["reporter_phone"] = "0812-3456-7890"
    response = client.post(URL, {**form_data, "photos": [photo(gps=(-1.611, 103.612))]})
    assert response.status_code == 302
    incident = Incident.objects.get()
    assert response["Location"] == reverse("reporting:sent", args=[incident.tracking_code])
    assert str(incident.reporter_phone) == "+6281234567890"
    assert incident.source == "web" and incident.status == "received"
    page = client.get(response["Location"]).content.decode()
    assert incident.tracking_code in page
    assert reverse("reporting:track_code", args=[incident.tracking_code]) in page


@pytest.mark.django_db
def test_photo_is_reencoded_without_exif_and_gps_is_kept_as_hint(client, form_data, photo):
    from PIL import Image

    client.post(URL, {**form_data, "photos": [photo(gps=(-1.6115, 103.6122))]})
    stored = IncidentPhoto.objects.get()
    with Image.open(stored.image.path) as image:
        assert image.format == "JPEG"
        assert not dict(image.getexif())
    assert float(stored.gps_latitude) == pytest.approx(-1.6115, abs=1e-4)
    assert float(stored.gps_longitude) == pytest.approx(103.6122, abs=1e-4)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name,content,expected",
    [
        ("notes.jpg", b"this is a text file, not a photo", "not a valid image"),
        ("cut.jpg", jpeg_bytes(size=(400, 300))[:600], "not a valid image"),
        ("bomb.png", png_bomb_bytes(), "too large to process"),
    ],
)
def test_bad_photos_are_refused_and_nothing_stored(client, form_data, photo, name, content, expected):
    response = client.post("/en/report/", {**form_data, "photos": [photo(name=name, content=content)]})
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not Incident.objects.exists() and not IncidentPhoto.objects.exists()


@pytest.mark.django_db
def test_oversize_photo_is_refused(client, form_data, photo):
    with override_settings(PHOTO_MAX_BYTES=500):
        response = client.post("/en/report/", {**form_data, "photos": [photo()]})
    assert response.status_code == 400
    assert "too large" in response.content.decode()
    assert not Incident.objects.exists()


@pytest.mark.django_db
def test_more_than_three_photos_refused(client, form_data, photo):
    response = client.post("/en/report/", {**form_data, "photos": [photo() for _ in range(4)]})
    assert response.status_code == 400
    assert not Incident.objects.exists()


@pytest.mark.django_db
def test_point_outside_service_area_is_refused(client, form_data):
    form_data.update(latitude=str(OUTSIDE[0]), longitude=str(OUTSIDE[1]))
    response = client.post("/en/report/", form_data)
    assert response.status_code == 400
    assert "outside the area we serve" in response.content.decode()
    response = client.post("/id/report/", form_data)
    assert "di luar wilayah" in response.content.decode()
    assert not Incident.objects.exists()


@pytest.mark.django_db
def test_works_without_coordinates(client, form_data):
    form_data.update(latitude="", longitude="")
    assert client.post(URL, form_data).status_code == 302
    assert Incident.objects.get().latitude is None


@pytest.mark.django_db
def test_kelurahan_must_be_in_kecamatan(client, form_data):
    from portal.core.places import Kelurahan

    elsewhere = Kelurahan.objects.exclude(kecamatan_id=form_data["kecamatan"]).first()
    response = client.post("/en/report/", {**form_data, "kelurahan": elsewhere.pk})
    assert response.status_code == 400
    assert not Incident.objects.exists()


@pytest.mark.django_db
def test_invalid_phone_is_refused(client, form_data):
    response = client.post("/en/report/", {**form_data, "reporter_phone": "12"})
    assert response.status_code == 400
    assert not Incident.objects.exists()


@pytest.mark.django_db
def test_honeypot_discards_silently(client, form_data):
    response = client.post(URL, {**form_data, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Incident.objects.exists()


@pytest.mark.django_db
def test_rate_limit_gives_friendly_message(client, form_data, settings):
    from portal.core import ratelimit

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "incident_create": "2/hour"},
    }
    assert ratelimit.parse_rate("2/hour") == (2, 3600)
    assert client.post(URL, form_data).status_code == 302
    assert client.post(URL, form_data).status_code == 302
    response = client.post("/en/report/", form_data)
    assert response.status_code == 429
    assert "call 112 now" in response.content.decode()
    assert Incident.objects.count() == 2


@pytest.mark.django_db
def test_dispatchers_are_emailed(client, form_data, dispatcher, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data)
    incident = Incident.objects.get()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [dispatcher.email]
    assert incident.tracking_code in mail.outbox[0].subject


@pytest.mark.django_db
def test_duplicate_is_suggested_and_reporter_can_join(client, form_data, make_incident):
    first = make_incident()
    response = client.post(URL, form_data)
    code = response["Location"].split("/")[-3]
    page = client.get(response["Location"]).content.decode()
    assert first.tracking_code in page
    join = reverse("reporting:join", args=[code, first.tracking_code])
    assert client.post(join).status_code == 302
    mine = Incident.objects.get(tracking_code=code)
    assert mine.status == "duplicate" and mine.duplicate_of == first


@pytest.mark.django_db
def test_no_duplicate_for_other_family_far_away_or_old(client, form_data, make_incident, reporting_setup):
    from datetime import timedelta

    from django.utils import timezone

    from reporting.incidents.models import Category

    snake = Category.objects.get(code="rescue-snake", locale__language_code="id")
    make_incident(category=snake)
    make_incident(latitude=INSIDE[0] + Decimal("0.01"), longitude=INSIDE[1])  # ~1.1 km away
    make_incident(received_at=timezone.now() - timedelta(hours=4))
    response = client.post(URL, form_data)
    assert client.get(response["Location"]).context["candidates"] == []


@pytest.mark.django_db
def test_join_needs_the_reporters_session(client, form_data, make_incident):
    first = make_incident()
    other = make_incident()
    assert client.post(reverse("reporting:join", args=[other.tracking_code, first.tracking_code])).status_code == 404


@pytest.mark.django_db
def test_submission_is_cheap(client, form_data, django_assert_max_num_queries):
    """A report is a handful of queries: lookups, the insert, its first timeline entry."""
    client.get(URL)
    with django_assert_max_num_queries(16):
        assert client.post(URL, form_data).status_code == 302


@pytest.mark.django_db
def test_finished_incidents_are_never_offered_as_the_same(client, form_data, make_incident):
    finished = make_incident()
    Incident.objects.filter(pk=finished.pk).update(status="finished")
    open_one = make_incident()
    response = client.post(URL, form_data)
    sent = client.get(response["Location"])
    offered = [other.tracking_code for other, _metres in sent.context["candidates"]]
    assert offered == [open_one.tracking_code]
    assert finished.tracking_code not in sent.content.decode()


@pytest.mark.django_db
def test_unknown_tracking_code_shows_the_form_again(client, reporting_setup):
    response = client.get("/en/track/ZZZZ-ZZZZ/")
    if response.status_code == 302:  # not in the code's alphabet: normalised first
        response = client.get(response["Location"])
    assert response.status_code == 404
    html = response.content.decode()
    assert "No report has this code" in html
    assert 'class="track-form"' in html and 'id="form-errors"' in html
    assert "<header" in html and "<footer" in html  # the site's own page, not a bare 404


@pytest.mark.django_db
def test_sent_and_tracking_pages_link_112_and_mention_email_updates(client, form_data):
    response = client.post("/en/report/", {**form_data, "reporter_email": "warga@example.org"})
    assert response.status_code == 302
    code = response["Location"].split("/")[-3]
    for url in (response["Location"], f"/en/track/{code}/"):
        page = client.get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert 'href="tel:112"' in html.split("call-reminder")[1][:200]
        assert "send each update to the email address you gave" in html
    anonymous = client.post("/en/report/", form_data)
    html = client.get(anonymous["Location"]).content.decode()
    assert "send each update to the email address you gave" not in html


@pytest.mark.django_db
def test_the_empty_form_is_kept_yet_shows_a_changed_category_or_area_at_once(client, category, kecamatan):
    """The empty form is the same for everyone (kept per reference version); a filled one is not."""
    first = client.get(URL).content.decode()
    assert category.name in first and kecamatan.name in first

    category.name = "Kebakaran gedung bertingkat"
    category.save()
    kecamatan.name = "Telanaipura Baru"
    kecamatan.save()

    html = client.get(URL).content.decode()
    assert "Kebakaran gedung bertingkat" in html and "Telanaipura Baru" in html
    assert 'name="csrfmiddlewaretoken"' in html  # the token is never part of what is kept


@pytest.mark.django_db
def test_a_refused_report_shows_what_the_person_typed(client, form_data):
    response = client.post(URL, {**form_data, "description": "", "address": "Jl. Yang Saya Ketik"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Jl. Yang Saya Ketik"' in html
    assert f'<option value="{form_data["kecamatan"]}" selected>' in html
