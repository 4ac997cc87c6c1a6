"""Builders for education content: index pages under both home pages, topics, articles."""

import datetime
import itertools
import json

from django.utils import timezone

import pytest

_counter = itertools.count(1)

BODY = [
    {"type": "heading", "value": {"text": "Sebelum memasak", "level": "h2"}},
    {"type": "paragraph", "value": "<p>Jangan tinggalkan kompor yang menyala.</p>"},
    {
        "type": "checklist",
        "value": {"heading": "Dapur", "dos": ["Matikan kompor"], "donts": ["Jangan siram minyak dengan air"]},
    },
    {
        "type": "steps",
        "value": {"heading": "PASS", "steps": [{"title": "Tarik pin", "text": "Tarik pin pengaman."}]},
    },
    {"type": "callout", "value": {"tone": "danger", "title": "Bahaya", "text": "Keluar dan telepon 112."}},
    {
        "type": "faq",
        "value": {
            "heading": "Tanya jawab",
            "items": [{"question": "Apakah gratis?", "answer": "<p>Ya, layanan Damkar gratis.</p>"}],
        },
    },
    {"type": "quote", "value": {"quote": "Cegah lebih baik.", "attribution": "Damkar"}},
]


def translate_now(capture, instance, locale, strings):
    """Translate and publish at once, one commit per object as in the admin.

    wagtail-localize publishes on commit; publishing a parent's translation after
    its child was added would write back the parent's stale tree fields, so each
    translation gets its own captured commit.
    """
    from portal.core.translation import translate

    with capture(execute=True):
        translate(instance, locale, strings)
    return instance.get_translation(locale)


def make_image(title="Gambar uji"):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    return Image.objects.create(title=title, file=get_test_image_file(size=(640, 360)))


@pytest.fixture
def topics(site):
    from wagtail.models import Locale

    from education.models import Topic

    locale = Locale.objects.get(language_code="id")
    return {
        "listrik": Topic.objects.create(locale=locale, name="Listrik", slug="listrik"),
        "lpg": Topic.objects.create(locale=locale, name="LPG", slug="lpg"),
    }


@pytest.fixture
def article_index(home_id):
    from education.models import ArticleIndexPage

    index = home_id.add_child(instance=ArticleIndexPage(title="Edukasi", slug="edukasi", show_in_menus=True))
    index.save_revision().publish()
    return index


@pytest.fixture
def make_article(article_index):
    from education.models import ArticlePage, ArticleTopic

    def make(title=None, topics=(), image=True, parent=None, date=None, publish=True, body=None):
        n = next(_counter)
        title = title or f"Artikel keselamatan {n}"
        article = ArticlePage(
            title=title,
            slug=f"artikel-{n}",
            summary=f"Ringkasan {title}.",
            hero_image=make_image() if image else None,
            hero_alt="Ilustrasi",
            date=date or timezone.localdate() - datetime.timedelta(days=n % 30),
            body=json.dumps(BODY if body is None else body),
            live=publish,
        )
        article.topic_links = [ArticleTopic(topic=topic) for topic in topics]
        (parent or article_index).add_child(instance=article)
        revision = article.save_revision()
        if publish:
            revision.publish()
        return article

    return make


@pytest.fixture
def campaign_index(home_id):
    from education.models import CampaignIndexPage

    index = home_id.add_child(instance=CampaignIndexPage(title="Kampanye", slug="kampanye", show_in_menus=True))
    index.save_revision().publish()
    return index


@pytest.fixture
def alert_index(home_id):
    from education.models import AlertIndexPage

    index = home_id.add_child(instance=AlertIndexPage(title="Peringatan", slug="peringatan", show_in_menus=True))
    index.save_revision().publish()
    return index


@pytest.fixture
def make_alert(alert_index):
    from education.models import AlertArea, AlertPage
    from portal.core.places import Kecamatan

    def make(title="Larangan membakar lahan", severity="Severe", onset=None, expires=None, **kwargs):
        now = timezone.now()
        n = next(_counter)
        alert = AlertPage(
            title=title,
            slug=f"peringatan-{n}",
            event="Larangan membakar",
            severity=severity,
            urgency="Expected",
            certainty="Likely",
            description="Musim kemarau: api mudah menjalar di lahan gambut.",
            instruction="Jangan membakar sampah atau lahan. Laporkan asap ke 112.",
            area_description="Seluruh Kota Jambi",
            onset=onset or now - datetime.timedelta(hours=1),
            expires=expires or now + datetime.timedelta(days=3),
            **kwargs,
        )
        alert.areas = [AlertArea(kecamatan=k) for k in Kecamatan.objects.all()[:2]]
        alert_index.add_child(instance=alert)
        alert.save_revision().publish()
        return alert

    return make
