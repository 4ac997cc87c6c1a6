"""Absolute links to the public site, from one setting (PUBLIC_BASE_URL).

Canonical links, og:url, the sitemap, feeds, CAP and emails all start with the
public address when it is set; without it (development) they follow the request.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings


def absolute_url(request, location):
    """`location` (a path) as a full URL on the public site; a full URL (a CDN's, a bucket's) is kept."""
    location = location or "/"
    bits = urlsplit(location)
    if bits.scheme and bits.netloc:
        return location
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL + location
    if request is not None:
        return request.build_absolute_uri(location)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + location


def rebase(url):
    """A full URL moved onto PUBLIC_BASE_URL's scheme and host (unchanged without it)."""
    if not settings.PUBLIC_BASE_URL or not url:
        return url
    base = urlsplit(settings.PUBLIC_BASE_URL)
    bits = urlsplit(url)
    if not bits.netloc:
        return absolute_url(None, url)
    return urlunsplit((base.scheme, base.netloc, bits.path, bits.query, bits.fragment))


def public_host(request):
    """The public host name, for "Hello from …" lines."""
    if settings.PUBLIC_BASE_URL:
        return urlsplit(settings.PUBLIC_BASE_URL).netloc
    return request.get_host() if request is not None else urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc


def page_url(request, page):
    """A Wagtail page's full public URL (None when it is not routable)."""
    parts = page.get_url_parts(request)
    if parts is None:
        return None
    _site_id, root_url, path = parts
    if settings.PUBLIC_BASE_URL or request is not None:
        return absolute_url(request, path)
    return (root_url or "") + path
