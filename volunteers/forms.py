from django import forms
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.core.places import Kecamatan, Kelurahan
from portal.core.text import TextFormMixin
from volunteers.models import VolunteerProfile
from volunteers.models.profiles import min_birth_date


class ApplicationForm(TextFormMixin, forms.ModelForm):
    availability = forms.MultipleChoiceField(
        label=_("When can you help?"),
        choices=VolunteerProfile.Availability.choices,
        widget=forms.CheckboxSelectMultiple,
        required=True,
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("You must agree to the privacy statement to apply.")},
    )

    class Meta:
        model = VolunteerProfile
        fields = VolunteerProfile.APPLICATION_FIELDS
        widgets = {
            "date_of_birth": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "skills": forms.Textarea(attrs={"rows": 3}),
            "certificates": forms.Textarea(attrs={"rows": 3}),
            "motivation": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["phone"].help_text = _("Indonesian number, for example 0812 3456 7890.")
        self.fields["emergency_contact_phone"].widget.attrs.update({"inputmode": "tel"})
        self.fields["date_of_birth"].widget.attrs["max"] = min_birth_date().isoformat()
        self.fields["motivation"].required = True
        self.fields["kecamatan"].queryset = Kecamatan.objects.order_by("name")
        self.fields["kelurahan"].queryset = Kelurahan.objects.select_related("kecamatan")
        # Group the 68 kelurahan under their kecamatan; validation still uses the queryset.
        groups = {}
        for kelurahan in Kelurahan.objects.select_related("kecamatan").order_by("kecamatan__name", "name"):
            groups.setdefault(kelurahan.kecamatan.name, []).append((kelurahan.pk, kelurahan.name))
        self.fields["kelurahan"].widget.choices = [("", "---------"), *groups.items()]
        self.fields["kecamatan"].widget.attrs["data-narrows"] = self["kelurahan"].auto_id
        self.fields["consent"].label = format_html(
            '{} <a href="{}">{}</a>',
            _("I have read and agree to the"),
            reverse_lazy("volunteers:privacy"),
            _("privacy statement (UU 27/2022)"),
        )


class DecisionForm(TextFormMixin, forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason (sent to the applicant)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when rejecting."),
    )

    def __init__(self, *args, transitions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [(t.target, t.label) for t in transitions]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == VolunteerProfile.Status.REJECTED and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the applicant a reason for the rejection."))
        return cleaned
