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
