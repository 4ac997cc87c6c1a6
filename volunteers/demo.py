"""Demo content for volunteers: a trainings index in both languages, trainings (one
nearly full, one past with attendance and certificates), volunteer groups, a
coordinator and demo volunteers with clearly fake addresses (@demo.damkar.example).
The data lives in `volunteers/demo/`.

Every step creates what is missing and leaves what exists alone, so running
`seed_demo` twice changes nothing the second time.
"""

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from wagtail.models import GroupPagePermission, Locale

from allauth.account.models import EmailAddress

from portal.core.demo import DEMO_PASSWORD, home_page, load
from portal.core.places import Kelurahan
from portal.core.roles import COORDINATORS, TRAININGS_INDEX_PAGE_PERMISSIONS
from portal.core.translation import translate
from volunteers import seats
from volunteers.models import (
    GroupMembership,
    Registration,
    TrainingIndexPage,
    TrainingPage,
    VolunteerGroup,
    VolunteerProfile,
)
from volunteers.models.profiles import PRIVACY_STATEMENT_VERSION

DEMO_COORDINATOR_EMAIL = "koordinator@demo.damkar.example"

DATA = Path(__file__).resolve().parent / "demo"


def seed(log):
    id_locale = Locale.objects.get(language_code="id")
    en_locale = Locale.objects.get(language_code="en")
    coordinator = _coordinator(log)
    volunteers = _volunteers(log)
    trainings, strings = load(DATA / "trainings.yaml")
    index = _index(log, id_locale, en_locale, trainings["index"], strings)
    _trainings(log, index, en_locale, volunteers, coordinator, trainings["trainings"], strings)
    _groups(log, volunteers)


def _user(email, first_name, last_name):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            username=email.split("@")[0],
            email=email,
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@transaction.atomic
def _coordinator(log):
    group = Group.objects.get(name=COORDINATORS)
    if get_user_model().objects.filter(email=DEMO_COORDINATOR_EMAIL).exists():
        return get_user_model().objects.get(email=DEMO_COORDINATOR_EMAIL)
    user = _user(DEMO_COORDINATOR_EMAIL, "Koordinator", "Relawan")
    user.groups.add(group)
    log(f"Volunteers: demo coordinator {DEMO_COORDINATOR_EMAIL} created (password {DEMO_PASSWORD}).")
    return user


@transaction.atomic
def _volunteers(log):
    created = 0
    profiles = {}
    people, _strings = load(DATA / "volunteers.yaml")
    for person in people:
        email, name, status = person["email"], person["name"], person["status"]
        first, _space, last = name.partition(" ")
        user = _user(email, first, last)
        profile = VolunteerProfile.objects.filter(user=user).first()
        if profile is None:
            kelurahan = Kelurahan.objects.select_related("kecamatan").get(code=person["kelurahan"])
            profile = VolunteerProfile.objects.create(
                user=user,
                full_name=name,
                phone="+6281200000" + str(100 + len(profiles)),
                date_of_birth=person["born"],
                kecamatan=kelurahan.kecamatan,
                kelurahan=kelurahan,
                skills=person["skills"],
                availability=["weekend", "on_call"],
                emergency_contact_name="Keluarga " + last,
                emergency_contact_phone="+6281300000" + str(100 + len(profiles)),
                motivation="Ingin membantu tetangga dan lingkungan saya agar aman dari kebakaran.",
                consent_at=timezone.now(),
                consent_version=PRIVACY_STATEMENT_VERSION,
                status=status,
                decided_at=timezone.now() if status == "approved" else None,
            )
            created += 1
        profiles[email.split(".")[0]] = profile
    if created:
        log(f"Volunteers: {created} demo volunteers created (@demo.damkar.example, password {DEMO_PASSWORD}).")
    return profiles


@transaction.atomic
def _index(log, id_locale, en_locale, spec, strings):
    home = home_page(id_locale)
    index = TrainingIndexPage.objects.filter(locale=id_locale).first()
    if index is None:
        spec = {**spec, "intro": f"<p>{spec['intro']}</p>"}
        index = home.add_child(instance=TrainingIndexPage(locale=id_locale, show_in_menus=True, **spec))
        index.save_revision().publish()
        log("Volunteers: trainings index created.")
    if not index.has_translation(en_locale):
        translate(index, en_locale, strings)
        log("Volunteers: trainings index translated.")
    group = Group.objects.get(name=COORDINATORS)
    for codename in TRAININGS_INDEX_PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
    return index


def _trainings(log, index, en_locale, volunteers, coordinator, specs, strings):
    today = timezone.localdate()
    approved = [p for p in volunteers.values() if p.status == "approved"]
    for spec in specs:
        training = TrainingPage.objects.filter(locale=index.locale, slug=spec["slug"]).first()
        if training is None:
            with transaction.atomic():
                place = spec["place"]
                starts = timezone.make_aware(
                    datetime.datetime.combine(
                        today + datetime.timedelta(days=spec["days"]), datetime.time(spec["hour"])
                    )
                )
                opens = (
                    timezone.now() + datetime.timedelta(days=spec["opens_in_days"]) if "opens_in_days" in spec else None
                )
                training = index.add_child(
                    instance=TrainingPage(
                        locale=index.locale,
                        title=spec["title"],
                        slug=spec["slug"],
                        description="".join(f"<p>{text}</p>" for text in spec["description"]),
                        starts_at=starts,
                        duration_minutes=spec["duration"],
                        location_name=place["name"],
                        address=place["address"],
                        latitude=place["latitude"],
                        longitude=place["longitude"],
                        capacity=spec["capacity"],
                        audience=spec["audience"],
                        registration_opens_at=opens,
                    )
                )
                training.save_revision().publish()
                for position, profile in enumerate(approved[: spec["registered"]]):
                    registration = Registration.objects.create(
                        training=training,
                        user=profile.user,
                        profile=profile,
                        status=Registration.Status.CONFIRMED,
                        created_at=timezone.now() - datetime.timedelta(days=7, minutes=-position),
                    )
                    if position < spec.get("attended", 0):
                        seats.mark_attendance(registration, True, by=coordinator)
                    elif "attended" in spec:
                        seats.mark_attendance(registration, False, by=coordinator)
            log(f"Volunteers: training “{spec['title']}” created.")
        if not training.has_translation(en_locale):
            translate(training, en_locale, strings)
            log(f"Volunteers: training “{spec['title']}” translated.")


@transaction.atomic
def _groups(log, volunteers):
    groups, _strings = load(DATA / "groups.yaml")
    for spec in groups:
        name, kind, members = spec["name"], spec["kind"], spec["members"]
        if VolunteerGroup.objects.filter(name=name).exists():
            continue
        kelurahan = Kelurahan.objects.select_related("kecamatan").get(code=spec["kelurahan"])
        group = VolunteerGroup.objects.create(
            name=name,
            kind=kind,
            kecamatan=kelurahan.kecamatan,
            kelurahan=kelurahan if kind == "balakar" else None,
            description="Kelompok relawan kebakaran tingkat lingkungan.",
        )
        for position, key in enumerate(members):
            GroupMembership.objects.create(
                group=group,
                volunteer=volunteers[key],
                role=GroupMembership.Role.LEADER if position == 0 else GroupMembership.Role.MEMBER,
                sort_order=position,
            )
        log(f"Volunteers: group “{name}” created.")
