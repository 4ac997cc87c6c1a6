"""Checks and clean-up for files the public uploads: photos and documents.

Files are judged by their content, never by their name: an image must decode
completely, a PDF must open in a real PDF parser (pypdf) and have a page.
An image's size is read from its header first; one above IMAGE_MAX_PIXELS is
refused before any pixel is decoded, and JPEGs are decoded at the reduced
scale they will be stored at (draft mode), so a small file cannot buy seconds of CPU.
Photos are re-encoded without EXIF before anyone sees them; the original's GPS
position, if any, is read out as a hint for staff.
"""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from PIL import ExifTags, Image, ImageOps
from pypdf import PdfReader

# A phone camera's default output (12–24 MP) passes; decoding stays well under a second.
MAX_IMAGE_PIXELS = 24_000_000
MAX_EDGE = 2048

SIGNATURES = {
    "pdf": (b"%PDF-",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}


def _check_size(upload, max_bytes):
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )


def open_image(upload, max_bytes=None):
    """Decode an uploaded image fully and return it as a loaded PIL image.

    Raises a ValidationError with a translated message for an empty or
    oversized file, something that is not an image, a truncated image, or a
    decompression bomb.
    """
    _check_size(upload, max_bytes or settings.PHOTO_MAX_BYTES)
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)  # lazy: reads the header only
            if image.width * image.height > getattr(settings, "IMAGE_MAX_PIXELS", MAX_IMAGE_PIXELS):
                raise ValidationError(_("The image is too large to process."), code="too_many_pixels")
            if image.format in ("JPEG", "MPO"):
                # Decode at 1/2, 1/4 or 1/8 scale when that still covers the stored size.
                image.draft("RGB", (MAX_EDGE, MAX_EDGE))
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("The image is too large to process."), code="too_many_pixels") from None
    except (OSError, SyntaxError, ValueError, Image.UnidentifiedImageError):
        raise ValidationError(_("The file is not a valid image (JPEG, PNG or WebP)."), code="invalid_image") from None
    finally:
        upload.seek(0)
    if image.format not in ("JPEG", "PNG", "WEBP", "MPO", "HEIF"):
        raise ValidationError(_("The file is not a valid image (JPEG, PNG or WebP)."), code="invalid_image")
    return image


def exif_gps(image):
    """(latitude, longitude) from an image's EXIF, or None when it has none."""
    try:
        gps = image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    except (AttributeError, KeyError, ValueError):
        return None
    try:
        lat = _dms_to_degrees(gps[2], gps[1])
        lon = _dms_to_degrees(gps[4], gps[3])
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return round(lat, 6), round(lon, 6)


def _dms_to_degrees(dms, ref):
    degrees, minutes, seconds = (float(x) for x in dms)
    value = degrees + minutes / 60 + seconds / 3600
    return -value if str(ref).upper() in ("S", "W") else value


def clean_image(image, name="photo.jpg"):
    """A JPEG copy of the image, upright, at most MAX_EDGE pixels, with no metadata."""
    upright = ImageOps.exif_transpose(image)
    upright = upright.convert("RGB")
    upright.thumbnail((MAX_EDGE, MAX_EDGE))
    out = io.BytesIO()
    # A fresh save without exif= drops all metadata, GPS included.
    upright.save(out, format="JPEG", quality=82, optimize=True)
    stem = name.rsplit(".", 1)[0] or "photo"
    return ContentFile(out.getvalue(), name=f"{stem}.jpg")


def check_document(upload, allowed=("pdf", "jpeg", "png"), max_bytes=None):
    """Return the detected kind of an uploaded document, judged by content."""
    _check_size(upload, max_bytes or settings.DOCUMENT_MAX_BYTES)
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = next((k for k in allowed if head.startswith(SIGNATURES[k])), None)
    if kind is None:
        raise ValidationError(_("Only PDF, JPEG or PNG files are accepted."), code="invalid_document")
    if kind in ("jpeg", "png"):
        open_image(upload, max_bytes=max_bytes or settings.DOCUMENT_MAX_BYTES)
    elif kind == "pdf":
        check_pdf(upload)
    return kind


def check_pdf(upload):
    """Refuse a file that pypdf cannot open, that has no page, or that is encrypted."""
    upload.seek(0)
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted or len(reader.pages) < 1:
            raise ValueError("encrypted or empty")
    except Exception:  # noqa: BLE001 - pypdf raises many kinds on hostile input; any means "not a usable PDF"
        raise ValidationError(_("The file is not a readable PDF document."), code="invalid_pdf") from None
    finally:
        upload.seek(0)
