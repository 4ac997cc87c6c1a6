from django import template

from portal.core.durations import spoken

register = template.Library()


@register.filter
def duration(value, empty=None):
    """`{{ incident.response_time|duration }}` → "14 mnt 37 dtk"; a number is read as minutes."""
    return spoken(value) if empty is None else spoken(value, empty)
