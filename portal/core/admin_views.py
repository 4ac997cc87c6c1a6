"""The one pattern for back-office screens that a viewset's standard views cannot express.

A screen is a Wagtail generic view class registered from the viewset that owns
the model (`get_urlpatterns`, built with `construct_view`, which hands it the
viewset's `model`). The view's `permission_policy` is the one registered for
that model (`wagtail.permissions.register_permission_policy`); the view names
the action it needs in `permission_required`, and Wagtail's
`PermissionCheckedMixin` refuses everyone else before any work is done: the
check lives in the policy, not in each view. How to add one: docs/backoffice.md.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import BaseObjectMixin, BaseOperationView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin


class PolicyCheckedMixin(PermissionCheckedMixin):
    """Wagtail's permission check, failing closed: a screen without a policy is a bug, not a public page."""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy or not (self.permission_required or self.any_permission_required):
            raise ImproperlyConfigured(
                f"{type(self).__name__} needs a model (or a permission_policy) and a permission."
            )
        return super().dispatch(request, *args, **kwargs)


class AdminScreenView(PolicyCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """A page about no single object (an agenda, a list of trainings); `model` names whose policy applies."""

    model = None
    permission_required = "view"


class ObjectScreenView(PolicyCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """A back-office page about one object (a roster)."""

    permission_required = "view"


class ObjectOperationView(PolicyCheckedMixin, BaseOperationView):
    """A button on a back-office page that changes one object (POST only), then goes back."""

    permission_required = "change"
    http_method_names = ["post"]


class ObjectFormView(PolicyCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, FormView):
    """A form about one object (a transition, a correction, a message); back to its inspect page when done."""

    permission_required = "change"
    inspect_url_name = None

    def get_inspected_object(self):
        """The object whose inspect page this screen belongs to (the object itself by default)."""
        return self.object

    def get_inspect_url(self):
        return reverse(self.inspect_url_name, args=[quote(self.get_inspected_object().pk)])

    def get_success_url(self):
        return self.get_inspect_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(object=self.object, inspect_url=self.get_inspect_url())
        return context


class ObjectPostView(ObjectFormView):
    """A form posted from the object's inspect page: errors go back there as messages."""

    http_method_names = ["post"]

    def form_invalid(self, form):
        for errors in form.errors.values():
            for error in errors:
                messages.error(self.request, error)
        return redirect(self.get_inspect_url())
