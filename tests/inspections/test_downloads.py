"""Private documents behind nginx: the app checks, nginx sends the bytes."""

from django.urls import reverse

import pytest

from reporting.inspections.models import InspectionRequest
from tests.inspections.conftest import pdf_upload
from tests.inspections.test_pages import form_data


@pytest.fixture
def document(client, applicant, areas):
    client.force_login(applicant)
    client.post(reverse("inspections:request"), {**form_data(areas), "documents": [pdf_upload()]})
    inspection = InspectionRequest.objects.get()
    return inspection, inspection.documents.get()


def test_a_private_document_goes_out_through_nginx_after_the_check(client, document, other_applicant, settings):
    inspection, doc = document
    url = reverse("inspections:document", args=[inspection.pk, doc.pk])
    streamed = client.get(url)
    assert streamed.status_code == 200 and b"".join(streamed.streaming_content).startswith(b"%PDF")

    settings.PRIVATE_MEDIA_ACCEL_REDIRECT = "/protected-media/"
    accel = client.get(url)
    assert accel.status_code == 200
    assert accel["X-Accel-Redirect"] == f"/protected-media/{doc.file.name}"
    assert accel.content == b""
    assert accel["Content-Disposition"].startswith("attachment")

    client.force_login(other_applicant)
    refused = client.get(url)
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused
