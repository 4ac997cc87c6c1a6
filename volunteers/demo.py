"""Demo content for volunteers: a trainings index in both languages, trainings (one
nearly full, one past with attendance and certificates), volunteer groups, a
coordinator and demo volunteers with clearly fake addresses (@demo.damkar.example).

Every step creates what is missing and leaves what exists alone, so running
`seed_demo` twice changes nothing the second time.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from wagtail.models import GroupPagePermission, Locale

from allauth.account.models import EmailAddress

from portal.core.demo import DEMO_PASSWORD, home_page
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

VOLUNTEERS = [
    # email, full name, kelurahan code, status, date of birth, skills
    (
        "rina.relawan@demo.damkar.example",
        "Rina Marlina",
        "15.71.02.1004",
        "approved",
        "1994-03-12",
        "Pertolongan pertama (PMI)",
    ),
    (
        "budi.relawan@demo.damkar.example",
        "Budi Santoso",
        "15.71.02.1004",
        "approved",
        "1988-07-30",
        "Sopir, instalasi listrik",
    ),
    (
        "siti.relawan@demo.damkar.example",
        "Siti Aminah",
        "15.71.02.1002",
        "approved",
        "1999-11-02",
        "Berenang, komunikasi radio",
    ),
    (
        "agus.relawan@demo.damkar.example",
        "Agus Firmansyah",
        "15.71.01.1001",
        "approved",
        "1991-01-21",
        "Tukang, panjat",
    ),
    ("dewi.relawan@demo.damkar.example", "Dewi Lestari", "15.71.01.1004", "approved", "2001-05-17", "Perawat"),
    ("yusuf.relawan@demo.damkar.example", "Yusuf Hidayat", "15.71.11.1005", "approved", "1996-09-09", "Satpam, APAR"),
    ("fajar.pendaftar@demo.damkar.example", "Fajar Nugroho", "15.71.11.1005", "pending", "2003-02-14", "Pramuka"),
]

INDEX_ID = {
    "title": "Pelatihan Relawan",
    "slug": "pelatihan",
    "intro": (
        "<p>Pelatihan gratis dari Dinas Pemadam Kebakaran dan Penyelamatan Kota Jambi untuk relawan "
        "kebakaran (REDKAR) dan warga. Kursi terbatas: daftar lebih awal, dan batalkan jika berhalangan "
        "agar kursi Anda diberikan kepada yang menunggu.</p>"
    ),
    "become_volunteer_text": "Bergabunglah dengan REDKAR dan bantu lingkungan Anda mencegah kebakaran.",
}
INDEX_EN = {
    "Pelatihan Relawan": "Volunteer Trainings",
    "pelatihan": "trainings",
    "Pelatihan gratis dari Dinas Pemadam Kebakaran dan Penyelamatan Kota Jambi untuk relawan "
    "kebakaran (REDKAR) dan warga. Kursi terbatas: daftar lebih awal, dan batalkan jika berhalangan "
    "agar kursi Anda diberikan kepada yang menunggu.": (
        "Free training from the Kota Jambi Fire and Rescue Department for fire volunteers (REDKAR) and "
        "residents. Seats are limited: register early, and cancel if you cannot come so your seat goes "
        "to someone waiting."
    ),
    "Bergabunglah dengan REDKAR dan bantu lingkungan Anda mencegah kebakaran.": (
        "Join REDKAR and help your neighbourhood prevent fires."
    ),
}

AULA = (
    "Aula Markas Damkar Kota Jambi",
    "Jl. Jenderal Sudirman No. 1, Thehok, Jambi Selatan",
    "-1.629100",
    "103.622800",
)
TRAININGS = [
    {
        "slug": "dasar-pemadaman-apar",
        "title": "Dasar Pemadaman Api dengan APAR",
        "description": (
            "<p>Kenali jenis kebakaran (kelas A, B, C) dan alat pemadam api ringan (APAR) yang tepat.</p>"
            "<p>Praktik langsung memadamkan api nampan dengan teknik tarik, arahkan, tekan, sapukan.</p>"
            "<p>Bawa pakaian lengan panjang dan sepatu tertutup.</p>"
        ),
        "days": 10,
        "hour": 8,
        "duration": 180,
        "place": AULA,
        "capacity": 6,
        "audience": "volunteers",
        "registered": 5,
    },
    {
        "slug": "sosialisasi-kebakaran-rumah-tangga",
        "title": "Sosialisasi Pencegahan Kebakaran Rumah Tangga",
        "description": (
            "<p>Sesi terbuka untuk warga: bahaya kebocoran gas LPG, korsleting listrik, dan obat nyamuk bakar.</p>"
            "<p>Cara memeriksa selang dan regulator LPG, serta apa yang harus dilakukan saat tercium bau gas.</p>"
        ),
        "days": 17,
        "hour": 9,
        "duration": 120,
        "place": (
            "Kantor Lurah Simpang IV Sipin",
            "Jl. Kapten Pattimura, Simpang IV Sipin, Telanaipura",
            "-1.611500",
            "103.590300",
        ),
        "capacity": 40,
        "audience": "public",
        "registered": 2,
    },
    {
        "slug": "pertolongan-pertama-evakuasi",
        "title": "Pertolongan Pertama dan Evakuasi Korban",
        "description": (
            "<p>Pertolongan pertama pada luka bakar, sesak napas karena asap, dan pingsan.</p>"
            "<p>Teknik evakuasi orang dari bangunan yang terbakar dan penggunaan tandu darurat.</p>"
        ),
        "days": 30,
        "hour": 13,
        "duration": 240,
        "place": AULA,
        "capacity": 20,
        "audience": "volunteers",
        "opens_in_days": 3,
        "registered": 0,
    },
    {
        "slug": "penanganan-kebakaran-lahan-gambut",
        "title": "Penanganan Awal Kebakaran Lahan Gambut",
        "description": (
            "<p>Mengapa api gambut menjalar di bawah permukaan dan sulit dipadamkan.</p>"
            "<p>Membuat sekat bakar, menggunakan pompa portabel, dan melapor cepat ke 112.</p>"
        ),
        "days": -20,
        "hour": 8,
        "duration": 300,
        "place": ("Posko BALAKAR Paal Merah", "Jl. Lingkar Selatan, Paal Merah", "-1.656400", "103.640700"),
        "capacity": 15,
        "audience": "volunteers",
        "registered": 4,
        "attended": 3,
    },
]
TRAININGS_EN = {
    "Dasar Pemadaman Api dengan APAR": "Fire Extinguisher Basics",
    "Kenali jenis kebakaran (kelas A, B, C) dan alat pemadam api ringan (APAR) yang tepat.": (
        "Learn the classes of fire (A, B, C) and the right portable fire extinguisher for each."
    ),
    "Praktik langsung memadamkan api nampan dengan teknik tarik, arahkan, tekan, sapukan.": (
        "Hands-on practice putting out a tray fire with the pull, aim, squeeze, sweep technique."
    ),
    "Bawa pakaian lengan panjang dan sepatu tertutup.": "Bring long sleeves and closed shoes.",
    "Sosialisasi Pencegahan Kebakaran Rumah Tangga": "Preventing Fires at Home",
    "Sesi terbuka untuk warga: bahaya kebocoran gas LPG, korsleting listrik, dan obat nyamuk bakar.": (
        "An open session for residents: the dangers of LPG leaks, electrical short circuits and mosquito coils."
    ),
    "Cara memeriksa selang dan regulator LPG, serta apa yang harus dilakukan saat tercium bau gas.": (
        "How to check an LPG hose and regulator, and what to do when you smell gas."
    ),
    "Pertolongan Pertama dan Evakuasi Korban": "First Aid and Evacuating Casualties",
    "Pertolongan pertama pada luka bakar, sesak napas karena asap, dan pingsan.": (
        "First aid for burns, smoke inhalation and fainting."
    ),
    "Teknik evakuasi orang dari bangunan yang terbakar dan penggunaan tandu darurat.": (
        "Techniques for evacuating people from a burning building and using an improvised stretcher."
    ),
    "Penanganan Awal Kebakaran Lahan Gambut": "First Response to Peatland Fires",
    "Mengapa api gambut menjalar di bawah permukaan dan sulit dipadamkan.": (
        "Why peat fires spread below the surface and are hard to put out."
    ),
    "Membuat sekat bakar, menggunakan pompa portabel, dan melapor cepat ke 112.": (
        "Making firebreaks, using a portable pump, and reporting quickly to 112."
    ),
    "Aula Markas Damkar Kota Jambi": "Kota Jambi Fire Headquarters Hall",
    "Kantor Lurah Simpang IV Sipin": "Simpang IV Sipin Kelurahan Office",
    "Posko BALAKAR Paal Merah": "BALAKAR Paal Merah Post",
}

GROUPS = [
    ("BALAKAR Kelurahan Thehok", "balakar", "15.71.02.1004", ["rina", "budi"]),
    ("BALAKAR Kelurahan Paal Merah", "balakar", "15.71.11.1005", ["yusuf"]),
    ("SATLAKAR Kecamatan Telanaipura", "satlakar", "15.71.01.1001", ["agus", "dewi"]),
]


def seed(log):
    id_locale = Locale.objects.get(language_code="id")
    en_locale = Locale.objects.get(language_code="en")
    coordinator = _coordinator(log)
    volunteers = _volunteers(log)
    index = _index(log, id_locale, en_locale)
    _trainings(log, index, en_locale, volunteers, coordinator)
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
    for email, name, kelurahan_code, status, born, skills in VOLUNTEERS:
        first, _space, last = name.partition(" ")
        user = _user(email, first, last)
        profile = VolunteerProfile.objects.filter(user=user).first()
        if profile is None:
            kelurahan = Kelurahan.objects.select_related("kecamatan").get(code=kelurahan_code)
            profile = VolunteerProfile.objects.create(
                user=user,
                full_name=name,
                phone="+6281200000" + str(100 + len(profiles)),
                date_of_birth=datetime.date.fromisoformat(born),
                kecamatan=kelurahan.kecamatan,
                kelurahan=kelurahan,
                skills=skills,
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
def _index(log, id_locale, en_locale):
    home = home_page(id_locale)
    index = TrainingIndexPage.objects.filter(locale=id_locale).first()
    if index is None:
        index = home.add_child(instance=TrainingIndexPage(locale=id_locale, show_in_menus=True, **INDEX_ID))
        index.save_revision().publish()
        log("Volunteers: trainings index created.")
    if not index.has_translation(en_locale):
        translate(index, en_locale, INDEX_EN)
        log("Volunteers: trainings index translated.")
    group = Group.objects.get(name=COORDINATORS)
    for codename in TRAININGS_INDEX_PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
    return index


def _trainings(log, index, en_locale, volunteers, coordinator):
    today = timezone.localdate()
    approved = [p for p in volunteers.values() if p.status == "approved"]
    for spec in TRAININGS:
        training = TrainingPage.objects.filter(locale=index.locale, slug=spec["slug"]).first()
        if training is None:
            with transaction.atomic():
                place, address, lat, lon = spec["place"]
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
                        description=spec["description"],
                        starts_at=starts,
                        duration_minutes=spec["duration"],
                        location_name=place,
                        address=address,
                        latitude=lat,
                        longitude=lon,
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
            translate(training, en_locale, TRAININGS_EN)
            log(f"Volunteers: training “{spec['title']}” translated.")


@transaction.atomic
def _groups(log, volunteers):
    for name, kind, kelurahan_code, members in GROUPS:
        if VolunteerGroup.objects.filter(name=name).exists():
            continue
        kelurahan = Kelurahan.objects.select_related("kecamatan").get(code=kelurahan_code)
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
