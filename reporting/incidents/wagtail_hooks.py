"""The back office: incidents, fire stations and categories in the Wagtail admin."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters

from portal.core.durations import spoken
from portal.core.exports import SafeExportViewSetMixin
from portal.core.places import Kecamatan
from portal.core.roles import DEPARTMENT_HEAD, in_role
from reporting.incidents import admin_views, board, report
from reporting.incidents.dashboard import DepartmentHeadPanel, ResponseTimePanel
from reporting.incidents.models import Category, Family, FireStation, Incident, Source, Status


class StatusColumn(Column):
    """The status as a coloured tag."""

    cell_template_name = "incidents/admin/status_cell.html"

    class Media:
        css = {"all": ["css/reporting.css"]}


class IncidentFilterSet(WagtailFilterSet):
    # distinct=False: status is a column of the incident, not a to-many join, so the
    # default SELECT DISTINCT over every column would only slow the listing down.
    status = django_filters.MultipleChoiceFilter(choices=Status.choices, label=_("Status"), distinct=False)
    category__family = django_filters.ChoiceFilter(choices=Family.choices, label=_("Kind"))
    category = django_filters.ModelChoiceFilter(
        queryset=lambda request: Category.objects.filter(locale=Locale.get_default()).select_related("parent"),
        label=_("Category"),
    )
    kecamatan = django_filters.ModelChoiceFilter(queryset=Kecamatan.objects.all(), label=_("Kecamatan"))
    source = django_filters.ChoiceFilter(choices=Source.choices, label=_("Source"))
    received_at = django_filters.DateFromToRangeFilter(label=_("Received"), widget=DateRangePickerWidget)

    class Meta:
        model = Incident
        fields = ["status", "category__family", "category", "kecamatan", "source", "received_at"]


class IncidentViewSet(SafeExportViewSetMixin, ModelViewSet):
    model = Incident
    icon = "warning"
    menu_label = _("Incidents")
    menu_order = 100
    url_prefix = "reporting/incidents"
    url_namespace = "reporting_incident"
    add_to_admin_menu = False
    inspect_view_enabled = True
    index_view_class = admin_views.IncidentIndexView
    inspect_view_class = admin_views.IncidentInspectView
    add_view_class = admin_views.IncidentCreateView
    copy_view_enabled = False
    # No reference-index write on every report: submissions stay fast and
    # cannot fail on the task queue; incidents are not content to track usage of.
    add_to_reference_index = False
    list_per_page = 50
    filterset_class = IncidentFilterSet
    search_fields = ["tracking_code", "description", "address", "landmark", "reporter_name"]
    list_display = [
        # The code opens the inspect view, where dispatchers work (edit is one click further).
        TitleColumn(
            "tracking_code",
            label=_("Tracking code"),
            get_url=lambda incident: reverse("reporting_incident:inspect", args=[incident.pk]),
        ),
        StatusColumn("status", label=_("Status")),
        "category",
        "kecamatan",
        "source",
        DateColumn("received_at", label=_("Received")),
        Column("response_time", label=_("Response time"), accessor=lambda incident: spoken(incident.response_time)),
    ]
    list_export = [
        "tracking_code",
        "status",
        "category",
        "source",
        "kecamatan",
        "kelurahan",
        "address",
        "landmark",
        "latitude",
        "longitude",
        "received_at",
        "verified_at",
        "dispatched_at",
        "en_route_at",
        "on_scene_at",
        "under_control_at",
        "finished_at",
        "closed_at",
        "station",
        "units",
        "response_minutes",
        "met_target",
        "duplicate_of",
    ]
    export_headings = {"response_minutes": _("Response (min)"), "met_target": _("Within target")}
    export_filename = "incidents"
    ordering = ["-received_at"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("source"), FieldPanel("received_at"), FieldPanel("category"), FieldPanel("description")],
            heading=_("What"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("kecamatan"),
                FieldPanel("kelurahan"),
                FieldPanel("address"),
                FieldPanel("landmark"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("reporter_name"), FieldPanel("reporter_phone"), FieldPanel("reporter_email")],
            heading=_("Reporter (staff only)"),
        ),
        MultiFieldPanel([FieldPanel("station"), FieldPanel("units"), FieldPanel("assigned_to")], heading=_("Response")),
    ]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        if not for_update:
            return form_class
        # Once created, the receipt time and source change only through "Correct a timestamp",
        # which keeps the old value and a reason in the audit trail.
        fields = [name for name in form_class.base_fields if name not in ("received_at", "source")]
        meta = type("Meta", (form_class.Meta,), {"fields": fields})
        return type(form_class)("IncidentEditForm", (form_class,), {"Meta": meta})

    def get_urlpatterns(self):
        # construct_view hands each screen the model (hence its permission policy) and the viewset's URL names.
        return [
            *super().get_urlpatterns(),
            path("transition/<int:pk>/", self.construct_view(admin_views.TransitionView), name="transition"),
            path("correct/<int:pk>/", self.construct_view(admin_views.CorrectionView), name="correct"),
            path("board/", self.construct_view(board.BoardView), name="board"),
            path("board/feed/", self.construct_view(board.BoardFeedView), name="board_feed"),
            path("report/", self.construct_view(report.StandardReportView), name="standard_report"),
        ]


class FireStationViewSet(SafeExportViewSetMixin, ModelViewSet):
    model = FireStation
    icon = "home"
    menu_label = _("Fire stations")
    url_prefix = "reporting/stations"
    url_namespace = "reporting_station"
    add_to_admin_menu = False
    inspect_view_enabled = True
    list_display = ["name", "kecamatan", "phone", "latitude", "longitude", "is_active"]
    list_filter = ["kecamatan", "is_active"]
    list_export = ["name", "code", "kecamatan", "address", "phone", "latitude", "longitude", "units", "is_active"]
    search_fields = ["name"]
    form_fields = ["name", "code", "latitude", "longitude", "kecamatan", "address", "phone", "units", "is_active"]


class ReportingGroup(ModelViewSetGroup):
    menu_label = _("Incidents")
    menu_icon = "warning"
    menu_order = 150
    items = (IncidentViewSet("reporting_incident"), FireStationViewSet("reporting_station"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ReportingGroup()


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "list-ul"
    menu_label = _("Incident categories")
    list_display = ["name", "parent", "family", "code", "is_active"]
    list_filter = ["family", "is_active"]
    ordering = ["family", "sort_order"]


register_snippet(CategoryViewSet)


@hooks.register("construct_homepage_panels")
def add_response_time_panel(request, panels):
    if request.user.has_perm("reporting.change_incident"):
        panels.append(board.BoardPanel(request))  # the dispatchers' home is the live board
    if in_role(request.user, DEPARTMENT_HEAD):
        panels.append(DepartmentHeadPanel())
    elif request.user.has_perm("reporting.view_dashboard"):
        panels.append(ResponseTimePanel())


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("reporting.view_incident")


@hooks.register("register_admin_menu_item")
def register_board_menu_item():
    return BoardMenuItem(_("Dispatch board"), reverse("reporting_incident:board"), icon_name="warning", order=140)
