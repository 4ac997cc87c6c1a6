"""django-allauth adapter: account emails speak as the department and link to the public site;
allauth's rate limits (sign-up, sign-in, password reset) key on `client_ip()` like everything else."""

from django.conf import settings

from allauth.account.adapter import DefaultAccountAdapter

from portal.core.clients import client_ip
from portal.core.links import public_host, rebase


class PublicSite:
    """What allauth's email templates read from `current_site` (name and domain)."""

    def __init__(self, request):
        self.name = settings.WAGTAIL_SITE_NAME
        self.domain = public_host(request)

    def __str__(self):
        return self.name


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        return client_ip(request)

    def send_mail(self, template_prefix, email, context):
        # Without django.contrib.sites allauth names the request's host
        # ("Hello from 127.0.0.1:8000!"); say the department's name instead.
        super().send_mail(template_prefix, email, {"current_site": PublicSite(self.request), **context})

    def get_email_confirmation_url(self, request, emailconfirmation):
        return rebase(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key):
        return rebase(super().get_reset_password_from_key_url(key))
