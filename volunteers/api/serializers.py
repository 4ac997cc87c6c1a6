from django.utils.translation import gettext_lazy as _

from rest_framework import serializers

from portal.core.contract import IdRelatedField, RequiredBooleanField
from portal.core.text import TextSerializerMixin
from volunteers.models import Registration, TrainingPage, VolunteerProfile


class TrainingSerializer(serializers.ModelSerializer):
    """A training as the public sees it: no names, only counts."""

    key = serializers.UUIDField(source="translation_key", read_only=True, help_text=_("Same in every language."))
    locale = serializers.CharField(source="locale.language_code", read_only=True)
    url = serializers.SerializerMethodField()
    ends_at = serializers.DateTimeField(read_only=True)
    remaining_seats = serializers.IntegerField(read_only=True)
    waitlist_length = serializers.IntegerField(read_only=True)
    registration_state = serializers.SerializerMethodField()

    class Meta:
        model = TrainingPage
        fields = [
            "id",
            "key",
            "locale",
            "title",
            "url",
            "starts_at",
            "ends_at",
            "duration_minutes",
            "location_name",
            "address",
            "latitude",
            "longitude",
            "audience",
            "capacity",
            "remaining_seats",
            "waitlist_length",
            "registration_state",
            "registration_opens_at",
            "registration_closes_at",
            "cancellation_cutoff_hours",
        ]
        read_only_fields = fields

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        url = obj.get_url(request) or ""
        return request.build_absolute_uri(url) if request and url.startswith("/") else url

    def get_registration_state(self, obj) -> str:
        return obj.registration_state()


class ProfileSerializer(TextSerializerMixin, serializers.ModelSerializer):
    kecamatan = serializers.CharField(source="kecamatan.name", read_only=True)
    kelurahan = serializers.CharField(source="kelurahan.name", read_only=True)
    phone = serializers.CharField(read_only=True)
    emergency_contact_phone = serializers.CharField(read_only=True)
    availability = serializers.ListField(child=serializers.ChoiceField(VolunteerProfile.Availability.choices))

    class Meta:
        model = VolunteerProfile
        fields = [
            *VolunteerProfile.APPLICATION_FIELDS,
            "status",
            "rejection_reason",
            "created_at",
            "decided_at",
        ]
        read_only_fields = [
            "full_name",
            "date_of_birth",
            "emergency_contact_name",
            "motivation",
            "status",
            "rejection_reason",
            "created_at",
            "decided_at",
        ]


class RegistrationSerializer(TextSerializerMixin, serializers.ModelSerializer):
    training = IdRelatedField(queryset=TrainingPage.objects.live())
    training_title = serializers.CharField(source="training.title", read_only=True)
    starts_at = serializers.DateTimeField(source="training.starts_at", read_only=True)
    waitlist_position = serializers.SerializerMethodField()
    can_cancel = serializers.BooleanField(read_only=True)

    class Meta:
        model = Registration
        fields = [
            "code",
            "training",
            "training_title",
            "starts_at",
            "status",
            "waitlist_position",
            "created_at",
            "promoted_at",
            "cancelled_at",
            "attended",
            "can_cancel",
        ]
        read_only_fields = [f for f in fields if f != "training"]

    def get_waitlist_position(self, obj) -> int | None:
        return obj.waitlist_position()


class RosterEntrySerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="participant_name", read_only=True)
    phone = serializers.CharField(source="participant_phone", read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "code", "name", "phone", "status", "created_at", "promoted_at", "attended"]
        read_only_fields = fields


class AttendanceSerializer(TextSerializerMixin, serializers.Serializer):
    attended = RequiredBooleanField()


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField(required=False, help_text=_("duplicate, not_volunteer, closed, cutoff, ..."))
