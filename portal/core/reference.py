"""Reference rows (categories, kecamatan, kelurahan) by code, read once per change.

These tables change a few times a year, yet every report looked each code up
in the database. `rows()` keeps them per process, under the reference version
held in the shared cache: saving or deleting a watched model's row bumps that
version (at once, and again when the transaction commits, so a process that
reloaded in between does not keep what it read before the commit), and every
app server reloads on its next lookup. Bulk writes send no signals: code that
makes them calls `bump()` (`load_areas`), and a flush is followed by
post_migrate, which bumps too.

Without a readable version (the cache is down) nothing is memoized: each
lookup reads the database, as before.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save

VERSION_KEY = "portal:reference-version"
_watched = set()
_memo = {}


def watch(*models):
    """Memoize these models' rows; their saves and deletes bump the version (call from AppConfig.ready)."""
    for model in models:
        _watched.add(model)
        uid = f"reference-{model._meta.label_lower}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-deleted")


def connect():
    # A flush empties every table without a signal, then emits post_migrate.
    post_migrate.connect(bump, dispatch_uid="reference-migrated")


def is_watched(model):
    return model in _watched


def bump(**kwargs):
    """Make every process reload its reference rows (a signal receiver, hence **kwargs)."""
    _memo.clear()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        # Missing (first use, evicted or restarted cache): a time-based start never
        # repeats a version an older memo could still hold.
        cache.set(VERSION_KEY, time.time_ns(), None)


def _changed(**kwargs):
    bump()
    transaction.on_commit(bump)


def version():
    """The reference version (None when the cache cannot be read): it moves with every change."""
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        current = cache.get(VERSION_KEY)
    return current


def rows(key, load):
    """`load()`'s result (a dict), memoized under `key` until the reference version changes.

    `load` is called again when the version cannot be read.
    """
    current = version()
    if current is None:
        return load()
    held = _memo.get(key)
    if held is not None and held[0] == current:
        return held[1]
    loaded = load()
    _memo[key] = (current, loaded)
    return loaded
