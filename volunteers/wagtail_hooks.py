"""The coordinators' back office: applications, registrations (rosters), certificates, groups."""

from django.db.models import Count
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.models import Locale
from wagtail.permissions import policy_registry

import django_filters

from portal.core.audit import PersonalDataAccessMixin
from portal.core.badges import BadgeColumn
from portal.core.exports import SafeExportViewSetMixin
from portal.core.places import Kecamatan, Kelurahan
from portal.core.roles import COORDINATORS, in_role
from volunteers import admin_views, seats
from volunteers.dashboard import CoordinatorPanel
from volunteers.models import Certificate, Registration, TrainingPage, VolunteerGroup, VolunteerProfile


class ApplicationFilterSet(WagtailFilterSet):
    kecamatan = django_filters.ModelChoiceFilter(queryset=Kecamatan.objects.all(), label=_("Kecamatan"))
    kelurahan = django_filters.ModelChoiceFilter(queryset=Kelurahan.objects.all(), label=_("Kelurahan"))

    class Meta:
        model = VolunteerProfile
        fields = ["status", "kecamatan", "kelurahan"]


class ApplicationIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            buttons.insert(
                0,
                ListingButton(
                    _("Decide"), url=reverse("volunteers_applications:decide", args=[instance.pk]), icon_name="tick"
                ),
            )
        return buttons


class ApplicationInspectView(PersonalDataAccessMixin, InspectView):
    """A volunteer's application with their phone and emergency contact: each opening is logged."""


class VolunteerProfileViewSet(SafeExportViewSetMixin, ModelViewSet):
    model = VolunteerProfile
    name = "volunteers_applications"
    url_prefix = "volunteers/applications"
    inspect_view_class = ApplicationInspectView
    icon = "user"
    menu_label = _("Applications")
    index_view_class = ApplicationIndexView
    filterset_class = ApplicationFilterSet
    list_display = [
        # The name opens the decision screen (the work); editing the raw record sits behind "…".
        TitleColumn(
            "full_name",
            label=_("Full name"),
            get_url=lambda profile: reverse("volunteers_applications:decide", args=[profile.pk]),
        ),
        "kelurahan",
        BadgeColumn("status", VolunteerProfile.STATUS_TONES, label=_("Status")),
        Column("created_at", label=_("Applied")),
    ]
    list_export = [
        "full_name",
        "phone",
        "date_of_birth",
        "kecamatan",
        "kelurahan",
        "skills",
        "certificates",
        "availability",
        "status",
        "created_at",
        "decided_at",
    ]
    export_filename = "volunteers"
    search_fields = ["full_name", "skills"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = [
        *VolunteerProfile.APPLICATION_FIELDS,
        "consent_at",
        "consent_version",
        "status",
        "rejection_reason",
        "created_at",
        "decided_at",
        "decided_by",
    ]
    form_fields = [
        "full_name",
        "phone",
        "kecamatan",
        "kelurahan",
        "skills",
        "certificates",
        "emergency_contact_name",
        "emergency_contact_phone",
    ]

    def get_queryset(self, request):
        return VolunteerProfile.objects.select_related("kelurahan", "kecamatan")

    def get_urlpatterns(self):
        # construct_view hands the screen the model (hence its permission policy) and the viewset's URL names.
        decide = self.construct_view(admin_views.DecideView)
        return [*super().get_urlpatterns(), path("decide/<int:pk>/", decide, name="decide")]


class RegistrationFilterSet(WagtailFilterSet):
    training = django_filters.ModelChoiceFilter(
        queryset=TrainingPage.objects.none(), label=_("Training"), field_name="training"
    )

    class Meta:
        model = Registration
        fields = ["training", "status", "attended"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["training"].queryset = TrainingPage.objects.filter(locale=Locale.get_default()).order_by(
            "-starts_at"
        )


class RegistrationEditView(EditView):
    """Editing a registration only records attendance, through the same path as the roster."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        if instance.attended is None:
            instance.save(update_fields=["attended"])
            return instance
        return seats.mark_attendance(instance, instance.attended, by=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except seats.RegistrationError as error:
            form.add_error("attended", error.message)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class RegistrationViewSet(SafeExportViewSetMixin, ModelViewSet):
    """All registrations; filtered by training this is the roster, exported as CSV or XLSX."""

    model = Registration
    name = "volunteers_registrations"
    url_prefix = "volunteers/registrations"
    icon = "list-ul"
    menu_label = _("Registrations")
    filterset_class = RegistrationFilterSet
    edit_view_class = RegistrationEditView
    form_fields = ["attended"]
    list_display = [
        Column("participant_name", label=_("Name")),
        "training",
        "status",
        "attended",
        Column("created_at", label=_("Registered")),
    ]
    list_export = [
        "code",
        "participant_name",
        "participant_phone",
        "training",
        "status",
        "created_at",
        "promoted_at",
        "attended",
    ]
    export_headings = {
        "code": _("Registration code"),
        "participant_name": _("Name"),
        "participant_phone": _("Phone"),
        "training": _("Training"),
        "status": _("Status"),
        "created_at": _("Registered at"),
        "promoted_at": _("Moved from the waitlist at"),
        "attended": _("Attended"),
    }
    export_filename = "training-roster"
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Registration.objects.select_related("training", "profile", "user")


class CertificateViewSet(SafeExportViewSetMixin, ModelViewSet):
    model = Certificate
    name = "volunteers_certificates"
    url_prefix = "volunteers/certificates"
    icon = "doc-full"
    menu_label = _("Certificates")
    list_display = ["code", "holder_name", "training_title", "training_date", "withdrawn_at"]
    list_filter = ["training_date"]
    list_export = ["code", "holder_name", "training_title", "training_date", "duration_minutes", "issued_at"]
    export_filename = "certificates"
    search_fields = ["code", "holder_name", "training_title"]
    search_backend_name = None
    inspect_view_enabled = True
    form_fields = ["holder_name"]


class VolunteerGroupFilterSet(WagtailFilterSet):
    class Meta:
        model = VolunteerGroup
        fields = ["kind", "kecamatan"]


class VolunteerGroupViewSet(SafeExportViewSetMixin, ModelViewSet):
    model = VolunteerGroup
    name = "volunteers_groups"
    url_prefix = "volunteers/groups"
    icon = "group"
    menu_label = _("Volunteer groups")
    filterset_class = VolunteerGroupFilterSet
    list_display = ["name", "kind", "kelurahan", Column("member_count", label=_("Members"))]
    list_export = ["name", "kind", "kecamatan", "kelurahan", "member_count"]
    export_filename = "volunteer-groups"
    search_fields = ["name"]
    search_backend_name = None
    inspect_view_enabled = True

    def get_queryset(self, request):
        return VolunteerGroup.objects.select_related("kelurahan", "kecamatan").annotate(
            member_count=Count("memberships")
        )


class RosterMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Registration).user_has_permission(request.user, "view")


class RosterViewSet(ViewSet):
    """Trainings with their rosters, waitlists and attendance buttons."""

    name = "volunteers_roster"
    url_prefix = "volunteers/rosters"
    icon = "calendar"
    menu_label = _("Rosters and attendance")
    menu_item_class = RosterMenuItem

    def get_urlpatterns(self):
        return [
            path("", self.construct_view(admin_views.TrainingsView), name="index"),
            path("<int:pk>/", self.construct_view(admin_views.RosterView), name="roster"),
            path("attendance/<int:pk>/", self.construct_view(admin_views.AttendanceView), name="mark"),
            path("cancel/<int:pk>/", self.construct_view(admin_views.CancelView), name="cancel"),
        ]


class VolunteersGroup(ViewSetGroup):
    menu_label = _("Volunteers")
    menu_icon = "group"
    menu_order = 300
    items = (
        RosterViewSet,
        VolunteerProfileViewSet,
        RegistrationViewSet,
        CertificateViewSet,
        VolunteerGroupViewSet,
    )


@hooks.register("register_admin_viewset")
def register_volunteer_viewsets():
    return VolunteersGroup()


@hooks.register("register_log_actions")
def register_attendance_action(actions):
    @actions.register_action(seats.ATTENDANCE_ACTION)
    class AttendanceMarked(LogFormatter):
        label = _("Mark attendance")

        def format_message(self, log_entry):
            return _("Marked present") if log_entry.data.get("attended") else _("Marked absent")


@hooks.register("construct_homepage_panels")
def add_coordinator_panel(request, panels):
    if in_role(request.user, COORDINATORS):
        panels.append(CoordinatorPanel())
