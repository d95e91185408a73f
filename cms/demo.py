"""Building blocks for demo content: pages, images and the site's own pages.

Every function creates what is missing and leaves what exists alone, so running the demo
loader again never duplicates anything nor undoes an editor's changes.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from .models import (
    Area,
    ContentPage,
    FeedbackFormField,
    FeedbackFormPage,
    ProgrammeIndexPage,
    ProgrammePage,
    SiteSettings,
)

AREAS = [
    ("Force-wide", "force-wide", True),
    ("Northvale", "northvale", False),
    ("Eastmoor", "eastmoor", False),
    ("Riverside", "riverside", False),
    ("Southdown", "southdown", False),
]


def upsert_page(parent, model, slug, **fields):
    """Return the child page of parent with this slug, creating and publishing it if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def demo_image(title, colour=(11, 59, 117), size=(1600, 900), seed=0):
    """A generated picture (no network), stored once per title in the image library."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed or title)
    img = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(img)
    width, height = size
    for _ in range(14):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.randrange(60, 320)
        shade = tuple(min(255, c + rng.randrange(20, 90)) for c in colour)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=shade)
    draw.rectangle((0, height - 120, width, height), fill=(7, 42, 84))
    buffer = io.BytesIO()
    img.save(buffer, format="JPEG", quality=80)
    filename = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:60] + ".jpg"
    image = Image(title=title)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image


def load_areas():
    """The fictional force's local policing areas."""
    for name, slug, force_wide in AREAS:
        Area.objects.get_or_create(slug=slug, defaults={"name": name, "force_wide": force_wide})


def load_site_settings(site):
    SiteSettings.for_site(site)  # created with its defaults on first use


def paragraph(html):
    return ("paragraph", html)


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def load_site_pages(home):
    """Privacy notice, accessibility statement, staying safe online, and the feedback form."""
    upsert_page(
        home,
        ContentPage,
        "privacy",
        title="Privacy notice",
        intro="How Blue Lamp Constabulary uses the personal information you give us on this site.",
        body=[
            heading("Who we are"),
            paragraph(
                "<p>Blue Lamp Constabulary is the data controller for the information you give "
                "us through this website. Our Data Protection Officer can be contacted through "
                "the non-emergency number, 101.</p>"
            ),
            heading("What we collect and why"),
            paragraph(
                "<p>When you apply to volunteer or register a school, we collect the answers you "
                "give so that our recruitment team can assess your application. We rely on your "
                "consent and on our task in the public interest.</p>"
            ),
            heading("How long we keep it"),
            paragraph(
                "<p>We keep applications for 12 months after a final decision, and records of "
                "appointed Special Constables for 24 months. After that the personal details are "
                "deleted; we keep only anonymous counts.</p>"
            ),
            heading("Your rights"),
            paragraph(
                "<p>You can ask for a copy of what we hold about you, ask us to correct it, or "
                "ask us to delete it. You can also complain to the Information Commissioner's "
                "Office.</p>"
            ),
        ],
    )
    upsert_page(
        home,
        ContentPage,
        "accessibility",
        title="Accessibility statement",
        intro="We want as many people as possible to be able to use this website.",
        body=[
            paragraph(
                "<p>You should be able to change colours and fonts, zoom in up to 400% without "
                "the text spilling off the screen, navigate the whole site using just a keyboard, "
                "and use it with a screen reader.</p>"
            ),
            heading("How we test this website"),
            paragraph(
                "<p>Every page type is checked automatically against the Web Content "
                "Accessibility Guidelines (WCAG) 2.2 level AA, and we test the quick exit, the "
                "cookie choices and our forms using only a keyboard and with JavaScript turned "
                "off.</p>"
            ),
            heading("Reporting problems"),
            paragraph(
                '<p>If you find a problem, please tell us through our <a href="/feedback/">'
                "feedback form</a> or call 101. If you are not happy with our response, contact "
                "the Equality Advisory and Support Service (EASS).</p>"
            ),
        ],
    )
    upsert_page(
        home,
        ContentPage,
        "safety",
        title="Staying safe online",
        intro="What the ‘Leave this site’ button does, and how to hide your visit to this site.",
        body=[
            heading("What the button does"),
            paragraph(
                "<p>The ‘Leave this site’ button at the top of every page, or pressing the "
                "Escape key, or pressing Shift three times, takes you straight to a weather "
                "website. It replaces this page in your browser, so pressing Back will not "
                "bring you back here.</p>"
            ),
            heading("What it does not do"),
            paragraph(
                "<p>It does not clear your browsing history. Someone using your device could "
                "still see that you visited this site.</p>"
            ),
            heading("How to browse more privately"),
            paragraph(
                "<ul><li>Use a private or incognito window: your browser will not save the pages "
                "you visit once you close it.</li><li>Delete this site from your browsing "
                "history.</li><li>If you can, use a device that the person you are worried "
                "about cannot reach, such as a library computer or a friend's phone.</li></ul>"
            ),
            paragraph(
                "<p><strong>If you are in immediate danger, call 999.</strong> If you cannot "
                "speak, call 999 and press 55 when prompted.</p>"
            ),
        ],
    )
    feedback = upsert_page(
        home,
        FeedbackFormPage,
        "feedback",
        title="Give feedback on this website",
        intro="<p>This site is new. Tell us what works and what does not. Do not include "
        "personal details, and do not use this form to report a crime.</p>",
        thank_you_text="<p>We read every message and use it to improve the site. We cannot "
        "reply to feedback. To report a crime, call 101 or 999 in an emergency.</p>",
    )
    if not feedback.form_fields.exists():
        FeedbackFormField.objects.create(
            page=feedback,
            sort_order=0,
            label="How satisfied are you with this website?",
            field_type="radio",
            required=True,
            choices="Very satisfied\nSatisfied\nNeither satisfied nor dissatisfied\n"
            "Dissatisfied\nVery dissatisfied",
        )
        FeedbackFormField.objects.create(
            page=feedback,
            sort_order=1,
            label="How could we improve this website?",
            field_type="multiline",
            required=True,
            help_text="Do not include personal or financial information.",
        )


PROGRAMMES = [
    (
        "special-constables",
        "Special Constables",
        "Volunteer police officers with the same powers as regular officers.",
        "Special Constables give at least 16 hours a month to police their communities, "
        "alongside a job, studies or caring. You will be trained, equipped and paid expenses.",
        (11, 59, 117),
    ),
    (
        "police-support-volunteers",
        "Police Support Volunteers",
        "Give your skills to support officers and staff, from role play to crime prevention.",
        "Police Support Volunteers help in stations, at events and in training, "
        "for as little as a few hours a month.",
        (0, 94, 87),
    ),
    (
        "cadets",
        "Volunteer Police Cadets",
        "For young people aged 13 to 18: learn about policing and serve your community.",
        "Cadets meet weekly in term time, learn about policing and volunteer at community "
        "events. Open to young people aged 13 to 18 from every background.",
        (80, 40, 120),
    ),
    (
        "mini-police",
        "Mini Police",
        "A year of fun, hands-on policing for primary school pupils aged 9 to 11.",
        "Mini Police runs in primary schools over one academic year for pupils in Years 5 "
        "and 6, aged 9 to 11, led by teachers with our neighbourhood officers.",
        (150, 60, 20),
    ),
]


def load_programmes(home):
    """The 'Volunteer with us' section and its four programme pages."""
    index = upsert_page(
        home,
        ProgrammeIndexPage,
        "volunteer",
        title="Volunteer with us",
        show_in_menus=True,
        intro="Our Citizens in Policing programmes welcome people of all ages and backgrounds. "
        "Find the one that fits the time you can give.",
    )
    for slug, title, summary, intro, colour in PROGRAMMES:
        upsert_page(
            index,
            ProgrammePage,
            slug,
            title=title,
            summary=summary,
            intro=intro,
            image=demo_image(title, colour=colour),
            show_in_menus=True,
        )
    return index
