"""The inspections API: applicants work their own requests, staff work all of
them, and anyone verifies a result by its code."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Count, Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

import django_filters
from allauth.account.models import EmailAddress
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.core.clients import ScopedRateThrottle
from portal.core.contract import ID_PATTERN
from portal.core.filters import IdFilter, UTCIsoDateTimeFilter
from portal.core.parsers import JSONParser
from portal.core.workflow import TransitionNotAllowed

from .. import checklist, lifecycle
from ..forms import save_documents
from ..models import (
    BuildingUse,
    ChecklistEntry,
    InspectionEvent,
    InspectionRequest,
    Status,
    Visit,
    normalize_verification_code,
)
from ..views import public_result
from .serializers import (
    CancelSerializer,
    ChecklistEntrySerializer,
    ChecklistRecordSerializer,
    DocumentSerializer,
    DocumentUploadSerializer,
    InspectionRequestSerializer,
    PublicResultSerializer,
    StaffRequestSerializer,
    TransitionSerializer,
)

ERROR_DESCRIPTIONS = {
    400: "Invalid data: field messages in the language asked for (Accept-Language)",
    401: "Not signed in (session) and no valid token",
    403: "Signed in without the needed permission or without a verified email address",
    404: "No such request for this user (another applicant's request does not exist for you)",
    409: "The move is not allowed from the request's current status",
    415: "The body's content type is not one this operation accepts",
    429: "Too many requests: try again later",
}


def errors(*codes):
    return {code: OpenApiResponse(description=ERROR_DESCRIPTIONS[code]) for code in codes}


class HasVerifiedEmail(permissions.BasePermission):
    message = _("Verify your email address first.")

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in permissions.SAFE_METHODS:
            return True
        return EmailAddress.objects.filter(user=user, verified=True).exists()


class CanViewRequests(permissions.BasePermission):
    def has_permission(self, request, view):
        return bool(request.user and request.user.has_perm("inspections.view_inspectionrequest"))


def _refused(error):
    return Response({"detail": str(error)}, status=status.HTTP_409_CONFLICT)


def _request_queryset():
    return InspectionRequest.objects.select_related("kecamatan", "kelurahan").prefetch_related(
        Prefetch("events", queryset=InspectionEvent.objects.select_related("actor").order_by("at", "pk")),
        "documents",
        Prefetch("visits", queryset=Visit.objects.order_by("number")),
    )


@extend_schema_view(
    list=extend_schema(
        summary="List my inspection requests",
        responses={200: InspectionRequestSerializer(many=True), **errors(401, 403, 404)},
    ),
    retrieve=extend_schema(
        summary="Read one of my inspection requests",
        responses={200: InspectionRequestSerializer, **errors(401, 403, 404)},
    ),
    create=extend_schema(
        summary="Request an inspection",
        responses={201: InspectionRequestSerializer, **errors(400, 401, 403, 415)},
    ),
    partial_update=extend_schema(
        summary="Correct a request returned for correction",
        responses={200: InspectionRequestSerializer, **errors(400, 401, 403, 404, 415)},
    ),
)
class MyRequestViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The signed-in applicant's requests. Another applicant's request is a 404."""

    lookup_value_regex = ID_PATTERN

    serializer_class = InspectionRequestSerializer
    permission_classes = [HasVerifiedEmail]
    http_method_names = ["get", "post", "patch", "head", "options"]
    filter_backends = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return InspectionRequest.objects.none()
        return _request_queryset().filter(applicant=self.request.user).order_by("-submitted_at", "-pk")

    def perform_create(self, serializer):
        with transaction.atomic():
            inspection = serializer.save(applicant=self.request.user, language=get_language())
            lifecycle.record_submission(inspection, self.request.user)

    def perform_update(self, serializer):
        if serializer.instance.status != Status.RETURNED:
            raise serializers.ValidationError(
                {"detail": _("Only a request returned for correction can be changed.")}, code="not_returned"
            )
        serializer.save()

    @extend_schema(
        summary="Add a supporting document",
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={
            201: DocumentSerializer,
            **errors(401, 403, 404, 409, 415),
            400: OpenApiResponse(description="Not a PDF, JPEG or PNG; empty; too big"),
        },
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def documents(self, request, pk=None):
        inspection = self.get_object()
        if not inspection.is_open:
            return _refused(_("This request is closed."))
        upload = DocumentUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        try:
            (document,) = save_documents(inspection, [upload.validated_data["file"]], request.user)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"file": error.messages}) from None
        return Response(DocumentSerializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Resubmit a corrected request",
        request=None,
        responses={200: InspectionRequestSerializer, **errors(401, 403, 404, 409, 415)},
    )
    @action(detail=True, methods=["post"], parser_classes=[JSONParser, FormParser, MultiPartParser])
    def resubmit(self, request, pk=None):
        return self._move(Status.SUBMITTED)

    @extend_schema(
        summary="Cancel a request before a visit is scheduled",
        request=CancelSerializer,
        responses={200: InspectionRequestSerializer, **errors(400, 401, 403, 404, 409, 415)},
    )
    @action(detail=True, methods=["post"], parser_classes=[JSONParser, FormParser, MultiPartParser])
    def cancel(self, request, pk=None):
        data = CancelSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._move(Status.CANCELLED, internal_note=data.validated_data.get("reason", ""))

    def _move(self, target, **data):
        inspection = self.get_object()
        try:
            lifecycle.move(inspection, target, user=self.request.user, applicant=True, **data)
        except TransitionNotAllowed as error:
            return _refused(error)
        return Response(InspectionRequestSerializer(_request_queryset().get(pk=inspection.pk)).data)


class StaffRequestFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Status.choices)
    building_use = django_filters.ChoiceFilter(choices=BuildingUse.choices)
    kecamatan = django_filters.CharFilter(field_name="kecamatan__code")
    inspector = IdFilter(field_name="visits__inspectors", distinct=True)
    submitted_after = UTCIsoDateTimeFilter(field_name="submitted_at", lookup_expr="gte")
    submitted_before = UTCIsoDateTimeFilter(field_name="submitted_at", lookup_expr="lt")
    visit_after = UTCIsoDateTimeFilter(field_name="visits__starts_at", lookup_expr="gte", distinct=True)
    visit_before = UTCIsoDateTimeFilter(field_name="visits__starts_at", lookup_expr="lt", distinct=True)

    class Meta:
        model = InspectionRequest
        fields = []


@extend_schema_view(
    list=extend_schema(
        summary="List inspection requests (staff)",
        responses={200: StaffRequestSerializer(many=True), **errors(400, 401, 403, 404)},
    ),
    retrieve=extend_schema(
        summary="Read an inspection request (staff)", responses={200: StaffRequestSerializer, **errors(401, 403, 404)}
    ),
)
class StaffRequestViewSet(viewsets.ReadOnlyModelViewSet):
    """All requests, for staff with the view permission; moves need the workflow's permissions."""

    lookup_value_regex = ID_PATTERN

    serializer_class = StaffRequestSerializer
    permission_classes = [CanViewRequests]
    filterset_class = StaffRequestFilter

    def get_queryset(self):
        return _request_queryset().select_related("applicant").order_by("-submitted_at", "-pk")

    @extend_schema(
        summary="Move a request to another status",
        request=TransitionSerializer,
        responses={200: StaffRequestSerializer, **errors(400, 401, 403, 404, 409, 415)},
    )
    @action(detail=True, methods=["post"])
    def transitions(self, request, pk=None):
        inspection = self.get_object()
        data = TransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        target = values.pop("target")
        if target not in {t.target for t in lifecycle.available(inspection, request.user)}:
            return _refused(_("This step is not possible now."))
        try:
            lifecycle.move(inspection, target, user=request.user, **values)
        except TransitionNotAllowed as error:
            return _refused(error)
        return Response(StaffRequestSerializer(self.get_queryset().get(pk=inspection.pk)).data)

    @extend_schema(
        summary="Checklist results of every visit",
        responses={200: ChecklistEntrySerializer(many=True), **errors(401, 403, 404)},
    )
    # Recording sends a list of items: JSON only (a form cannot carry a list of objects).
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None, parser_classes=[JSONParser])
    def checklist(self, request, pk=None):
        inspection = self.get_object()
        entries = (
            ChecklistEntry.objects.filter(visit__request=inspection)
            .select_related("visit")
            .annotate(photo_count=Count("photos"))
            .order_by("visit__number", "sort_order", "pk")
        )
        return Response(ChecklistEntrySerializer(entries, many=True).data)

    @extend_schema(
        summary="Record checklist items of the current visit",
        request=ChecklistRecordSerializer(many=True),
        responses={200: ChecklistEntrySerializer(many=True), **errors(400, 401, 403, 404, 409, 415)},
    )
    @checklist.mapping.post
    def record_checklist(self, request, pk=None):
        if not request.user.has_perm("inspections.issue_result"):
            return Response({"detail": _("You do not have permission to do this.")}, status=status.HTTP_403_FORBIDDEN)
        inspection = self.get_object()
        visit = inspection.current_visit
        if visit is None or visit.issued_at or inspection.status not in (Status.SCHEDULED, Status.INSPECTED):
            return _refused(_("The checklist can be recorded while the visit is scheduled or inspected."))
        items = ChecklistRecordSerializer(data=request.data, many=True)
        items.is_valid(raise_exception=True)
        entries = {e.pk: e for e in visit.entries.all()}
        unknown = [item["entry"] for item in items.validated_data if item["entry"] not in entries]
        if unknown:
            raise serializers.ValidationError({"entry": [_("Not an item of this visit: %(ids)s") % {"ids": unknown}]})
        with transaction.atomic():
            for item in items.validated_data:
                checklist.record(
                    entries[item["entry"]], outcome=item["outcome"], note=item.get("note", ""), user=request.user
                )
        return self.checklist(request, pk)


class VerifyView(APIView):
    """Public: a result by its verification code; building, result, dates, nothing personal."""

    permission_classes = [permissions.AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "verification"

    @extend_schema(
        summary="Verify an inspection result by its code",
        responses={
            200: PublicResultSerializer,
            404: OpenApiResponse(description="No result with this code"),
            **errors(429),
        },
    )
    def get(self, request, code):
        visit = (
            Visit.objects.select_related("request")
            .exclude(issued_at=None)
            .filter(verification_code=normalize_verification_code(code)[:20])
            .first()
        )
        if visit is None:
            raise NotFound(_("No result with this code."))
        return Response(PublicResultSerializer(public_result(visit)).data)
