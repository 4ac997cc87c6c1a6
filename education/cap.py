"""OASIS CAP 1.2 messages for alerts.

One CAP <alert> per alert, with one <info> block per language it is published
in (the source language first), so aggregators get Indonesian and English in the
same message. Times are written as CAP wants them: local time with an offset,
never "Z".
"""

from xml.etree import ElementTree as ET  # noqa: S405 - we only write XML, never parse it

from django.conf import settings
from django.utils import timezone

from portal.core.links import page_url

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


def identifier(translations):
    """Unique per alert and per published version, as CAP requires of each message.

    The same in every language: one alert is one message with an <info> per
    language, so a service polling both languages sees a single alert. A new
    version of any translation makes a new identifier.
    """
    version = max(alert.live_revision_id or alert.pk for alert in translations)
    return f"{sender()}.alert.{translations[0].translation_key}.{version}"


def sent_time(translations):
    """When the newest published version of any translation went out (the same in every language)."""
    moments = [alert.last_published_at or alert.first_published_at for alert in translations]
    moments = [moment for moment in moments if moment is not None]
    return max(moments) if moments else timezone.now()


def _sub(parent, tag, text=None):
    element = ET.SubElement(parent, f"{{{CAP_NS}}}{tag}")
    if text is not None:
        element.text = str(text)
    return element


def build_alert(translations, request=None):
    """The CAP <alert> element for one alert given its live translations (source first)."""
    source = translations[0]
    root = ET.Element(f"{{{CAP_NS}}}alert")
    _sub(root, "identifier", identifier(translations))
    _sub(root, "sender", sender())
    _sub(root, "sent", cap_time(sent_time(translations)))
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
        _sub(info, "web", page_url(request, alert))
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
