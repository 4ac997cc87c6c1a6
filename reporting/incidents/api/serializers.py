"""Incident API representations. Public ones carry no personal data, by construction:
they list their fields explicitly and never include reporter details."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from phonenumber_field.serializerfields import PhoneNumberField
from rest_framework import serializers

from portal.core.contract import KnownCodeField
from portal.core.locales import default_locale
from portal.core.places import KECAMATAN_PATTERN, KELURAHAN_PATTERN, Kecamatan, Kelurahan, validate_point
from portal.core.serializers import FieldsOnceMixin
from portal.core.text import TextSerializerMixin
from reporting.incidents.forms import MAX_PHOTOS, prepare_photos
from reporting.incidents.lifecycle import WORKFLOW
from reporting.incidents.models import Category, FireStation, Incident, Source, Status, normalize_tracking_code

UNKNOWN_CODE = _("Unknown code “{value}”.")
STAFF_SOURCES = [Source.CALL_112, Source.PHONE, Source.WALK_IN, Source.API]


class CategorySerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Category
        fields = ["code", "name", "family", "parent"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_name(self, obj):
        return obj.localized_name()


class TimelineEntrySerializer(FieldsOnceMixin, serializers.Serializer):
    at = serializers.DateTimeField()
    status = serializers.CharField(source="to_status")
    status_label = serializers.CharField()
    public_note = serializers.CharField()


class PublicIncidentSerializer(FieldsOnceMixin, serializers.ModelSerializer):
    """What anyone with the tracking code may see: no names, phones, emails or notes."""

    category = serializers.SlugRelatedField(slug_field="code", read_only=True)
    category_name = serializers.SerializerMethodField()
    status_label = serializers.CharField(read_only=True)
    kecamatan = serializers.CharField(source="kecamatan.name", default=None, read_only=True, allow_null=True)
    duplicate_of = serializers.CharField(
        source="duplicate_of.tracking_code", default=None, read_only=True, allow_null=True
    )
    timeline = serializers.SerializerMethodField()

    class Meta:
        model = Incident
        fields = [
            "tracking_code",
            "status",
            "status_label",
            "category",
            "category_name",
            "kecamatan",
            "received_at",
            "duplicate_of",
            "timeline",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_category_name(self, obj):
        return obj.category.localized_name()

    @extend_schema_field(TimelineEntrySerializer(many=True))
    def get_timeline(self, obj):
        from reporting.incidents.lifecycle import AUDIT

        # A report just created carries its one entry: its answer needs no read-back.
        entries = getattr(obj, "timeline_entries", None)
        if entries is None:
            entries = AUDIT.timeline(obj, public_only=True)
        return TimelineEntrySerializer(entries, many=True).data


# How far back staff may date a call they log (a report entered late, not history).
RECEIVED_AT_MAX_AGE_DAYS = 30


class CategoryCodeField(KnownCodeField):
    """A category by its code, among the active default-locale categories (looked up when used)."""

    def get_queryset(self):
        return Category.objects.filter(locale=default_locale(), is_active=True)


class IncidentCreateSerializer(FieldsOnceMixin, TextSerializerMixin, serializers.Serializer):
    category = CategoryCodeField(
        queryset=Category.objects.all(),
        pattern=r"^[-a-zA-Z0-9_]+$",
        error_messages={"does_not_exist": UNKNOWN_CODE},
        help_text=_("Category code, see /api/incident-categories/."),
    )
    description = serializers.CharField(max_length=2000)
    latitude = serializers.DecimalField(max_digits=9, decimal_places=6, required=False, allow_null=True)
    longitude = serializers.DecimalField(max_digits=9, decimal_places=6, required=False, allow_null=True)
    kecamatan = KnownCodeField(
        queryset=Kecamatan.objects.all(), pattern=KECAMATAN_PATTERN, error_messages={"does_not_exist": UNKNOWN_CODE}
    )
    kelurahan = KnownCodeField(
        queryset=Kelurahan.objects.all(),
        pattern=KELURAHAN_PATTERN,
        required=False,
        allow_null=True,
        error_messages={"does_not_exist": UNKNOWN_CODE},
    )
    address = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    landmark = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    reporter_name = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    reporter_phone = PhoneNumberField(region="ID", required=False, allow_blank=True, default="")
    reporter_email = serializers.EmailField(required=False, allow_blank=True)
    source = serializers.ChoiceField(
        choices=STAFF_SOURCES,
        required=False,
        help_text=_("Staff only (112, phone, walk_in); anonymous reports are recorded as “api”."),
    )
    received_at = serializers.DateTimeField(
        required=False, help_text=_("Staff only: when the call came in; defaults to now.")
    )
    photos = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        max_length=MAX_PHOTOS,
        write_only=True,
        help_text=_("Up to 3 photos (multipart only)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepared_photos = []

    def validate_received_at(self, value):
        # A call logged by staff happened recently: not in the future, not last year.
        # (From the public the field is ignored: incident_data() drops it.)
        request = self.context.get("request")
        if request is None or not request.user.has_perm("reporting.add_incident"):
            return value
        now = timezone.now()
        if value > now + timedelta(minutes=5):
            raise serializers.ValidationError(_("The time of the call cannot be in the future."))
        if value < now - timedelta(days=RECEIVED_AT_MAX_AGE_DAYS):
            raise serializers.ValidationError(
                _("The time of the call must be within the last %(days)s days.") % {"days": RECEIVED_AT_MAX_AGE_DAYS}
            )
        return value

    def validate_photos(self, value):
        try:
            self.prepared_photos = prepare_photos(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None
        return value

    def validate(self, attrs):
        try:
            validate_point(attrs.get("latitude"), attrs.get("longitude"))
        except DjangoValidationError as error:
            raise serializers.ValidationError({"latitude": error.messages}) from None
        kelurahan = attrs.get("kelurahan")
        if kelurahan and kelurahan.kecamatan_id != attrs["kecamatan"].pk:
            raise serializers.ValidationError({"kelurahan": [_("This kelurahan is not in the chosen kecamatan.")]})
        return attrs

    def incident_data(self, user):
        data = {k: v for k, v in self.validated_data.items() if k != "photos"}
        staff = user is not None and user.has_perm("reporting.add_incident")
        if not staff:
            data.pop("received_at", None)
            data["source"] = Source.API
        else:
            data.setdefault("source", Source.API)
        data["reporter_phone"] = data.get("reporter_phone") or ""
        return data


class StaffIncidentSerializer(TextSerializerMixin, serializers.ModelSerializer):
    """The full record for dispatch staff, reporter contact included."""

    category = serializers.SlugRelatedField(slug_field="code", read_only=True)
    kecamatan = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    kelurahan = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    status_label = serializers.CharField(read_only=True)
    reporter_phone = serializers.CharField(read_only=True)
    # Empty when the reporter gave none, so not documented as `format: email`.
    reporter_email = serializers.CharField(read_only=True)
    duplicate_of = serializers.CharField(
        source="duplicate_of.tracking_code", default=None, read_only=True, allow_null=True
    )
    response_minutes = serializers.FloatField(read_only=True, allow_null=True)
    met_target = serializers.BooleanField(read_only=True, allow_null=True)
    photos = serializers.SerializerMethodField()
    allowed_transitions = serializers.SerializerMethodField()

    class Meta:
        model = Incident
        fields = [
            "id",
            "tracking_code",
            "status",
            "status_label",
            "source",
            "category",
            "description",
            "latitude",
            "longitude",
            "kecamatan",
            "kelurahan",
            "address",
            "landmark",
            "reporter_name",
            "reporter_phone",
            "reporter_email",
            "received_at",
            "verified_at",
            "dispatched_at",
            "en_route_at",
            "on_scene_at",
            "under_control_at",
            "finished_at",
            "closed_at",
            "station",
            "units",
            "assigned_to",
            "duplicate_of",
            "response_minutes",
            "met_target",
            "photos",
            "allowed_transitions",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.URLField()))
    def get_photos(self, obj):
        request = self.context.get("request")
        urls = [photo.image.url for photo in obj.photos.all()]
        return [request.build_absolute_uri(u) if request else u for u in urls]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_allowed_transitions(self, obj):
        request = self.context.get("request")
        user = request.user if request else None
        return [t.target for t in WORKFLOW.available(obj.status, user)]


class IncidentTransitionSerializer(TextSerializerMixin, serializers.Serializer):
    target = serializers.ChoiceField(choices=[(s, label) for s, label in Status.choices if s != Status.RECEIVED])
    public_note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    station = serializers.PrimaryKeyRelatedField(
        queryset=FireStation.objects.filter(is_active=True), required=False, allow_null=True
    )
    units = serializers.CharField(required=False, allow_null=True, max_length=255)
    kept = serializers.CharField(
        required=False, allow_null=True, help_text=_("For “duplicate”: the tracking code of the incident to keep.")
    )

    def validate_kept(self, value):
        if not value:
            return None
        kept = Incident.objects.filter(tracking_code=normalize_tracking_code(value)).first()
        if kept is None:
            raise serializers.ValidationError(_("No incident has this tracking code."))
        return kept


class IncidentAssignSerializer(TextSerializerMixin, serializers.Serializer):
    station = serializers.PrimaryKeyRelatedField(
        queryset=FireStation.objects.filter(is_active=True), required=False, allow_null=True
    )
    units = serializers.CharField(required=False, allow_null=True, max_length=255)
    assigned_to = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.none(),
        required=False,
        allow_null=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only active staff who may work incidents; applicants and citizens are not assignees.
        self.fields["assigned_to"].queryset = get_user_model().objects.with_perm(
            "reporting.change_incident", backend="django.contrib.auth.backends.ModelBackend"
        )


class FireStationSerializer(serializers.ModelSerializer):
    kecamatan = serializers.CharField(source="kecamatan.name", read_only=True)
    phone = serializers.CharField(read_only=True)

    class Meta:
        model = FireStation
        fields = ["id", "code", "name", "latitude", "longitude", "kecamatan", "address", "phone"]
