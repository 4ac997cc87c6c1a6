"""Education content: topics, articles, campaigns and alerts (one module each)."""

from .alerts import AlertArea, AlertIndexPage, AlertPage, Category, Certainty, Severity, Urgency
from .articles import ArticleIndexPage, ArticlePage, ArticleTopic
from .base import CARD_SPEC, HERO_SPEC, CardMixin, with_cards
from .campaigns import CampaignArea, CampaignArticle, CampaignIndexPage, CampaignPage
from .subscriptions import AlertDelivery, AlertSubscription
from .topics import Topic, pick_translations

__all__ = [
    "CARD_SPEC",
    "HERO_SPEC",
    "AlertArea",
    "AlertDelivery",
    "AlertIndexPage",
    "AlertPage",
    "AlertSubscription",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleTopic",
    "CampaignArea",
    "CampaignArticle",
    "CampaignIndexPage",
    "CampaignPage",
    "CardMixin",
    "Category",
    "Certainty",
    "Severity",
    "Topic",
    "Urgency",
    "pick_translations",
    "with_cards",
]
