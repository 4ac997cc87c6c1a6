"""CSV exports hold no cell a spreadsheet would run as a formula."""

import csv
import io

import pytest

from portal.core.exports import neutralise


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-1.610000", "-1.610000"),  # a plain number is no formula
        ("+6281234567890", "+6281234567890"),
        ("Jl. Contoh = 5", "Jl. Contoh = 5"),
        (42, 42),
        (None, None),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


@pytest.mark.django_db
def test_incident_csv_export_neutralises_a_reporters_formula(client, dispatcher, make_incident):
    make_incident(address='=HYPERLINK("http://evil.example","klik")', landmark="@SUM(1+1)")
    client.force_login(dispatcher)
    response = client.get("/admin/reporting/incidents/", {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://evil.example","klik")' in cells
    assert "'@SUM(1+1)" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


@pytest.mark.django_db
def test_incident_csv_streams_its_header_first_and_writes_wib(client, dispatcher, make_incident):
    import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    received = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC)  # 1 December, 06:30 in Jambi
    incident = make_incident(received_at=received)
    client.force_login(dispatcher)
    response = client.get("/admin/reporting/incidents/", {"export": "csv"})
    assert response.streaming is True
    chunks = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as captured:
        header = next(chunks).decode()
    assert header.endswith("\r\n") and header.count(",") == 22  # the 23 headings, no row yet
    assert len(captured) == 0  # nothing read yet: the header left before the rows
    rows = list(csv.reader(io.StringIO(header + b"".join(chunks).decode())))
    row = next(r for r in rows if r[0] == incident.tracking_code)
    assert row[10] == "2026-12-01 06:30:00+07:00"  # received_at, in WIB


def test_every_admin_export_neutralises_and_streams():
    """Every viewset of every app that offers an export goes through portal.core.exports."""
    from django.urls import get_resolver

    from wagtail.admin.viewsets import viewsets

    from portal.core.exports import SafeCSVExportMixin

    get_resolver().url_patterns  # noqa: B018 (loading the URLs registers every viewset)
    exporting = []
    for viewset in viewsets.viewsets:
        export = getattr(viewset, "list_export", None)
        if isinstance(export, list | tuple) and export:  # Wagtail's own viewsets leave it UNDEFINED
            exporting.append(viewset)
            assert issubclass(viewset.index_view_class, SafeCSVExportMixin), viewset
    assert {type(m).__module__.split(".")[0] for m in exporting} >= {"reporting", "volunteers", "education"}
