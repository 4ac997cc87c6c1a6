"""Checklists: the department's default items, copying a template into a visit,
and recording what the inspector found.

Item wording is in Indonesian, the language inspectors and the result document
use; staff edit it in the admin (Inspections → Checklist templates).
"""

from django.db import transaction
from django.utils import timezone

from portal.core.uploads import clean_image, open_image

from .models import ChecklistEntry, ChecklistPhoto, ChecklistTemplate

# (group, text, guidance): after Permen PU 26/PRT/M/2008 and common practice.
GENERAL_ITEMS = [
    (
        "access",
        "Jalan akses mobil pemadam bebas hambatan sampai ke bangunan",
        "Lebar minimal 4 m, tanpa portal terkunci",
    ),
    ("access", "Hidran halaman tersedia, berfungsi, dan mudah dijangkau", "Buka katup, periksa tekanan dan kopling"),
    ("access", "Persediaan air untuk pemadaman mencukupi", "Reservoir/tandon, volume dan pompa"),
    ("access", "Sambungan siamese mudah dijangkau dan bertanda", ""),
    ("escape", "Jumlah dan lebar pintu keluar cukup, membuka searah evakuasi", "Tidak dikunci saat bangunan dipakai"),
    ("escape", "Tangga darurat bebas hambatan; pintu tahan api menutup sendiri", ""),
    ("escape", "Lampu darurat menyala saat listrik padam", "Uji dengan memutus daya"),
    ("escape", "Tanda EXIT dan petunjuk arah evakuasi terlihat dan menyala", ""),
    ("escape", "Titik kumpul ditetapkan dan bertanda", ""),
    ("passive", "Kompartemen serta dinding dan pintu tahan api utuh", ""),
    ("passive", "Tembusan instalasi pada dinding tahan api ditutup rapat", "Fire stopping pada pipa dan kabel"),
    ("passive", "Bahan lapis interior tidak mudah terbakar", ""),
    (
        "active",
        "APAR tersedia sesuai jenis risiko, terlihat, dan mudah dijangkau",
        "Jarak tempuh ke APAR maksimal 15 m",
    ),
    (
        "active",
        "APAR diperiksa setiap bulan dan berlabel pemeriksaan",
        "Periksa tag, segel, tekanan, tanggal isi ulang",
    ),
    ("active", "Sistem pipa tegak dan kotak hidran gedung berfungsi", ""),
    ("active", "Sprinkler otomatis terpasang dan bertekanan cukup (bila diwajibkan)", ""),
    ("active", "Detektor dan alarm kebakaran berfungsi; panel kontrol normal", "Uji satu titik detektor"),
    ("active", "Sistem pengendalian asap berfungsi (bila diwajibkan)", ""),
    ("utilities", "Lift kebakaran tersedia dan berfungsi (bangunan tinggi)", ""),
    ("utilities", "Daya darurat (genset/UPS) untuk sistem proteksi kebakaran berfungsi", ""),
    ("utilities", "Instalasi listrik rapi, tanpa sambungan bertumpuk", ""),
    ("utilities", "Penyimpanan LPG dan bahan mudah terbakar aman dan berventilasi", ""),
    ("management", "Tim penanggulangan kebakaran dibentuk dan terlatih", "Surat keputusan dan daftar anggota"),
    ("management", "Latihan evakuasi dilakukan minimal sekali setahun dan tercatat", ""),
    ("management", "Rencana tanggap darurat dan denah evakuasi terpasang", ""),
    ("management", "Catatan pemeliharaan sistem proteksi kebakaran tersedia", ""),
]

EXTRA_ITEMS = {
    "hotel": ("Hotel", [("escape", "Denah evakuasi terpasang di setiap kamar", "")]),
    "health": (
        "Fasilitas kesehatan",
        [("management", "Rencana evakuasi pasien yang tidak dapat berjalan", "Tandu, kursi roda, petugas per lantai")],
    ),
    "shop": ("Toko dan pasar", [("escape", "Lorong antar kios bebas dari barang dagangan", "Lebar minimal 1,8 m")]),
    "industry": (
        "Industri dan gudang",
        [("passive", "Bahan berbahaya disimpan sesuai lembar data keselamatan (MSDS)", "Terpisah dan berlabel")],
    ),
}


def seed_templates(template_model, item_model):
    """Create the general template and the use-specific ones when missing (idempotent).

    Runs after every migrate and flush (InspectionsConfig.ready connects it).
    """
    created = 0
    specs = [(None, "Umum", [])] + [(use, name, extra) for use, (name, extra) in EXTRA_ITEMS.items()]
    for use, name, extra in specs:
        if template_model.objects.filter(building_use=use).exists():
            continue
        template = template_model.objects.create(name=f"Daftar periksa: {name}", building_use=use)
        items = GENERAL_ITEMS + extra
        item_model.objects.bulk_create(
            item_model(template=template, sort_order=i, group=g, text=t, guidance=h)
            for i, (g, t, h) in enumerate(items)
        )
        created += 1
    return created


def start_checklist(visit, building_use):
    """Copy the template for the building's use into the visit (once)."""
    if visit.entries.exists():
        return
    template = ChecklistTemplate.for_use(building_use)
    if template is None:
        return
    ChecklistEntry.objects.bulk_create(
        ChecklistEntry(visit=visit, item=item, group=item.group, text=item.text, sort_order=i)
        for i, item in enumerate(template.items.order_by("sort_order", "pk"))
    )


def check_photos(uploads):
    """Decode every photo first (ValidationError on the first bad one), then return clean copies."""
    images = [(open_image(upload), upload.name) for upload in uploads]
    return [clean_image(image, name=name) for image, name in images]


@transaction.atomic
def record(entry, *, outcome, note="", photos=(), user=None):
    """Save one item as found; `photos` are cleaned files from check_photos."""
    entry.outcome = outcome
    entry.note = note
    entry.recorded_at = timezone.now()
    entry.recorded_by = user
    entry.save(update_fields=["outcome", "note", "recorded_at", "recorded_by"])
    for photo in photos:
        ChecklistPhoto.objects.create(entry=entry, image=photo)
    return entry
