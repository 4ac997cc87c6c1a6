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


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in Path(str(item.path)).parts:
            item.add_marker(pytest.mark.browser)
    browser_items = [item for item in items if "browser" in item.keywords]
    if not browser_items or CHROMIUM_FOUND:
        return
    if IN_CI:
        raise pytest.UsageError(f"CI=true but Chromium was not found at {CHROMIUM}: browser tests cannot run.")
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: install Debian's chromium to run browser tests")
    for item in browser_items:
        item.add_marker(skip)


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
    """Each test starts with an empty cache (cached site shell, throttles, locales)."""
    from django.core.cache import cache

    from portal.core.locales import forget_locales

    cache.clear()
    forget_locales()  # a rolled-back test may have created locales that no longer exist
    yield
    cache.clear()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def site(db, django_capture_on_commit_callbacks):
    """The site shell from factories: locales, areas, home pages in id and en, contacts, one superuser."""
    from tests.home.factories import build_site

    return build_site(django_capture_on_commit_callbacks)


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

    from tests.home.factories import STAFF_EMAIL

    return get_user_model().objects.get(email=STAFF_EMAIL)
