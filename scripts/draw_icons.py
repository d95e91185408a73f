"""Draw Blue Lamp Constabulary's mark (a blue lamp on a shield) as the site's icons.

One list of shapes makes every file, so the SVG and the PNGs never drift apart:
static/img/crest.svg (the header logo and the favicon), static/img/apple-touch-icon.png
(180 px, opaque, for phones' home screens), static/img/logo-512.png (the publisher logo in
structured data) and static/img/favicon.ico (16, 32 and 48 px, for /favicon.ico).
The files are committed; run `.venv/bin/python scripts/draw_icons.py` after changing a shape.
No network and no fonts are needed.
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "static" / "img"
NAVY, BLUE, WHITE = "#0b3b75", "#4da3ff", "#ffffff"
VIEW = 64  # the SVG's viewBox is 64 x 64


def _shield(samples=24):
    """The shield's outline: straight shoulders, then two curves that meet at the point."""
    top = [(32, 3), (58, 10), (58, 30)]

    def curve(p0, p1, p2):
        return [
            (
                (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t**2 * p2[0],
                (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t**2 * p2[1],
            )
            for t in (i / samples for i in range(1, samples + 1))
        ]

    right = curve((58, 30), (56, 52), (32, 61))
    left = curve((32, 61), (8, 52), (6, 30))
    return [*top, *right, *left, (6, 10)]


# (kind, geometry, fill, stroke width in viewBox units); drawn in this order.
SHAPES = [
    ("polygon", _shield(), NAVY, 0),
    ("circle", (32, 12, 2.5), WHITE, 0),  # finial
    ("rect", (23, 14, 18, 4, 1), WHITE, 0),  # cap
    ("rect", (25, 19, 14, 17, 2), BLUE, 0),  # the blue glass
    ("rect", (31, 19, 2, 17, 0), WHITE, 0),  # glazing bar
    ("rect", (21, 37, 22, 4, 1), WHITE, 0),  # base
    ("rect", (30, 41, 4, 13, 0), WHITE, 0),  # post
]


def svg():
    """The mark as SVG text."""
    parts = []
    for kind, geometry, fill, _stroke in SHAPES:
        if kind == "polygon":
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in geometry)
            parts.append(
                f'<polygon points="{points}" fill="{fill}" stroke="{WHITE}" '
                'stroke-width="2.5" stroke-linejoin="round"/>'
            )
        elif kind == "circle":
            cx, cy, r = geometry
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}"/>')
        else:
            x, y, w, h, rx = geometry
            parts.append(
                f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}"/>'
            )
    body = "\n  ".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {VIEW} {VIEW}" '
        f'width="{VIEW}" height="{VIEW}">\n'
        f"  <title>Blue Lamp Constabulary</title>\n  {body}\n</svg>\n"
    )


def raster(size, background=None, inset=0.0):
    """The mark as a square RGBA image; background fills it (opaque icons); inset pads it."""
    scale_up = 4  # draw large, then shrink: smooth edges without anti-aliasing support
    big = size * scale_up
    image = Image.new("RGBA", (big, big), background or (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    unit = big * (1 - 2 * inset) / VIEW
    offset = big * inset

    def at(x, y):
        return offset + x * unit, offset + y * unit

    for kind, geometry, fill, _stroke in SHAPES:
        if kind == "polygon":
            draw.polygon(
                [at(x, y) for x, y in geometry],
                fill=fill,
                outline=WHITE,
                width=max(1, round(2.5 * unit)),
            )
        elif kind == "circle":
            cx, cy, r = geometry
            (x0, y0), (x1, y1) = at(cx - r, cy - r), at(cx + r, cy + r)
            draw.ellipse((x0, y0, x1, y1), fill=fill)
        else:
            x, y, w, h, rx = geometry
            (x0, y0), (x1, y1) = at(x, y), at(x + w, y + h)
            draw.rounded_rectangle((x0, y0, x1, y1), radius=rx * unit, fill=fill)
    return image.resize((size, size), Image.LANCZOS)


def main():
    (OUT / "crest.svg").write_text(svg())
    raster(180, background=NAVY, inset=0.08).convert("RGB").save(OUT / "apple-touch-icon.png")
    raster(512, background=WHITE, inset=0.06).convert("RGB").save(OUT / "logo-512.png")
    raster(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
