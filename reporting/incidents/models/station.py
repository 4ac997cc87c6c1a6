from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from phonenumber_field.modelfields import PhoneNumberField

from portal.core.places import Kecamatan, bbox_around, distance_m


class FireStation(index.Indexed, models.Model):
    """A fire post (pos pemadam) with its position, used for nearest-station suggestions."""

    name = models.CharField(_("name"), max_length=120)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)
    phone = PhoneNumberField(_("phone"), region="ID", blank=True)
    kecamatan = models.ForeignKey(
        Kecamatan, verbose_name=_("kecamatan"), on_delete=models.PROTECT, related_name="fire_stations"
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    units = models.CharField(
        _("units"), max_length=255, blank=True, help_text=_("Vehicles based here, e.g. “PMK 01, PMK 04”.")
    )
    is_active = models.BooleanField(_("in service"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("kecamatan"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("units"),
        FieldPanel("is_active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("is_active")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("fire station")
        verbose_name_plural = _("fire stations")

    def __str__(self):
        return self.name

    @classmethod
    def nearest(cls, latitude, longitude, limit=3):
        """Active stations by distance from a point: [(station, metres), …]. One query."""
        stations = cls.objects.filter(is_active=True).select_related("kecamatan")
        ranked = sorted(
            ((s, distance_m(latitude, longitude, s.latitude, s.longitude)) for s in stations), key=lambda p: p[1]
        )
        return ranked[:limit]

    @classmethod
    def within(cls, latitude, longitude, radius_m):
        south, west, north, east = bbox_around(latitude, longitude, radius_m)
        return cls.objects.filter(latitude__range=(south, north), longitude__range=(west, east))
