import pytest


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    def check(page):
        result = axe.run(page)
        assert result.violations_count == 0, result.generate_report()

    return check


@pytest.fixture(scope="session")
def hashed_static_root(tmp_path_factory):
    """The project's static files collected once under hashed names (ManifestStaticFilesStorage)."""
    from django.core.management import call_command
    from django.test import override_settings

    root = tmp_path_factory.mktemp("static")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=str(root), STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root, storages


@pytest.fixture
def production_server(hashed_static_root, settings, transactional_db):
    """A live server that serves static files as production does: hashed names from STATIC_ROOT.

    pytest-django's `live_server` finds static files in the apps' folders by their
    plain names, which hides what breaks once collectstatic renames them.
    """
    from django.test.testcases import LiveServerThread, _StaticFilesHandler

    root, storages = hashed_static_root
    settings.STATIC_ROOT = str(root)
    settings.STORAGES = {**storages, "default": settings.STORAGES["default"]}
    thread = LiveServerThread("127.0.0.1", _StaticFilesHandler, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    try:
        yield f"http://127.0.0.1:{thread.port}"
    finally:
        thread.terminate()


@pytest.fixture
def admin_sign_in():
    """Sign staff in the way they do: /admin/login/ leads to allauth's sign-in form (by email).

    Their address is marked verified first, as an administrator's invitation would.
    """
    import re

    from django.contrib.auth import get_user_model

    from allauth.account.models import EmailAddress

    def sign_in(page, base, email, password):
        user = get_user_model().objects.get(email=email)
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        page.goto(base + "/admin/login/")
        page.locator("input[name=login]").fill(email)
        page.locator("input[name=password]").fill(password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/admin/$"))

    return sign_in


@pytest.fixture
def browser_context_args(browser_context_args):
    """No service worker outside the tests about it: its install fetches pages in the
    background, which could still reach the live server while a test's database is
    being flushed. tests/browser/test_offline_reporting.py allows it again."""
    return {**browser_context_args, "service_workers": "block"}
