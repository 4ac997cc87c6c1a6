"""The monthly minimum-service-standard report the Department head signs: a printable admin page."""

from datetime import date, datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from portal.core.admin_views import AdminScreenView
from portal.core.places import Kecamatan
from reporting.incidents.dashboard import department_zone, month_start, standard_report
from reporting.incidents.models import Category, Incident


class ReportForm(forms.Form):
    month = forms.DateField(
        label=_("Month"), input_formats=["%Y-%m"], widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    )
    kecamatan = forms.ModelChoiceField(Kecamatan.objects.all(), label=_("Kecamatan"), required=False)
    category = forms.ModelChoiceField(Category.objects.none(), label=_("Category"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(locale=Locale.get_default(), parent=None)


class StandardReportView(AdminScreenView):
    model = Incident
    page_title = _("Minimum service standard report")
    header_icon = "doc-full"
    template_name = "incidents/admin/standard_report.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        this_month = month_start()
        data = self.request.GET if "month" in self.request.GET else {"month": f"{this_month:%Y-%m}"}
        form = ReportForm(data)
        context["form"] = form
        if form.is_valid():
            first = form.cleaned_data["month"]
            start = datetime(first.year, first.month, 1, tzinfo=department_zone())
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            end = datetime(following.year, following.month, 1, tzinfo=department_zone())
            context.update(
                start=start,
                kecamatan=form.cleaned_data["kecamatan"],
                category=form.cleaned_data["category"],
                report=standard_report(start, end, form.cleaned_data["kecamatan"], form.cleaned_data["category"]),
                printed_at=timezone.localtime(timezone.now(), department_zone()),
            )
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if not context["form"].is_valid():
            response.status_code = 400
        return response
