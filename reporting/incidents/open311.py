"""Open311 GeoReport v2 at /open311/v2/, for integrators (https://wiki.open311.org/GeoReport_v2).

The services are the department's non-emergency categories (the `hazard` family:
open burning, a blocked fire lane or hydrant, broken fire equipment in a public
building). A request becomes an incident like any other report, so it reaches the
dispatchers' board and workflow; its `service_request_id` is the tracking code.
An emergency category is refused with a pointer to 112: a fire is called in, not
queued behind an integration.

- Formats: every URL ends in `.json` or `.xml`.
- Keys: POST needs an `api_key` from `OPEN311_API_KEYS`; reading is open.
- Jurisdiction: `jurisdiction_id`, when sent, must be `OPEN311_JURISDICTION`.
- Areas: each service has one required attribute, `kecamatan`, whose values are
  the Kemendagri codes (the service definition lists them).
- Privacy: request listings carry no description, contact, address or
  coordinates, only the category, the kecamatan, times, status and public notes.
"""

import secrets
from datetime import timedelta
from xml.etree import ElementTree

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wagtail.models import Locale

from portal.core import ratelimit
from portal.core.places import Kecamatan, validate_point
from portal.core.text import TextFormMixin

from . import lifecycle
from .models import CLOSED_STATUSES, Category, Family, Incident, Source

MAX_REQUESTS = 1000
DEFAULT_DAYS = 90


class Open311Error(Exception):
    def __init__(self, status, description):
        super().__init__(description)
        self.status = status
        self.description = description


# --- Rendering ---------------------------------------------------------------------------
def _xml_value(parent, key, value):
    child = ElementTree.SubElement(parent, key)
    if isinstance(value, list):
        singular = {"attributes": "attribute", "values": "value"}.get(key, "item")
        for item in value:
            _xml_item(child, singular, item)
    elif isinstance(value, bool):
        child.text = "true" if value else "false"
    elif value is not None:
        child.text = str(value)


def _xml_item(parent, tag, item):
    element = ElementTree.SubElement(parent, tag)
    for key, value in item.items():
        _xml_value(element, key, value)
    return element


def render(fmt, data, root, item, status=200):
    """`data` is a list of dicts (JSON array; XML `<root><item>…</item></root>`) or one dict."""
    if fmt == "json":
        return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})
    if isinstance(data, list):
        element = ElementTree.Element(root)
        for entry in data:
            _xml_item(element, item, entry)
    else:
        element = ElementTree.Element(root)
        for key, value in data.items():
            _xml_value(element, key, value)
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(element, encoding="utf-8")
    return HttpResponse(body, status=status, content_type="text/xml; charset=utf-8")


def open311_view(methods):
    """Format and jurisdiction checks, and errors in the GeoReport shape, for one view."""

    def decorate(view):
        @csrf_exempt
        @require_http_methods(methods)
        def wrapped(request, fmt, **kwargs):
            try:
                jurisdiction = request.GET.get("jurisdiction_id") or request.POST.get("jurisdiction_id")
                if jurisdiction and jurisdiction != settings.OPEN311_JURISDICTION:
                    raise Open311Error(404, _("Unknown jurisdiction_id."))
                return view(request, fmt, **kwargs)
            except Open311Error as error:
                errors = [{"code": error.status, "description": str(error.description)}]
                return render(fmt, errors, "errors", "error", status=error.status)

        return wrapped

    return decorate


# --- Services ------------------------------------------------------------------------------
def _services():
    """The active hazard categories that have a parent (the parent is the group), in the default locale."""
    return list(
        Category.objects.filter(
            locale=Locale.get_default(), family=Family.HAZARD, is_active=True, parent__isnull=False
        ).select_related("parent")
    )


def _service(code):
    service = next((s for s in _services() if s.code == code), None)
    if service is None:
        emergency = Category.objects.filter(locale=Locale.get_default(), code=code).exclude(family=Family.HAZARD)
        if emergency.exists():
            raise Open311Error(
                400,
                _("This is an emergency category: emergencies are not taken through Open311. Call 112 at once."),
            )
        raise Open311Error(404, _("Unknown service_code."))
    return service


def _names():
    """Category names in the active language by translation key: one query for a whole listing."""
    return dict(Category.objects.filter(locale=Locale.get_active()).values_list("translation_key", "name"))


def _name(category, names):
    return names.get(category.translation_key, category.name)


def _service_entry(service, names):
    return {
        "service_code": service.code,
        "service_name": _name(service, names),
        "description": _name(service.parent, names),
        "metadata": True,
        "type": "realtime",
        "keywords": "",
        "group": _name(service.parent, names),
    }


@open311_view(["GET"])
def services(request, fmt):
    names = _names()
    return render(fmt, [_service_entry(s, names) for s in _services()], "services", "service")


@open311_view(["GET"])
def service_definition(request, fmt, code):
    service = _service(code)
    areas = [{"key": area.code, "name": area.name} for area in Kecamatan.objects.order_by("code")]
    attribute = {
        "variable": True,
        "code": "kecamatan",
        "datatype": "singlevaluelist",
        "required": True,
        "datatype_description": _("The Kemendagri code of the kecamatan."),
        "order": 1,
        "description": _("Kecamatan where it is"),
        "values": areas,
    }
    return render(fmt, {"service_code": service.code, "attributes": [attribute]}, "service_definition", "")


# --- Requests ------------------------------------------------------------------------------
class RequestForm(TextFormMixin, forms.Form):
    """The POST fields of GeoReport v2 that this department uses."""

    api_key = forms.CharField(max_length=200)
    service_code = forms.CharField(max_length=40)
    lat = forms.DecimalField(max_digits=9, decimal_places=6, required=False)
    long = forms.DecimalField(max_digits=9, decimal_places=6, required=False)
    address_string = forms.CharField(max_length=255, required=False)
    description = forms.CharField(max_length=2000, widget=forms.Textarea)
    email = forms.EmailField(required=False)
    first_name = forms.CharField(max_length=60, required=False)
    last_name = forms.CharField(max_length=60, required=False)
    phone = forms.CharField(max_length=30, required=False)

    def clean(self):
        data = super().clean()
        if data.get("lat") is None and data.get("long") is None and not data.get("address_string"):
            raise ValidationError(_("Give lat and long, or address_string."))
        if (data.get("lat") is None) != (data.get("long") is None):
            raise ValidationError(_("Give both lat and long."))
        validate_point(data.get("lat"), data.get("long"))
        return data


def _key_valid(key):
    return any(secrets.compare_digest(key, known) for known in settings.OPEN311_API_KEYS if known)


def _first_error(form):
    for field, messages in form.errors.items():
        label = "" if field == "__all__" else f"{field}: "
        return f"{label}{messages[0]}"
    return _("The request is not valid.")


def _status(incident):
    return "closed" if incident.status in CLOSED_STATUSES else "open"


def _request_entry(incident, notes, names):
    return {
        "service_request_id": incident.tracking_code,
        "status": _status(incident),
        "status_notes": notes.get(incident.pk, ""),
        "service_name": _name(incident.category, names),
        "service_code": incident.category.code,
        "agency_responsible": settings.OPEN311_AGENCY,
        "service_notice": "",
        "requested_datetime": timezone.localtime(incident.received_at).isoformat(),
        "updated_datetime": timezone.localtime(incident.updated_at).isoformat(),
        "expected_datetime": None,
        "address": incident.kecamatan.name if incident.kecamatan else "",
        "zipcode": None,
    }


def _public_notes(incidents):
    """The latest public note of each incident: one query for the whole page."""
    from .models import IncidentEvent

    notes = {}
    events = (
        IncidentEvent.objects.filter(incident__in=[i.pk for i in incidents])
        .exclude(public_note="")
        .order_by("incident_id", "at", "pk")
        .values_list("incident_id", "public_note")
    )
    for incident_id, note in events:
        notes[incident_id] = note
    return notes


def _requests(queryset):
    incidents = list(queryset.select_related("category", "kecamatan"))
    notes, names = _public_notes(incidents), _names()
    return [_request_entry(incident, notes, names) for incident in incidents]


def _open311_incidents():
    return Incident.objects.filter(category__family=Family.HAZARD, category__parent__isnull=False)


def _when(value, name):
    moment = parse_datetime(value) if value else None
    if value and moment is None:
        raise Open311Error(400, _("%(name)s must be a W3C date and time.") % {"name": name})
    return moment


@open311_view(["GET", "POST"])
def requests(request, fmt):
    if request.method == "POST":
        return _create(request, fmt)
    queryset = _open311_incidents().order_by("-received_at")
    ids = [code.strip().upper() for code in request.GET.get("service_request_id", "").split(",") if code.strip()]
    if ids:
        return render(
            fmt, _requests(queryset.filter(tracking_code__in=ids[:MAX_REQUESTS])), "service_requests", "request"
        )
    if request.GET.get("service_code"):
        codes = [c.strip() for c in request.GET["service_code"].split(",")]
        queryset = queryset.filter(category__code__in=codes)
    start = _when(request.GET.get("start_date"), "start_date")
    end = _when(request.GET.get("end_date"), "end_date")
    if start is None and end is None:
        start = timezone.now() - timedelta(days=DEFAULT_DAYS)
    if start:
        queryset = queryset.filter(received_at__gte=start)
    if end:
        queryset = queryset.filter(received_at__lte=end)
    status = request.GET.get("status", "")
    if status == "open":
        queryset = queryset.exclude(status__in=CLOSED_STATUSES)
    elif status == "closed":
        queryset = queryset.filter(status__in=CLOSED_STATUSES)
    elif status:
        raise Open311Error(400, _("status must be open or closed."))
    return render(fmt, _requests(queryset[:MAX_REQUESTS]), "service_requests", "request")


def _create(request, fmt):
    if not _key_valid(request.POST.get("api_key", "")):
        raise Open311Error(403, _("A valid api_key is needed to submit a request."))
    if not ratelimit.allow(request, scope="open311"):
        raise Open311Error(429, _("Too many requests from this client. Try again later."))
    service = _service(request.POST.get("service_code", ""))
    form = RequestForm(request.POST)
    if not form.is_valid():
        raise Open311Error(400, _first_error(form))
    kecamatan = Kecamatan.objects.filter(code=request.POST.get("attribute[kecamatan]", "")).first()
    if kecamatan is None:
        raise Open311Error(400, _("attribute[kecamatan] must be one of the codes in the service definition."))
    data = form.cleaned_data
    name = " ".join(part for part in (data["first_name"], data["last_name"]) if part)
    incident, _created = lifecycle.create_incident(
        data={
            "category": service,
            "description": data["description"],
            "latitude": data["lat"],
            "longitude": data["long"],
            "kecamatan": kecamatan,
            "address": data["address_string"],
            "reporter_name": name,
            "reporter_email": data["email"],
            "reporter_phone": data["phone"],
            "source": Source.OPEN311,
        }
    )
    notice = _("Thank you. Follow it with the tracking code on the department's website.")
    entry = {"service_request_id": incident.tracking_code, "service_notice": notice, "account_id": None}
    return render(fmt, [entry], "service_requests", "request", status=201)


@open311_view(["GET"])
def request_detail(request, fmt, code):
    incidents = _requests(_open311_incidents().filter(tracking_code=code.upper()))
    if not incidents:
        raise Open311Error(404, _("Unknown service_request_id."))
    return render(fmt, incidents, "service_requests", "request")


FORMATS = [("json", "json"), ("xml", "xml")]
urlpatterns = []
for ext, fmt in FORMATS:
    urlpatterns += [
        path(f"services.{ext}", services, {"fmt": fmt}),
        path(f"services/<slug:code>.{ext}", service_definition, {"fmt": fmt}),
        path(f"requests.{ext}", requests, {"fmt": fmt}),
        path(f"requests/<slug:code>.{ext}", request_detail, {"fmt": fmt}),
    ]
