"""Merges that keep their promise (issue 10, item 5): the kept incident shows each merged report's
description, photos, time and reporter contact, both link to each other, and a nearby duplicate
merges in one action from the inspect page."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from reporting.incidents import lifecycle
from reporting.incidents.forms import prepare_photos
from reporting.incidents.models import Incident, Status
from tests.admin_text import visible_text

from .conftest import jpeg_bytes

pytestmark = pytest.mark.django_db


def test_a_nearby_duplicate_merges_in_one_click_and_the_kept_incident_shows_it(
    client, dispatcher, make_incident, category, kecamatan
):
    from .conftest import INSIDE

    kept = make_incident(description="Asap tebal dari gudang", reporter_name="Sari", reporter_phone="+6281200000001")
    photos = prepare_photos([SimpleUploadedFile("api.jpg", jpeg_bytes(), content_type="image/jpeg")])
    duplicate, _created = lifecycle.create_incident(
        data={
            "category": category,
            "description": "Api terlihat di belakang gudang dekat pasar",
            "latitude": INSIDE[0],
            "longitude": INSIDE[1],
            "kecamatan": kecamatan,
            "address": "Jl. Contoh No. 3",
            "reporter_name": "Joko Saksi",
            "reporter_phone": "+6281299998888",
            "reporter_email": "joko@example.com",
        },
        photos=photos,
    )
    client.force_login(dispatcher)
    inspect = reverse("reporting_incident:inspect", args=[duplicate.pk])
    page = client.get(inspect).content.decode()
    # The nearby report is offered with a button that carries its code: nothing to retype.
    assert f'name="kept" value="{kept.tracking_code}"' in page

    response = client.post(
        reverse("reporting_incident:transition", args=[duplicate.pk]),
        {"target": Status.DUPLICATE, "kept": kept.tracking_code},
    )
    assert response.status_code == 302
    duplicate = Incident.objects.get(pk=duplicate.pk)
    assert duplicate.status == Status.DUPLICATE and duplicate.duplicate_of == kept

    kept_html = client.get(reverse("reporting_incident:inspect", args=[kept.pk])).content.decode()
    text = visible_text(kept_html)
    assert "Api terlihat di belakang gudang dekat pasar" in text
    assert "Joko Saksi" in text and "+6281299998888" in text and "joko@example.com" in text
    assert f'href="{inspect}"' in kept_html  # kept → merged
    photo = duplicate.photos.get()
    assert photo.image.url in kept_html

    merged_html = client.get(inspect).content.decode()
    assert f'href="{reverse("reporting_incident:inspect", args=[kept.pk])}"' in merged_html  # merged → kept
    assert "data-merged-into" in merged_html
