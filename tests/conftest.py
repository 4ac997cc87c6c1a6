"""Fixtures shared by every test module.

Browser tests (marked `browser`, under tests/browser/) drive Debian's Chromium
through Playwright. Without Chromium they are skipped loudly on a developer's
machine; in CI (CI=true) a missing browser fails the run instead.
"""

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server + sync Playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FOUND = Path(CHROMIUM).exists()
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
POSTGRES_ONLY = "needs PostgreSQL (set DATABASE_URL=postgres://…); SQLite serialises writers"


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    on_postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    for item in items:
        if "browser" in Path(str(item.path)).parts:
            item.add_marker(pytest.mark.browser)
        if "postgres_only" in getattr(item, "fixturenames", ()) and not on_postgres:
            # Skipped before any fixture runs: a transactional test skipped from
            # inside its fixtures would still empty the database on teardown.
            item.add_marker(pytest.mark.skip(reason=POSTGRES_ONLY))
        _restore_migration_data(item)
    browser_items = [item for item in items if "browser" in item.keywords]
    if not browser_items or CHROMIUM_FOUND:
        return
    if IN_CI:
        raise pytest.UsageError(f"CI=true but Chromium was not found at {CHROMIUM}: browser tests cannot run.")
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: install Debian's chromium to run browser tests")
    for item in browser_items:
        item.add_marker(skip)


def _restore_migration_data(item):
    """Give every transactional test a serialized rollback.

    A transactional test empties the database when it ends; rows that migrations
    made (Wagtail's root page and collection, the groups) come back only for tests
    with serialized_rollback. Worse, a flush without it re-creates content types
    with new keys, so the next test's restore fails on them. One rule for all
    transactional tests avoids both.
    """
    marker = item.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction") or marker.kwargs.get("serialized_rollback"):
        return
    item.add_marker(pytest.mark.django_db(*marker.args, **{**marker.kwargs, "serialized_rollback": True}), append=False)


def pytest_terminal_summary(terminalreporter):
    if not CHROMIUM_FOUND and not IN_CI and terminalreporter.stats.get("skipped"):
        terminalreporter.section("BROWSER TESTS SKIPPED", sep="!", red=True, bold=True)
        terminalreporter.write_line(
            f"Chromium was not found at {CHROMIUM}. Install it (apt-get install chromium) "
            "or set CHROMIUM_PATH to run the browser tests.",
            red=True,
        )


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (cached site shell, throttles)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def site(db, django_capture_on_commit_callbacks):
    """The demo shell: locales, areas, home pages in id and en, contacts, demo staff.

    wagtail-localize publishes translations on commit; tests run inside a
    transaction that never commits, so the callbacks are run here.
    """
    from home import demo

    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(lambda *args: None)
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_id(site):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="id")


@pytest.fixture
def home_en(site):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def staff_user(site):
    from django.contrib.auth import get_user_model

    from home.demo import DEMO_STAFF_EMAIL

    return get_user_model().objects.get(email=DEMO_STAFF_EMAIL)


@pytest.fixture
def postgres_only(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip(POSTGRES_ONLY)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: stored pages, shells and throttle
    counters belong to the database of the test that made them."""
    from django.core.cache import cache

    cache.clear()
