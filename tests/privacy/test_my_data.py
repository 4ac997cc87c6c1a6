"""The "My data" page for every signed-in person, in both languages, linked from My account."""

import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["id", "en"])
def test_person_with_no_role_sees_what_is_held(client, make_user, site, language):
    user = make_user(email="biasa@example.test")
    client.force_login(user)
    overview = client.get(f"/{language}/accounts/profile/").content.decode()
    assert f"/{language}/accounts/my-data/" in overview
    response = client.get(f"/{language}/accounts/my-data/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "biasa@example.test" in page
    assert f'lang="{language}"' in page
    assert f"/{language}/accounts/my-data.json" in page and f"/{language}/accounts/delete/" in page
    data = json.loads(client.get(f"/{language}/accounts/my-data.json").content)
    assert set(data) == {"exported_at", "account"}


def test_volunteer_and_applicant_sees_every_part(client, volunteer, give_volunteering, give_requests):
    give_volunteering(volunteer)
    give_requests(volunteer.user)
    client.force_login(volunteer.user)
    page = client.get("/en/accounts/my-data/").content.decode()
    for text in ("Rina Marlina Sari", "Pak Joko Darurat", "Pelatihan Gambut", "Hotel Contoh", "Sinta Kontakgedung"):
        assert text in page, text
    data = json.loads(client.get("/en/accounts/my-data.json").content)
    assert {"account", "volunteering", "inspections"} <= set(data)


def test_my_data_needs_sign_in(client, site):
    assert client.get("/en/accounts/my-data/").status_code == 302
    assert client.get("/en/accounts/my-data.json").status_code == 302
