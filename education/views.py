from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from wagtail.models import Locale, Page

from education import cap
from education.models import AlertPage, ArticleIndexPage, ArticlePage, CampaignPage, Topic
from portal.core.routing import public

SEARCH_PAGE_SIZE = 10
MAX_QUERY_LENGTH = 100


@require_safe
def search(request):
    """Articles, campaigns and alerts in the active language, with the query highlighted."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    locale = Locale.get_active()
    page_obj = None
    if query:
        pages = (
            public(Page.objects.live())
            .filter(locale=locale)
            .type(ArticlePage, CampaignPage, AlertPage)
            .specific()
            .search(query)
        )
        paginator = Paginator(pages, SEARCH_PAGE_SIZE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
    context = {
        "query": query,
        "page_obj": page_obj,
        "results": page_obj.object_list if page_obj else [],
        "topics": Topic.for_locale(locale) if not page_obj or not page_obj.object_list else [],
        "article_index": ArticleIndexPage.objects.live().filter(locale=locale).first(),
    }
    return render(request, "education/search.html", context)


@require_safe
def cap_alert(request, key):
    """One alert as a CAP 1.2 message, with an <info> per published language."""
    translations = list(public(AlertPage.objects.live()).filter(translation_key=key).select_related("locale"))
    if not translations:
        raise Http404
    language = request.LANGUAGE_CODE
    translations.sort(key=lambda alert: (alert.locale.language_code != language, alert.locale.language_code))
    # Expired alerts stay readable for the record, answered with 410 Gone so pollers drop them.
    status = 410 if translations[0].expires <= timezone.now() else 200
    return HttpResponse(
        cap.to_bytes(cap.build_alert(translations, request)),
        status=status,
        content_type=f"{cap.CAP_CONTENT_TYPE}; charset=utf-8",
    )
