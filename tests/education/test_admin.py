"""Back office: the listings, the topic snippet and the page editor open for staff."""

import pytest

pytestmark = pytest.mark.django_db


def test_admin_screens_open(client, staff_user, topics, make_article, make_alert, campaign_index):
    article = make_article(topics=[topics["lpg"]])
    alert = make_alert()
    client.force_login(staff_user)
    for url in (
        "/admin/education_articles/",
        "/admin/education_campaigns/",
        "/admin/education_alerts/",
        "/admin/education_alerts/?severity=Severe",
        "/admin/snippets/education/topic/",
        f"/admin/snippets/education/topic/inspect/{topics['lpg'].pk}/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{alert.pk}/edit/",
        f"/admin/pages/add/education/campaignpage/{campaign_index.pk}/",
        "/admin/snippets/education/topic/?export=csv",
        "/admin/education_articles/?export=xlsx",
    ):
        response = client.get(url)
        assert response.status_code == 200, url


def test_every_block_has_icon_template_description_and_preview():
    from education.blocks import BodyBlock

    for block in BodyBlock().child_blocks.values():
        assert block.meta.description, block.name
        assert block.meta.icon, block.name
        assert block.meta.template, block.name
        assert block.is_previewable, block.name
        html = block.render(block.get_preview_value())
        assert html.strip(), block.name


def test_block_previews_open_in_the_admin(client, staff_user):
    from django.urls import reverse

    from education.models import ArticlePage

    client.force_login(staff_user)
    body = ArticlePage._meta.get_field("body").stream_block
    for block in body.child_blocks.values():
        response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
        assert response.status_code == 200, block.name
        assert "education.css" in response.content.decode()


def test_exports(client, staff_user, topics, make_article):
    make_article(topics=[topics["lpg"]])
    client.force_login(staff_user)
    response = client.get("/admin/snippets/education/topic/?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "lpg" in b"".join(response.streaming_content).decode()
    response = client.get("/admin/education_articles/?export=xlsx")
    assert "spreadsheetml" in response["Content-Type"]
