"""Fields built once per serializer class (portal.core.serializers.FieldsOnceMixin)
behave as DRF's per-instance deep copies did."""

from portal.core.text import TextValidator
from reporting.incidents.api.serializers import IncidentCreateSerializer, PublicIncidentSerializer


def test_each_instance_has_its_own_bound_fields():
    first, second = IncidentCreateSerializer(), IncidentCreateSerializer()
    for name in ("category", "description", "photos"):
        assert first.fields[name] is not second.fields[name]
        assert first.fields[name].parent is first
        assert second.fields[name].parent is second
    assert first.fields["photos"].child.parent is first.fields["photos"]
    assert PublicIncidentSerializer().fields["timeline"].method_name == "get_timeline"


def test_the_text_rule_is_added_once_however_many_instances():
    for _ in range(3):
        fields = IncidentCreateSerializer().fields
    assert sum(isinstance(v, TextValidator) for v in fields["description"].validators) == 1
    assert sum(isinstance(v, TextValidator) for v in fields["address"].validators) == 1


def test_validation_still_refuses_bad_text_after_reuse():
    for _ in range(2):
        serializer = IncidentCreateSerializer(data={"description": "api\x1b[31m", "address": "a\nb"})
        assert not serializer.is_valid()
        assert {"description", "address", "category", "kecamatan"} <= set(serializer.errors)


def test_the_status_label_is_the_translated_display_of_every_status():
    from django.utils import translation

    from reporting.incidents.models import Incident, Status

    for language in ("id", "en"):
        with translation.override(language):
            for status in Status.values:
                incident = Incident(status=status)
                assert incident.status_label == incident.get_status_display()
    with translation.override("en"):
        assert Incident(status=Status.ON_SCENE).status_label == "On scene"
