"""The dispatch board: active incidents, newest first, kept live by short polling.

An open board asks `feed` every few seconds with `If-None-Match`. While nothing
changed the answer is a 304 after one aggregate query; between polls the board
holds no worker and no per-process state, so it works behind any number of app
servers and under plain WSGI. (Server-sent events would need an ASGI server and a
pub/sub channel for the same result at this scale: see docs/incidents.md.)
"""

import hashlib

from django.conf import settings
from django.db.models import Count, Max
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import condition
from django.views.generic import View

from wagtail.admin.ui.components import Component

from portal.core.admin_views import AdminScreenView, PolicyCheckedMixin
from portal.core.places import distance_m
from reporting.incidents import lifecycle
from reporting.incidents.models import FireStation, Incident, Status

POLL_SECONDS = 4
# The newest open incidents a board lists: a screen a dispatch room can work from, and
# a payload and a poll that cost the same however many incidents are left open.
# Older open incidents stay in the incident listing (filter by status).
BOARD_LIMIT = 50
S = Status
# Moves a dispatcher makes from the board in one click; the others (duplicate,
# false alarm, not our service) need a decision and are made on the work screen.
ONE_CLICK = {S.VERIFIED, S.DISPATCHED, S.EN_ROUTE, S.ON_SCENE, S.UNDER_CONTROL, S.FINISHED}
# The response clock runs until the crew is on scene.
CLOCK_RUNNING = {S.RECEIVED, S.VERIFIED, S.DISPATCHED, S.EN_ROUTE}


def open_state(request):
    """How many incidents are open and when one last changed (one query, once per request)."""
    if not hasattr(request, "_board_state"):
        request._board_state = Incident.objects.open().aggregate(n=Count("id"), changed=Max("updated_at"))
    return request._board_state


def board_etag(request, *args, **kwargs):
    """Changes whenever an open incident is added, moved or closed (one query)."""
    state = open_state(request)
    language = getattr(request, "LANGUAGE_CODE", "")
    return hashlib.sha256(f"{state['n']}|{state['changed']}|{language}".encode()).hexdigest()[:32]


def board_rows(user):
    """The newest open incidents (at most BOARD_LIMIT), with the nearest active station and the user's
    one-click moves."""
    related = ("category__parent", "kecamatan", "station")
    incidents = Incident.objects.open().select_related(*related).order_by("-received_at", "-pk")[:BOARD_LIMIT]
    stations = list(FireStation.objects.filter(is_active=True))
    can_work = user.has_perm(lifecycle.WORK)
    return [_row(incident, stations, user if can_work else None) for incident in incidents]


def _row(incident, stations, worker):
    suggested = _nearest(incident, stations)
    moves = []
    if worker is not None:
        moves = [
            {"target": t.target, "label": str(t.label)}
            for t in lifecycle.available_transitions(incident, worker)
            if t.target in ONE_CLICK and (t.target not in lifecycle.NEEDS_STATION or incident.station_id or suggested)
        ]
    return {
        "id": incident.pk,
        "code": incident.tracking_code,
        "status": incident.status,
        "status_label": incident.get_status_display(),
        "received_at": incident.received_at.isoformat(),
        "received_time": timezone.localtime(incident.received_at).strftime("%H:%M"),  # the department's clock
        "on_scene_at": incident.on_scene_at.isoformat() if incident.on_scene_at else None,
        "clock_running": incident.status in CLOCK_RUNNING,
        "category": str(incident.category),
        "kecamatan": incident.kecamatan.name if incident.kecamatan else "",
        "place": incident.landmark or incident.address,
        "lat": float(incident.latitude) if incident.latitude is not None else None,
        "lon": float(incident.longitude) if incident.longitude is not None else None,
        "station": incident.station.name if incident.station else "",
        "suggested": {"id": suggested.pk, "name": suggested.name} if suggested else None,
        "moves": moves,
        "url": reverse("reporting_incident:inspect", args=[incident.pk]),
        "transition_url": reverse("incident-transition", args=[incident.pk]),
    }


def _nearest(incident, stations):
    if incident.latitude is None or not stations:
        return None
    return min(stations, key=lambda s: distance_m(incident.latitude, incident.longitude, s.latitude, s.longitude))


def board_context(request):
    stations = FireStation.objects.filter(is_active=True).values("name", "latitude", "longitude")
    return {
        "rows": board_rows(request.user),
        "open_count": open_state(request)["n"],
        "feed_url": reverse("reporting_incident:board_feed"),
        "poll_seconds": POLL_SECONDS,
        "target_minutes": settings.RESPONSE_TARGET_MINUTES,
        "stations": [{"name": s["name"], "lat": float(s["latitude"]), "lon": float(s["longitude"])} for s in stations],
        "map_tile_url": settings.MAP_TILE_URL,
        "map_attribution": settings.MAP_TILE_ATTRIBUTION,
        "map_center": list(settings.MAP_CENTER),
    }


class BoardView(AdminScreenView):
    """Whoever may see incidents sees the board; its moves need the right to work them."""

    model = Incident
    page_title = _("Dispatch board")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    header_icon = "warning"
    template_name = "incidents/admin/board.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **board_context(self.request)}


@method_decorator(condition(etag_func=board_etag), name="get")
class BoardFeedView(PolicyCheckedMixin, View):
    model = Incident
    permission_required = "view"

    def get(self, request):
        response = JsonResponse({"incidents": board_rows(request.user), "open_count": open_state(request)["n"]})
        # Each poll revalidates; nothing personal is kept by shared caches.
        response["Cache-Control"] = "private, no-cache"
        return response


class BoardPanel(Component):
    """The live board on the admin home of everyone who works incidents."""

    name = "reporting_board"
    order = 10
    template_name = "incidents/admin/board_panel.html"

    class Media:
        css = {"all": ["vendor/leaflet/leaflet.css", "css/reporting.css"]}
        js = ["vendor/leaflet/leaflet.js", "js/dispatch-board.js"]

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        return board_context(self.request)
