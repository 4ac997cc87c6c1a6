"""The Inspections menu of the Wagtail admin: requests (listing, filters, export,
detail with workflow buttons), the agenda, and the checklist templates."""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import django_filters

from portal.core.audit import PersonalDataAccessMixin
from portal.core.badges import BadgeColumn
from portal.core.exports import SafeExportViewSetMixin
from portal.core.places import LOCATION_FIELDS, Kecamatan
from portal.core.roles import INSPECTORS, in_role

from . import admin_views, lifecycle
from .dashboard import InspectorPanel
from .models import (
    RESULT_TONES,
    STATUS_TONES,
    BuildingUse,
    ChecklistTemplate,
    InspectionRequest,
    ResultKind,
    Status,
    Visit,
)


class RequestPermissionPolicy(ModelPermissionPolicy):
    """Requests come from applicants (site or API) and are never deleted: the audit trail stays whole.

    Besides the model's add/change/delete/view, the action "issue_result" is the
    model's custom permission of that codename (recording the checklist, issuing results).
    """

    def _get_permission_codename(self, action):
        if action == admin_views.ISSUE_RESULT:
            return action
        return super()._get_permission_codename(action)

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return action not in ("add", "delete") and super().user_has_permission_for_instance(user, action, instance)


register_permission_policy(InspectionRequest, RequestPermissionPolicy(InspectionRequest))


class InspectionRequestFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Status.choices, label=_("Status"))
    building_use = django_filters.ChoiceFilter(choices=BuildingUse.choices, label=_("Building use"))
    kecamatan = django_filters.ModelChoiceFilter(queryset=Kecamatan.objects.all(), label=_("Kecamatan"))
    inspector = django_filters.ModelChoiceFilter(
        queryset=get_user_model().objects.filter(groups__name="Inspectors").distinct(),
        field_name="visits__inspectors",
        label=_("Inspector"),
        distinct=True,
    )
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)
    visit_date = django_filters.DateFromToRangeFilter(
        field_name="visits__starts_at", label=_("Visit date"), widget=DateRangePickerWidget, distinct=True
    )

    class Meta:
        model = InspectionRequest
        fields = ["status", "building_use", "kecamatan", "inspector", "submitted_at", "visit_date"]


class RequestIndexView(IndexView):
    """Newest first, but an inspector's own requests (with a visit assigned to them) come first."""

    def get_base_queryset(self):
        mine = Visit.objects.filter(request=OuterRef("pk"), inspectors=self.request.user)
        return super().get_base_queryset().select_related("kecamatan").annotate(mine=Exists(mine))

    def order_queryset(self, queryset):
        if self.is_explicitly_ordered:
            return super().order_queryset(queryset)
        return queryset.order_by("-mine", "-submitted_at", "-pk")


class RequestInspectView(PersonalDataAccessMixin, InspectView):
    template_name = "inspections/admin/inspect.html"
    viewset = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        viewset = self.viewset
        context.update(
            {
                "inspection": obj,
                "status_tones": STATUS_TONES,
                "result_tones": RESULT_TONES,
                "transitions": [
                    (t, reverse(viewset.get_url_name("move"), args=[obj.pk, t.target]))
                    for t in lifecycle.available(obj, self.request.user)
                ],
                "events": obj.events.select_related("actor").order_by("at", "pk"),
                "documents": obj.documents.all(),
                "visits": obj.visits.prefetch_related("inspectors").order_by("number"),
                "can_record": self.user_has_permission(admin_views.ISSUE_RESULT),
                "message_url": reverse(viewset.get_url_name("message"), args=[obj.pk])
                if self.user_has_permission("change")
                else "",
            }
        )
        return context


class InspectionRequestViewSet(SafeExportViewSetMixin, ModelViewSet):
    model = InspectionRequest
    icon = "clipboard-list"
    menu_label = _("Requests")
    url_prefix = "inspections/requests"
    index_view_class = RequestIndexView
    inspect_view_class = RequestInspectView
    inspect_view_enabled = True
    filterset_class = InspectionRequestFilterSet
    search_fields = ["building_name", "address", "contact_name"]
    list_display = [
        # The reference opens the work screen (status, moves, visits); editing the raw record sits behind it.
        TitleColumn(
            "reference",
            label=_("Reference"),
            get_url=lambda request_obj: reverse("inspection_requests:inspect", args=[request_obj.pk]),
        ),
        "building_name",
        BadgeColumn("status", STATUS_TONES, label=_("Status")),
        Column("building_use", label=_("Use"), accessor="get_building_use_display"),
        "kecamatan",
        DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
    ]
    list_export = [
        "reference",
        "building_name",
        "status",
        "building_use",
        "reason",
        "kecamatan",
        "kelurahan",
        "address",
        "floors",
        "floor_area",
        "year_built",
        "occupancy",
        "preferred_date",
        "submitted_at",
        "verified_at",
        "scheduled_at",
        "inspected_at",
        "result_issued_at",
        "closed_at",
        "cancelled_at",
    ]
    export_headings = {"reference": _("Reference")}
    export_filename = "inspection-requests"
    form_fields = [*InspectionRequest.APPLICANT_FIELDS, *LOCATION_FIELDS]
    inspect_view_fields = []

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(viewset=self, **kwargs)

    def get_urlpatterns(self):
        # construct_view hands each screen the model (hence its permission policy) and the viewset's URL names.
        return super().get_urlpatterns() + [
            path("<int:pk>/move/<str:target>/", self.construct_view(admin_views.TransitionView), name="move"),
            path("<int:pk>/message/", self.construct_view(admin_views.MessageView), name="message"),
            path(
                "visits/<int:visit_pk>/checklist/",
                self.construct_view(admin_views.ChecklistView, model=Visit),
                name="checklist",
            ),
        ]

    def get_inspect_url(self, obj):
        return reverse(self.get_url_name("inspect"), args=[obj.pk])


class AgendaViewSet(ViewSet):
    icon = "date"
    menu_label = _("Agenda")
    name = "inspection_agenda"
    url_prefix = "inspections/agenda"

    def get_urlpatterns(self):
        return [path("", self.construct_view(admin_views.AgendaView), name="index")]


class ChecklistTemplateViewSet(ModelViewSet):
    model = ChecklistTemplate
    icon = "tasks"
    menu_label = _("Checklist templates")
    url_prefix = "inspections/checklists"
    list_display = ["name", Column("building_use", label=_("Building use"), accessor="get_building_use_display")]
    inspect_view_enabled = True


class InspectionsGroup(ModelViewSetGroup):
    menu_label = _("Inspections")
    menu_icon = "clipboard-list"
    menu_order = 310
    items = (
        InspectionRequestViewSet("inspection_requests"),
        AgendaViewSet(),
        ChecklistTemplateViewSet("checklist_templates"),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return InspectionsGroup()


@hooks.register("register_log_actions")
def register_result_action(actions):
    @actions.register_action(lifecycle.RESULT_ACTION)
    class ResultIssued(LogFormatter):
        label = _("Issue the result")

        def format_message(self, log_entry):
            data = log_entry.data
            return _("Result of visit %(visit)s issued: %(result)s (%(number)s)") % {
                "visit": data.get("visit", ""),
                "result": dict(ResultKind.choices).get(data.get("result"), data.get("result", "")),
                "number": data.get("number", ""),
            }


@hooks.register("construct_homepage_panels")
def add_inspector_panel(request, panels):
    if in_role(request.user, INSPECTORS):
        panels.append(InspectorPanel(request.user))
