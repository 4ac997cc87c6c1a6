"""What a refused back-office request looks like, asserted one way everywhere."""

from django.contrib.messages import get_messages
from django.urls import reverse


def admin_refusal(response):
    """None when `response` refuses an admin request, else a description of what it did instead.

    Wagtail sends a person without admin access to its login page, and answers
    an admin user without the right with a redirect to the dashboard and an
    error message; a view may also answer 403.
    """
    status = response.status_code
    if status == 403:
        return None
    if status != 302:
        return f"admin answered {status}"
    location = response["Location"]
    if location.startswith(reverse("wagtailadmin_login")):
        return None
    if location == reverse("wagtailadmin_home"):
        levels = [message.level_tag for message in get_messages(response.wsgi_request)]
        return None if "error" in levels else f"redirected to the dashboard without an error message ({levels})"
    return f"redirected to {location}"


def assert_admin_refused(response):
    problem = admin_refusal(response)
    assert problem is None, problem
