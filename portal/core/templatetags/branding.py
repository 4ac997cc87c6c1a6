"""The department's name in the admin's branding blocks (templates/wagtailadmin/)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def department_name():
    """WAGTAIL_SITE_NAME: the department's short name, the same in every language."""
    return settings.WAGTAIL_SITE_NAME
