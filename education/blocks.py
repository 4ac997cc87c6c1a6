"""The building blocks of articles and campaigns.

Each block says what it is for (`description`), shows a realistic preview in the
block picker (`preview_value`) and renders through its own template in
`templates/education/blocks/`. Text is translated through wagtail-localize;
images, documents, video URLs and choices are kept in sync across languages.
"""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]

# Block picker previews use the site's own styles.
PREVIEW_TEMPLATE = "education/blocks/preview.html"

# Image sizes used on public pages and in the API: one place to change them.
BODY_IMAGE_SPEC = "width-800"


def image_representation(image, spec, alt=""):
    """An image as an API client needs it: rendition URL, size and alt text."""
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return {
        "id": image.pk,
        "url": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt or getattr(image, "description", "") or "",
    }


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "education/blocks/paragraph.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Running text with bold, italic, links and lists.")
        preview_value = (
            "<p>Periksa kabel dan stopkontak di rumah setiap bulan. Ganti kabel yang mengelupas "
            "dan jangan menumpuk steker pada satu stopkontak.</p>"
        )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (H2)")), ("h3", _("Subsection (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "education/blocks/heading.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A section heading. Use H2 for sections and H3 inside them; readers jump to it by its link.")
        preview_value = {"text": "Sebelum memasak", "level": "h2"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value["text"])
        return context


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        required=False,
        help_text=_("What the image shows, for people who cannot see it. Leave empty if it only decorates."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "education/blocks/figure.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A photo or illustration with alternative text and an optional caption.")
        preview_value = {"alt_text": "", "caption": "Simpan APAR di tempat yang mudah dijangkau, dekat pintu keluar."}

    def get_api_representation(self, value, context=None):
        return {
            "image": image_representation(value.get("image"), BODY_IMAGE_SPEC, value.get("alt_text")),
            "caption": value.get("caption", ""),
        }


class ChecklistBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    dos = blocks.ListBlock(blocks.CharBlock(max_length=250), label=_("Do"))
    donts = blocks.ListBlock(blocks.CharBlock(max_length=250), label=_("Don't"))

    class Meta:
        icon = "tasks"
        label = _("Do / don't checklist")
        template = "education/blocks/checklist.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Two short lists side by side: what to do and what never to do.")
        preview_value = {
            "heading": "Tabung LPG",
            "dos": ["Simpan tabung di tempat berventilasi", "Periksa segel dan karet sebelum memasang regulator"],
            "donts": ["Jangan menyalakan api atau saklar listrik saat tercium bau gas"],
        }


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=120)
    text = blocks.TextBlock(label=_("Explanation"), required=False)


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        template = "education/blocks/steps.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Steps to follow in order, such as using a fire extinguisher (PASS).")
        preview_value = {
            "heading": "Cara memakai APAR",
            "steps": [
                {"title": "Tarik pin pengaman", "text": "Pegang tabung tegak, tarik pin sambil memutusnya dari segel."},
                {"title": "Arahkan selang ke pangkal api", "text": "Bukan ke nyala apinya."},
            ],
        }


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("Tone"),
        choices=[("danger", _("Danger")), ("warning", _("Warning")), ("info", _("Good to know"))],
        default="warning",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Warning callout")
        template = "education/blocks/callout.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A boxed warning that stands out from the text. Keep it short.")
        preview_value = {
            "tone": "danger",
            "title": "Jangan siram minyak yang terbakar dengan air",
            "text": "Air membuat minyak panas memercik dan api membesar. Tutup wajan dan matikan kompor.",
        }


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)


class FaqBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    items = blocks.ListBlock(FaqItemBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("FAQ")
        template = "education/blocks/faq.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Questions and answers that open one by one; they work without JavaScript.")
        preview_value = {
            "heading": "Pertanyaan yang sering diajukan",
            "items": [
                {
                    "question": "Apakah memanggil Damkar dipungut biaya?",
                    "answer": "<p>Tidak. Layanan pemadaman dan penyelamatan gratis.</p>",
                }
            ],
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), max_length=150)
    description = blocks.CharBlock(label=_("Description"), max_length=250, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Downloadable document")
        template = "education/blocks/document.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A leaflet or guide to download, such as a PDF poster.")
        preview_value = {
            "title": "Leaflet: rencana evakuasi rumah (PDF)",
            "description": "Satu halaman, untuk dicetak.",
        }

    def get_api_representation(self, value, context=None):
        document = value.get("document")
        return {
            "document": (
                {"id": document.pk, "url": document.url, "file_extension": document.file_extension}
                if document
                else None
            ),
            "title": value.get("title", ""),
            "description": value.get("description", ""),
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video URL"), help_text=_("A YouTube or Vimeo link."))
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "media"
        label = _("Embedded video")
        template = "education/blocks/video.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A video from YouTube or Vimeo, with a plain link for slow connections.")
        preview_value = {"title": "Simulasi pemadaman api kompor", "caption": ""}

    def get_api_representation(self, value, context=None):
        video = value.get("video")
        return {"url": video.url if video else "", "title": value.get("title", ""), "caption": value.get("caption", "")}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), max_length=150, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "education/blocks/quote.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A quotation from a firefighter, a resident or an expert.")
        preview_value = {
            "quote": "Kebanyakan kebakaran rumah yang kami tangani berawal dari hal kecil yang bisa dicegah.",
            "attribution": "Regu pemadam Pos Kota Baru",
        }


class BodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    figure = FigureBlock()
    checklist = ChecklistBlock()
    steps = StepsBlock()
    callout = CalloutBlock()
    faq = FaqBlock()
    document = DocumentBlock()
    video = VideoBlock()
    quote = QuoteBlock()

    class Meta:
        block_counts = {}


def body_text(body):
    """The plain words of a StreamField value (for reading time), as the search index sees them."""
    return " ".join(body.stream_block.get_searchable_content(body))
