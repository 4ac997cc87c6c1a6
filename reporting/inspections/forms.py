"""Forms of the applicant's pages and of the back office's workflow screens."""

import datetime

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from phonenumber_field.formfields import PhoneNumberField

from portal.core.places import LOCATION_FIELDS, LocationFormMixin
from portal.core.text import TextFormMixin
from portal.core.uploads import check_document

from .models import InspectionDocument, InspectionRequest, Outcome, ResultKind

MAX_DOCUMENTS = 10
MAX_PHOTOS = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by `check_each`."""

    widget = MultipleFileInput
    max_files = MAX_DOCUMENTS

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(files) > self.max_files:
            raise ValidationError(
                _("Send at most %(count)d files at once.") % {"count": self.max_files}, code="too_many_files"
            )
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def _documents_help_text():
    # Called when the form is shown, not when this module is imported: `%` on a lazy
    # string would freeze it in the language active at import time.
    return _("PDF, JPEG or PNG, at most %(size)s each: building approval (PBG), floor plans, previous results.") % {
        "size": filesizeformat(settings.DOCUMENT_MAX_BYTES)
    }


class DocumentsField(MultipleFileField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Supporting documents"))
        kwargs.setdefault("help_text", lazy(_documents_help_text, str)())
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png")

    def clean(self, data, initial=None):
        files = super().clean(data, initial)
        errors = []
        for upload in files:
            try:
                upload.document_kind = check_document(upload)
            except ValidationError as error:
                errors.append(
                    ValidationError(
                        "%(name)s: %(error)s", params={"name": upload.name, "error": " ".join(error.messages)}
                    )
                )
        if errors:
            raise ValidationError(errors)
        return files


def save_documents(inspection, uploads, user):
    """Store checked uploads (from DocumentsField or the API) for `inspection`."""
    documents = []
    for upload in uploads:
        kind = getattr(upload, "document_kind", None) or check_document(upload)
        document = InspectionDocument(
            request=inspection, kind=kind, original_name=upload.name[:255], size=upload.size, uploaded_by=user
        )
        document.file.save("upload", upload, save=False)
        document.save()
        documents.append(document)
    return documents


class DateInput(forms.DateInput):
    input_type = "date"


class InspectionRequestForm(TextFormMixin, LocationFormMixin, forms.ModelForm):
    """The applicant's request; on a correction the same form edits it."""

    require_coordinates = True

    contact_phone = PhoneNumberField(
        label=_("Contact phone"),
        region="ID",
        help_text=_("An Indonesian number, e.g. 0812-3456-7890."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    documents = DocumentsField(required=False)

    class Meta:
        model = InspectionRequest
        fields = [*InspectionRequest.APPLICANT_FIELDS, *LOCATION_FIELDS]
        widgets = {
            "preferred_date": DateInput,
            "alternative_date": DateInput,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kelurahan"].required = True
        self.fields["kelurahan"].label = _("Kelurahan")
        self.fields["kelurahan"].empty_label = _("Choose a kelurahan")
        self.fields["building_use"].choices = [("", _("Choose the building use"))] + list(
            self.fields["building_use"].choices
        )[1:]
        self.fields["reason"].choices = [("", _("Choose a reason"))] + list(self.fields["reason"].choices)[1:]
        self.fields["building_name"].widget.attrs["autocomplete"] = "organization"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        for name in ("floors", "floor_area", "year_built", "occupancy"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"
        self.fields["floors"].min_value = 1
        self.fields["floors"].widget.attrs.update(min=1, max=200)
        this_year = timezone.localdate().year
        self.fields["year_built"].widget.attrs.update(min=1800, max=this_year)

    def clean_floors(self):
        floors = self.cleaned_data["floors"]
        if floors is not None and not 1 <= floors <= 200:
            raise ValidationError(_("Enter a number of floors between 1 and 200."))
        return floors

    def clean_floor_area(self):
        area = self.cleaned_data["floor_area"]
        if area is not None and area < 1:
            raise ValidationError(_("Enter the floor area in square metres."))
        return area

    def clean_year_built(self):
        year = self.cleaned_data["year_built"]
        if year is not None and not 1800 <= year <= timezone.localdate().year:
            raise ValidationError(_("Enter a year between 1800 and this year."))
        return year

    def clean_preferred_date(self):
        day = self.cleaned_data["preferred_date"]
        if day and day < timezone.localdate() and not (self.instance.pk and day == self.instance.preferred_date):
            raise ValidationError(_("Choose a date from today on."))
        return day

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("preferred_date"), cleaned.get("alternative_date")
        if first and second and second < timezone.localdate():
            self.add_error("alternative_date", _("Choose a date from today on."))
        return cleaned


class UploadDocumentsForm(forms.Form):
    documents = DocumentsField(required=True)


class CancelForm(TextFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), required=False, max_length=500)


# --- Back office -----------------------------------------------------------------


class TransitionForm(TextFormMixin, forms.Form):
    message = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the applicant's page and sent by email."),
    )
    internal_note = forms.CharField(
        label=_("Internal note"), required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text=_("Staff only.")
    )

    def __init__(self, *args, target=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target
        if target == "returned":
            self.fields["message"].required = True
            self.fields["message"].label = _("What must the applicant correct?")


class MessageForm(TransitionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].required = True


def inspector_queryset():
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name="Inspectors") | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


class InspectorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class ScheduleForm(TransitionForm):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    start_time = forms.TimeField(label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}))
    duration = forms.IntegerField(label=_("Duration (minutes)"), min_value=15, max_value=600, initial=120)
    inspectors = InspectorChoiceField(
        label=_("Inspectors"), queryset=get_user_model().objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inspectors"].queryset = inspector_queryset()

    def clean(self):
        cleaned = super().clean()
        day, start, minutes = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("duration")
        if day and start and minutes:
            starts_at = timezone.make_aware(datetime.datetime.combine(day, start))
            cleaned["starts_at"] = starts_at
            cleaned["ends_at"] = starts_at + datetime.timedelta(minutes=minutes)
        return cleaned


class ResultForm(TransitionForm):
    result = forms.ChoiceField(label=_("Result"), choices=ResultKind.choices, widget=forms.RadioSelect)
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 4}))
    corrective_actions = forms.CharField(
        label=_("Corrective actions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when the building is not compliant."),
    )
    corrective_deadline = forms.DateField(label=_("Deadline for corrective actions"), required=False, widget=DateInput)
    valid_until = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=DateInput,
        help_text=_("For a compliant result; empty means one year from today."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("result") == ResultKind.NOT_COMPLIANT:
            if not cleaned.get("corrective_actions", "").strip():
                self.add_error("corrective_actions", _("List the corrective actions."))
            if not cleaned.get("corrective_deadline"):
                self.add_error("corrective_deadline", _("Give a deadline for the corrective actions."))
            elif cleaned["corrective_deadline"] <= timezone.localdate():
                self.add_error("corrective_deadline", _("The deadline must be in the future."))
        return cleaned


class PhotosField(MultipleFileField):
    max_files = MAX_PHOTOS

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.update(accept="image/*", capture="environment")


class ChecklistEntryForm(TextFormMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect, required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    photos = PhotosField(label=_("Photos"), required=False)

    def clean_photos(self):
        from .checklist import check_photos

        return check_photos(self.cleaned_data["photos"])
