import pytest


@pytest.mark.django_db
def test_pages_render(client, topics, make_article, make_alert, campaign_index):
    article = make_article(topics=[topics["lpg"]])
    make_alert()
    index = article.get_parent()
    for url in [index.url, article.url, index.url + "?topic=lpg", "/id/", "/id/search/?q=artikel", "/id/search/?q=zzz",
                "/id/feeds/articles.rss", "/id/feeds/articles.atom", "/id/alerts/cap/", "/sitemap.xml",
                "/api/v2/articles/", "/api/v2/topics/", "/api/v2/alerts/", "/api/v2/campaigns/", campaign_index.url]:
        response = client.get(url)
        print(url, response.status_code)
        assert response.status_code == 200, (url, response.content[:3000])
    print(client.get(article.url).content.decode()[:6000])
