"""Public pages of this app, mounted under the language prefix (/id/, /en/)."""

from django.urls import path

from education import feeds, subscriptions, views

app_name = "education"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("feeds/articles.rss", feeds.ArticleFeed(), name="articles_rss"),
    path("feeds/articles.atom", feeds.AtomArticleFeed(), name="articles_atom"),
    path("alerts/cap/", feeds.CapIndexFeed(), name="cap_index"),
    path("alerts/cap/<uuid:key>.xml", views.cap_alert, name="cap_alert"),
    path("alerts/subscribe/", subscriptions.subscribe, name="subscribe"),
    path("alerts/subscribe/sent/", subscriptions.sent, name="subscription_sent"),
    path("alerts/subscription/<str:token>/", subscriptions.manage, name="subscription_manage"),
    path("alerts/subscription/<str:token>/confirm/", subscriptions.confirm, name="subscription_confirm"),
    path("alerts/subscription/<str:token>/data.json", subscriptions.export, name="subscription_export"),
    path("alerts/subscription/<str:token>/unsubscribe/", subscriptions.unsubscribe, name="subscription_unsubscribe"),
]
