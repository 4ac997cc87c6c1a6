"""Every kind of page works under its Content-Security-Policy: no violation, no CSP console message.

One live page of each public page type in Indonesian and English, the report
form, the sign-in page, the admin home, an admin edit page and the API docs.
Map tiles come from a tile server this machine cannot reach: failed loads are
network errors, not policy violations, and are told apart.
"""

import re

import pytest

from tests.home.factories import STAFF_EMAIL, STAFF_PASSWORD
from tests.incidents.factories import translate_categories

pytestmark = pytest.mark.django_db(transaction=True)

WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
});
"""
POLICY_MESSAGE = re.compile(r"Content Security Policy|Refused to (load|execute|apply|connect|frame)", re.I)


@pytest.fixture
def seeded(site, django_capture_on_commit_callbacks):
    from education import demo as education_demo

    education_demo.seed(lambda *args: None)
    translate_categories(django_capture_on_commit_callbacks)


def _public_urls():
    from wagtail.models import Page

    urls = []
    live = Page.objects.live().filter(depth__gt=1)
    for content_type in live.values_list("content_type", flat=True).distinct():
        for language in ("id", "en"):
            page = live.filter(content_type=content_type, locale__language_code=language).first()
            if page is not None:
                urls.append(page.get_url())
    return urls


def _walk(page, url):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    response = page.goto(url)
    assert response.status == 200, f"{url}: {response.status}"
    assert response.headers.get("content-security-policy"), f"{url} has no CSP"
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    violations = page.evaluate("window.__csp")
    policy_messages = [text for text in messages if POLICY_MESSAGE.search(text)]
    return violations, policy_messages


def test_every_page_type_works_under_its_policy(page, live_server, seeded, admin_sign_in):
    from wagtail.models import Page

    page.add_init_script(WATCH)
    base = live_server.url
    urls = [*_public_urls(), "/id/report/", "/en/report/", "/id/accounts/login/", "/en/track/"]
    assert len(urls) >= 8, urls

    problems = {}
    for url in urls:
        violations, messages = _walk(page, base + url)
        if violations or messages:
            problems[url] = violations + messages

    # The report form's map and its "use my location" button are there under the policy.
    page.goto(base + "/id/report/")
    assert page.locator("[data-tile-url]").count() >= 1

    admin_sign_in(page, base, STAFF_EMAIL, STAFF_PASSWORD)
    home = Page.objects.get(depth=2, locale__language_code="id")
    for url in ("/admin/", f"/admin/pages/{home.pk}/edit/", "/api/docs/"):
        violations, messages = _walk(page, base + url)
        if violations or messages:
            problems[url] = violations + messages
    # Swagger UI drew the operations, Wagtail's editor its panels.
    page.wait_for_selector(".opblock", timeout=15000)
    assert problems == {}, problems
