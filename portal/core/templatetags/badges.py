from django import template
from django.utils.html import format_html

from portal.core.badges import tone

register = template.Library()


@register.simple_tag
def badge(label, tones, value):
    """`{% badge visit.get_result_display result_tones visit.result %}`: the label on a badge of the value's tone."""
    return format_html('<span class="damkar-badge damkar-badge--{}">{}</span>', tone(tones, value), label)
