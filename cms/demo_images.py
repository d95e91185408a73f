"""Pictures for the demo site, drawn by code when the demo loads (Pillow, no network).

Each scene (a town skyline, a road, a park, a station, a patrol car, a river, a school, a
festival, headquarters) is painted from simple shapes over a sky whose light (day, dusk or
night) and details come from a seeded random generator: the same title always gives the
same picture, and different titles give different ones.
"""

import random

from PIL import Image, ImageDraw

SKIES = {
    "day": ((120, 175, 225), (205, 228, 245)),
    "dusk": ((40, 50, 110), (240, 150, 90)),
    "night": ((8, 14, 40), (35, 55, 100)),
}
NAVY, BLUE_LAMP, HI_VIS, WHITE = (11, 59, 117), (77, 163, 255), (230, 220, 40), (245, 245, 245)


def _shade(colour, amount):
    """The colour made lighter (amount > 0) or darker (amount < 0)."""
    return tuple(max(0, min(255, round(c + amount))) for c in colour)


def _sky(draw, w, h, light, horizon):
    top, bottom = SKIES[light]
    for y in range(horizon):
        t = y / max(1, horizon - 1)
        draw.line(
            [(0, y), (w, y)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    if light == "night":
        draw.ellipse((w * 0.8, h * 0.08, w * 0.8 + h * 0.1, h * 0.18), fill=(235, 235, 210))
    elif light == "day":
        draw.ellipse((w * 0.1, h * 0.08, w * 0.1 + h * 0.12, h * 0.2), fill=(255, 240, 170))


def _buildings(draw, rng, w, base, light, tint, max_height, windows=True):
    x = -rng.randrange(10, 60)
    while x < w:
        bw = rng.randrange(int(w * 0.05), int(w * 0.12))
        bh = rng.randrange(int(max_height * 0.35), int(max_height))
        body = _shade(tint, rng.randrange(-25, 15) - (40 if light == "night" else 0))
        draw.rectangle((x, base - bh, x + bw, base), fill=body)
        if windows:
            lit = (255, 214, 120) if light != "day" else _shade(body, 45)
            for wy in range(base - bh + 14, base - 14, 26):
                for wx in range(x + 10, x + bw - 14, 22):
                    if rng.random() < (0.45 if light != "day" else 0.8):
                        draw.rectangle((wx, wy, wx + 10, wy + 14), fill=lit)
        x += bw + rng.randrange(0, 12)


def _tree(draw, x, ground, size, colour):
    draw.rectangle((x - size * 0.08, ground - size, x + size * 0.08, ground), fill=(90, 60, 40))
    draw.ellipse(
        (x - size * 0.5, ground - size * 1.7, x + size * 0.5, ground - size * 0.7), fill=colour
    )


def _patrol_car(draw, x, ground, length):
    """A side view of a patrol car: white body, Battenburg checks, blue lamps on the roof."""
    h = length * 0.28
    body = (x, ground - h, x + length, ground - h * 0.15)
    draw.rounded_rectangle(body, radius=h * 0.2, fill=WHITE)
    draw.polygon(
        [
            (x + length * 0.22, ground - h),
            (x + length * 0.32, ground - h * 1.55),
            (x + length * 0.7, ground - h * 1.55),
            (x + length * 0.8, ground - h),
        ],
        fill=WHITE,
    )
    draw.polygon(
        [
            (x + length * 0.27, ground - h * 1.02),
            (x + length * 0.34, ground - h * 1.45),
            (x + length * 0.5, ground - h * 1.45),
            (x + length * 0.5, ground - h * 1.02),
        ],
        fill=(60, 80, 100),
    )
    draw.polygon(
        [
            (x + length * 0.52, ground - h * 1.02),
            (x + length * 0.52, ground - h * 1.45),
            (x + length * 0.68, ground - h * 1.45),
            (x + length * 0.75, ground - h * 1.02),
        ],
        fill=(60, 80, 100),
    )
    check = length / 12
    for i in range(12):
        colour = NAVY if i % 2 == 0 else HI_VIS
        draw.rectangle(
            (x + i * check, ground - h * 0.62, x + (i + 1) * check, ground - h * 0.32), fill=colour
        )
    draw.rectangle(
        (x + length * 0.42, ground - h * 1.72, x + length * 0.6, ground - h * 1.55), fill=BLUE_LAMP
    )
    for wheel in (0.2, 0.8):
        cx, r = x + length * wheel, h * 0.3
        draw.ellipse(
            (cx - r, ground - h * 0.15 - r, cx + r, ground - h * 0.15 + r), fill=(30, 30, 30)
        )
        draw.ellipse(
            (cx - r / 2, ground - h * 0.15 - r / 2, cx + r / 2, ground - h * 0.15 + r / 2),
            fill=(170, 170, 170),
        )


def skyline(draw, rng, w, h, light, tint):
    horizon = int(h * 0.72)
    _sky(draw, w, h, light, horizon)
    _buildings(draw, rng, w, horizon, light, _shade(tint, -30), h * 0.45, windows=False)
    _buildings(draw, rng, w, horizon, light, tint, h * 0.35)
    draw.rectangle((0, horizon, w, h), fill=(60, 65, 70))
    draw.rectangle((0, horizon, w, horizon + 10), fill=(140, 140, 140))


def road(draw, rng, w, h, light, tint):
    horizon = int(h * 0.45)
    _sky(draw, w, h, light, horizon)
    draw.rectangle((0, horizon, w, h), fill=_shade((70, 130, 60), -30 if light != "day" else 0))
    for i in range(3):
        hill_w = w * rng.uniform(0.4, 0.8)
        hx = rng.uniform(-0.2, 0.8) * w
        draw.ellipse(
            (hx, horizon - h * 0.12, hx + hill_w, horizon + h * 0.12), fill=_shade(tint, -10 * i)
        )
    draw.rectangle((0, horizon, w, h), fill=_shade((70, 130, 60), -30 if light != "day" else 0))
    vanish = w * rng.uniform(0.4, 0.6)
    draw.polygon(
        [(vanish - 8, horizon), (vanish + 8, horizon), (w * 0.95, h), (w * 0.05, h)],
        fill=(55, 55, 60),
    )
    for step in range(10):
        t0, t1 = step / 10, (step + 0.5) / 10
        y0, y1 = horizon + (h - horizon) * t0**2, horizon + (h - horizon) * t1**2
        x0, x1 = vanish + (w / 2 - vanish) * t0**2, vanish + (w / 2 - vanish) * t1**2
        width0, width1 = 1 + 8 * t0**2, 1 + 8 * t1**2
        draw.polygon(
            [(x0 - width0, y0), (x0 + width0, y0), (x1 + width1, y1), (x1 - width1, y1)], fill=WHITE
        )
    for side in (0.15, 0.85):
        px = w * side
        draw.rectangle((px - 4, horizon - h * 0.15, px + 4, h * 0.8), fill=(40, 40, 45))
        draw.ellipse(
            (px - 16, horizon - h * 0.17, px + 16, horizon - h * 0.13), fill=(255, 220, 140)
        )
    if rng.random() < 0.6:
        _patrol_car(draw, w * rng.uniform(0.05, 0.45), h * 0.95, w * 0.4)


def park(draw, rng, w, h, light, tint):
    horizon = int(h * 0.55)
    _sky(draw, w, h, light, horizon)
    grass = _shade((80, 150, 70), -40 if light == "night" else 0)
    draw.rectangle((0, horizon, w, h), fill=grass)
    draw.ellipse((-w * 0.2, horizon - h * 0.1, w * 0.7, horizon + h * 0.2), fill=_shade(grass, 15))
    draw.polygon(
        [(w * 0.45, h), (w * 0.7, h), (w * 0.55, horizon), (w * 0.52, horizon)],
        fill=(200, 180, 140),
    )
    for _ in range(rng.randrange(5, 9)):
        size = rng.uniform(0.12, 0.25) * h
        _tree(
            draw,
            rng.uniform(0, w),
            rng.uniform(horizon + 20, h * 0.9),
            size,
            _shade((40, 110, 50), rng.randrange(-20, 30)),
        )
    bx = w * rng.uniform(0.1, 0.3)
    draw.rectangle((bx, h * 0.8, bx + w * 0.12, h * 0.82), fill=(110, 70, 40))
    draw.rectangle((bx, h * 0.75, bx + w * 0.12, h * 0.77), fill=(110, 70, 40))


def station(draw, rng, w, h, light, tint):
    horizon = int(h * 0.6)
    _sky(draw, w, h, light, horizon)
    _buildings(draw, rng, w, horizon, light, _shade(tint, -20), h * 0.3, windows=False)
    draw.rectangle((0, h * 0.22, w, h * 0.27), fill=(90, 95, 105))
    for x in range(0, w, w // 8):
        draw.rectangle((x + 20, h * 0.27, x + 32, h * 0.75), fill=(80, 85, 95))
    train_top = h * 0.42
    draw.rounded_rectangle((w * 0.05, train_top, w * 1.1, h * 0.75), radius=30, fill=tint)
    draw.rectangle((w * 0.05, h * 0.66, w * 1.1, h * 0.69), fill=HI_VIS)
    for x in range(int(w * 0.1), w, 120):
        draw.rounded_rectangle(
            (x, train_top + 25, x + 80, train_top + 85), radius=8, fill=(190, 220, 240)
        )
    draw.rectangle((0, h * 0.75, w, h), fill=(150, 150, 150))
    draw.rectangle((0, h * 0.75, w, h * 0.77), fill=HI_VIS)
    cx = w * 0.5
    draw.ellipse(
        (cx - 40, h * 0.05, cx + 40, h * 0.05 + 80), fill=WHITE, outline=(30, 30, 30), width=5
    )
    draw.line((cx, h * 0.05 + 40, cx, h * 0.05 + 12), fill=(30, 30, 30), width=5)
    draw.line((cx, h * 0.05 + 40, cx + 22, h * 0.05 + 40), fill=(30, 30, 30), width=5)


def patrol(draw, rng, w, h, light, tint):
    horizon = int(h * 0.7)
    _sky(draw, w, h, light, horizon)
    _buildings(draw, rng, w, horizon, light, tint, h * 0.5)
    draw.rectangle((0, horizon, w, h), fill=(60, 60, 65))
    draw.rectangle((0, horizon, w, horizon + 14), fill=(150, 150, 150))
    _patrol_car(draw, w * rng.uniform(0.15, 0.4), h * 0.93, w * 0.5)


def river(draw, rng, w, h, light, tint):
    horizon = int(h * 0.5)
    _sky(draw, w, h, light, horizon)
    _buildings(draw, rng, w, horizon, light, tint, h * 0.22)
    water = _shade((40, 90, 140), -30 if light == "night" else 0)
    draw.rectangle((0, horizon, w, h), fill=water)
    for _ in range(40):
        x, y = rng.uniform(0, w), rng.uniform(horizon + 10, h)
        draw.line((x, y, x + rng.uniform(20, 80), y), fill=_shade(water, 40), width=3)
    bridge_y = horizon + h * 0.08
    draw.rectangle((0, bridge_y - 20, w, bridge_y), fill=(120, 110, 100))
    for i in range(4):
        x0 = i * w / 4
        draw.chord(
            (x0 + 20, bridge_y - 10, x0 + w / 4 - 20, bridge_y + h * 0.2), 180, 360, fill=water
        )


def school(draw, rng, w, h, light, tint):
    horizon = int(h * 0.7)
    _sky(draw, w, h, light, horizon)
    draw.rectangle((0, horizon, w, h), fill=(90, 150, 80))
    x0, x1, top = w * 0.2, w * 0.8, h * 0.35
    draw.rectangle((x0, top, x1, horizon), fill=(190, 110, 80))
    draw.polygon([(x0 - 30, top), (w * 0.5, h * 0.15), (x1 + 30, top)], fill=(90, 60, 60))
    for x in range(int(x0 + 30), int(x1 - 60), 90):
        for y in (top + 30, top + 130):
            draw.rectangle((x, y, x + 55, y + 60), fill=(210, 230, 245))
    draw.rectangle((w * 0.47, horizon - 110, w * 0.53, horizon), fill=tint)
    draw.rectangle((w * 0.88, h * 0.2, w * 0.885, horizon), fill=(80, 80, 80))
    draw.rectangle((w * 0.885, h * 0.2, w * 0.95, h * 0.26), fill=tint)
    draw.rectangle((0, horizon + 40, w, h), fill=(80, 80, 90))
    for x in range(40, w, 160):
        draw.rectangle((x, horizon + 90, x + 90, horizon + 100), fill=HI_VIS)


def festival(draw, rng, w, h, light, tint):
    horizon = int(h * 0.6)
    _sky(draw, w, h, light, horizon)
    draw.rectangle((0, horizon, w, h), fill=(90, 160, 80))
    for i in range(5):
        x = w * (0.02 + i * 0.2) + rng.uniform(-20, 20)
        colour = [tint, (200, 40, 60), (240, 200, 60), NAVY, (250, 250, 250)][
            (i + rng.randrange(5)) % 5
        ]
        draw.rectangle((x, horizon - h * 0.05, x + w * 0.15, horizon + h * 0.12), fill=colour)
        draw.polygon(
            [
                (x - 10, horizon - h * 0.05),
                (x + w * 0.075, horizon - h * 0.2),
                (x + w * 0.15 + 10, horizon - h * 0.05),
            ],
            fill=_shade(colour, -30),
        )
    for x in range(0, w, 40):
        sag = 30 * (1 - ((x % 400) / 200 - 1) ** 2)
        draw.polygon(
            [(x, h * 0.1 + sag), (x + 30, h * 0.1 + sag), (x + 15, h * 0.1 + sag + 30)],
            fill=[(200, 40, 60), HI_VIS, BLUE_LAMP][(x // 40) % 3],
        )


def headquarters(draw, rng, w, h, light, tint):
    horizon = int(h * 0.75)
    _sky(draw, w, h, light, horizon)
    draw.rectangle((w * 0.15, h * 0.25, w * 0.85, horizon), fill=(170, 160, 150))
    for x in range(int(w * 0.18), int(w * 0.82), 80):
        for y in range(int(h * 0.3), int(horizon - 150), 90):
            lit = (255, 214, 120) if light != "day" and rng.random() < 0.5 else (120, 150, 180)
            draw.rectangle((x, y, x + 50, y + 60), fill=lit)
    draw.rectangle((w * 0.45, horizon - 140, w * 0.55, horizon), fill=NAVY)
    draw.rounded_rectangle(
        (w * 0.485, horizon - 200, w * 0.515, horizon - 150), radius=6, fill=BLUE_LAMP
    )
    draw.rectangle((0, horizon, w, h), fill=(100, 100, 105))


SCENES = {
    "skyline": skyline,
    "road": road,
    "park": park,
    "station": station,
    "patrol": patrol,
    "river": river,
    "school": school,
    "festival": festival,
    "headquarters": headquarters,
}


def draw_scene(scene, size, tint, seed):
    """A picture of the named scene (see SCENES), tinted, the same for the same seed."""
    rng = random.Random(seed)
    light = rng.choice(list(SKIES))
    image = Image.new("RGB", size, SKIES[light][1])
    SCENES[scene](ImageDraw.Draw(image), rng, size[0], size[1], light, tint)
    return image
