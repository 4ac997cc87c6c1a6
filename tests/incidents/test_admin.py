from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from reporting.incidents.models import FireStation, Incident, Status
from tests.refusals import assert_admin_refused


@pytest.fixture
def incident(make_incident):
    return make_incident()


@pytest.mark.django_db
def test_listing_filters_search_and_export(client, dispatcher, make_incident):
    first = make_incident()
    second = make_incident(description="Ular kobra di dapur")
    Incident.objects.filter(pk=second.pk).update(status=Status.FINISHED)
    client.force_login(dispatcher)
    url = reverse("reporting_incident:index")
    page = client.get(url).content.decode()
    assert first.tracking_code in page and "incident-status--received" in page
    assert page.index(second.tracking_code) < page.index(first.tracking_code)  # newest first
    filtered = client.get(url, {"status": "finished"}).content.decode()
    assert second.tracking_code in filtered and first.tracking_code not in filtered
    assert first.tracking_code in client.get(url, {"q": first.tracking_code}).content.decode()
    today = timezone.localdate()
    ranged = client.get(url, {"received_at_after": str(today - timedelta(days=1)), "received_at_before": str(today)})
    assert ranged.status_code == 200
    csv = client.get(url, {"export": "csv"})
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert first.tracking_code in body
    xlsx = client.get(url, {"export": "xlsx"})
    assert xlsx.status_code == 200
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    assert content.startswith(b"PK")  # a real workbook, timestamps included


@pytest.mark.django_db
def test_listing_query_count_is_flat(client, dispatcher, make_incident, django_assert_max_num_queries):
    client.force_login(dispatcher)
    url = reverse("reporting_incident:index")
    make_incident()
    client.get(url)
    with django_assert_max_num_queries(40) as first:
        client.get(url)
    for _ in range(20):
        make_incident()
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(url)


@pytest.mark.django_db
def test_inspect_shows_contact_map_stations_duplicates_and_allowed_buttons(client, dispatcher, make_incident):
    incident = make_incident()
    other = make_incident()
    client.force_login(dispatcher)
    page = client.get(reverse("reporting_incident:inspect", args=[incident.pk])).content.decode()
    assert "Budi Contoh" in page and "+6281234567890" in page
    assert "data-incident-map" in page
    assert FireStation.objects.get(code="pos-pasar").name in page
    assert other.tracking_code in page
    for target in ("verified", "dispatched", "false_alarm", "duplicate", "not_our_service"):
        assert f'value="{target}"' in page
    for target in ("en_route", "on_scene", "finished"):
        assert f'value="{target}"' not in page


@pytest.mark.django_db
def test_dispatcher_takes_incident_to_finished_in_admin(
    client, dispatcher, incident, django_capture_on_commit_callbacks
):
    client.force_login(dispatcher)
    url = reverse("reporting_incident:transition", args=[incident.pk])
    station = FireStation.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        for target in ("verified", "dispatched", "en_route", "on_scene", "under_control", "finished"):
            response = client.post(url, {"target": target, "station": station.pk, "public_note": f"{target}!"})
            assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.status == "finished" and incident.station == station
    assert incident.response_time is not None
    assert len([m for m in mail.outbox if m.to == ["budi@example.com"]]) == 6


@pytest.mark.django_db
def test_server_refuses_a_transition_not_offered(client, dispatcher, incident):
    client.force_login(dispatcher)
    client.post(reverse("reporting_incident:transition", args=[incident.pk]), {"target": "finished"})
    incident.refresh_from_db()
    assert incident.status == "received"


@pytest.mark.django_db
def test_timestamp_correction_in_admin(client, dispatcher, incident):
    client.force_login(dispatcher)
    new = (incident.received_at - timedelta(minutes=3)).astimezone(timezone.get_current_timezone())
    response = client.post(
        reverse("reporting_incident:correct", args=[incident.pk]),
        {"field": "received_at", "value": new.strftime("%Y-%m-%dT%H:%M"), "reason": "Log 112"},
    )
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.received_at.replace(second=0, microsecond=0) == new.replace(second=0, microsecond=0)
    assert incident.events.filter(kind="correction", reason="Log 112").exists()


@pytest.mark.django_db
def test_staff_create_incident_from_112(client, dispatcher, category, kecamatan, django_capture_on_commit_callbacks):
    client.force_login(dispatcher)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reporting_incident:add"),
            {
                "source": "112",
                "received_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
                "category": category.pk,
                "description": "Telepon 112: rumah terbakar",
                "kecamatan": kecamatan.pk,
                "address": "Jl. Contoh",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    incident = Incident.objects.get()
    assert incident.source == "112" and incident.created_by == dispatcher
    assert incident.events.filter(kind="created").exists()
    assert mail.outbox and incident.tracking_code in mail.outbox[0].subject


@pytest.mark.django_db
def test_department_head_reads_but_cannot_act(client, head, incident):
    client.force_login(head)
    assert client.get(reverse("reporting_incident:index")).status_code == 200
    page = client.get(reverse("reporting_incident:inspect", args=[incident.pk])).content.decode()
    assert 'name="target"' not in page
    assert_admin_refused(
        client.post(reverse("reporting_incident:transition", args=[incident.pk]), {"target": "verified"})
    )
    assert_admin_refused(client.get(reverse("reporting_incident:add")))
    assert_admin_refused(client.post(reverse("reporting_incident:edit", args=[incident.pk]), {"description": "x"}))
    incident.refresh_from_db()
    assert (incident.status, incident.description) == ("received", "Api di dapur rumah")
    assert list(incident.events.values_list("kind", flat=True)) == ["created"]


@pytest.mark.django_db
def test_citizen_has_no_back_office(client, citizen, incident):
    client.force_login(citizen)
    assert_admin_refused(client.get(reverse("reporting_incident:index")))
    assert_admin_refused(
        client.post(reverse("reporting_incident:transition", args=[incident.pk]), {"target": "verified"})
    )
    incident.refresh_from_db()
    assert incident.status == "received"


@pytest.mark.django_db
def test_dashboard_panel_for_dispatchers_and_head(client, dispatcher, head, citizen):
    for user in (dispatcher, head):
        client.force_login(user)
        page = client.get(reverse("wagtailadmin_home")).content.decode()
        # The dispatcher's home is the live board; the head's, the department dashboard.
        assert ("dispatch-board" if user == dispatcher else "head-dashboard") in page


@pytest.mark.django_db
def test_category_tree_in_admin(client, staff_user, reporting_setup):
    client.force_login(staff_user)
    page = client.get(reverse("wagtailsnippets_reporting_category:list")).content.decode()
    assert "Bangunan (rumah, toko, gudang)" in page


@pytest.mark.django_db
def test_edit_form_cannot_change_receipt_time_or_source(client, dispatcher, incident):
    client.force_login(dispatcher)
    url = reverse("reporting_incident:edit", args=[incident.pk])
    page = client.get(url).content.decode()
    assert 'name="received_at"' not in page and 'name="source"' not in page
    assert 'name="description"' in page


@pytest.mark.django_db
def test_edit_saves_without_touching_receipt_time(client, dispatcher, incident, kecamatan):
    client.force_login(dispatcher)
    received = incident.received_at
    response = client.post(
        reverse("reporting_incident:edit", args=[incident.pk]),
        {
            "category": incident.category_id,
            "description": "Diperbarui oleh petugas",
            "kecamatan": kecamatan.pk,
            "address": "Jl. Baru",
            "latitude": "-1.610000",
            "longitude": "103.613000",
            "received_at": "2000-01-01 00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    incident.refresh_from_db()
    assert incident.description == "Diperbarui oleh petugas" and incident.received_at == received
