import pytest

from home.models import DepartmentSettings

pytestmark = pytest.mark.django_db


def test_staff_edit_hotlines_in_the_admin_and_the_site_shows_them(client, staff_user, site):
    client.force_login(staff_user)
    contacts = DepartmentSettings.objects.get()
    url = f"/admin/settings/home/departmentsettings/{site.pk}/"
    form = client.get(url)
    assert form.status_code == 200

    hotlines = list(contacts.hotlines.all())
    data = {
        "identity": contacts.identity_id,
        "emergency_number": "112",
        "main_phone": "(0741) 123456",
        "whatsapp": "0811-000-111",
        "email": "damkar@example.org",
        "address": "Jl. Contoh 1, Kota Jambi",
        "facebook_url": "",
        "instagram_url": "",
        "youtube_url": "",
        "tiktok_url": "",
        "x_url": "",
        "hotlines-TOTAL_FORMS": str(len(hotlines) + 1),
        "hotlines-INITIAL_FORMS": str(len(hotlines)),
        "hotlines-MIN_NUM_FORMS": "0",
        "hotlines-MAX_NUM_FORMS": "1000",
    }
    for i, hotline in enumerate(hotlines):
        data |= {
            f"hotlines-{i}-id": hotline.pk,
            f"hotlines-{i}-kind": hotline.kind,
            f"hotlines-{i}-name": hotline.name,
            f"hotlines-{i}-number": hotline.number,
            f"hotlines-{i}-ORDER": str(i + 1),
            f"hotlines-{i}-DELETE": "",
        }
    new = len(hotlines)
    data |= {
        f"hotlines-{new}-id": "",
        f"hotlines-{new}-kind": "post",
        f"hotlines-{new}-name": "Pos Paal Merah",
        f"hotlines-{new}-number": "(0741) 555777",
        f"hotlines-{new}-ORDER": str(new + 1),
        f"hotlines-{new}-DELETE": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    contacts.refresh_from_db()
    assert contacts.main_phone == "(0741) 123456"
    assert contacts.hotlines.filter(name="Pos Paal Merah", number="(0741) 555777").exists()

    client.logout()
    for lang in ("id", "en"):
        html = client.get(f"/{lang}/").content.decode()
        assert 'href="tel:0741123456"' in html
        assert "Pos Paal Merah" in html


def test_department_wording_is_translated_per_language(client, site):
    from home.models import DepartmentIdentity

    english = DepartmentIdentity.objects.get(locale__language_code="en")
    english.short_name = "Jambi Fire Rescue"
    english.save()
    assert "Jambi Fire Rescue" in client.get("/en/").content.decode()
    assert "Jambi Fire Rescue" not in client.get("/id/").content.decode()
