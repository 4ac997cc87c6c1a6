"""robots.txt: everything public may be crawled except the private and form-result areas; the sitemap is announced."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from portal.core.links import absolute_url

DISALLOW = ["/admin/", "/django-admin/", "/api/", "/_media-auth", "/metrics", "/*/accounts/", "/*/search/"]


@require_safe
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = ["User-agent: *", *[f"Disallow: {path}" for path in DISALLOW], ""]
    lines.append(f"Sitemap: {absolute_url(request, reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
