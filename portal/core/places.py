"""Places: the city's areas, points in the service area, and distances.

Everything that knows about geography lives here, used by every app:

- `Kecamatan`, `Kelurahan`: the city's districts and sub-districts by their
  Kemendagri codes, loaded from a CSV by `load_areas()` (`manage.py load_areas`);
- `distance_m()`, `bbox_around()`, `in_service_area()`: plain WGS84 arithmetic.
  No GIS database is needed: the city is small, so a bounding-box prefilter in
  SQL followed by haversine distances in Python is exact enough and fast;
- `Location`: abstract model with latitude/longitude, kecamatan, kelurahan,
  address and landmark, used by incidents and inspection requests;
- `LocationFormMixin`: the matching form fields, validated against
  `settings.SERVICE_AREA_BBOX` (points outside are refused with a clear message)
  and checking that the kelurahan lies in the chosen kecamatan;
  `templates/includes/location_fields.html` renders them with the map of
  `portal/static/js/location-picker.js`.

Coordinates are optional unless `require_coordinates` is set: with JavaScript
off, a citizen can still name the kecamatan and describe the place.
"""

import csv
import math
from decimal import Decimal
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from portal.core import reference

JAMBI_AREAS = Path(__file__).resolve().parent / "data" / "jambi_wilayah.csv"
# Kemendagri codes: province.city.kecamatan, then a four-digit kelurahan.
KECAMATAN_PATTERN = r"^\d{2}\.\d{2}\.\d{2}$"
KELURAHAN_PATTERN = r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$"


class Kecamatan(models.Model):
    """A district of the city, identified by its Kemendagri code (e.g. 15.71.01)."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")

    def __str__(self):
        return self.name


class Kelurahan(models.Model):
    """A sub-district (urban village) within a kecamatan."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.PROTECT, related_name="kelurahan", verbose_name=_("kecamatan")
    )

    class Meta:
        ordering = ["kecamatan__name", "name"]
        verbose_name = _("kelurahan")
        verbose_name_plural = _("kelurahan")

    def __str__(self):
        return self.name


# --- Distances and the service area ----------------------------------------------
EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE_LAT = 111_320.0


def distance_m(lat1, lon1, lat2, lon2):
    """Great-circle distance in metres between two points."""
    phi1, phi2 = math.radians(float(lat1)), math.radians(float(lat2))
    dphi = phi2 - phi1
    dlmb = math.radians(float(lon2) - float(lon1))
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def bbox_around(lat, lon, radius_m):
    """(south, west, north, east) of a box that contains the circle: an SQL prefilter."""
    lat, lon = float(lat), float(lon)
    dlat = radius_m / METRES_PER_DEGREE_LAT
    dlon = radius_m / (METRES_PER_DEGREE_LAT * max(math.cos(math.radians(lat)), 1e-6))
    return lat - dlat, lon - dlon, lat + dlat, lon + dlon


def in_service_area(lat, lon, bbox=None):
    """Whether a point lies inside the configured service area (SERVICE_AREA_BBOX)."""
    south, west, north, east = bbox or settings.SERVICE_AREA_BBOX
    return south <= float(lat) <= north and west <= float(lon) <= east


# --- Where something is: model, form ----------------------------------------------
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


# --- Loading a city's areas -------------------------------------------------------
@transaction.atomic
def load_areas(path=JAMBI_AREAS):
    """Create the areas that are missing; return (kecamatan created, kelurahan created)."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))

    existing_kec = {k.code: k for k in Kecamatan.objects.all()}
    new_kec = [
        Kecamatan(code=row["code"], name=row["name"])
        for row in rows
        if row["level"] == "kecamatan" and row["code"] not in existing_kec
    ]
    Kecamatan.objects.bulk_create(new_kec)
    by_code = {k.code: k for k in Kecamatan.objects.all()}

    existing_kel = set(Kelurahan.objects.values_list("code", flat=True))
    new_kel = []
    for row in rows:
        if row["level"] != "kelurahan" or row["code"] in existing_kel:
            continue
        parent_code = row["code"].rsplit(".", 1)[0]
        new_kel.append(Kelurahan(code=row["code"], name=row["name"], kecamatan=by_code[parent_code]))
    Kelurahan.objects.bulk_create(new_kel)
    # bulk_create sends no post_save: tell the code memos (portal.core.reference) ourselves.
    transaction.on_commit(reference.bump)
    return len(new_kec), len(new_kel)
