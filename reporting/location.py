"""Where something is: one abstract model, one form mixin, one template include.

Incidents and inspection requests both use these pieces:

- `Location`: abstract model with latitude/longitude, kecamatan, kelurahan,
  address and landmark;
- `LocationFormMixin`: the matching form fields, validated against
  `settings.SERVICE_AREA_BBOX` (points outside are refused with a clear message)
  and checking that the kelurahan lies in the chosen kecamatan;
- `templates/reporting/includes/location_fields.html` renders the fields and,
  when JavaScript runs, the map of `portal/static/js/location-picker.js`.

Coordinates are optional unless `require_coordinates` is set: with JavaScript
off, a citizen can still name the kecamatan and describe the place.
"""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.models import Kecamatan, Kelurahan
from reporting.geo import in_service_area


def outside_service_area_error():
    return ValidationError(
        _("This point is outside the area we serve (Kota Jambi). Move the pin into the city, or call 112."),
        code="outside_service_area",
    )


def validate_point(latitude, longitude):
    """Refuse a half-given point or one outside SERVICE_AREA_BBOX; None/None passes."""
    if latitude is None and longitude is None:
        return
    if latitude is None or longitude is None:
        raise ValidationError(_("Give both latitude and longitude, or neither."), code="incomplete_point")
    if not in_service_area(latitude, longitude):
        raise outside_service_area_error()


class Location(models.Model):
    """Abstract: a place in the service area. Coordinates are WGS84 degrees."""

    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    kecamatan = models.ForeignKey(
        Kecamatan, verbose_name=_("kecamatan"), on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    kelurahan = models.ForeignKey(
        Kelurahan, verbose_name=_("kelurahan"), on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    landmark = models.CharField(_("landmark"), max_length=255, blank=True)

    class Meta:
        abstract = True

    @property
    def has_point(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def place_label(self):
        parts = [self.address, self.kelurahan and self.kelurahan.name, self.kecamatan and self.kecamatan.name]
        return ", ".join(str(p) for p in parts if p)

    def clean(self):
        super().clean()
        validate_point(self.latitude, self.longitude)
        if self.kelurahan_id and self.kecamatan_id and self.kelurahan.kecamatan_id != self.kecamatan_id:
            raise ValidationError({"kelurahan": _("This kelurahan is not in the chosen kecamatan.")})


class KelurahanSelect(forms.Select):
    """A select whose options carry their kecamatan, so the picker can filter them."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-kecamatan"] = str(instance.kecamatan_id)
        return option


LOCATION_FIELDS = ["latitude", "longitude", "kecamatan", "kelurahan", "address", "landmark"]


class LocationFormMixin(forms.Form):
    """Location fields for a Form or ModelForm (list it before ModelForm in the bases)."""

    require_coordinates = False

    latitude = forms.DecimalField(
        label=_("Latitude"),
        max_digits=9,
        decimal_places=6,
        required=False,
        min_value=Decimal("-90"),
        max_value=Decimal("90"),
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        max_digits=9,
        decimal_places=6,
        required=False,
        min_value=Decimal("-180"),
        max_value=Decimal("180"),
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan (district)"), queryset=Kecamatan.objects.all(), empty_label=_("Choose a kecamatan")
    )
    kelurahan = forms.ModelChoiceField(
        label=_("Kelurahan (optional)"),
        queryset=Kelurahan.objects.all(),
        required=False,
        empty_label=_("Not sure"),
        widget=KelurahanSelect,
    )
    address = forms.CharField(
        label=_("Address or place"),
        max_length=255,
        help_text=_("Street, house number, RT/RW, or the name of the place."),
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    landmark = forms.CharField(
        label=_("Nearest landmark (optional)"),
        max_length=255,
        required=False,
        help_text=_("For example: opposite the mosque, next to the petrol station."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.require_coordinates:
            self.fields["latitude"].required = True
            self.fields["longitude"].required = True

    def clean(self):
        cleaned = super().clean()
        lat, lon = cleaned.get("latitude"), cleaned.get("longitude")
        if "latitude" not in self.errors and "longitude" not in self.errors:
            try:
                validate_point(lat, lon)
            except ValidationError as error:
                self.add_error("latitude", error)
        kecamatan, kelurahan = cleaned.get("kecamatan"), cleaned.get("kelurahan")
        if kecamatan and kelurahan and kelurahan.kecamatan_id != kecamatan.pk:
            self.add_error("kelurahan", _("This kelurahan is not in the chosen kecamatan."))
        return cleaned

    @property
    def map_config(self):
        """What the location picker needs, from settings (for the template include)."""
        south, west, north, east = settings.SERVICE_AREA_BBOX
        lat, lon = settings.MAP_CENTER
        return {
            "tile_url": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "center": f"{lat},{lon}",
            "bbox": f"{south},{west},{north},{east}",
        }
