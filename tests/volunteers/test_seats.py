import datetime
import threading

from django.core import mail
from django.db import connection
from django.utils import timezone

import pytest

from tests.markers import requires_postgres
from volunteers import seats
from volunteers.models import Registration


@pytest.mark.django_db
def test_seats_then_waitlist(make_training, make_volunteer):
    training = make_training(capacity=2)
    people = [make_volunteer() for _ in range(4)]
    statuses = [seats.register(training, p.user).status for p in people]
    assert statuses == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert training.remaining_seats == 0
    fresh = type(training).objects.get(pk=training.pk)
    assert fresh.remaining_seats == 0 and fresh.waitlist_length == 2
    assert Registration.objects.get(user=people[3].user).waitlist_position() == 2


@pytest.mark.django_db
def test_cancelling_promotes_the_first_waitlisted_and_emails_them(
    make_training, make_volunteer, django_capture_on_commit_callbacks
):
    training = make_training(capacity=1)
    first, second, third = (make_volunteer() for _ in range(3))
    seat = seats.register(training, first.user)
    seats.register(training, second.user)
    seats.register(training, third.user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        seats.cancel(seat)
    promoted = Registration.objects.get(user=second.user)
    assert promoted.status == "confirmed" and promoted.promoted_at is not None
    assert Registration.objects.get(user=third.user).status == "waitlisted"
    assert Registration.objects.get(user=third.user).waitlist_position() == 1
    recipients = {message.to[0]: message for message in mail.outbox}
    assert second.user.email in recipients
    assert "kursi" in recipients[second.user.email].subject.lower()
    assert first.user.email in recipients  # the cancellation is confirmed too


@pytest.mark.django_db
def test_cancelling_a_waitlist_place_promotes_no_one(make_training, make_volunteer):
    training = make_training(capacity=1)
    a, b, c = (make_volunteer() for _ in range(3))
    seats.register(training, a.user)
    waiting = seats.register(training, b.user)
    seats.register(training, c.user)
    seats.cancel(waiting)
    assert Registration.objects.get(user=c.user).status == "waitlisted"


@pytest.mark.django_db
def test_no_cancellation_after_the_cut_off(make_training, make_volunteer):
    training = make_training(capacity=1, days=3, cancellation_cutoff_hours=24)
    a, b = make_volunteer(), make_volunteer()
    seat = seats.register(training, a.user)
    seats.register(training, b.user)
    late = training.starts_at - datetime.timedelta(hours=23)
    with pytest.raises(seats.RegistrationError) as error:
        seats.cancel(seat, now=late)
    assert error.value.code == "cutoff"
    seat.refresh_from_db()
    assert seat.status == "confirmed"
    assert Registration.objects.get(user=b.user).status == "waitlisted"
    # Just before the cut-off it still works, and the waitlist moves up.
    seats.cancel(seat, now=training.starts_at - datetime.timedelta(hours=25))
    assert Registration.objects.get(user=b.user).status == "confirmed"


@pytest.mark.django_db
def test_cut_off_through_the_page(client, make_training, make_volunteer):
    training = make_training(capacity=1, days=0.5, cancellation_cutoff_hours=24)
    volunteer = make_volunteer()
    seat = seats.register(training, volunteer.user)
    client.force_login(volunteer.user)
    page = client.get(training.url).content.decode()
    assert "too late to cancel" in page.lower() or "terlambat" in page.lower()
    client.post(f"/id/relawan/pendaftaran/{seat.code}/batal/")
    seat.refresh_from_db()
    assert seat.status == "confirmed"


@pytest.mark.django_db
def test_duplicate_registration_refused(client, make_training, make_volunteer):
    training = make_training(capacity=5)
    volunteer = make_volunteer()
    seats.register(training, volunteer.user)
    with pytest.raises(seats.RegistrationError) as error:
        seats.register(training, volunteer.user)
    assert error.value.code == "duplicate"
    client.force_login(volunteer.user)
    response = client.post(f"/en/relawan/pelatihan/{training.pk}/daftar/", follow=True)
    assert "already registered" in response.content.decode()
    assert Registration.objects.filter(user=volunteer.user).count() == 1


@pytest.mark.django_db
def test_duplicate_through_the_english_page_counts_as_the_same_training(
    make_training, make_volunteer, home_en, django_capture_on_commit_callbacks
):
    from portal.core.translation import translate

    training = make_training(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        english = translate(training, home_en.locale, {})
    a, b = make_volunteer(), make_volunteer()
    seats.register(english, a.user)
    assert seats.register(training, b.user).status == "waitlisted"
    with pytest.raises(seats.RegistrationError):
        seats.register(training, a.user)
    assert set(Registration.objects.values_list("training_id", flat=True)) == {training.pk}
    assert english.remaining_seats == 0


@pytest.mark.django_db
def test_register_again_after_cancelling(make_training, make_volunteer):
    training = make_training(capacity=2)
    volunteer = make_volunteer()
    seats.cancel(seats.register(training, volunteer.user))
    assert seats.register(training, volunteer.user).status == "confirmed"


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["pending", "rejected", "inactive"])
def test_volunteer_training_needs_an_approved_volunteer(make_training, make_volunteer, status):
    training = make_training()
    with pytest.raises(seats.RegistrationError) as error:
        seats.register(training, make_volunteer(status=status).user)
    assert error.value.code == "not_volunteer"


@pytest.mark.django_db
def test_open_session_accepts_anyone_with_a_verified_account(make_training, make_user):
    training = make_training(audience="public")
    assert seats.register(training, make_user()).status == "confirmed"
    with pytest.raises(seats.RegistrationError) as error:
        seats.register(training, make_user(verified=False))
    assert error.value.code == "unverified"


@pytest.mark.django_db
def test_registration_window(make_training, make_volunteer):
    now = timezone.now()
    not_yet = make_training(registration_opens_at=now + datetime.timedelta(days=1))
    closed = make_training(registration_closes_at=now - datetime.timedelta(hours=1))
    volunteer = make_volunteer()
    for training, code in ((not_yet, "not_open"), (closed, "closed")):
        with pytest.raises(seats.RegistrationError) as error:
            seats.register(training, volunteer.user)
        assert error.value.code == code


@pytest.mark.django_db
def test_more_seats_go_to_the_waitlist(make_training, make_volunteer):
    training = make_training(capacity=1)
    a, b, c = (make_volunteer() for _ in range(3))
    for person in (a, b, c):
        seats.register(training, person.user)
    training.capacity = 2
    training.save_revision().publish()
    promoted = Registration.objects.get(user=b.user)
    assert promoted.status == "confirmed"
    assert Registration.objects.get(user=c.user).status == "waitlisted"


@pytest.mark.django_db
def test_failed_email_keeps_the_registration(
    make_training, make_volunteer, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    from volunteers import tasks

    def broken(*args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr(tasks, "send_mail", broken)
    with django_capture_on_commit_callbacks(execute=True):
        registration = seats.register(make_training(), make_volunteer().user)
    assert Registration.objects.filter(pk=registration.pk, status="confirmed").exists()
    assert "Registration email confirmed" in caplog.text


@pytest.mark.django_db
def test_failed_enqueue_keeps_the_registration(
    make_training, make_volunteer, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    from django_tasks.backends.immediate import ImmediateBackend

    real_enqueue = ImmediateBackend.enqueue

    def broken(self, task, args, kwargs):
        if task.module_path.startswith("volunteers."):
            raise RuntimeError("queue unavailable")
        return real_enqueue(self, task, args, kwargs)

    training, volunteer = make_training(), make_volunteer()
    monkeypatch.setattr(ImmediateBackend, "enqueue", broken)
    with django_capture_on_commit_callbacks(execute=True):
        registration = seats.register(training, volunteer.user)
    assert Registration.objects.filter(pk=registration.pk).exists()
    assert "Could not enqueue" in caplog.text


@pytest.mark.django_db
def test_calendar_file(client, make_training, make_volunteer):
    training = make_training()
    volunteer = make_volunteer()
    registration = seats.register(training, volunteer.user)
    client.force_login(volunteer.user)
    response = client.get(f"/id/relawan/pendaftaran/{registration.code}/kalender.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "BEGIN:VEVENT" in body and training.title in body and registration.code in body


@pytest.mark.django_db
def test_attendance_issues_and_withdraws_a_certificate(make_training, make_volunteer, coordinator, start):
    training = make_training(capacity=1)
    volunteer = make_volunteer(name="Siti Aminah Putri")
    registration = seats.register(training, volunteer.user)
    start(training)
    seats.mark_attendance(registration, True, by=coordinator)
    certificate = registration.certificate
    assert certificate.holder_name == "Siti Aminah Putri"
    assert certificate.short_holder_name == "Siti A. P."
    assert len(certificate.code) == 14
    seats.mark_attendance(registration, False, by=coordinator)
    registration.refresh_from_db()
    assert registration.attended is False
    assert not hasattr(registration, "certificate") or registration.certificate is None


@pytest.mark.django_db
def test_waitlisted_people_cannot_be_marked(make_training, make_volunteer, coordinator, start):
    training = make_training(capacity=1)
    seats.register(training, make_volunteer().user)
    waiting = seats.register(training, make_volunteer().user)
    start(training)
    with pytest.raises(seats.RegistrationError):
        seats.mark_attendance(waiting, True, by=coordinator)


@pytest.mark.postgres
@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_race_for_the_last_seat(make_training, make_volunteer):
    """Two people press "register" at the same moment for the last seat: one seat, one waitlist."""
    training = make_training(capacity=3)
    for _ in range(2):
        seats.register(training, make_volunteer().user)
    racers = [make_volunteer().user for _ in range(2)]
    start = threading.Barrier(len(racers))
    results, errors = [], []

    def race(user):
        try:
            start.wait(timeout=10)
            results.append(seats.register(training, user).status)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(user,)) for user in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert sorted(results) == ["confirmed", "waitlisted"]
    assert Registration.objects.filter(training=training, status="confirmed").count() == 3


@pytest.mark.postgres
@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_race_of_many_never_overbooks(make_training, make_volunteer):
    training = make_training(capacity=3)
    racers = [make_volunteer().user for _ in range(8)]
    start = threading.Barrier(len(racers))
    errors = []

    def race(user):
        try:
            start.wait(timeout=10)
            seats.register(training, user)
        except Exception as error:  # noqa: BLE001 - a thread's exception would otherwise be lost
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(user,)) for user in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert Registration.objects.filter(training=training, status="confirmed").count() == 3
    assert Registration.objects.filter(training=training, status="waitlisted").count() == 5


@pytest.mark.django_db
def test_cancelling_asks_first_then_gives_the_seat_away(client, make_training, make_volunteer):
    training = make_training(capacity=1)
    rina, budi = make_volunteer(), make_volunteer()
    seat = seats.register(training, rina.user)
    waiting = seats.register(training, budi.user)
    client.force_login(rina.user)
    url = f"/en/relawan/pendaftaran/{seat.code}/batal/"

    page = client.get(url + "?next=" + training.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "next person on the waitlist" in html and 'name="confirm" value="yes"' in html
    client.post(url)  # without the confirmation: nothing changes
    seat.refresh_from_db()
    assert seat.status == "confirmed"

    response = client.post(url, {"confirm": "yes", "next": training.url})
    assert response.status_code == 302 and response["Location"] == training.url
    seat.refresh_from_db()
    waiting.refresh_from_db()
    assert seat.status == "cancelled" and waiting.status == "confirmed"


@pytest.mark.django_db
def test_waitlisted_people_are_not_offered_the_calendar(client, make_training, make_volunteer):
    training = make_training(capacity=1)
    seats.register(training, make_volunteer().user)
    waiting = make_volunteer()
    seat = seats.register(training, waiting.user)
    assert seat.status == "waitlisted"
    client.force_login(waiting.user)
    for url in (training.url, "/en/relawan/saya/"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert seat.code in html  # the registration is shown…
        assert f"{seat.code}/kalender.ics" not in html  # …without "add to calendar"
