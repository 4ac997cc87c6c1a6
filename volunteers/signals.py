"""When a coordinator adds seats to a published training, the waitlist moves up at once."""

from wagtail.signals import page_published


def give_new_seats_to_the_waitlist(sender, instance, **kwargs):
    from volunteers import seats

    if instance.canonical.pk == instance.pk:
        seats.refill(instance)


def connect():
    from volunteers.models import TrainingPage

    page_published.connect(
        give_new_seats_to_the_waitlist, sender=TrainingPage, dispatch_uid="volunteers_refill_on_publish"
    )
