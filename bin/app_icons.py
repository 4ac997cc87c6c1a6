"""Draw the installable web app's PNG icons from the shapes of portal/static/img/logo.svg.

    .venv/bin/python bin/app_icons.py

Pillow cannot read SVG, so the logo's flame path is traced here (its Bézier
curves sampled into a polygon) on a full-bleed red square: the flame stays
inside the central 80 % safe zone, so the same files serve as "maskable" icons.
Run again only when the logo changes; the PNGs are committed.
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "portal" / "static" / "img"
RED = "#a61b1b"
YELLOW = "#ffd54f"
SIZES = (192, 512)
SUPERSAMPLE = 4


def _cubic(p0, p1, p2, p3, steps=24):
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        yield (
            u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
            u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
        )


def flame():
    """The logo's flame (40×40 view box), as in logo.svg's path, in absolute points."""
    points = [(20, 7)]
    points += _cubic((20, 7), (22, 13), (29, 16), (29, 24))
    # The arc "a9 9 0 0 1 -18 0": the lower half circle around (20, 24).
    points += [(20 + 9 * math.cos(a / 24 * math.pi), 24 + 9 * math.sin(a / 24 * math.pi)) for a in range(1, 25)]
    points += _cubic((11, 24), (11, 20), (13, 17), (15, 15))
    points += _cubic((15, 15), (15, 18), (16, 20), (18, 21))
    points += _cubic((18, 21), (17, 16), (18, 11), (20, 7))
    return points


def draw(size):
    big = size * SUPERSAMPLE
    image = Image.new("RGB", (big, big), RED)
    # The flame spans y 7..33 of 40: scale it to ~62 % of the icon, centred.
    scale = big * 0.62 / 26
    dx = big / 2 - 20 * scale
    dy = big / 2 - 20 * scale
    ImageDraw.Draw(image).polygon([(dx + x * scale, dy + y * scale) for x, y in flame()], fill=YELLOW)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main():
    for size in SIZES:
        path = OUT / f"app-icon-{size}.png"
        draw(size).save(path, optimize=True)
        print(path)


if __name__ == "__main__":
    main()
