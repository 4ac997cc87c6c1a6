"""Public pages of this app, mounted under the language prefix (/id/, /en/)."""

from django.urls import path

from education import feeds, views

app_name = "education"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("feeds/articles.rss", feeds.ArticleFeed(), name="articles_rss"),
    path("feeds/articles.atom", feeds.AtomArticleFeed(), name="articles_atom"),
    path("alerts/cap/", feeds.CapIndexFeed(), name="cap_index"),
    path("alerts/cap/<uuid:key>.xml", views.cap_alert, name="cap_alert"),
]
