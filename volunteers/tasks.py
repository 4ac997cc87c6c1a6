"""Background emails (django-tasks): immediate in development, `manage.py db_worker` in production."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from django_tasks import task

logger = logging.getLogger(__name__)


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(template, context, to, language):
    with translation.override(language):
        subject = render_to_string(f"volunteers/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"volunteers/email/{template}.txt", context)
    send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [to])


@task()
def send_application_status(profile_id):
    from volunteers.models import VolunteerProfile

    profile = VolunteerProfile.objects.select_related("user").filter(pk=profile_id).first()
    if profile is None or profile.user is None or not profile.user.email:
        return False
    with translation.override(profile.language):
        mine_url = _absolute(reverse("volunteers:mine"))
    try:
        _send(
            "application_status",
            {"profile": profile, "mine_url": mine_url},
            profile.user.email,
            profile.language,
        )
    except Exception:
        logger.exception("Application status email for volunteer %s failed.", profile_id)
        raise
    return True


@task()
def send_registration_update(registration_id, event):
    from volunteers.models import Registration

    registration = Registration.objects.select_related("user", "training").filter(pk=registration_id).first()
    if registration is None or registration.user is None or not registration.user.email:
        return False
    language = registration.language
    with translation.override(language):
        locale = Locale.objects.filter(language_code=language).first()
        training = (locale and registration.training.get_translation_or_none(locale)) or registration.training
        training_url = training.get_url() or ""
        context = {
            "event": event,
            "registration": registration,
            "training": training,
            "training_url": training_url if training_url.startswith("http") else _absolute(training_url),
            "mine_url": _absolute(reverse("volunteers:mine")),
            "ics_url": _absolute(reverse("volunteers:registration_ics", args=[registration.code])),
        }
    try:
        _send("registration_update", context, registration.user.email, language)
    except Exception:
        logger.exception("Registration email %s for registration %s failed.", event, registration_id)
        raise
    return True
