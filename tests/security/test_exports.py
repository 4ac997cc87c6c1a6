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
