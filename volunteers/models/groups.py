"""Neighbourhood volunteer groups (BALAKAR per kelurahan, SATLAKAR, ...), managed by coordinators."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class VolunteerGroup(ClusterableModel):
    class Kind(models.TextChoices):
        BALAKAR = "balakar", _("BALAKAR (neighbourhood fire brigade)")
        SATLAKAR = "satlakar", _("SATLAKAR (fire unit)")
        REDKAR = "redkar", _("REDKAR (fire volunteers)")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BALAKAR)
    kecamatan = models.ForeignKey(
        "core.Kecamatan", verbose_name=_("kecamatan"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kelurahan = models.ForeignKey(
        "core.Kelurahan", verbose_name=_("kelurahan"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("kecamatan"), FieldPanel("kelurahan")], heading=_("Area")),
        FieldPanel("description"),
        InlinePanel("memberships", heading=_("Members"), label=_("Member")),
    ]

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("volunteer group")
        verbose_name_plural = _("volunteer groups")

    def __str__(self):
        return self.name

    def member_count(self):
        """The viewset annotates this; Wagtail's spreadsheet export reads rows without the annotation."""
        return self.memberships.count()

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.kelurahan_id and self.kecamatan_id and self.kelurahan.kecamatan_id != self.kecamatan_id:
            raise ValidationError({"kelurahan": _("This kelurahan is not in the chosen kecamatan.")})


class GroupMembership(Orderable):
    class Role(models.TextChoices):
        LEADER = "leader", _("Leader")
        DEPUTY = "deputy", _("Deputy")
        MEMBER = "member", _("Member")

    group = ParentalKey(VolunteerGroup, on_delete=models.CASCADE, related_name="memberships")
    volunteer = models.ForeignKey(
        "volunteers.VolunteerProfile",
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="memberships",
        limit_choices_to={"status": "approved"},
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)

    panels = [FieldPanel("volunteer"), FieldPanel("role"), FieldPanel("joined_on")]

    class Meta(Orderable.Meta):
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        constraints = [
            models.UniqueConstraint(fields=["group", "volunteer"], name="volunteers_one_membership_per_group")
        ]

    def __str__(self):
        return f"{self.volunteer} · {self.group}"
