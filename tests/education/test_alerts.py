"""The alert banner (active by time, most severe first) and CAP 1.2 output."""

import datetime
from unittest import mock
from xml.etree import ElementTree as ET

from django.utils import timezone

from wagtail.models import Locale

import pytest
from capvalidator import check_schema

from education.cap import CAP_NS, cap_time

from .conftest import translate_now

pytestmark = pytest.mark.django_db
NS = {"cap": CAP_NS}


def test_banner_shows_active_alerts_on_every_page_most_severe_first(client, make_alert, article_index):
    make_alert(title="Peringatan ringan", severity="Minor")
    make_alert(title="Evakuasi warga", severity="Extreme")
    for url in ("/id/", article_index.url, "/id/search/?q=x"):
        html = client.get(url).content.decode()
        banner = html[html.index('class="alert-banner"') : html.index("</section>", html.index('class="alert-banner"'))]
        assert banner.index("Evakuasi warga") < banner.index("Peringatan ringan"), url


def test_banner_disappears_by_itself_at_expiry(client, make_alert):
    expires = timezone.now() + datetime.timedelta(minutes=30)
    make_alert(title="Jalan ditutup", expires=expires)
    assert "Jalan ditutup" in client.get("/id/").content.decode()
    # No job runs: the next request after the expiry time simply does not show it.
    with mock.patch("django.utils.timezone.now", return_value=expires + datetime.timedelta(seconds=1)):
        html = client.get("/id/").content.decode()
    assert "Jalan ditutup" not in html
    assert 'class="alert-banner"' not in html


def test_banner_waits_for_the_onset(client, make_alert):
    make_alert(title="Mulai besok", onset=timezone.now() + datetime.timedelta(days=1))
    assert "Mulai besok" not in client.get("/id/").content.decode()


def test_untranslated_alert_still_warns_english_readers(client, make_alert):
    make_alert(title="Hanya bahasa Indonesia")
    html = client.get("/en/").content.decode()
    assert "Hanya bahasa Indonesia" in html
    assert 'lang="id"' in html


def test_translated_alert_shows_in_the_readers_language(client, make_alert, django_capture_on_commit_callbacks):
    alert = make_alert(title="Larangan membakar")
    en = Locale.objects.get(language_code="en")
    translate_now(django_capture_on_commit_callbacks, alert.get_parent(), en, {"peringatan": "alerts"})
    translate_now(django_capture_on_commit_callbacks, alert, en, {"Larangan membakar": "Burning ban"})
    html = client.get("/en/").content.decode()
    assert "Burning ban" in html and "Larangan membakar" not in html


def test_cap_message_is_valid_and_has_one_info_per_language(client, make_alert, django_capture_on_commit_callbacks):
    alert = make_alert()
    en = Locale.objects.get(language_code="en")
    translate_now(django_capture_on_commit_callbacks, alert.get_parent(), en, {"peringatan": "alerts"})
    translate_now(django_capture_on_commit_callbacks, alert, en, {"Larangan membakar": "Burning ban"})
    response = client.get(f"/en/alerts/cap/{alert.translation_key}.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/cap+xml")
    result = check_schema(response.content)
    assert result.passed, result
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root.find("cap:status", NS).text == "Actual"
    assert root.find("cap:msgType", NS).text == "Alert"
    assert root.find("cap:scope", NS).text == "Public"
    infos = root.findall("cap:info", NS)
    assert [info.find("cap:language", NS).text for info in infos] == ["en-US", "id-ID"]
    assert infos[0].find("cap:event", NS).text == "Burning ban"
    assert infos[0].find("cap:category", NS).text == "Fire"
    assert infos[0].find("cap:severity", NS).text == "Severe"
    area = infos[0].find("cap:area", NS)
    assert area.find("cap:areaDesc", NS).text == "Seluruh Kota Jambi"
    assert len(area.findall("cap:geocode", NS)) == 2
    assert "+07:00" in infos[0].find("cap:expires", NS).text


def test_expired_alert_cap_is_gone(client, make_alert):
    alert = make_alert(
        onset=timezone.now() - datetime.timedelta(days=2), expires=timezone.now() - datetime.timedelta(days=1)
    )
    response = client.get(f"/id/alerts/cap/{alert.translation_key}.xml")
    assert response.status_code == 410
    assert check_schema(response.content).passed
    assert client.get("/id/alerts/cap/00000000-0000-0000-0000-000000000000.xml").status_code == 404


def test_cap_index_lists_active_alerts_only(client, make_alert):
    active = make_alert(title="Aktif")
    make_alert(
        title="Kedaluwarsa",
        onset=timezone.now() - datetime.timedelta(days=3),
        expires=timezone.now() - datetime.timedelta(days=1),
    )
    response = client.get("/id/alerts/cap/")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)  # noqa: S314
    atom = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", atom)
    assert len(entries) == 1
    link = entries[0].find("a:link[@type='application/cap+xml']", atom)
    assert link.get("href").endswith(f"/id/alerts/cap/{active.translation_key}.xml")
    assert "Aktif" in entries[0].find("a:title", atom).text


def test_cap_time_format():
    value = datetime.datetime(2026, 8, 1, 7, 0, 0, 123, tzinfo=datetime.UTC)
    assert cap_time(value) == "2026-08-01T14:00:00+07:00"


def test_alert_validation(alert_index):
    from django.core.exceptions import ValidationError

    from education.models import AlertPage

    now = timezone.now()
    page = AlertPage(
        title="x", event="x", description="x", instruction="x", area_description="x", onset=now, expires=now
    )
    with pytest.raises(ValidationError):
        page.clean()


@pytest.mark.parametrize(
    ("severity", "tone"), [("Extreme", "danger"), ("Severe", "danger"), ("Moderate", "caution"), ("Minor", "neutral")]
)
def test_alert_page_speaks_plainly_with_a_badge_coloured_by_meaning(client, make_alert, severity, tone):
    alert = make_alert(severity=severity)
    html = client.get(alert.url).content.decode()
    assert f'class="badge badge--{tone}"' in html
    assert "<dt>Urgensi</dt>" not in html and "Kepastian" not in html  # CAP's words stay in the CAP feed


def test_alert_page_sentences_in_english(make_alert):
    from django.utils import translation

    alert = make_alert(severity="Severe")
    with translation.override("en"):
        assert alert.plain_language == [
            "Significant threat to life and property.",
            "Be ready to act within the next hour.",
            "This will probably happen.",
        ]


def test_one_alert_has_one_cap_identifier_and_sent_in_both_languages(
    client, make_alert, django_capture_on_commit_callbacks, settings
):
    settings.PUBLIC_BASE_URL = "https://damkar.example.id"
    alert = make_alert()
    en = Locale.objects.get(language_code="en")
    translate_now(django_capture_on_commit_callbacks, alert.get_parent(), en, {"peringatan": "alerts"})
    translate_now(django_capture_on_commit_callbacks, alert, en, {"Larangan membakar": "Burning ban"})
    roots = [
        ET.fromstring(client.get(f"/{code}/alerts/cap/{alert.translation_key}.xml").content)  # noqa: S314
        for code in ("id", "en")
    ]
    for tag in ("cap:identifier", "cap:sent"):
        assert roots[0].find(tag, NS).text == roots[1].find(tag, NS).text
    webs = [info.find("cap:web", NS).text for info in roots[0].findall("cap:info", NS)]
    assert len(webs) == 2 and all(web.startswith("https://damkar.example.id/") for web in webs)
