"""Demo education content: topics, 12 articles, two campaigns and one active alert,
in Indonesian with real wagtail-localize English translations.

Idempotent: whatever exists (found by slug) is left alone, so a second run
creates and changes nothing.
"""

import datetime
import json
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from education.demo_content import ALERT, ARTICLES, CAMPAIGNS, INDEXES, TOPICS
from education.models import (
    AlertArea,
    AlertIndexPage,
    AlertPage,
    ArticleIndexPage,
    ArticlePage,
    ArticleTopic,
    CampaignArea,
    CampaignArticle,
    CampaignIndexPage,
    CampaignPage,
    Topic,
)
from portal.core.demo import home_page
from portal.core.places import Kecamatan
from portal.core.translation import translate

MEDIA = Path(__file__).resolve().parent / "demo_media"
LEAFLET = "rencana-evakuasi.pdf"


class Strings(dict):
    """Source text → English, collected while the Indonesian content is built."""

    def id(self, pair):
        source, english = pair
        self[source] = english
        return source


def seed(log):
    id_locale = Locale.objects.filter(language_code="id").first()
    en_locale = Locale.objects.filter(language_code="en").first()
    home = home_page(id_locale) if id_locale else None
    if home is None or en_locale is None:
        log("Education: no Indonesian home page or English locale yet; skipped.")
        return
    topics = _topics(log, id_locale, en_locale)
    images = _images(log)
    leaflet = _leaflet(log)
    articles_index = _index(log, home, ArticleIndexPage, INDEXES["articles"], en_locale)
    articles = _articles(log, articles_index, topics, images, leaflet, en_locale)
    campaigns_index = _index(log, home, CampaignIndexPage, INDEXES["campaigns"], en_locale)
    _campaigns(log, campaigns_index, articles, images, en_locale)
    alerts_index = _index(log, home, AlertIndexPage, INDEXES["alerts"], en_locale)
    _alert(log, alerts_index, en_locale)


@transaction.atomic
def _topics(log, id_locale, en_locale):
    topics = {}
    for slug, name, description in TOPICS:
        topic = Topic.objects.filter(locale=id_locale, slug=slug).first()
        if topic is None:
            topic = Topic.objects.create(locale=id_locale, slug=slug, name=name[0], description=description[0])
            log(f"Topics: {topic.name} created.")
        if not topic.has_translation(en_locale):
            translate(topic, en_locale, dict([name, description]))
        topics[slug] = topic
    return topics


def _images(log):
    Image = get_image_model()
    images = {}
    alts = {article["image"]: article["alt"][0] for article in ARTICLES}
    for path in sorted(MEDIA.glob("*.png")):
        title = f"Ilustrasi: {path.stem}"
        image = Image.objects.filter(title=title).first()
        if image is None:
            with path.open("rb") as handle:
                image = Image(title=title, description=alts.get(path.stem, ""), file=File(handle, name=path.name))
                image.save()
            log(f"Images: {path.name} added.")
        images[path.stem] = image
    return images


def _leaflet(log):
    Document = get_document_model()
    title = "Leaflet rencana evakuasi rumah"
    document = Document.objects.filter(title=title).first()
    if document is None:
        with (MEDIA / LEAFLET).open("rb") as handle:
            document = Document(title=title, file=File(handle, name=LEAFLET))
            document.save()
        log("Documents: evacuation leaflet added.")
    return document


def _publish_and_translate(page, strings, en_locale, log, label):
    # A page added with add_child() is live but has no published revision yet:
    # publish one, so it has a first publication date and a history.
    if page.live_revision_id is None:
        page.save_revision().publish()
    if not page.has_translation(en_locale):
        translate(page, en_locale, strings)
        log(f"Pages: {label} translated.")


@transaction.atomic
def _index(log, home, model, spec, en_locale):
    strings = Strings()
    index = model.objects.child_of(home).first()
    if index is None:
        index = model(
            title=strings.id(spec["title"]),
            slug=strings.id(spec["slug"]),
            intro=f"<p>{strings.id(spec['intro'])}</p>",
            show_in_menus=True,
        )
        home.add_child(instance=index)
        log(f"Pages: {index.title} created.")
    else:
        for key in ("title", "slug", "intro"):
            strings.id(spec[key])
    _publish_and_translate(index, strings, en_locale, log, index.title)
    return index


def build_body(items, strings, leaflet=None):
    """StreamField data from the compact (kind, …) items of demo_content."""
    blocks = []
    for item in items:
        kind = item[0]
        if kind == "h":
            blocks.append({"type": "heading", "value": {"text": strings.id(item[1]), "level": "h2"}})
        elif kind == "p":
            blocks.append({"type": "paragraph", "value": "".join(f"<p>{strings.id(p)}</p>" for p in item[1:])})
        elif kind == "do":
            _kind, heading, dos, donts = item
            blocks.append(
                {
                    "type": "checklist",
                    "value": {
                        "heading": strings.id(heading) if heading else "",
                        "dos": [strings.id(text) for text in dos],
                        "donts": [strings.id(text) for text in donts],
                    },
                }
            )
        elif kind == "steps":
            _kind, heading, steps = item
            blocks.append(
                {
                    "type": "steps",
                    "value": {
                        "heading": strings.id(heading) if heading else "",
                        "steps": [{"title": strings.id(title), "text": strings.id(text)} for title, text in steps],
                    },
                }
            )
        elif kind == "warn":
            _kind, tone, title, text = item
            blocks.append(
                {"type": "callout", "value": {"tone": tone, "title": strings.id(title), "text": strings.id(text)}}
            )
        elif kind == "faq":
            _kind, heading, pairs = item
            blocks.append(
                {
                    "type": "faq",
                    "value": {
                        "heading": strings.id(heading),
                        "items": [
                            {"question": strings.id(question), "answer": f"<p>{strings.id(answer)}</p>"}
                            for question, answer in pairs
                        ],
                    },
                }
            )
        elif kind == "quote":
            _kind, quote, who = item
            blocks.append({"type": "quote", "value": {"quote": strings.id(quote), "attribution": strings.id(who)}})
        elif kind == "doc" and leaflet is not None:
            _kind, title, description = item
            blocks.append(
                {
                    "type": "document",
                    "value": {
                        "document": leaflet.pk,
                        "title": strings.id(title),
                        "description": strings.id(description),
                    },
                }
            )
    return json.dumps(blocks)


def _articles(log, index, topics, images, leaflet, en_locale):
    today = timezone.localdate()
    articles = {}
    for spec in ARTICLES:
        with transaction.atomic():
            strings = Strings()
            slug = spec["slug"][0]
            article = ArticlePage.objects.child_of(index).filter(slug=slug).first()
            body = build_body(spec["body"], strings, leaflet)
            fields = {
                "title": strings.id(spec["title"]),
                "slug": strings.id(spec["slug"]),
                "summary": strings.id(spec["summary"]),
                "hero_alt": strings.id(spec["alt"]),
            }
            if article is None:
                article = ArticlePage(
                    **fields,
                    hero_image=images.get(spec["image"]),
                    date=today - datetime.timedelta(days=spec["days"]),
                    body=body,
                )
                article.topic_links = [
                    ArticleTopic(topic=topics[slug], sort_order=i) for i, slug in enumerate(spec["topics"])
                ]
                index.add_child(instance=article)
                log(f"Articles: {article.title} created.")
            _publish_and_translate(article, strings, en_locale, log, article.title)
            articles[slug] = article
    return articles


def _kecamatan(names):
    by_name = {k.name: k for k in Kecamatan.objects.filter(name__in=names)}
    return [by_name[name] for name in names if name in by_name]


def _campaigns(log, index, articles, images, en_locale):
    today = timezone.localdate()
    for spec in CAMPAIGNS:
        with transaction.atomic():
            strings = Strings()
            slug = spec["slug"][0]
            campaign = CampaignPage.objects.child_of(index).filter(slug=slug).first()
            fields = {
                "title": strings.id(spec["title"]),
                "slug": strings.id(spec["slug"]),
                "key_message": strings.id(spec["key_message"]),
                "summary": strings.id(spec["summary"]),
                "hero_alt": strings.id(spec["alt"]),
                "cta_label": strings.id(spec["cta_label"]),
            }
            body = build_body(spec["body"], strings)
            if campaign is None:
                campaign = CampaignPage(
                    **fields,
                    hero_image=images.get(spec["image"]),
                    start_date=today + datetime.timedelta(days=spec["start"]),
                    end_date=today + datetime.timedelta(days=spec["end"]),
                    cta_page=articles.get(spec["cta_article"]),
                    body=body,
                )
                campaign.areas = [
                    CampaignArea(kecamatan=k, sort_order=i) for i, k in enumerate(_kecamatan(spec["kecamatan"]))
                ]
                campaign.related_articles = [
                    CampaignArticle(article=articles[key], sort_order=i)
                    for i, key in enumerate(spec["articles"])
                    if key in articles
                ]
                index.add_child(instance=campaign)
                log(f"Campaigns: {campaign.title} created.")
            _publish_and_translate(campaign, strings, en_locale, log, campaign.title)


@transaction.atomic
def _alert(log, index, en_locale):
    strings = Strings()
    slug = ALERT["slug"][0]
    alert = AlertPage.objects.child_of(index).filter(slug=slug).first()
    fields = {
        key: strings.id(ALERT[source])
        for key, source in (
            ("title", "title"),
            ("slug", "slug"),
            ("event", "event"),
            ("description", "description"),
            ("instruction", "instruction"),
            ("area_description", "area"),
        )
    }
    if alert is None:
        now = timezone.now()
        alert = AlertPage(
            **fields,
            category="Fire",
            severity="Severe",
            urgency="Expected",
            certainty="Likely",
            onset=now - datetime.timedelta(hours=1),
            expires=now + datetime.timedelta(days=ALERT["days"]),
        )
        alert.areas = [AlertArea(kecamatan=k, sort_order=i) for i, k in enumerate(_kecamatan(ALERT["kecamatan"]))]
        index.add_child(instance=alert)
        log(f"Alerts: {alert.title} created (active for {ALERT['days']} days).")
    _publish_and_translate(alert, strings, en_locale, log, alert.title)
