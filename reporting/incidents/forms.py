"""Forms of the public report page and the back office's transition, correction and merge actions."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from phonenumber_field.formfields import PhoneNumberField

from portal.core.places import LOCATION_FIELDS, LocationFormMixin
from portal.core.text import TextFormMixin
from portal.core.uploads import clean_image, exif_gps, open_image
from reporting.incidents.models import Category, FireStation, Incident

MAX_PHOTOS = 3


def prepare_photos(files):
    """Check uploaded photos by decoding them; return [(clean JPEG ContentFile, gps or None), …].

    Raises ValidationError (translated) for too many files or any file that is
    not a real image within PHOTO_MAX_BYTES: nothing is stored in that case.
    """
    files = [f for f in files if f]
    if len(files) > MAX_PHOTOS:
        raise ValidationError(_("Send at most %(count)d photos.") % {"count": MAX_PHOTOS}, code="too_many_photos")
    prepared = []
    for index, upload in enumerate(files, start=1):
        try:
            image = open_image(upload)
        except ValidationError as error:
            raise ValidationError(
                _("Photo %(number)d (%(name)s): %(error)s")
                % {"number": index, "name": upload.name, "error": " ".join(error.messages)},
                code=error.code,
            ) from None
        gps = exif_gps(image)
        prepared.append((clean_image(image, name=f"photo-{index}.jpg"), gps))
    return prepared


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultiplePhotoField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


class CategoryChoiceField(forms.TypedChoiceField):
    """Grouped category choices in the active language; values are default-locale pks."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("coerce", int)
        kwargs.setdefault("empty_value", None)
        super().__init__(*args, choices=self.grouped_choices, **kwargs)

    @staticmethod
    def grouped_choices():
        return [("", _("Choose what is happening")), *Category.choice_tree()]


class ReportForm(TextFormMixin, LocationFormMixin, forms.ModelForm):
    """The citizen's report: what, where, photos, and optional contact details."""

    category = CategoryChoiceField(label=_("What is happening?"))
    photos = MultiplePhotoField(
        label=_("Photos (optional, up to 3)"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 10 MB each. Stay safe: do not go near the fire to take a photo."),
    )
    reporter_phone = PhoneNumberField(
        label=_("Your phone number (optional)"),
        region="ID",
        required=False,
        help_text=_("So the crew can call you back, e.g. 0812 3456 7890. Never shown publicly."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    # Honeypot: hidden from people by CSS and aria-hidden; bots fill every field.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = Incident
        fields = ["description", *LOCATION_FIELDS, "reporter_name", "reporter_phone", "reporter_email"]
        labels = {
            "description": _("Describe what you see"),
            "reporter_name": _("Your name (optional)"),
            "reporter_email": _("Your email (optional)"),
        }
        help_texts = {
            "description": _("What is burning or who needs help, how big, is anyone inside?"),
            "reporter_email": _("We email you when the status changes. Never shown publicly."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
            "reporter_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "reporter_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    field_order = ["category", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepared_photos = []

    def clean_category(self):
        pk = self.cleaned_data["category"]
        category = Category.objects.filter(pk=pk, is_active=True).first()
        if category is None:
            raise ValidationError(_("Choose what is happening."), code="invalid_category")
        return category

    def clean_photos(self):
        self.prepared_photos = prepare_photos(self.cleaned_data.get("photos") or [])
        return self.cleaned_data.get("photos")

    def is_spam(self):
        return bool(self.data.get("website"))

    def api_codes(self):
        """The API's codes for the choices' values ({field: {value: code}}): a report kept
        on the device while offline is sent later through POST /api/incidents/, which
        names categories and areas by code (see static/js/offline-report.js)."""
        return {
            "category": dict(
                Category.objects.filter(locale=Locale.get_default(), is_active=True).values_list("pk", "code")
            ),
            "kecamatan": dict(self.fields["kecamatan"].queryset.values_list("pk", "code")),
            "kelurahan": dict(self.fields["kelurahan"].queryset.values_list("pk", "code")),
        }

    def incident_data(self):
        data = {name: self.cleaned_data.get(name) for name in self._meta.fields}
        data["category"] = self.cleaned_data["category"]
        data["reporter_phone"] = data.get("reporter_phone") or ""
        for key in ("reporter_name", "reporter_email", "address", "landmark"):
            data[key] = data.get(key) or ""
        return data


class TrackForm(TextFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}),
    )


class TransitionForm(TextFormMixin, forms.Form):
    """What a dispatcher may add to a status change."""

    public_note = forms.CharField(
        label=_("Public note (shown on the tracking page)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    note = forms.CharField(label=_("Internal note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    station = forms.ModelChoiceField(
        label=_("Station"), queryset=FireStation.objects.filter(is_active=True), required=False
    )
    units = forms.CharField(label=_("Units"), max_length=255, required=False)
    kept = forms.CharField(
        label=_("Tracking code of the incident to keep"),
        required=False,
        help_text=_("Only for “Duplicate”."),
    )

    def clean_kept(self):
        from reporting.incidents.models import normalize_tracking_code

        code = self.cleaned_data.get("kept")
        if not code:
            return None
        kept = Incident.objects.filter(tracking_code=normalize_tracking_code(code)).first()
        if kept is None:
            raise ValidationError(_("No incident has this tracking code."))
        return kept


class CorrectionForm(TextFormMixin, forms.Form):
    field = forms.ChoiceField(label=_("Timestamp"))
    value = forms.DateTimeField(
        label=_("Correct time"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}), required=False
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from reporting.incidents.lifecycle import TIMESTAMPS

        names = dict.fromkeys(TIMESTAMPS.values())
        self.fields["field"].choices = [(name, Incident._meta.get_field(name).verbose_name) for name in names]
