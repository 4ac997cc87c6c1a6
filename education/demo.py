"""Demo education content: topics, 12 articles, two campaigns and one active alert,
in Indonesian with real wagtail-localize English translations.

The texts live in `education/demo/` (YAML, and Markdown pages in `id/` and `en/`);
this module maps them onto pages. Idempotent: whatever exists (found by slug) is
left alone, so a second run creates and changes nothing.
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
from portal.core import demo
from portal.core.demo import home_page, staff_account
from portal.core.places import Kecamatan
from portal.core.roles import EDITORS, MODERATORS
from portal.core.translation import translate

DATA = Path(__file__).resolve().parent / "demo"
MEDIA = Path(__file__).resolve().parent / "demo_media"
LEAFLET = "rencana-evakuasi.pdf"

# Local demo only (README, "Demo accounts").
DEMO_EDITOR_EMAIL = "editor.demo@damkar.example"
DEMO_MODERATOR_EMAIL = "moderator.demo@damkar.example"


def seed(log):
    staff_account(log, DEMO_EDITOR_EMAIL, "Eka", "Editor (demo)", EDITORS)
    staff_account(log, DEMO_MODERATOR_EMAIL, "Maya", "Moderator (demo)", MODERATORS)
    id_locale = Locale.objects.filter(language_code="id").first()
    en_locale = Locale.objects.filter(language_code="en").first()
    home = home_page(id_locale) if id_locale else None
    if home is None or en_locale is None:
        log("Education: no Indonesian home page or English locale yet; skipped.")
        return
    articles = demo.pages(DATA / "articles")
    topics = _topics(log, id_locale, en_locale)
    images = _images(log, {front["image"]: front["alt"] for front, _body, _strings in articles})
    leaflet = _leaflet(log)
    indexes, strings = demo.load(DATA / "indexes.yaml")
    articles_index = _index(log, home, ArticleIndexPage, indexes["articles"], strings, en_locale)
    pages = _articles(log, articles_index, articles, topics, images, leaflet, en_locale)
    campaigns_index = _index(log, home, CampaignIndexPage, indexes["campaigns"], strings, en_locale)
    _campaigns(log, campaigns_index, pages, images, en_locale)
    alerts_index = _index(log, home, AlertIndexPage, indexes["alerts"], strings, en_locale)
    _alert(log, alerts_index, en_locale)


@transaction.atomic
def _topics(log, id_locale, en_locale):
    topics = {}
    specs, strings = demo.load(DATA / "topics.yaml")
    for spec in specs:
        topic = Topic.objects.filter(locale=id_locale, slug=spec["slug"]).first()
        if topic is None:
            topic = Topic.objects.create(locale=id_locale, **spec)
            log(f"Topics: {topic.name} created.")
        if not topic.has_translation(en_locale):
            translate(topic, en_locale, strings)
        topics[spec["slug"]] = topic
    return topics


def _images(log, alts):
    Image = get_image_model()
    images = {}
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
def _index(log, home, model, spec, strings, en_locale):
    index = model.objects.child_of(home).first()
    if index is None:
        index = model(title=spec["title"], slug=spec["slug"], intro=f"<p>{spec['intro']}</p>", show_in_menus=True)
        home.add_child(instance=index)
        log(f"Pages: {index.title} created.")
    _publish_and_translate(index, strings, en_locale, log, index.title)
    return index


def build_body(items, leaflet=None):
    """StreamField data from the body items of a demo page (see `portal.core.demo.parse`)."""
    blocks = []
    for kind, *rest in items:
        if kind == "h":
            blocks.append({"type": "heading", "value": {"text": rest[0], "level": "h2"}})
        elif kind == "p":
            blocks.append({"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in rest)})
        elif kind == "do":
            heading, dos, donts = rest
            blocks.append({"type": "checklist", "value": {"heading": heading, "dos": dos, "donts": donts}})
        elif kind == "steps":
            heading, steps = rest
            steps = [{"title": title, "text": text} for title, text in steps]
            blocks.append({"type": "steps", "value": {"heading": heading, "steps": steps}})
        elif kind == "warn":
            tone, title, text = rest
            blocks.append({"type": "callout", "value": {"tone": tone, "title": title, "text": text}})
        elif kind == "faq":
            heading, pairs = rest
            faq = [{"question": question, "answer": f"<p>{answer}</p>"} for question, answer in pairs]
            blocks.append({"type": "faq", "value": {"heading": heading, "items": faq}})
        elif kind == "quote":
            quote, who = rest
            blocks.append({"type": "quote", "value": {"quote": quote, "attribution": who}})
        elif kind == "doc" and leaflet is not None:
            title, description = rest
            value = {"document": leaflet.pk, "title": title, "description": description}
            blocks.append({"type": "document", "value": value})
    return json.dumps(blocks)


def _articles(log, index, specs, topics, images, leaflet, en_locale):
    today = timezone.localdate()
    articles = {}
    for front, body, strings in specs:
        with transaction.atomic():
            article = ArticlePage.objects.child_of(index).filter(slug=front["slug"]).first()
            if article is None:
                article = ArticlePage(
                    title=front["title"],
                    slug=front["slug"],
                    summary=front["summary"],
                    hero_alt=front["alt"],
                    hero_image=images.get(front["image"]),
                    date=today - datetime.timedelta(days=front["days"]),
                    body=build_body(body, leaflet),
                )
                article.topic_links = [
                    ArticleTopic(topic=topics[slug], sort_order=i) for i, slug in enumerate(front["topics"])
                ]
                index.add_child(instance=article)
                log(f"Articles: {article.title} created.")
            _publish_and_translate(article, strings, en_locale, log, article.title)
            articles[front["slug"]] = article
    return articles


def _kecamatan(names):
    by_name = {k.name: k for k in Kecamatan.objects.filter(name__in=names)}
    return [by_name[name] for name in names if name in by_name]


def _campaigns(log, index, articles, images, en_locale):
    today = timezone.localdate()
    for front, body, strings in demo.pages(DATA / "campaigns"):
        with transaction.atomic():
            campaign = CampaignPage.objects.child_of(index).filter(slug=front["slug"]).first()
            if campaign is None:
                campaign = CampaignPage(
                    title=front["title"],
                    slug=front["slug"],
                    key_message=front["key_message"],
                    summary=front["summary"],
                    hero_alt=front["alt"],
                    cta_label=front["cta_label"],
                    hero_image=images.get(front["image"]),
                    start_date=today + datetime.timedelta(days=front["start"]),
                    end_date=today + datetime.timedelta(days=front["end"]),
                    cta_page=articles.get(front["cta_article"]),
                    body=build_body(body),
                )
                campaign.areas = [
                    CampaignArea(kecamatan=k, sort_order=i) for i, k in enumerate(_kecamatan(front["kecamatan"]))
                ]
                campaign.related_articles = [
                    CampaignArticle(article=articles[key], sort_order=i)
                    for i, key in enumerate(front["articles"])
                    if key in articles
                ]
                index.add_child(instance=campaign)
                log(f"Campaigns: {campaign.title} created.")
            _publish_and_translate(campaign, strings, en_locale, log, campaign.title)


@transaction.atomic
def _alert(log, index, en_locale):
    spec, strings = demo.load(DATA / "alert.yaml")
    alert = AlertPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if alert is None:
        now = timezone.now()
        alert = AlertPage(
            title=spec["title"],
            slug=spec["slug"],
            event=spec["event"],
            description=spec["description"],
            instruction=spec["instruction"],
            area_description=spec["area"],
            category="Fire",
            severity="Severe",
            urgency="Expected",
            certainty="Likely",
            onset=now - datetime.timedelta(hours=1),
            expires=now + datetime.timedelta(days=spec["days"]),
        )
        alert.areas = [AlertArea(kecamatan=k, sort_order=i) for i, k in enumerate(_kecamatan(spec["kecamatan"]))]
        index.add_child(instance=alert)
        log(f"Alerts: {alert.title} created (active for {spec['days']} days).")
    _publish_and_translate(alert, strings, en_locale, log, alert.title)
