"""Demo content: both form pages under their programme pages, and a few dozen submissions.

Every person and school here is invented; emails use example.com and .invalid addresses.
Safe to run again: pages are left as they are and submissions are only added once.
"""

import datetime
import random
import uuid

from django.utils import timezone
from wagtail.log_actions import log

from cms.demo import demo_user, upsert_page
from cms.models import Area, ProgrammePage

from . import triage
from .enums import HeardAbout, MiniPoliceStatus, PreferredRole, SpecialStatus
from .models import (
    MiniPoliceFormPage,
    MiniPoliceRegistration,
    SpecialConstableApplication,
    SpecialConstableFormPage,
)
from .references import next_reference

FIRST_NAMES = [
    "Amira", "Ben", "Chloe", "Dev", "Ellie", "Femi", "Grace", "Harry", "Isla", "Jamal",
    "Kasia", "Liam", "Maya", "Noah", "Olu", "Priya", "Quinn", "Rosa", "Sami", "Tom",
    "Uma", "Viktor", "Wren", "Yusuf",
]  # fmt: skip
LAST_NAMES = [
    "Archer", "Bennett", "Chowdhury", "Doyle", "Evans", "Fraser", "Gill", "Hughes",
    "Ibrahim", "Jones", "Kowalski", "Lewis", "Morgan", "Nwosu", "Owen", "Patel",
]  # fmt: skip
STREETS = ["Station", "Mill", "Church", "Park"]
SCHOOLS = [
    ("Northvale Primary School", "Northvale"),
    ("St Aidan's C of E Primary", "Eastmoor"),
    ("Riverside Junior School", "Riverside"),
    ("Southdown Community Primary", "Southdown"),
    ("Millbrook Academy", "Northvale"),
    ("Hollybank Primary School", "Eastmoor"),
    ("Kingsmead Junior School", "Riverside"),
    ("Oakfield Primary School", "Southdown"),
    ("Brookside Primary Academy", "Northvale"),
    ("Fernhill Primary School", "Eastmoor"),
]
# How many demo submissions sit in each status; every status of the workflow gets at least
# one, so a status added to recruitment/workflows.py shows in the demo without a change here.
SPECIAL_COUNTS = {
    "new": 8,
    "in_review": 5,
    "assessment": 3,
    "vetting": 2,
    "training": 2,
    "rejected": 2,
}
MINI_COUNTS = {"new": 4, "contacted": 2, "scheduled": 2, "withdrawn": 0}


def demo_states(transitions, counts):
    """The statuses to give the demo submissions, in workflow order, read from its moves."""
    return [status for status in transitions for _ in range(counts.get(status, 1))]


def _p(text):
    return f"<p>{text}</p>"


def load_pages(home):
    """Create the two form pages under their programme pages; return (specials, mini police)."""
    privacy = home.get_children().filter(slug="privacy").first()
    specials_programme = ProgrammePage.objects.filter(slug="special-constables").first()
    mini_programme = ProgrammePage.objects.filter(slug="mini-police").first()
    specials_page = mini_page = None
    if specials_programme:
        specials_page = upsert_page(
            specials_programme,
            SpecialConstableFormPage,
            "apply",
            title="Apply to be a Special Constable",
            intro=_p(
                "It takes about 20 minutes. Your answers are saved as you go: you can leave "
                "and come back, on this device or from a link we email you."
            ),
            eligibility=(
                "<ul><li>You must be 18 or over on the day you apply.</li>"
                "<li>You must have lived in the UK for the last 3 years.</li>"
                "<li>You must have the right to live in the UK without restrictions.</li>"
                "<li>You must be able to give at least 16 hours a month.</li></ul>"
            ),
            privacy_notice_page=privacy,
            privacy_notice_version="2026-1",
            thank_you_text=_p(
                "Our recruitment team will look at your application within 10 working days. "
                "If it goes forward, we will invite you to an assessment day, then start "
                "vetting and medical checks. Training starts in spring and autumn."
            ),
            notify_email="specials-recruitment@bluelamp.example",
        )
    if mini_programme:
        mini_page = upsert_page(
            mini_programme,
            MiniPoliceFormPage,
            "register",
            title="Register your school for Mini Police",
            intro=_p(
                "Teachers and school staff: register your primary school's interest and our "
                "neighbourhood team will get in touch to plan a year of Mini Police."
            ),
            eligibility=_p(
                "State and independent primary schools in our force area, "
                "with pupils in Year 5 or Year 6."
            ),
            privacy_notice_page=privacy,
            privacy_notice_version="2026-1",
            thank_you_text=_p(
                "A neighbourhood officer will contact the school within 10 working days to "
                "talk about dates, numbers and what Mini Police involves."
            ),
            notify_email="mini-police@bluelamp.example",
        )
    return specials_page, mini_page


def path_to(transitions, start, target, detour=0):
    """The moves from start to target that the workflow allows: first `detour` steps along
    its main line (each status's first move), then the shortest way on."""
    path, current = [], start
    for _ in range(detour):
        moves = transitions.get(current, [])
        if not moves or current == target:
            break
        current = moves[0]
        path.append(current)
    routes, seen = [(current, path)], {current}
    while routes:
        status, route = routes.pop(0)
        if status == target:
            return route
        for following in transitions.get(status, []):
            if following not in seen:
                seen.add(following)
                routes.append((following, [*route, following]))
    raise ValueError(f"The workflow has no way from {start} to {target}.")


def _walk(submission, target, by, detour=0):
    for status in path_to(submission.transitions, submission.status, target, detour):
        # A decision needs a reason: the first on the managers' list for it.
        reason = (
            triage.reasons_for(submission, status).first()
            if triage.needs_reason(submission, status)
            else None
        )
        triage.move(submission, status, by=by, reason=reason)


def load_submissions(specials_page, mini_page):
    """A few dozen fictional submissions in every state, with notes and history."""
    if SpecialConstableApplication.objects.exists() or MiniPoliceRegistration.objects.exists():
        return
    rng = random.Random(2026)
    areas = list(Area.objects.filter(force_wide=False))
    recruiter = demo_user("recruiter")
    now = timezone.now()
    special_states = demo_states(SpecialConstableApplication.transitions, SPECIAL_COUNTS)
    for i, target in enumerate(special_states):
        first, last = FIRST_NAMES[i % len(FIRST_NAMES)], LAST_NAMES[(i * 7) % len(LAST_NAMES)]
        submitted = now - datetime.timedelta(days=rng.randint(0, 70), hours=rng.randint(0, 23))
        application = SpecialConstableApplication.objects.create(
            reference=next_reference("SC", submitted.year),
            idempotency_key=uuid.uuid4(),
            page=specials_page,
            area=rng.choice(areas) if areas else None,
            first_name=first,
            last_name=last,
            email=f"{first.lower()}.{last.lower()}@example.com"
            if i % 3
            else f"{first.lower()}@demo.invalid",
            phone=f"07700 900{100 + i:03d}",
            address_line_1=f"{rng.randint(1, 120)} {rng.choice(STREETS)} Road",
            town=rng.choice(["Northvale", "Eastmoor", "Riverside", "Southdown"]),
            postcode=f"NV{rng.randint(1, 9)} {rng.randint(1, 9)}AB",
            date_of_birth=datetime.date(
                1970 + rng.randint(0, 36), rng.randint(1, 12), rng.randint(1, 28)
            ),
            lived_in_uk_3_years=True,
            nationality=rng.choice(["British", "Irish", "British", "Polish"]),
            right_to_remain=True,
            hours_per_month=rng.choice([16, 16, 20, 24, 32]),
            preferred_role=rng.choice(PreferredRole.values),
            has_convictions=i % 9 == 0,
            conviction_details="Caution for a public order offence in 2012." if i % 9 == 0 else "",
            has_tattoos=i % 5 == 0,
            tattoo_description="Small anchor on the left forearm." if i % 5 == 0 else "",
            has_business_interests=i % 4 == 0,
            business_interest_details="Weekend barista." if i % 4 == 0 else "",
            heard_about=rng.choice(HeardAbout.values),
            submitted_at=submitted,
            status_changed_at=submitted,
            consent_notice_version="2026-1",
            consent_given_at=submitted,
        )
        log(application, "recruitment.submit", user=None)
        if target != SpecialStatus.NEW:
            if i % 2 == 0 and recruiter:
                triage.assign(application, recruiter, by=recruiter)
            # Some closed applications went part of the way before they closed.
            closed = not SpecialConstableApplication.transitions.get(target)
            _walk(application, target, recruiter, detour=i % 3 if closed else 0)
        if i % 6 == 1 and recruiter:
            triage.add_note(
                application,
                "Called to check availability for the next assessment day.",
                by=recruiter,
            )
    mini_states = demo_states(MiniPoliceRegistration.transitions, MINI_COUNTS)
    for i, target in enumerate(mini_states):
        name, area_name = SCHOOLS[i % len(SCHOOLS)]
        submitted = now - datetime.timedelta(days=rng.randint(0, 60), hours=rng.randint(0, 23))
        registration = MiniPoliceRegistration.objects.create(
            reference=next_reference("MP", submitted.year),
            idempotency_key=uuid.uuid4(),
            page=mini_page,
            area=Area.objects.filter(name=area_name).first(),
            school_name=name,
            urn=f"{910000 + i * 37:06d}",
            address_line_1=f"{rng.randint(1, 60)} School Lane",
            town=area_name,
            postcode=f"EM{rng.randint(1, 9)} {rng.randint(1, 9)}CD",
            contact_name=f"{FIRST_NAMES[(i + 5) % 24]} {LAST_NAMES[i % 16]}",
            contact_role=rng.choice(["Headteacher", "Year 6 teacher", "Deputy head"]),
            email=f"office@school{i + 1}.example.com",
            phone=f"01632 960{100 + i:03d}",
            year_groups=["year_5", "year_6"] if i % 2 else ["year_6"],
            number_of_pupils=rng.choice([24, 28, 30, 56, 60]),
            preferred_start="2026/27",
            submitted_at=submitted,
            status_changed_at=submitted,
            consent_notice_version="2026-1",
            consent_given_at=submitted,
        )
        if target != MiniPoliceStatus.NEW:
            if recruiter:
                triage.assign(registration, recruiter, by=recruiter)
            _walk(registration, target, recruiter)
    # One school registering twice in the same academic year, flagged (both) for the team.
    first = MiniPoliceRegistration.objects.order_by("pk").first()
    if first:
        first.possible_duplicate = True
        first.save(update_fields=["possible_duplicate"])
        MiniPoliceRegistration.objects.create(
            reference=next_reference("MP", now.year),
            idempotency_key=uuid.uuid4(),
            page=mini_page,
            area=first.area,
            school_name=first.school_name,
            urn=first.urn,
            address_line_1=first.address_line_1,
            town=first.town,
            postcode=first.postcode,
            contact_name="Jo Office-Manager",
            contact_role="Office manager",
            email="office.manager@school1.example.com",
            phone="01632 960999",
            year_groups=["year_5"],
            number_of_pupils=28,
            preferred_start=first.preferred_start,
            consent_notice_version="2026-1",
            consent_given_at=now,
            possible_duplicate=True,
        )


def load(home):
    """Demo loader entry point (see APP_LOADERS)."""
    specials_page, mini_page = load_pages(home)
    load_submissions(specials_page, mini_page)
