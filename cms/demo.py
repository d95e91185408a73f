"""Building blocks for demo content: pages, images and the site's own pages.

Every function creates what is missing and leaves what exists alone, so running the demo
loader again never duplicates anything nor undoes an editor's changes.
"""

import io
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from accounts.roles import ROLES

from .demo_images import SCENES, draw_scene
from .models import (
    Area,
    ContentPage,
    FeedbackFormField,
    FeedbackFormPage,
    ProgrammeIndexPage,
    ProgrammePage,
    SiteSettings,
)

# One demo user per role (accounts/roles.py): username, first name, last name.
DEMO_USERS = [
    ("editor", "Eddie", "Editor"),
    ("moderator", "Morgan", "Moderator"),
    ("recruiter", "Riya", "Recruiter"),
    ("manager", "Mani", "Manager"),
    ("admin", "Ada", "Admin"),
]

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


def demo_image(title, colour=(11, 59, 117), size=(1600, 900), seed=0, scene=None):
    """A picture drawn for the demo (no network), stored once per title in the image library.

    scene names one of cms.demo_images.SCENES; without one, the title picks it.
    """
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    seed = seed or title
    scene = scene or random.Random(seed).choice(sorted(SCENES))
    buffer = io.BytesIO()
    draw_scene(scene, size, colour, seed).save(buffer, format="JPEG", quality=82)
    filename = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:60] + ".jpg"
    image = Image(title=title)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image


def load_areas():
    """The fictional force's local policing areas."""
    for name, slug, force_wide in AREAS:
        Area.objects.get_or_create(slug=slug, defaults={"name": name, "force_wide": force_wide})


# The demo force's contact details, social accounts and online reporting address.
DEMO_SETTINGS = {
    "contact_phone": "101",
    "contact_email": "contact.centre@bluelamp.example",
    "contact_address": "Blue Lamp Constabulary Headquarters\n1 Lantern Way\nNorthvale\nNV1 4BL",
    "report_url": "https://www.police.uk/pu/contact-the-police/report-a-crime-incident/",
    "social_x": "https://x.com/BlueLampPolice",
    "social_facebook": "https://www.facebook.com/BlueLampPolice",
    "social_instagram": "https://www.instagram.com/bluelamppolice/",
    "social_youtube": "https://www.youtube.com/@BlueLampPolice",
}


def load_site_settings(site):
    """The site settings, with the demo force's contact details in every field left empty.

    A field an editor has filled in keeps its value.
    """
    site_settings = SiteSettings.for_site(site)  # created with its defaults on first use
    missing = {
        name: value for name, value in DEMO_SETTINGS.items() if not getattr(site_settings, name)
    }
    if missing:
        for name, value in missing.items():
            setattr(site_settings, name, value)
        site_settings.save(update_fields=list(missing))
    return site_settings


def tel(number):
    """A tap-to-call link for rich text: 999 and 101 are always links on this site."""
    return f'<a href="tel:{number}">{number}</a>'


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
                f"the non-emergency number, {tel(101)}.</p>"
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
        intro="This statement applies to the Blue Lamp Constabulary website. We want as many "
        "people as possible to be able to use it.",
        body=[
            paragraph(
                "<p>You should be able to change colours and fonts, zoom in up to 400% without "
                "the text spilling off the screen, navigate the whole site using just a keyboard, "
                "use it without JavaScript, and use it with a screen reader.</p>"
            ),
            heading("Compliance status"),
            paragraph(
                "<p>This website is fully compliant with the Web Content Accessibility "
                "Guidelines (WCAG) version 2.2 AA standard, as far as our tests below can "
                "show.</p>"
            ),
            heading("How we tested this website"),
            paragraph(
                "<p>Every change to the site is tested automatically before it is published. "
                "A real browser (Chromium) loads each kind of page and checks it with axe-core "
                "4.14.1 against the WCAG 2.0, 2.1 and 2.2 A and AA rules. The pages checked "
                "are: the home page; news, including filtered results and a second page of "
                "results; a news article; the volunteering pages and a programme page; both "
                "recruitment forms, empty, with mistakes and after sending; our feedback form "
                "and its confirmation; cookies; search, with and without results; staying safe "
                "online; this statement; the ‘page not found’ page; and our staff's recruitment "
                "queue and application view. Public pages are checked on a 360 pixel wide phone "
                "screen and a 1280 pixel wide desktop screen. The check must find no problems "
                "for the change to be accepted.</p>"
            ),
            paragraph(
                "<p>We also test, using only a keyboard (Tab, Enter, Space and the arrow keys) "
                "and checking that you can always see where you are on the page: leaving the "
                "site quickly with the skip link and the ‘Leave this site’ button; choosing "
                "cookies in the banner and on the cookies page; and completing and sending both "
                "recruitment forms. We run these with JavaScript turned on and turned off.</p>"
            ),
            heading("Known limitations"),
            paragraph(
                "<p>Automated tests find many problems but not all of them. We have not yet "
                "had the site tested by disabled people or by an independent accessibility "
                "auditor, and we have not tested with every screen reader. News articles and "
                "pages written by our staff are only checked when they follow our templates; "
                "older PDF documents may not be accessible. The date of birth field uses your "
                "browser's own date picker, which looks different from browser to browser.</p>"
            ),
            heading("Reporting accessibility problems"),
            paragraph(
                "<p>If you find a problem, or need information in a different format such as "
                'large print or easy read, please tell us through our <a href="/feedback/">'
                f"feedback form</a> or call {tel(101)}. We will reply within 10 working days.</p>"
            ),
            heading("Enforcement procedure"),
            paragraph(
                "<p>The Equality and Human Rights Commission (EHRC) is responsible for "
                "enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
                "Accessibility Regulations 2018. If you are not happy with how we respond to "
                "your complaint, contact the Equality Advisory and Support Service (EASS).</p>"
            ),
            heading("Preparation of this statement"),
            paragraph(
                "<p>This statement was prepared on 22 November 2026. It is based on the "
                "automated and keyboard tests described above, which run on every change to "
                "the website.</p>"
            ),
        ],
    )
    upsert_page(
        home,
        ContentPage,
        "safety",
        title="Staying safe online",
        intro="What the ‘Leave this site’ button does and does not do, and how to hide your "
        "visit to this site.",
        body=[
            heading("What the ‘Leave this site’ button does"),
            paragraph(
                "<p>The red ‘Leave this site’ button is at the top of every page and stays on "
                "your screen as you scroll. Tap or click it and you go straight to a weather "
                "website. This page disappears at once, and your browser's Back button will not "
                "bring you back to it.</p>"
                "<p>With a keyboard you can also press the Escape key (Esc), or press the Shift "
                "key 3 times on its own within 5 seconds. After the first and second press, a "
                "message beside the button says how many more presses are needed. Pressing "
                "Shift to type a capital letter or a symbol such as @ never counts, so typing "
                "your name, postcode or email address will not make you leave.</p>"
            ),
            heading("Leaving also makes this device forget your answers"),
            paragraph(
                "<p>When you leave with the button or a key, this site forgets this device's "
                "visit. If you had started an application or a school registration, the "
                "answers are no longer linked to this device: pressing Back shows an empty "
                "form or the first page, never what you typed, and the form no longer offers "
                "to continue your application.</p>"
                "<p>Your answers are not deleted. If you asked for a link to come back later "
                "(‘Save and come back later’), the link in that email brings them back, on "
                "this or any other device, for 7 days. If you did not ask for a link, you will "
                "need to start again. Unfinished answers are deleted from our system after 30 "
                "days.</p>"
                "<p>It works the same way without JavaScript.</p>"
            ),
            heading("What it does not do"),
            paragraph(
                "<ul><li>It does not delete your browsing history: the pages of this site you "
                "opened are still listed in your browser's history.</li>"
                "<li>Unless this site keeps your visit out of the Back button (below), pressing "
                "Back on the weather website can return to the page of ours you were on before "
                "the one you left from. It shows no answers you typed, but its title and words "
                "show that you were on this site.</li>"
                "<li>It does not delete the email we sent you if you asked for a link to come "
                "back later. Anyone who can read your email can use that link for 7 days.</li>"
                "<li>If your device has no connection at the moment you leave, it still leaves, "
                "but this site may not hear about it: then your answers stay linked to this "
                "device until you close your browser, or for 8 hours. Using ‘Delete my answers "
                "and start again’ on the form deletes them at once.</li>"
                "<li>It does not close other tabs or windows, or delete anything you "
                "downloaded.</li>"
                "<li>It cannot stop someone who is watching your screen, or software on your "
                "device, from seeing what you were looking at.</li></ul>"
            ),
            heading("Keeping your whole visit out of the Back button"),
            paragraph(
                "<p>We can switch on a setting so that each page of this site you open takes the "
                "place of the one before in your browser's Back button. After you leave, Back "
                "then goes to the website you were on before you came here, not to any page of "
                "ours.</p>"
                "<p>It needs JavaScript, which most browsers have switched on. Sending a form "
                "(for example an application or feedback) still adds one page to the Back "
                "button. It does not remove the pages from your browsing history: only "
                "deleting your history, or a private window, does that.</p>"
            ),
            heading("The cookie that remembers your cookie choice"),
            paragraph(
                "<p>When you accept or reject additional cookies, we save your choice in a "
                "cookie called <strong>bluelamp_consent</strong> for one year. It holds only "
                "your choice, but anyone who looks at the cookies in your browser can see that "
                "you visited this site. To remove it, delete the cookies for this site in your "
                "browser's settings (often under Privacy, then Cookies or Site data), or delete "
                "your browsing history. In a private window it is removed when you close the "
                'window. The <a href="/cookies/">cookies page</a> lists every cookie we use.</p>'
                "<p>Opening a form here (an application, a school registration, feedback) also "
                "sets two cookies, <strong>csrftoken</strong> and <strong>sessionid</strong>, "
                "that last until you close your browser. Leaving with the button or a key "
                "deletes both.</p>"
            ),
            heading("Your application answers"),
            paragraph(
                "<p>When you apply to volunteer, the answers you give are saved on our server as "
                "you go, never stored in your browser. You can delete them at any time with "
                "‘Delete my answers and start again’ on the application pages.</p>"
            ),
            heading("How to browse more privately"),
            paragraph(
                "<ul><li>Use a private or incognito window: your browser will not save the pages "
                "you visit, or our cookies, once you close it. In Chrome choose the menu (⋮), "
                "then ‘New Incognito window’; in Edge, ‘New InPrivate window’; in Firefox, "
                "‘New private window’; in Safari on an iPhone, tap the tabs button, then "
                "‘Private’. Close every private window when you have finished.</li>"
                "<li>Delete this site from your browsing history.</li>"
                "<li>If you can, use a device that the person you are worried about cannot "
                "reach, such as a library computer or a friend's phone.</li></ul>"
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
        f"reply to feedback. To report a crime, call {tel(101)}, or {tel(999)} in an "
        "emergency.</p>",
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


def load_contact_page(home):
    """The "Contact us" page, in the main menu after the other sections."""
    return upsert_page(
        home,
        ContentPage,
        "contact",
        title="Contact us",
        show_in_menus=True,
        intro="How to reach Blue Lamp Constabulary: in an emergency, to report a crime, or "
        "with a question.",
        body=[
            heading("In an emergency"),
            paragraph(
                f"<p>Call {tel(999)} if a crime is happening now, someone is in danger or hurt, "
                "or property is being damaged. If you cannot speak, call "
                f"{tel(999)}, listen to the "
                "operator, then press 55 when asked: you will be put through to us.</p>"
            ),
            heading("Report a crime or an incident"),
            paragraph(
                "<p>For anything that is not an emergency, "
                f'<a href="{DEMO_SETTINGS["report_url"]}">report it online</a> '
                f"or call {tel(101)}. Online reports reach the same "
                "contact centre, at any hour, and you do not have to wait on the phone.</p>"
            ),
            paragraph(
                "<p>To tell us something without giving your name, call Crimestoppers on "
                '<a href="tel:08005551111">0800 555 111</a>. They never ask who you are.</p>'
            ),
            heading("Deaf, hard of hearing or speech impaired"),
            paragraph(
                '<p>Text us on <a href="tel:18001101">18001 101</a> through Relay UK, or in an '
                'emergency text <a href="sms:999">999</a> once you have registered with the '
                "emergencySMS service.</p>"
            ),
            heading("Write to us or visit"),
            paragraph(
                "<p>Blue Lamp Constabulary Headquarters, 1 Lantern Way, Northvale, NV1 4BL. The "
                "front counter is open from 8am to 8pm every day. Email "
                f'<a href="mailto:{DEMO_SETTINGS["contact_email"]}">'
                f"{DEMO_SETTINGS['contact_email']}</a> for questions that are not about a crime; "
                "we reply within five working days. Do not email to report a crime.</p>"
            ),
        ],
    )


def accordion(heading_text, items):
    return (
        "accordion",
        {
            "heading": heading_text,
            "items": [{"heading": q, "content": f"<p>{a}</p>"} for q, a in items],
        },
    )


def figures(*pairs):
    return [("figure", {"figure": figure, "label": label}) for figure, label in pairs]


def requirements(*items):
    return [("requirement", item) for item in items]


PROGRAMMES = [
    {
        "slug": "special-constables",
        "scene": "patrol",
        "title": "Special Constables",
        "colour": (11, 59, 117),
        "summary": "Volunteer police officers with the same powers as regular officers.",
        "intro": "Special Constables are volunteer police officers. You wear the same uniform, "
        "hold the same powers and work alongside regular officers, giving at least 16 hours "
        "a month around your job, studies or family.",
        "key_figures": figures(
            ("144", "Special Constables serving today"),
            ("16 hours", "a month, at least"),
            ("18+", "age to apply"),
            ("£0", "cost to you: kit and expenses are covered"),
        ),
        "eligibility": requirements(
            "You are 18 or over.",
            "You have lived in the UK for the last three years.",
            "You can pass the job-related fitness test (level 5.4 on the bleep test).",
            "You meet our eyesight, medical and vetting standards.",
            "You can give at least 16 hours a month once you are trained.",
        ),
        "what_you_will_do": "<ul><li>Patrol your neighbourhood on foot and in police "
        "vehicles.</li><li>Answer calls from the public, from lost property to "
        "emergencies.</li><li>Keep people safe at town-centre nights out, fairs and football "
        "matches.</li><li>Support investigations, house-to-house enquiries and crime "
        "prevention days.</li></ul>",
        "time_commitment": "At least 16 hours a month once you have finished training, "
        "planned with your team around your other commitments. Many Specials do one evening "
        "shift a week and one weekend shift a month.",
        "body": [
            heading("Training"),
            paragraph(
                "<p>Initial training takes about six months of weekends and some evenings. "
                "You then patrol with an experienced officer until you are signed off to work "
                "on your own.</p>"
            ),
            accordion(
                "Questions people ask",
                [
                    (
                        "Am I paid?",
                        "No. Special Constables are volunteers, but we pay your travel and "
                        "meal expenses and provide all your uniform and equipment.",
                    ),
                    (
                        "Can I do this alongside a full-time job?",
                        "Yes. Most of our Specials work full time. Many employers give extra "
                        "paid leave for volunteering; ask your HR team.",
                    ),
                    (
                        "Does being a Special help me join as a regular officer?",
                        "The experience is valued, and some Specials go on to join us as "
                        "regular officers, but it is a role in its own right.",
                    ),
                    (
                        "Can I apply if I have a criminal record?",
                        "It depends on what the offence was and when. Tell us about it in "
                        "your application: being open will not count against you.",
                    ),
                ],
            ),
        ],
        "call_to_action_heading": "Apply to become a Special Constable",
        "call_to_action_text": "Apply through our online form. We will invite you to an "
        "information evening before your assessment day.",
        "call_to_action_link_text": "Apply online",
        "news_topic": "special-constables",
    },
    {
        "slug": "police-support-volunteers",
        "scene": "station",
        "title": "Police Support Volunteers",
        "colour": (0, 94, 87),
        "summary": "Give your skills to support officers and staff, from role play to crime "
        "prevention.",
        "intro": "Police Support Volunteers give their time and skills to help officers and "
        "staff serve the public. There are roles for every kind of experience, from a few "
        "hours a month.",
        "key_figures": figures(
            ("210", "Police Support Volunteers"),
            ("30+", "different roles"),
            ("4 hours", "a month, or more if you wish"),
            ("16+", "age for most roles"),
        ),
        "eligibility": requirements(
            "You are 16 or over (18 for some roles).",
            "You have lived in the UK for the last three years.",
            "You can pass our vetting checks.",
            "You can give a few hours regularly, on days that suit you and your team.",
        ),
        "what_you_will_do": "<p>Depending on the role you choose, you might:</p><ul><li>"
        "play a victim or witness so that new officers can practise interviews;</li><li>run "
        "crime prevention stalls and bike-marking days;</li><li>help at a station front "
        "counter;</li><li>join a Community Speed Watch team in your village.</li></ul>",
        "time_commitment": "From about four hours a month, during the day, in the evening or "
        "at weekends, agreed with the team you volunteer with.",
        "body": [
            accordion(
                "Questions people ask",
                [
                    (
                        "Do I need experience?",
                        "No. We train you for your role. Life and work experience of any "
                        "kind is welcome.",
                    ),
                    (
                        "Are my expenses paid?",
                        "Yes. We reimburse travel and other agreed out-of-pocket costs.",
                    ),
                    (
                        "Can I volunteer from home?",
                        "A few roles, such as checking community messages before they go out, "
                        "can be done from home.",
                    ),
                ],
            ),
        ],
        "call_to_action_heading": "Register your interest",
        "call_to_action_text": "Tell us which kind of role interests you and we will get "
        "in touch when one comes up near you.",
        "call_to_action_link_text": "How to register your interest",
        "news_topic": "volunteering",
        "interest_page": (
            "register-interest",
            "Register your interest in volunteering",
            "We recruit Police Support Volunteers as roles come up, across the force area.",
            f"<p>Call {tel(101)} and ask for the Citizens in Policing team, or write to us at "
            "Blue Lamp Constabulary headquarters. Tell us your name, where you live and the "
            "kind of role you would like, and we will contact you when one comes up.</p>",
        ),
    },
    {
        "slug": "cadets",
        "scene": "headquarters",
        "title": "Volunteer Police Cadets",
        "colour": (80, 40, 120),
        "summary": "For young people aged 13 to 18: learn about policing, build confidence "
        "and serve your community.",
        "intro": "Volunteer Police Cadets are young people aged 13 to 18 who meet every week "
        "to learn about policing, gain skills and confidence, and volunteer in their "
        "communities. Cadets come from every background.",
        "key_figures": figures(
            ("13–18", "age range"),
            ("2 hours", "a week, in term time"),
            ("6", "cadet units across the force"),
            ("Free", "uniform and activities"),
        ),
        "eligibility": requirements(
            "You are aged 13 to 18.",
            "You live or go to school in the force area.",
            "Your parent or carer agrees to you joining.",
            "You can come to a weekly session in term time.",
        ),
        "what_you_will_do": "<ul><li>Learn how policing works, from crime scenes to "
        "first aid.</li><li>Help at community events, parades and crime prevention "
        "days.</li><li>Work towards awards such as the Duke of Edinburgh's Award.</li>"
        "<li>Make friends and build confidence as part of a team.</li></ul>",
        "time_commitment": "One evening session of about two hours a week during school "
        "terms, plus some weekend events if you want to take part.",
        "body": [
            accordion(
                "Questions from cadets and parents",
                [
                    (
                        "Does it cost anything?",
                        "No. Uniform, activities and trips are free.",
                    ),
                    (
                        "Do cadets go out on patrol?",
                        "No. Cadets help at planned events with their leaders and never "
                        "deal with incidents.",
                    ),
                    (
                        "Who runs the sessions?",
                        "Trained, vetted police officers, staff and volunteers who lead each "
                        "cadet unit.",
                    ),
                ],
            ),
        ],
        "call_to_action_heading": "Join the cadets",
        "call_to_action_text": "Find out how to join a cadet unit near you.",
        "call_to_action_link_text": "How to join",
        "news_topic": "cadets",
        "interest_page": (
            "join",
            "How to join the Volunteer Police Cadets",
            "Cadet units take new members at the start of each school term.",
            f"<p>Ask a parent or carer to call {tel(101)} and ask for the cadets coordinator, "
            "giving your name, age and school. We will tell you about the nearest unit and invite "
            "you both to an open evening.</p>",
        ),
    },
    {
        "slug": "mini-police",
        "scene": "school",
        "title": "Mini Police",
        "colour": (150, 60, 20),
        "summary": "A year of fun, hands-on policing for primary school pupils aged 9 to 11.",
        "intro": "Mini Police runs in primary schools over one academic year for pupils in "
        "Years 5 and 6, aged 9 to 11. Teachers lead it with our neighbourhood officers, and "
        "pupils take on projects that help their community.",
        "key_figures": figures(
            ("9–11", "ages, in Years 5 and 6"),
            ("1 year", "one academic year"),
            ("In school", "led by teachers and officers"),
            ("24", "schools taking part"),
        ),
        "eligibility": requirements(
            "Your school is a primary school in the force area.",
            "The pupils taking part are in Year 5 or Year 6, aged 9 to 11.",
            "A member of staff can lead the sessions with our officers.",
            "A parent or carer gives consent for each pupil.",
        ),
        "what_you_will_do": "<ul><li>Pupils meet their neighbourhood officers and learn "
        "what they do.</li><li>They help with road safety checks outside school and "
        "community clean-ups.</li><li>They plan a project of their own to make their area "
        "safer.</li><li>They finish the year with a passing-out celebration for "
        "families.</li></ul>",
        "time_commitment": "About one session every half term, in the school day, across "
        "one academic year, plus time for the pupils' own project.",
        "body": [
            accordion(
                "Questions from schools",
                [
                    (
                        "Is there a cost to the school?",
                        "No. We provide the materials and the pupils' Mini Police kit.",
                    ),
                    (
                        "How many pupils can take part?",
                        "Usually 10 to 20 pupils from Years 5 and 6, chosen by the school.",
                    ),
                    (
                        "When should we register?",
                        "Register in the summer term to take part in the next academic year.",
                    ),
                ],
            ),
        ],
        "call_to_action_heading": "Register your school",
        "call_to_action_text": "A teacher or head teacher can register the school for the "
        "next academic year.",
        "call_to_action_link_text": "Register your school",
        "news_topic": "mini-police",
    },
]

# The recruitment app creates these form pages below two programmes; link_programme_forms
# points each programme's call to action at its form once the form exists.
PROGRAMME_FORMS = [("special-constables", "apply"), ("mini-police", "register")]


def _link_call_to_action(programme, target):
    """Point a programme's call to action at target, unless an editor already chose one."""
    if programme.call_to_action_page_id is not None:
        return
    programme.call_to_action_page = target
    programme.save_revision().publish()


def load_programmes(home):
    """The 'Volunteer with us' section and its four programme pages, with all their content."""
    index = upsert_page(
        home,
        ProgrammeIndexPage,
        "volunteer",
        title="Volunteer with us",
        show_in_menus=True,
        intro="Our Citizens in Policing programmes welcome people of all ages and backgrounds. "
        "Find the one that fits the time you can give.",
    )
    for spec in PROGRAMMES:
        fields = {
            k: v for k, v in spec.items() if k not in {"slug", "colour", "scene", "interest_page"}
        }
        programme = upsert_page(
            index,
            ProgrammePage,
            spec["slug"],
            image=demo_image(spec["title"], colour=spec["colour"], scene=spec["scene"]),
            show_in_menus=True,
            **fields,
        )
        if "interest_page" in spec:
            slug, title, intro, text = spec["interest_page"]
            interest = upsert_page(
                programme, ContentPage, slug, title=title, intro=intro, body=[paragraph(text)]
            )
            _link_call_to_action(programme, interest)
    return index


def link_programme_forms(home):
    """Point the Special Constables and Mini Police calls to action at their form pages.

    Runs after the recruitment app's loader has created the forms; does nothing for a form
    that does not exist (yet) or a programme whose call to action an editor already set.
    """
    index = home.get_children().filter(slug="volunteer").first()
    if index is None:
        return
    for programme_slug, form_slug in PROGRAMME_FORMS:
        programme = ProgrammePage.objects.child_of(index).filter(slug=programme_slug).first()
        if programme is None:
            continue
        form_page = programme.get_children().filter(slug=form_slug).first()
        if form_page is not None:
            _link_call_to_action(programme, form_page)


def demo_user(username):
    """The demo user with this username (see DEMO_USERS), made without a password if missing.

    App loaders that run before the users get their passwords (the recruitment history's
    recruiter) call this; load_demo_users then sets the password and groups.
    """
    for name, first, last in DEMO_USERS:
        if name == username:
            user, created = get_user_model().objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@bluelamp.example",
                },
            )
            if created:
                user.set_unusable_password()
                user.save()
            return user
    return None


def load_demo_users(password):
    """One user per role, each signing in with password, in the role's groups."""
    for username, _first, _last in DEMO_USERS:
        role = ROLES[username]
        user = demo_user(username)
        user.is_staff = role.superuser
        user.is_superuser = role.superuser
        user.set_password(password)
        user.save()
        for name in role.groups:
            group, _ = Group.objects.get_or_create(name=name)
            user.groups.add(group)
