import io
import struct
import zlib
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

INSIDE = (Decimal("-1.610000"), Decimal("103.613000"))  # Kota Jambi, near Jelutung
OUTSIDE = (Decimal("-1.480000"), Decimal("103.613000"))  # north of the service area


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # throttle and rate-limit counters
    yield
    cache.clear()


@pytest.fixture
def reporting_setup(site, django_capture_on_commit_callbacks):
    """English names for the reference categories, and two fire posts; no incidents."""
    from .factories import stations, translate_categories

    translate_categories(django_capture_on_commit_callbacks)
    stations()


@pytest.fixture
def category(reporting_setup):
    from reporting.incidents.models import Category

    return Category.objects.get(code="fire-building", locale__language_code="id")


@pytest.fixture
def kecamatan(site):
    from portal.core.places import Kecamatan

    return Kecamatan.objects.get(code="15.71.08")  # Jelutung


def _user(email, group=None, **extra):
    user = get_user_model().objects.create_user(username=email, email=email, password="pw-12345-test", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def dispatcher(reporting_setup):
    return _user("dispatcher@damkar.example", "Dispatchers", is_staff=True)


@pytest.fixture
def head(reporting_setup):
    return _user("kepala@damkar.example", "Department head", is_staff=True)


@pytest.fixture
def citizen(reporting_setup):
    return _user("warga@example.com")


@pytest.fixture
def make_incident(category, kecamatan):
    from reporting.incidents import lifecycle

    def make(**overrides):
        data = {
            "category": category,
            "description": "Api di dapur rumah",
            "latitude": INSIDE[0],
            "longitude": INSIDE[1],
            "kecamatan": kecamatan,
            "address": "Jl. Contoh No. 1",
            "reporter_name": "Budi Contoh",
            "reporter_phone": "+6281234567890",
            "reporter_email": "budi@example.com",
        }
        data.update(overrides)
        incident, _created = lifecycle.create_incident(data=data)
        return incident

    return make


def jpeg_bytes(size=(64, 48), gps=None, colour=(200, 40, 40)):
    image = Image.new("RGB", size, colour)
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    if gps:
        lat, lon = gps

        def dms(value):
            value = abs(value)
            degrees = int(value)
            minutes = int((value - degrees) * 60)
            seconds = round(((value - degrees) * 60 - minutes) * 60, 4)
            return (degrees, minutes, seconds)

        exif[0x8825] = {1: "S" if lat < 0 else "N", 2: dms(lat), 3: "E" if lon >= 0 else "W", 4: dms(lon)}
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def png_bomb_bytes(width=60000, height=60000):
    """A tiny PNG whose header claims a huge image."""
    out = io.BytesIO()
    Image.new("1", (8, 8)).save(out, format="PNG")
    data = bytearray(out.getvalue())
    ihdr = 8  # after the signature: length(4) type(4) data(13) crc(4)
    struct.pack_into(">II", data, ihdr + 8, width, height)
    crc = zlib.crc32(bytes(data[ihdr + 4 : ihdr + 8 + 13])) & 0xFFFFFFFF
    struct.pack_into(">I", data, ihdr + 8 + 13, crc)
    return bytes(data)


@pytest.fixture
def photo():
    def make(name="photo.jpg", gps=None, content=None, content_type="image/jpeg"):
        return SimpleUploadedFile(name, content if content is not None else jpeg_bytes(gps=gps), content_type)

    return make


@pytest.fixture
def payload(category, kecamatan):
    """A valid anonymous report, as the API takes it."""
    return {
        "category": category.code,
        "description": "Asap tebal dari ruko",
        "kecamatan": kecamatan.code,
        "latitude": str(INSIDE[0]),
        "longitude": str(INSIDE[1]),
        "address": "Jl. Contoh",
        "reporter_phone": "0812 3456 7890",
    }
