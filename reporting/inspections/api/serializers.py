"""Serializers of the inspections API: the applicant's view, staff's view, and the public result."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phonenumber_field.serializerfields import PhoneNumberField
from rest_framework import serializers

from portal.core.contract import KnownCodeField
from portal.core.places import (
    KECAMATAN_PATTERN,
    KELURAHAN_PATTERN,
    LOCATION_FIELDS,
    Kecamatan,
    Kelurahan,
    validate_point,
)
from portal.core.text import TextSerializerMixin

from ..models import (
    ChecklistEntry,
    InspectionDocument,
    InspectionEvent,
    InspectionRequest,
    Outcome,
    ResultKind,
    Status,
    Visit,
)

APPLICANT_FIELDS = [*InspectionRequest.APPLICANT_FIELDS, *LOCATION_FIELDS]


class EventSerializer(serializers.ModelSerializer):
    status = serializers.CharField(source="to_status")
    message = serializers.CharField(source="public_note")

    class Meta:
        model = InspectionEvent
        fields = ["at", "kind", "status", "message"]


class StaffEventSerializer(EventSerializer):
    actor = serializers.SerializerMethodField()
    internal_note = serializers.CharField(source="note")

    class Meta(EventSerializer.Meta):
        fields = EventSerializer.Meta.fields + ["from_status", "actor", "internal_note"]

    def get_actor(self, obj) -> str | None:
        return obj.actor.email if obj.actor else None


class DocumentSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="kind", read_only=True)

    class Meta:
        model = InspectionDocument
        fields = ["id", "original_name", "type", "size", "uploaded_at"]


class DocumentUploadSerializer(TextSerializerMixin, serializers.Serializer):
    file = serializers.FileField(help_text=_("PDF, JPEG or PNG, checked by content; at most DOCUMENT_MAX_BYTES."))


class VisitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Visit
        fields = [
            "number",
            "starts_at",
            "ends_at",
            "inspected_at",
            "result",
            "result_number",
            "verification_code",
            "findings",
            "corrective_actions",
            "corrective_deadline",
            "issued_at",
            "valid_until",
        ]


class InspectionRequestSerializer(TextSerializerMixin, serializers.ModelSerializer):
    """The applicant's own request: what they sent, where it stands, and what staff told them."""

    reference = serializers.CharField(read_only=True)
    kecamatan = KnownCodeField(queryset=Kecamatan.objects.all(), pattern=KECAMATAN_PATTERN)
    kelurahan = KnownCodeField(queryset=Kelurahan.objects.all(), pattern=KELURAHAN_PATTERN)
    contact_phone = PhoneNumberField(region="ID")
    latitude = serializers.DecimalField(max_digits=9, decimal_places=6, min_value=-90, max_value=90)
    longitude = serializers.DecimalField(max_digits=9, decimal_places=6, min_value=-180, max_value=180)
    floors = serializers.IntegerField(min_value=1, max_value=200)
    floor_area = serializers.IntegerField(min_value=1, max_value=10_000_000)
    year_built = serializers.IntegerField(min_value=1800, max_value=2100)
    occupancy = serializers.IntegerField(min_value=0, max_value=1_000_000)
    events = EventSerializer(many=True, read_only=True)
    documents = DocumentSerializer(many=True, read_only=True)
    visits = VisitSerializer(many=True, read_only=True)

    class Meta:
        model = InspectionRequest
        fields = ["id", "reference", "status", *APPLICANT_FIELDS, "submitted_at", "events", "documents", "visits"]
        read_only_fields = ["status", "submitted_at"]

    def validate_year_built(self, value):
        if value > timezone.localdate().year:
            raise serializers.ValidationError(_("Enter a year between 1800 and this year."))
        return value

    def validate_preferred_date(self, value):
        if value < timezone.localdate() and not (self.instance and value == self.instance.preferred_date):
            raise serializers.ValidationError(_("Choose a date from today on."))
        return value

    def validate(self, attrs):
        lat = attrs.get("latitude", getattr(self.instance, "latitude", None))
        lon = attrs.get("longitude", getattr(self.instance, "longitude", None))
        try:
            validate_point(lat, lon)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"latitude": error.messages}) from None
        kecamatan = attrs.get("kecamatan", getattr(self.instance, "kecamatan", None))
        kelurahan = attrs.get("kelurahan", getattr(self.instance, "kelurahan", None))
        if kecamatan and kelurahan and kelurahan.kecamatan_id != kecamatan.pk:
            raise serializers.ValidationError({"kelurahan": [_("This kelurahan is not in the chosen kecamatan.")]})
        return attrs


class StaffRequestSerializer(InspectionRequestSerializer):
    applicant_email = serializers.EmailField(source="applicant.email", read_only=True, allow_null=True)
    events = StaffEventSerializer(many=True, read_only=True)

    class Meta(InspectionRequestSerializer.Meta):
        fields = InspectionRequestSerializer.Meta.fields + [
            "applicant_email",
            "verified_at",
            "scheduled_at",
            "inspected_at",
            "result_issued_at",
            "closed_at",
            "cancelled_at",
        ]
        read_only_fields = fields


class CancelSerializer(TextSerializerMixin, serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500)


class TransitionSerializer(TextSerializerMixin, serializers.Serializer):
    target = serializers.ChoiceField(choices=Status.choices)
    message = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    internal_note = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    starts_at = serializers.DateTimeField(required=False)
    ends_at = serializers.DateTimeField(required=False)
    inspectors = serializers.PrimaryKeyRelatedField(many=True, required=False, queryset=get_user_model().objects.none())
    result = serializers.ChoiceField(choices=ResultKind.choices, required=False)
    findings = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    corrective_actions = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    corrective_deadline = serializers.DateField(required=False)
    valid_until = serializers.DateField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from ..forms import inspector_queryset

        self.fields["inspectors"].child_relation.queryset = inspector_queryset()


class ChecklistEntrySerializer(TextSerializerMixin, serializers.ModelSerializer):
    visit = serializers.IntegerField(source="visit.number", read_only=True)
    photos = serializers.IntegerField(source="photo_count", read_only=True)

    class Meta:
        model = ChecklistEntry
        fields = ["id", "visit", "group", "text", "outcome", "note", "recorded_at", "photos"]


class ChecklistRecordSerializer(TextSerializerMixin, serializers.Serializer):
    entry = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class PublicResultSerializer(serializers.Serializer):
    """Everything anyone may know about a result, and nothing more."""

    building_name = serializers.CharField()
    result = serializers.ChoiceField(choices=ResultKind.choices)
    result_number = serializers.CharField()
    issued_on = serializers.DateField()
    valid_until = serializers.DateField(allow_null=True)
    is_valid = serializers.BooleanField()
