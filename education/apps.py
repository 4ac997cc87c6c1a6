from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = _("Education")

    def ready(self):
        from wagtail.signals import page_published

        from education import privacy, tasks  # noqa: F401 (privacy registers this app's part)
        from education.models import AlertPage
        from portal.core import freshness

        # An alert appears at its onset and leaves at its expiry with no edit.
        freshness.register_schedule(AlertPage.next_change)
        page_published.connect(tasks.alert_published, sender=AlertPage, dispatch_uid="education.alert_emails")
