"""One number that says how fresh the published content is.

Every cached public page is stored under the current content version; when an
editor publishes, unpublishes, moves or deletes a page, or saves a snippet, a
setting, an image or anything else a public page shows, the version goes up and
every cached page is stale at once. Rebuilding a page costs tens of
milliseconds, so forgetting all of them on each edit is cheaper than tracking
which page shows what.

Which models count is a setting, by app label (PAGE_CACHE_CONTENT_APPS), so
intake data (reports, inspection requests, sessions, tasks) never empties the
cache. Renditions are excluded: Wagtail creates one the first time a page is
rendered, which must not invalidate the page being built.

Some content changes with no edit at all (an alert's onset and expiry): apps
register a schedule, and the version also goes up once the next such moment
has passed, so no cached page outlives it.
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject

from wagtail.images.models import AbstractRendition
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "portal:content-version"
NEXT_CHANGE_KEY = "portal:content-next-change"
QUIET_DAY = 24 * 3600  # with nothing scheduled, look again tomorrow
_schedules = []
# The version read once for the current request (see pinned()); None outside one.
_pinned = ContextVar("portal_content_version", default=None)

DEFAULT_CONTENT_APPS = (
    "home",
    "education",
    "volunteers",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtailsearchpromotions",
    "taggit",
)
# wagtailcore models written on every request or edit that change nothing public.
IGNORED_MODELS = {"wagtailcore.pagelogentry", "wagtailcore.modellogentry", "wagtailcore.referenceindex"}


def revalidate_each_time(response):
    """Browsers and proxies ask again on every view; the application's page cache may still store it.

    For pages whose figures change with visitors' actions (a training's seats):
    the page cache is safe for them, since every such change bumps the content
    version, but a copy in a browser or proxy would not be told. `max-age=0,
    must-revalidate` makes them revalidate (ConditionalGetMiddleware's ETag
    turns that into a 304, answered from the page cache).
    """
    patch_cache_control(response, max_age=0, must_revalidate=True)
    response.page_cache_storable = True
    return response


def register_schedule(next_change):
    """`next_change(now)` returns the next moment public content changes by itself, or None."""
    _schedules.append(next_change)


def version():
    """The current content version (created on first use; goes up at each edit and scheduled moment)."""
    held = _pinned.get()
    if held:
        return held[0]
    current = _read()
    if held is not None:
        held.append(current)
    return current


@contextmanager
def pinned():
    """Within the block (a request), the version is read once.

    Every fragment and memo of one response then belongs to the same version,
    and a page costs one cache read for it instead of one per lookup. A bump
    inside the block is seen at once.
    """
    token = _pinned.set([])
    try:
        yield
    finally:
        _pinned.reset(token)


def _read():
    values = cache.get_many([VERSION_KEY, NEXT_CHANGE_KEY])
    now = timezone.now()
    due = values.get(NEXT_CHANGE_KEY)
    if due is not None and now.timestamp() >= due:
        bump()
        values = {}
    if due is None or not values:
        moments = [moment for moment in (schedule(now) for schedule in _schedules) if moment is not None]
        due = min(moments).timestamp() if moments else now.timestamp() + QUIET_DAY
        cache.set(NEXT_CHANGE_KEY, due, None)
    current = values.get(VERSION_KEY)
    return current if current is not None else cache.get_or_set(VERSION_KEY, time.time_ns, None)


_MISSING = object()


def remember(name, compute):
    """compute(), kept in the shared cache until the content changes.

    For what every public page shows and only an edit or a scheduled moment
    changes (active alerts, a listing's cards): one computation per content
    version for all app servers, gone stale together with the page cache.
    """
    key = f"portal:{name}:{version()}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout())
    return value


def page_of(name, rows, per_page, number):
    """A page of `rows()` (a queryset factory) for a listing kept in a fragment.

    Pages are numbered from a count remembered per content version, and the
    page's rows are read only when used, that is when the listing's fragment
    is not in the cache. Returns (page_obj, the page's rows as a lazy list);
    `number` as Paginator.get_page takes it (invalid: the first page, too
    high: the last).
    """
    count = remember(f"{name}:count", lambda: rows().count())
    page_obj = Paginator(range(count), per_page).get_page(number)
    span = page_obj.object_list
    return page_obj, SimpleLazyObject(lambda: list(rows()[span.start : span.stop]))


def timeout():
    """How long a versioned entry may live (it goes stale with the version anyway)."""
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 300)


def bump(**kwargs):
    """Make every cached page stale (a signal receiver, hence **kwargs)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        # Missing (first run, evicted or restarted cache): a time-based start
        # never repeats a version that an older entry could still be stored under.
        cache.set(VERSION_KEY, time.time_ns(), None)
    cache.delete(NEXT_CHANGE_KEY)  # an edit may move the schedule
    held = _pinned.get()
    if held:
        held.clear()


def _content_apps():
    return set(getattr(settings, "PAGE_CACHE_CONTENT_APPS", DEFAULT_CONTENT_APPS))


def _model_changed(sender, **kwargs):
    meta = sender._meta
    if meta.app_label not in _content_apps() or meta.label_lower in IGNORED_MODELS:
        return
    if issubclass(sender, AbstractRendition):
        return
    bump()


def connect():
    page_published.connect(bump, dispatch_uid="freshness-page-published")
    page_unpublished.connect(bump, dispatch_uid="freshness-page-unpublished")
    post_page_move.connect(bump, dispatch_uid="freshness-page-moved")
    post_save.connect(_model_changed, dispatch_uid="freshness-saved")
    post_delete.connect(_model_changed, dispatch_uid="freshness-deleted")
    m2m_changed.connect(_model_changed, dispatch_uid="freshness-m2m")
