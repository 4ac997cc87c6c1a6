"""Draw the demo illustrations shipped in this folder (run once; the PNGs are committed).

Flat, text-free drawings made with Pillow so they are honest illustrations
(no stock photos, no licences to track) and read the same in both languages.
Run: .venv/bin/python education/demo_media/make_images.py
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw

W, H = 1200, 675
HERE = Path(__file__).resolve().parent
RED, DARK, ORANGE, YELLOW = (166, 27, 27), (40, 40, 48), (235, 110, 20), (255, 200, 40)
SKY, GREEN, GREY, WHITE, BROWN = (222, 236, 248), (70, 140, 80), (150, 150, 160), (255, 255, 255), (120, 80, 50)


def canvas(bg=SKY):
    image = Image.new("RGB", (W, H), bg)
    return image, ImageDraw.Draw(image)


def flame(d, x, y, s=1.0):
    d.polygon(
        [
            (x, y - 150 * s),
            (x + 70 * s, y - 20 * s),
            (x + 50 * s, y + 40 * s),
            (x - 50 * s, y + 40 * s),
            (x - 70 * s, y - 20 * s),
        ],
        fill=ORANGE,
    )
    d.polygon(
        [
            (x, y - 80 * s),
            (x + 35 * s, y + 5 * s),
            (x + 25 * s, y + 40 * s),
            (x - 25 * s, y + 40 * s),
            (x - 35 * s, y + 5 * s),
        ],
        fill=YELLOW,
    )


def cross(d, x, y, r=70):
    d.ellipse([x - r, y - r, x + r, y + r], outline=RED, width=18)
    d.line([x - r * 0.7, y - r * 0.7, x + r * 0.7, y + r * 0.7], fill=RED, width=18)


def check(d, x, y, r=70):
    d.ellipse([x - r, y - r, x + r, y + r], fill=GREEN)
    d.line([(x - 35, y), (x - 8, y + 28), (x + 38, y - 30)], fill=WHITE, width=16)


def electrical():
    im, d = canvas((245, 240, 230))
    d.rounded_rectangle([380, 200, 820, 480], 30, fill=WHITE, outline=GREY, width=6)
    for cx in (500, 700):
        d.ellipse([cx - 60, 280, cx + 60, 400], fill=(230, 230, 235), outline=GREY, width=4)
        d.ellipse([cx - 30, 325, cx - 14, 355], fill=DARK)
        d.ellipse([cx + 14, 325, cx + 30, 355], fill=DARK)
    for i, dx in enumerate((-40, 0, 40)):
        d.rounded_rectangle([460 + dx, 120 - i * 20, 540 + dx, 220 - i * 20], 10, fill=(60, 60, 70))
        d.line([500 + dx, 120 - i * 20, 430 + dx * 3, 20], fill=(60, 60, 70), width=12)
    for a in range(0, 360, 45):
        r = math.radians(a)
        d.line([640, 200, 640 + 70 * math.cos(r), 200 + 70 * math.sin(r)], fill=YELLOW, width=8)
    cross(d, 1000, 180)
    return im


def lpg():
    im, d = canvas((235, 245, 235))
    d.rounded_rectangle([470, 220, 730, 600], 60, fill=(60, 150, 70))
    d.rectangle([540, 170, 660, 230], fill=(60, 150, 70))
    d.rectangle([570, 120, 630, 175], fill=GREY)
    d.ellipse([560, 80, 640, 140], fill=(200, 60, 40))
    d.rectangle([470, 380, 730, 420], fill=(230, 230, 230))
    for i in range(4):
        d.arc([760 + i * 40, 80 + i * 10, 900 + i * 40, 220 + i * 10], 200, 340, fill=GREY, width=8)
    check(d, 220, 180)
    return im


def escape_plan():
    im, d = canvas((250, 250, 252))
    d.rectangle([200, 120, 1000, 560], outline=DARK, width=10)
    d.line([600, 120, 600, 400], fill=DARK, width=8)
    d.line([200, 340, 480, 340], fill=DARK, width=8)
    d.rectangle([980, 420, 1010, 520], fill=GREEN)
    pts = [(300, 220), (520, 220), (520, 470), (960, 470)]
    d.line(pts, fill=GREEN, width=16)
    d.polygon([(960, 440), (1000, 470), (960, 500)], fill=GREEN)
    d.ellipse([1040, 430, 1120, 510], fill=GREEN)
    d.ellipse([280, 200, 320, 240], fill=RED)
    return im


def apar():
    im, d = canvas((250, 238, 238))
    d.rounded_rectangle([500, 200, 680, 620], 70, fill=RED)
    d.rectangle([560, 140, 620, 205], fill=DARK)
    d.polygon([(540, 140), (700, 110), (700, 130), (560, 160)], fill=DARK)
    d.line([620, 170, 760, 260, 800, 420], fill=DARK, width=14)
    d.rectangle([520, 330, 660, 440], fill=WHITE)
    d.ellipse([740, 90, 780, 130], outline=YELLOW, width=8)
    flame(d, 960, 560, 1.1)
    for i in range(6):
        d.ellipse([810 + i * 20, 430 + i * 18, 850 + i * 20, 470 + i * 18], fill=(245, 245, 245))
    return im


def snake():
    im, d = canvas((232, 242, 225))
    points = [(150 + i * 12, 420 + 80 * math.sin(i / 8)) for i in range(70)]
    d.line(points, fill=(90, 110, 40), width=46, joint="curve")
    hx, hy = points[-1]
    d.ellipse([hx - 40, hy - 35, hx + 50, hy + 35], fill=(90, 110, 40))
    d.ellipse([hx + 10, hy - 18, hx + 24, hy - 4], fill=WHITE)
    d.line([hx + 50, hy, hx + 85, hy - 8], fill=RED, width=5)
    d.rectangle([900, 150, 1080, 560], fill=(180, 130, 90), outline=BROWN, width=8)
    d.ellipse([1040, 340, 1060, 360], fill=YELLOW)
    return im


def bees():
    im, d = canvas((250, 244, 225))
    d.line([150, 80, 1050, 80], fill=BROWN, width=30)
    d.ellipse([420, 90, 700, 430], fill=(215, 170, 70))
    for y in range(140, 420, 50):
        d.arc([420, y - 60, 700, y + 60], 20, 160, fill=(170, 120, 40), width=6)
    for bx, by in ((800, 250), (880, 380), (760, 480), (300, 300)):
        d.ellipse([bx - 28, by - 18, bx + 28, by + 18], fill=YELLOW)
        d.line([bx - 8, by - 18, bx - 8, by + 18], fill=DARK, width=7)
        d.line([bx + 10, by - 16, bx + 10, by + 16], fill=DARK, width=7)
        d.ellipse([bx - 20, by - 45, bx + 5, by - 15], fill=(230, 240, 255))
    cross(d, 1020, 520, 60)
    return im


def land_fire():
    im, d = canvas((240, 220, 190))
    d.rectangle([0, 470, W, H], fill=(150, 120, 70))
    for x in range(40, W, 60):
        d.line([x, 470, x - 10, 420], fill=(110, 140, 60), width=6)
    flame(d, 380, 480, 1.2)
    flame(d, 520, 490, 0.8)
    for i in range(5):
        d.ellipse([330 + i * 70, 150 - i * 20, 470 + i * 70, 290 - i * 20], fill=(170, 170, 175))
    d.rectangle([880, 260, 900, 560], fill=GREY)
    cross(d, 890, 200, 95)
    return im


def kitchen():
    im, d = canvas((245, 245, 240))
    d.rectangle([250, 420, 950, 600], fill=(200, 200, 205))
    d.ellipse([420, 380, 780, 440], fill=DARK)
    d.rectangle([780, 395, 980, 420], fill=DARK)
    flame(d, 600, 390, 0.9)
    d.polygon([(380, 180), (820, 180), (760, 250), (440, 250)], fill=GREY)
    d.ellipse([580, 150, 620, 185], fill=DARK)
    d.line([600, 260, 600, 330], fill=GREEN, width=10)
    d.polygon([(570, 320), (630, 320), (600, 360)], fill=GREEN)
    return im


def candle_coil():
    im, d = canvas((40, 44, 70))
    d.rectangle([300, 300, 380, 560], fill=(250, 240, 220))
    flame(d, 340, 280, 0.5)
    d.ellipse([180, 550, 500, 600], fill=(130, 130, 140))
    for r in range(40, 200, 32):
        d.arc([760 - r, 450 - r, 760 + r, 450 + r], 0, 330, fill=(60, 140, 70), width=14)
    d.rectangle([660, 600, 860, 620], fill=GREY)
    d.ellipse([940, 420, 980, 460], fill=ORANGE)
    return im


def matches():
    im, d = canvas((250, 236, 236))
    d.rectangle([430, 300, 770, 480], fill=(200, 60, 50))
    d.rectangle([430, 300, 770, 330], fill=(120, 80, 60))
    for i in range(5):
        d.line([480 + i * 40, 300, 520 + i * 50, 150], fill=(230, 200, 150), width=10)
        d.ellipse([510 + i * 50, 130, 535 + i * 50, 160], fill=RED)
    d.rounded_rectangle([840, 160, 1080, 560], 40, fill=GREY)
    d.rectangle([870, 200, 1050, 520], fill=(220, 225, 230))
    cross(d, 220, 200)
    return im


def shophouses():
    im, d = canvas((230, 238, 248))
    for i in range(5):
        x = 90 + i * 210
        d.rectangle([x, 160, x + 200, 600], fill=((200, 180, 150), (190, 170, 140))[i % 2], outline=DARK, width=4)
        d.rectangle([x + 20, 430, x + 180, 600], fill=GREY)
        d.rectangle([x + 30, 200, x + 90, 280], fill=WHITE)
        d.rectangle([x + 110, 200, x + 170, 280], fill=WHITE)
    d.rectangle([930, 440, 975, 520], fill=RED)
    d.line([120, 380, 1080, 380], fill=(60, 60, 70), width=5)
    return im


def high_rise():
    im, d = canvas((225, 235, 250))
    d.rectangle([420, 60, 780, 640], fill=(160, 170, 190), outline=DARK, width=6)
    for row in range(9):
        for col in range(4):
            d.rectangle([450 + col * 82, 90 + row * 60, 500 + col * 82, 130 + row * 60], fill=WHITE)
    d.rectangle([860, 220, 1080, 380], fill=GREEN)
    d.ellipse([890, 245, 930, 285], fill=WHITE)
    d.line([910, 285, 910, 330, 940, 360], fill=WHITE, width=10)
    d.polygon([(960, 300), (1040, 300), (1040, 270), (1070, 310), (1040, 350), (1040, 320), (960, 320)], fill=WHITE)
    for step in range(6):
        d.line([180 + step * 30, 560 - step * 50, 240 + step * 30, 560 - step * 50], fill=DARK, width=8)
    return im


IMAGES = {
    "electrical": electrical,
    "lpg": lpg,
    "escape-plan": escape_plan,
    "apar": apar,
    "snake": snake,
    "bees": bees,
    "land-fire": land_fire,
    "kitchen": kitchen,
    "candle-coil": candle_coil,
    "matches": matches,
    "shophouses": shophouses,
    "high-rise": high_rise,
}


def make_leaflet():
    """A one-page A5 PDF leaflet: the escape-plan drawing on a page."""
    page = Image.new("RGB", (874, 1240), WHITE)
    drawing = escape_plan().resize((800, 450))
    page.paste(drawing, (37, 200))
    ImageDraw.Draw(page).rectangle([37, 60, 837, 140], fill=RED)
    page.save(HERE / "rencana-evakuasi.pdf", "PDF", resolution=100)


if __name__ == "__main__":
    for name, draw in IMAGES.items():
        draw().quantize(colors=64).save(HERE / f"{name}.png", optimize=True)
    make_leaflet()
