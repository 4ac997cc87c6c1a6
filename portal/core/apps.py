from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = _("Places")

    def ready(self):
        from portal.core import freshness, locales, reference, roles, tracing  # noqa: F401 - locales connects its signals
        from portal.core.places import Kecamatan, Kelurahan

        tracing.connect()
        freshness.connect()
        reference.connect()
        reference.watch(Kecamatan, Kelurahan)
        # Every app's post_migrate, and every flush (which emits it too); the
        # receiver acts once, after the last app has its permissions.
        post_migrate.connect(roles.sync_after_migrate, dispatch_uid="core.sync_roles")
