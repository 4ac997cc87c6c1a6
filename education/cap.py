"""OASIS CAP 1.2 messages for alerts.

One CAP <alert> per alert, with one <info> block per language it is published
in (the source language first), so aggregators get Indonesian and English in the
same message. Times are written as CAP wants them: local time with an offset,
never "Z".
"""

from xml.etree import ElementTree as ET  # noqa: S405 - we only write XML, never parse it

from django.conf import settings
from django.utils import timezone

CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2"
CAP_CONTENT_TYPE = "application/cap+xml"
DEFAULT_SENDER = "damkar.jambikota.go.id"
LANGUAGE_TAGS = {"id": "id-ID", "en": "en-US"}


def cap_time(value):
    """2026-08-01T14:00:00+07:00: CAP's dateTime, without fractions and never with "Z"."""
    local = timezone.localtime(value).replace(microsecond=0)
    text = local.isoformat()
    return text[:-6] + "-00:00" if text.endswith("+00:00") else text


def sender():
    return getattr(settings, "CAP_SENDER", DEFAULT_SENDER)


def identifier(alert):
    """Unique per alert and per published version, as CAP requires of each message."""
    version = alert.live_revision_id or alert.pk
    return f"{sender()}.alert.{alert.translation_key}.{version}"


def _sub(parent, tag, text=None):
    element = ET.SubElement(parent, f"{{{CAP_NS}}}{tag}")
    if text is not None:
        element.text = str(text)
    return element


def build_alert(translations, request=None):
    """The CAP <alert> element for one alert given its live translations (source first)."""
    source = translations[0]
    root = ET.Element(f"{{{CAP_NS}}}alert")
    _sub(root, "identifier", identifier(source))
    _sub(root, "sender", sender())
    _sub(root, "sent", cap_time(source.last_published_at or source.first_published_at or timezone.now()))
    _sub(root, "status", "Actual")
    _sub(root, "msgType", "Alert")
    _sub(root, "scope", "Public")
    areas = list(source.areas.select_related("kecamatan"))
    for alert in translations:
        info = _sub(root, "info")
        _sub(info, "language", LANGUAGE_TAGS.get(alert.locale.language_code, alert.locale.language_code))
        _sub(info, "category", alert.category)
        _sub(info, "event", alert.event)
        _sub(info, "urgency", alert.urgency)
        _sub(info, "severity", alert.severity)
        _sub(info, "certainty", alert.certainty)
        _sub(info, "onset", cap_time(alert.onset))
        _sub(info, "expires", cap_time(alert.expires))
        _sub(info, "senderName", getattr(settings, "CAP_SENDER_NAME", settings.WAGTAIL_SITE_NAME))
        _sub(info, "headline", alert.title)
        _sub(info, "description", alert.description)
        _sub(info, "instruction", alert.instruction)
        _sub(info, "web", alert.get_full_url(request))
        area = _sub(info, "area")
        _sub(area, "areaDesc", alert.area_description)
        for link in areas:
            geocode = _sub(area, "geocode")
            _sub(geocode, "valueName", "KEMENDAGRI")
            _sub(geocode, "value", link.kecamatan.code)
    return root


def to_bytes(element):
    ET.register_namespace("", CAP_NS)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)
