"""Wagtail routing and view restrictions from the cache.

Serving a Wagtail page asks the database for the site, the active locale, the
root page, then two rows per level of the URL (the child by slug, then its
specific row), then the page's ancestors and their view restrictions: about
ten queries before the page's own content, on every uncached request. None of
it changes without an edit, and every edit that could change it (a page, a
site, a view restriction, all in wagtailcore) bumps the content version of
portal.core.freshness. So the answers are kept in the shared cache under that
version: a page is then found with no query at all.

Restrictions are stored as plain values (ids and paths); the site and each
route's page as their model instances, as Django's cache pickles them, so a
page is served with no query to find it.
The answers reach Wagtail through the per-request memos its own docstrings name
(`request._wagtail_site` in Site.find_for_request, `request._wagtail_route_for_request`
in Page.route_for_request): if a Wagtail upgrade renames them, pages are still
served correctly, only with the queries again (tests/*/test_query_budget.py say so).
"""

from django.core.cache import cache
from django.db.models import Q
from django.utils import translation

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from portal.core import freshness


def find_site(request):
    """Site.find_for_request(), cached; Wagtail then reuses it (request._wagtail_site)."""
    if not hasattr(request, "_wagtail_site"):
        # With its root page (select_related); None where no site matches.
        key = f"site:{request._get_raw_host()}:{request.get_port()}"
        request._wagtail_site = freshness.remember(key, lambda: Site.find_for_request(request))
    return request._wagtail_site


def restricted_paths():
    """(restriction id, page path) of every page view restriction: usually none."""
    return freshness.remember("restrictions", lambda: list(PageViewRestriction.objects.values_list("pk", "page__path")))


def private_q():
    """Wagtail's PageQuerySet.private_q() without its query: pages under a view restriction."""
    q = Q()
    for _pk, path in restricted_paths():
        q |= Q(path__startswith=path)
    return q


def public(queryset):
    """queryset.public() without a query per call."""
    q = private_q()
    return queryset.exclude(q) if q else queryset


class CachedViewRestrictionsMixin:
    """For page models: their view restrictions from the cache (Wagtail checks them on every serve)."""

    def get_view_restrictions(self):
        if self.alias_of_id:
            return super().get_view_restrictions()
        ids = [pk for pk, path in restricted_paths() if self.path.startswith(path)]
        return PageViewRestriction.objects.filter(pk__in=ids) if ids else PageViewRestriction.objects.none()


def prime_route(request, path):
    """Resolve the page for `path` from the cache and hand it to Wagtail's serve view.

    The page itself is kept, so an uncached request reads no row to find it.
    A page model may name forward foreign keys in `route_select_related`
    (a hero image): they are fetched with the page and kept with it.
    """
    site = find_site(request)
    if site is None or hasattr(request, "_wagtail_route_for_request"):
        return
    key = f"portal:route:{freshness.version()}:{site.pk}:{translation.get_language()}:{path}"
    found = cache.get(key)
    if found is None:
        result = Page.route_for_request(request, path)
        if result is None:
            return  # not stored: unknown paths must not fill the cache
        page, args, kwargs = result
        model = type(page)
        page = model.objects.select_related(*getattr(model, "route_select_related", ())).get(pk=page.pk)
        found = (page, tuple(args), dict(kwargs))
        cache.set(key, found, freshness.timeout())
    request._wagtail_route_for_request = RouteResult(*found)


class RoutingCacheMiddleware:
    """Prime Wagtail's page serving with the cached site and route."""

    def __init__(self, get_response):
        from wagtail.views import serve  # needs the app registry, which models importing this module precede

        self.get_response = get_response
        self.serve = serve

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is self.serve and request.method in ("GET", "HEAD"):
            prime_route(request, view_args[0] if view_args else view_kwargs.get("path", ""))
