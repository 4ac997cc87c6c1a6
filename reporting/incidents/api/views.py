"""Incident endpoints: anonymous create (throttled, idempotent), public tracking,
and the staff list, detail, transitions and assignment."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from portal.core.clients import ScopedRateThrottle
from portal.core.contract import ID_PATTERN
from portal.core.parsers import JSONParser
from portal.core.text import has_unstorable
from portal.core.workflow import TransitionNotAllowed
from reporting.incidents import lifecycle
from reporting.incidents.api.filters import IncidentFilter
from reporting.incidents.api.serializers import (
    CategorySerializer,
    FireStationSerializer,
    IncidentAssignSerializer,
    IncidentCreateSerializer,
    IncidentTransitionSerializer,
    PublicIncidentSerializer,
    StaffIncidentSerializer,
)
from reporting.incidents.models import Category, FireStation, Incident, normalize_tracking_code

IDEMPOTENCY_HEADER = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description=(
        "A unique value per report (e.g. a UUID). A retry with the same key returns the incident "
        "created the first time (200) instead of creating a second one."
    ),
)
# Bodies and the statuses every operation shares (401, 403, 413, 415, 429) come from portal.schema.
ERRORS = {400: OpenApiResponse(description="Field errors: {field: [message, …]}")}


class IncidentPermission(permissions.BasePermission):
    """Anyone may create; reading needs view_incident; changing needs change_incident."""

    def has_permission(self, request, view):
        if view.action == "create":
            return True
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if view.action in ("transition", "assign"):
            return user.has_perm("reporting.change_incident")
        return user.has_perm("reporting.view_incident")


@extend_schema(tags=["incidents"])
class IncidentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    lookup_value_regex = ID_PATTERN
    permission_classes = [IncidentPermission]
    filterset_class = IncidentFilter
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    queryset = Incident.objects.select_related(
        "category", "kecamatan", "kelurahan", "duplicate_of", "station"
    ).prefetch_related("photos")

    # Staff moves (transition, assign) take JSON only: a form cannot say "no station" (null).

    def get_serializer_class(self):
        if self.action == "create":
            return IncidentCreateSerializer
        if self.action == "transition":
            return IncidentTransitionSerializer
        if self.action == "assign":
            return IncidentAssignSerializer
        return StaffIncidentSerializer

    def get_throttles(self):
        if self.action == "create":
            self.throttle_scope = "incident_create"
            return [ScopedRateThrottle()]
        return super().get_throttles()

    @extend_schema(
        summary="Report an incident",
        description="Anonymous and throttled. Send JSON, or multipart with up to 3 `photos`.",
        # Anyone may report; staff credentials add `source` and `received_at`.
        auth=[{"tokenAuth": []}, {"cookieAuth": []}, {}],
        parameters=[IDEMPOTENCY_HEADER],
        request={
            "application/json": IncidentCreateSerializer,
            "multipart/form-data": IncidentCreateSerializer,
        },
        responses={201: PublicIncidentSerializer, 200: PublicIncidentSerializer, **ERRORS},
    )
    def create(self, request, *args, **kwargs):
        key = (request.headers.get("Idempotency-Key") or "").strip()[:100] or None
        if key and has_unstorable(key):
            raise ParseError(_("The request contains characters that are not allowed (such as NUL)."))
        # A retry carries the same report: a body that is not a valid report is refused
        # even under a known key, so a broken client learns of it (400, not a replay).
        serializer = IncidentCreateSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        if key:
            existing = Incident.objects.filter(idempotency_key=key).first()
            if existing is not None:
                return self._created(existing, replay=True)
        incident, created = lifecycle.create_incident(
            data=serializer.incident_data(request.user),
            photos=serializer.prepared_photos,
            user=request.user,
            idempotency_key=key,
        )
        return self._created(incident, replay=not created)

    def _created(self, incident, replay):
        data = PublicIncidentSerializer(incident, context=self.get_serializer_context()).data
        response = Response(data, status=status.HTTP_200_OK if replay else status.HTTP_201_CREATED)
        if replay:
            response["Idempotent-Replayed"] = "true"
        return response

    @extend_schema(
        summary="List incidents (staff)",
        responses={200: StaffIncidentSerializer(many=True), **ERRORS},
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(summary="An incident (staff)", responses={200: StaffIncidentSerializer})
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(
        summary="Change the status (staff)",
        request=IncidentTransitionSerializer,
        responses={
            200: StaffIncidentSerializer,
            409: OpenApiResponse(description="This move is not allowed from the current status."),
            **ERRORS,
        },
    )
    @action(detail=True, methods=["post"], parser_classes=[JSONParser])
    def transition(self, request, pk=None):
        incident = self.get_object()
        serializer = IncidentTransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            incident = lifecycle.transition(incident, data["target"], user=request.user, **_transition_args(data))
        except TransitionNotAllowed as error:
            return Response({"detail": str(error)}, status=status.HTTP_409_CONFLICT)
        return Response(StaffIncidentSerializer(self._fresh(incident), context=self.get_serializer_context()).data)

    @extend_schema(
        summary="Assign station, units or a staff member (staff)",
        request=IncidentAssignSerializer,
        responses={200: StaffIncidentSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"], parser_classes=[JSONParser])
    def assign(self, request, pk=None):
        incident = self.get_object()
        serializer = IncidentAssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        incident = lifecycle.assign(incident, user=request.user, **serializer.validated_data)
        return Response(StaffIncidentSerializer(self._fresh(incident), context=self.get_serializer_context()).data)

    def _fresh(self, incident):
        return self.get_queryset().get(pk=incident.pk)


def _transition_args(data):
    return {
        "public_note": data.get("public_note", ""),
        "note": data.get("note", ""),
        "station": data.get("station"),
        "units": data.get("units"),
        "kept": data.get("kept"),
    }


@extend_schema(
    tags=["incidents"],
    summary="Track a report by its code (public)",
    responses={200: PublicIncidentSerializer, 404: OpenApiResponse(description="No report has this code.")},
)
class TrackView(RetrieveAPIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes = []  # public: credentials are not read
    serializer_class = PublicIncidentSerializer
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "tracking"
    filter_backends = []

    def get_object(self):
        queryset = Incident.objects.select_related("category", "kecamatan", "duplicate_of")
        incident = queryset.filter(tracking_code=normalize_tracking_code(self.kwargs["code"])).first()
        if incident is None:
            raise NotFound(_("No report has this code. Check it and try again."))
        return incident


@extend_schema(tags=["incidents"], summary="Incident categories, in the requested language (public)")
class CategoryListView(ListAPIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes = []  # public: credentials are not read
    serializer_class = CategorySerializer
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return Category.objects.filter(locale=Locale.get_default(), is_active=True).select_related("parent")


@extend_schema(tags=["incidents"], summary="Fire stations (public)")
class FireStationListView(ListAPIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes = []  # public: credentials are not read
    serializer_class = FireStationSerializer
    pagination_class = None
    filter_backends = []
    queryset = FireStation.objects.filter(is_active=True).select_related("kecamatan")
