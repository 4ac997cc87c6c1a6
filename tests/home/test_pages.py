import re

import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_to_a_language(client, site):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/id/"


def test_home_page_in_indonesian(client, site):
    response = client.get("/id/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="id">' in html
    assert "Darurat? Telepon 112 sekarang" in html
    assert 'href="tel:112"' in html
    assert "Dinas Pemadam Kebakaran dan Penyelamatan Kota Jambi" in html


def test_home_page_in_english(client, site):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Emergency? Call 112 now" in html
    assert "Jambi City Fire and Rescue Department" in html
    assert "Darurat? Telepon 112" not in html


def test_call_112_comes_before_the_report_section(client, site):
    html = client.get("/id/").content.decode()
    assert html.index('href="tel:112"') < html.index('id="report-heading"')


def test_language_switcher_links_to_the_translation(client, home_id, home_en):
    html = client.get("/id/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/en/"' in switcher
    assert 'aria-current="true" lang="id"' in switcher


def test_switcher_falls_back_to_the_other_home_page_and_says_so(client, home_id, home_en):
    from home.models import HomePage

    # A page that exists only in Indonesian.
    only_id = home_id.add_child(
        instance=HomePage(title="Hanya Indonesia", slug="hanya-id", emergency_heading="x", report_heading="y")
    )
    only_id.save_revision().publish()
    html = client.get("/id/hanya-id/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/en/"' in switcher
    assert "language-switcher__note" in switcher
    assert 'hreflang="en" href' not in " ".join(html.split("</head>")[0].split())


def test_hreflang_alternates(client, site):
    head = " ".join(client.get("/en/").content.decode().split("</head>")[0].split())
    assert '<link rel="alternate" hreflang="id" href="http://testserver/id/">' in head
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in head
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/id/">' in head


def test_interface_strings_are_translated(client, site):
    id_html = client.get("/id/").content.decode()
    en_html = client.get("/en/").content.decode()
    assert "Langsung ke konten" in id_html
    assert "Skip to content" in en_html


def test_public_page_is_cacheable_for_anonymous_visitors(client, site):
    response = client.get("/id/")
    assert "public" in response["Cache-Control"]


def test_contacts_come_from_site_settings(client, site):
    from home.models import DepartmentSettings

    contacts = DepartmentSettings.objects.get()
    contacts.main_phone = "(0741) 999888"
    contacts.save()
    html = client.get("/en/").content.decode()
    assert 'href="tel:0741999888"' in html


def test_cached_shell_follows_edits_to_contacts_wording_and_menu(client, home_id):
    from home.models import DepartmentIdentity, DepartmentSettings, HomePage

    client.get("/id/")  # the shell is now cached
    contacts = DepartmentSettings.objects.get()
    contacts.whatsapp = "0899-1234-5678"
    contacts.save()
    identity = DepartmentIdentity.objects.get(locale__language_code="id")
    identity.short_name = "Damkar Jambi Baru"
    identity.save()
    section = home_id.add_child(
        instance=HomePage(title="Bagian Baru", slug="bagian-baru", emergency_heading="x", report_heading="y")
    )
    section.show_in_menus = True
    section.save_revision().publish()

    html = client.get("/id/").content.decode()
    assert "0899-1234-5678" in html
    assert "Damkar Jambi Baru" in html
    assert 'href="/id/bagian-baru/"' in html


def test_shell_pages_menu_marks_the_current_section(client, home_id):
    from home.models import HomePage

    section = home_id.add_child(
        instance=HomePage(title="Bagian", slug="bagian", emergency_heading="x", report_heading="y", show_in_menus=True)
    )
    section.save_revision().publish()
    html = client.get("/id/bagian/").content.decode()
    assert '<a href="/id/bagian/" aria-current="page">Bagian</a>' in html
