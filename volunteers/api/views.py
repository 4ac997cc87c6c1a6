"""The volunteer API: public trainings, a volunteer's own data, coordinators' rosters."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Locale

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.settings import api_settings

from portal.core.contract import ID_PATTERN
from volunteers import seats
from volunteers.api.serializers import (
    AttendanceSerializer,
    ErrorSerializer,
    ProfileSerializer,
    RegistrationSerializer,
    RosterEntrySerializer,
    TrainingSerializer,
)
from volunteers.models import Registration, TrainingPage, VolunteerProfile
from volunteers.models.trainings import with_seats


class IsCoordinator(permissions.BasePermission):
    """Coordinators (or anyone with the registration permissions) see rosters and mark attendance."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        needed = "volunteers.view_registration" if request.method in permissions.SAFE_METHODS else None
        return user.has_perm(needed or "volunteers.change_registration")


CODE_PARAMETER = OpenApiParameter(
    "code", OpenApiTypes.STR, OpenApiParameter.PATH, description="Registration code, e.g. K7QM3XTA."
)
NOT_FOUND = {404: OpenApiResponse(ErrorSerializer, description="Not found (or not yours).")}
REFUSED = {
    400: OpenApiResponse(OpenApiTypes.OBJECT, description="Refused: invalid fields, or `detail` and `code` saying why.")
}
LOCALE_PARAMETER = OpenApiParameter(
    "locale", OpenApiTypes.STR, enum=["id", "en"], description="Language of titles and places (default: id)."
)


@extend_schema_view(
    list=extend_schema(
        summary="Upcoming trainings with remaining seats",
        parameters=[LOCALE_PARAMETER],
        responses={200: TrainingSerializer(many=True), **REFUSED, **NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary="One training with its remaining seats", responses={200: TrainingSerializer, **NOT_FOUND}
    ),
)
class TrainingViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TrainingSerializer
    lookup_value_regex = ID_PATTERN
    permission_classes = [permissions.AllowAny]
    authentication_classes = []  # public: credentials are read only by the roster
    filter_backends = []

    def get_queryset(self):
        queryset = TrainingPage.objects.live().select_related("locale")
        if self.action == "list":
            code = self.request.query_params.get("locale") or "id"
            locale = Locale.objects.filter(language_code=code).first()
            if locale is None:
                raise ValidationError({"locale": "Unknown locale."})
            queryset = queryset.filter(locale=locale, starts_at__gte=timezone.now()).order_by("starts_at")
        return with_seats(queryset)

    @extend_schema(
        summary="Roster and waitlist of a training (coordinators)",
        responses={200: RosterEntrySerializer(many=True), **NOT_FOUND},
    )
    @action(
        detail=True,
        permission_classes=[IsCoordinator],
        authentication_classes=api_settings.DEFAULT_AUTHENTICATION_CLASSES,
        pagination_class=None,
    )
    def roster(self, request, pk=None):
        training = get_object_or_404(TrainingPage, pk=pk).canonical
        registrations = (
            Registration.objects.filter(training=training)
            .exclude(status=Registration.Status.CANCELLED)
            .select_related("profile", "user")
            .order_by("created_at", "pk")
        )
        return Response(RosterEntrySerializer(registrations, many=True).data)


class ProfileViewSet(viewsets.GenericViewSet):
    """The signed-in volunteer's own profile; phone numbers are changed by a coordinator."""

    serializer_class = ProfileSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_object(self):
        profile = (
            VolunteerProfile.objects.select_related("kecamatan", "kelurahan").filter(user=self.request.user).first()
        )
        if profile is None:
            raise NotFound("You have not applied as a volunteer.")
        return profile

    @extend_schema(summary="My volunteer profile", responses={200: ProfileSerializer, **NOT_FOUND})
    def retrieve(self, request):
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        summary="Update my skills, certificates and availability",
        responses={200: ProfileSerializer, **REFUSED, **NOT_FOUND},
    )
    def partial_update(self, request):
        serializer = self.get_serializer(self.get_object(), data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)


@extend_schema_view(
    list=extend_schema(
        summary="My training registrations", responses={200: RegistrationSerializer(many=True), **NOT_FOUND}
    ),
    retrieve=extend_schema(
        summary="One of my registrations",
        parameters=[CODE_PARAMETER],
        responses={200: RegistrationSerializer, **NOT_FOUND},
    ),
    create=extend_schema(
        summary="Register for a training (a seat, or the waitlist when full)",
        responses={
            201: RegistrationSerializer,
            **REFUSED,
            409: OpenApiResponse(ErrorSerializer, description="Already registered."),
        },
    ),
)
class RegistrationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = RegistrationSerializer
    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "code"
    lookup_value_regex = r"[A-Za-z0-9-]+"
    filter_backends = []

    def get_queryset(self):
        return (
            Registration.objects.filter(user=self.request.user)
            .select_related("training")
            .order_by("-created_at", "-pk")
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            registration = seats.register(
                serializer.validated_data["training"], request.user, language=get_language() or "id"
            )
        except seats.RegistrationError as error:
            code = status.HTTP_409_CONFLICT if error.code == "duplicate" else status.HTTP_400_BAD_REQUEST
            return Response({"detail": str(error.message), "code": error.code}, status=code)
        return Response(self.get_serializer(registration).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Cancel my registration (before the cut-off)",
        request=None,
        parameters=[CODE_PARAMETER],
        responses={200: RegistrationSerializer, **REFUSED, **NOT_FOUND},
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, code=None):
        registration = self.get_object()
        try:
            registration = seats.cancel(registration)
        except seats.RegistrationError as error:
            return Response({"detail": str(error.message), "code": error.code}, status=status.HTTP_400_BAD_REQUEST)
        return Response(self.get_serializer(registration).data)


class AttendanceViewSet(viewsets.GenericViewSet):
    """Coordinators mark attendance by registration code (as shown at the door)."""

    serializer_class = AttendanceSerializer
    permission_classes = [IsCoordinator]
    lookup_field = "code"
    queryset = Registration.objects.all()

    @extend_schema(
        summary="Mark attendance (coordinators)",
        parameters=[CODE_PARAMETER],
        responses={200: RosterEntrySerializer, **REFUSED, **NOT_FOUND},
    )
    def update(self, request, code=None):
        registration = get_object_or_404(Registration.objects.select_related("training"), code=code)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            registration = seats.mark_attendance(registration, serializer.validated_data["attended"], by=request.user)
        except seats.RegistrationError as error:
            return Response({"detail": str(error.message), "code": error.code}, status=status.HTTP_400_BAD_REQUEST)
        return Response(RosterEntrySerializer(registration).data)
