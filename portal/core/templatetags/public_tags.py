"""Template tags for every public page: absolute links, the meta description, and
and the versions that key cached fragments."""

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from portal.core import freshness, reference
from portal.core.links import absolute_url

register = template.Library()

DESCRIPTION_LENGTH = 160


@register.simple_tag(takes_context=True)
def absolute(context, location):
    """`location` as a full URL on the public site (PUBLIC_BASE_URL, else the request's)."""
    return absolute_url(context.get("request"), location)


def describe(page):
    """A page's description: its search description, else its summary or intro, else None."""
    if page is None:
        return None
    for name in ("search_description", "summary", "intro", "description"):
        value = getattr(page, name, "")
        text = " ".join(strip_tags(str(value or "")).split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return None


@register.simple_tag(takes_context=True)
def page_description(context):
    """The meta description: the page's own words, else the site's."""
    return describe(context.get("page")) or _(
        "Kota Jambi fire and rescue department: call 112, report a fire or rescue need, "
        "fire-safety advice, alerts, volunteer trainings and building inspections."
    )


@register.simple_tag
def content_version():
    """The content version, for `{% wagtailcache %}` keys: fragments go stale with the page cache."""
    return freshness.version()


@register.simple_tag
def reference_version():
    """The version of categories and areas, for fragments of forms that list them (portal.core.reference)."""
    return reference.version()
