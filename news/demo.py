"""Demo news for the fictional Blue Lamp Constabulary: the news index and 14 articles.

Creates what is missing and leaves existing pages alone, like every demo loader.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from cms.demo import demo_image, heading, paragraph, upsert_page
from cms.models import Area

from .appeals import resolve_appeal
from .enums import AppealOutcome, AppealType
from .models import AppealImage, AppealPage, NewsArticlePage, NewsIndexPage
from .workflows import assign_comms_workflow

LONDON = ZoneInfo("Europe/London")

# slug, title, (year, month, day, hour, minute), area slug, topics, summary, paragraphs, colour
ARTICLES = [
    (
        "cadets-lead-remembrance-parade",
        "Cadets lead Eastmoor's Remembrance parade",
        (2026, 11, 9, 14, 30),
        "eastmoor",
        ["Cadets", "Community"],
        "Thirty Volunteer Police Cadets marched at the head of Eastmoor's Remembrance Sunday "
        "parade and laid a wreath on behalf of the force.",
        [
            "Eastmoor's Volunteer Police Cadets were given the honour of leading the town's "
            "Remembrance Sunday parade this year, the first time cadets have done so.",
            "The cadets, aged 13 to 18, practised their drill every Wednesday evening for "
            "six weeks. Cadet Leader Priya Marsh laid the wreath at the war memorial.",
        ],
        (30, 70, 120),
    ),
    (
        "dark-nights-burglary-advice",
        "Dark nights: simple steps to keep burglars out",
        (2026, 10, 27, 9, 15),
        "force-wide",
        ["Crime prevention"],
        "As the clocks go back, our crime prevention officers share five simple habits that "
        "make a home much less attractive to burglars.",
        [
            "Most burglaries in the autumn happen between 4pm and 8pm, when houses are dark "
            "and empty. Timer switches on a lamp and a radio cost very little.",
            "Lock doors and windows even when you are at home, keep keys away from the letterbox, "
            "and mark valuables with your postcode.",
        ],
        (40, 40, 90),
    ),
    (
        "riverside-speed-watch-volunteers",
        "Riverside Community Speedwatch looks for volunteers",
        (2026, 10, 14, 11, 0),
        "riverside",
        ["Road safety", "Volunteering"],
        "Residents of Riverside villages can join Community Speedwatch and help cut speeding "
        "on rural roads, with training and equipment provided.",
        [
            "Community Speedwatch volunteers use a speed detection device at agreed, safe spots. "
            "Drivers over the limit receive a letter from the force.",
            "Repeat offenders are visited by the Riverside neighbourhood team. Sessions last an "
            "hour and volunteers choose when they take part.",
        ],
        (0, 90, 80),
    ),
    (
        "specials-recruitment-open-evening",
        "Special Constables open evening at headquarters",
        (2026, 9, 30, 16, 1),
        "force-wide",
        ["Special Constables", "Volunteering"],
        "Come and meet serving Special Constables, try the fitness test and ask about the "
        "16 hours a month they give to their communities.",
        [
            "Our next open evening for people thinking about becoming a Special Constable is on "
            "a Thursday at headquarters, from 6pm to 8:30pm.",
            "You will hear from Specials who combine policing with jobs, studies and caring, and "
            "from the training team about the 23 weekends of initial training.",
        ],
        (11, 59, 117),
    ),
    (
        "northvale-mini-police-graduation",
        "Northvale's first Mini Police graduate",
        (2026, 7, 17, 13, 45),
        "northvale",
        ["Mini Police", "Community"],
        "Pupils from three Northvale primary schools celebrated the end of their year as "
        "Mini Police with a ceremony at the town hall.",
        [
            "Over the school year, 45 pupils in Years 5 and 6 learned about road safety, "
            "online safety and how the police help their community.",
            "They ran a litter pick, designed posters about parking outside school gates and "
            "met the force's dog and horse sections.",
        ],
        (150, 60, 20),
    ),
    (
        "summer-water-safety",
        "Stay safe near rivers and reservoirs this summer",
        (2026, 7, 3, 10, 20),
        "force-wide",
        ["Water safety"],
        "Cold water shock can overwhelm strong swimmers. Officers and the fire service "
        "ask everyone to enjoy the water safely this summer.",
        [
            "Even on the hottest days, the water in our reservoirs stays cold enough to cause "
            "cold water shock within a minute.",
            "If you fall in, float on your back until you can control your breathing. If you see "
            "someone in trouble, call 999 and ask for the fire service.",
        ],
        (0, 80, 140),
    ),
    (
        "southdown-festival-policing",
        "Policing plan for the Southdown summer festival",
        (2026, 6, 24, 15, 5),
        "southdown",
        ["Events", "Road safety"],
        "Road closures, a lost children point and extra patrols: how we will help the "
        "Southdown summer festival run safely this weekend.",
        [
            "Officers, Special Constables and Police Support Volunteers will be on duty across "
            "the festival site and in the town centre all weekend.",
            "The High Street will close to traffic from 8am on Saturday. Look for the blue "
            "gazebo by the main gate if you need help or lose someone.",
        ],
        (100, 30, 90),
    ),
    (
        "volunteers-week-thank-you",
        "Volunteers' Week: thank you to our 300 volunteers",
        (2026, 6, 1, 16, 1),
        "force-wide",
        ["Volunteering", "Special Constables", "Cadets"],
        "The Chief Constable thanks the Special Constables, Police Support Volunteers and "
        "Cadets who gave more than 40,000 hours last year.",
        [
            "Volunteers' Week is our chance to thank the people who give their free time to "
            "policing, many of them on top of busy jobs and family life.",
            "Our Special Constables gave more than 30,000 hours on patrol last year, and Police "
            "Support Volunteers helped in training, at events and in our front offices.",
        ],
        (11, 59, 117),
    ),
    (
        "eastmoor-drugs-warrant",
        "Drugs and cash seized in Eastmoor warrant",
        (2026, 5, 19, 8, 40),
        "eastmoor",
        ["Drugs"],
        "Officers acting on information from residents seized cannabis plants and cash "
        "during a warrant at an address in Eastmoor.",
        [
            "The warrant was carried out early on Tuesday morning by the Eastmoor "
            "neighbourhood team with support from Special Constables.",
            "Information from the community is vital. You can tell us what you know by calling "
            "101, or anonymously through Crimestoppers.",
        ],
        (60, 60, 60),
    ),
    (
        "riverside-new-neighbourhood-sergeant",
        "Meet Riverside's new neighbourhood sergeant",
        (2026, 5, 6, 12, 0),
        "riverside",
        ["Community"],
        "Sergeant Tom Okafor has joined the Riverside neighbourhood team and invites "
        "residents to his first drop-in surgery at the library.",
        [
            "Sergeant Okafor has served in the force for eleven years, most recently in "
            "response policing in Southdown.",
            "His priorities are anti-social behaviour near the riverside park and thefts from "
            "sheds and garages in the villages.",
        ],
        (0, 94, 87),
    ),
    (
        "cadets-new-unit-southdown",
        "New Volunteer Police Cadet unit opens in Southdown",
        (2026, 4, 21, 18, 30),
        "southdown",
        ["Cadets", "Volunteering"],
        "Young people aged 13 to 18 in Southdown can now join a cadet unit that meets "
        "weekly at the community college.",
        [
            "The new unit has places for 30 cadets and welcomes young people from every "
            "background, including those who have been in trouble themselves.",
            "Cadets learn about policing, volunteer at community events and take part in "
            "team-building weekends.",
        ],
        (80, 40, 120),
    ),
    (
        "scam-phone-calls-warning",
        "Warning about callers pretending to be police officers",
        (2026, 3, 12, 9, 5),
        "force-wide",
        ["Fraud", "Crime prevention"],
        "We will never ask you to move money, hand over bank cards or buy gold. Hang up "
        "and call 101 from a different phone.",
        [
            "Several older residents have received calls from people claiming to be detectives "
            "investigating fraud at their bank.",
            "If you get such a call, hang up, wait five minutes or use another phone, and call "
            "101 to report it.",
        ],
        (120, 20, 30),
    ),
    (
        "northvale-cycle-marking",
        "Free bike marking at Northvale railway station",
        (2026, 2, 26, 7, 50),
        "northvale",
        ["Crime prevention", "Cycling"],
        "Bring your bike to Northvale station for free security marking and registration, "
        "which helps us return stolen bikes to their owners.",
        [
            "Police Support Volunteers will mark and register bikes on the station forecourt "
            "on Saturday between 10am and 2pm.",
            "Registered bikes are harder to sell on, and easier for officers to return when "
            "they are found.",
        ],
        (20, 100, 60),
    ),
    (
        "road-safety-week-results",
        "Road safety week: 212 drivers stopped",
        (2026, 1, 30, 17, 10),
        "force-wide",
        ["Road safety"],
        "A week of checks across the force found drivers using phones, not wearing "
        "seatbelts and driving without insurance.",
        [
            "Officers and Special Constables from the Roads Policing Unit carried out checks "
            "in every policing area during the week.",
            "Fourteen vehicles were seized for having no insurance, and 38 drivers were "
            "reported for using a mobile phone at the wheel.",
        ],
        (150, 110, 20),
    ),
]


def _body(paragraphs, image, related_page):
    blocks = [paragraph(f"<p>{text}</p>") for text in paragraphs]
    blocks.insert(1, heading("What happens next"))
    blocks.append(
        (
            "image",
            {"image": image, "alt_text": "", "caption": "Picture: Blue Lamp Constabulary"},
        )
    )
    blocks.append(
        (
            "quote",
            {
                "text": "Every one of these stories starts with people who care about where "
                "they live.",
                "attribution": "Chief Superintendent Alex Reed",
            },
        )
    )
    if related_page is not None:
        blocks.append(
            (
                "related_links",
                {
                    "heading": "Related links",
                    "links": [{"page": related_page, "url": "", "text": related_page.title}],
                },
            )
        )
    return blocks


def load(home):
    """The news index at /news/ (with the Comms approval workflow) and the demo articles."""
    index = upsert_page(
        home,
        NewsIndexPage,
        "news",
        title="News",
        show_in_menus=True,
        intro="News, appeals and advice from across Blue Lamp Constabulary.",
    )
    assign_comms_workflow(index)
    areas = {area.slug: area for area in Area.objects.all()}
    volunteer = home.get_children().filter(slug="volunteer").first()
    existing = set(index.get_children().values_list("slug", flat=True))
    for slug, title, when, area_slug, topics, summary, paragraphs, colour in ARTICLES:
        if slug in existing:
            continue
        image = demo_image(f"News: {title}", colour=colour)
        published_at = datetime(*when, tzinfo=LONDON)
        article = NewsArticlePage(
            slug=slug,
            title=title,
            published_at=published_at,
            first_published_at=published_at,
            area=areas[area_slug],
            summary=summary,
            hero_image=image,
            hero_image_alt=f"Illustration for the article ‘{title}’",
            body=_body(
                paragraphs,
                demo_image(f"News detail: {title}", colour=colour[::-1], size=(1200, 800)),
                volunteer,
            ),
        )
        article.topics.add(*topics)
        index.add_child(instance=article)
        article.save_revision().publish()
    return index


# slug, title, when, area, type, reference, review by, summary, paragraphs, person image?,
# outcome (None while open)
APPEALS = [
    (
        "witnesses-sought-eastmoor-road-collision",
        "Witnesses sought after a collision on Moor Lane, Eastmoor",
        (2026, 10, 30, 8, 40),
        "eastmoor",
        AppealType.WITNESS,
        "26-000481",
        date(2026, 11, 27),
        "A cyclist was seriously hurt in a collision with a van on Moor Lane at about 5.30pm "
        "on Thursday 29 October. We would like to hear from anyone who saw it.",
        [
            "The cyclist, a man in his 40s, was taken to hospital, where he remains in a "
            "serious but stable condition. The van driver stopped at the scene.",
            "We are particularly keen to see dashcam footage from drivers who were on Moor "
            "Lane or Station Road between 5.15pm and 5.45pm.",
        ],
        False,
        None,
    ),
    (
        "missing-northvale-teenager-sam",
        "Have you seen Sam, 15, missing from Northvale?",
        (2026, 11, 29, 19, 5),
        "northvale",
        AppealType.MISSING,
        "26-000517",
        None,
        "Sam was last seen at Northvale bus station at about 3pm on Sunday 29 November. We "
        "and Sam's family are worried and want to make sure Sam is safe.",
        [
            "Sam is described as white, about 5ft 6in tall, with short brown hair. Sam was "
            "wearing a dark green hooded coat, black jeans and white trainers.",
            "Sam, if you see this, you are not in any trouble. Please call 116 000 for free, "
            "day or night, or let someone know you are safe.",
        ],
        True,
        None,
    ),
    (
        "missing-riverside-man-jon",
        "Appeal to find Jon, 72, missing from Riverside",
        (2026, 11, 18, 10, 30),
        "riverside",
        AppealType.MISSING,
        "26-000466",
        None,
        "Jon left his home in Riverside on Tuesday morning and has not been seen since. He "
        "may be confused and not know where he is.",
        [
            "Jon is about 5ft 9in tall, of slim build, with grey hair. He was wearing a beige "
            "raincoat and a flat cap.",
        ],
        True,
        AppealOutcome.FOUND_SAFE,
    ),
]


def load_appeals(home):
    """Three demo appeals: an open witness appeal, an open missing-person appeal with a
    photo, and a missing-person appeal resolved as found safe (its photo deleted)."""
    index = home.get_children().filter(slug="news").first()
    if index is None:
        return
    areas = {area.slug: area for area in Area.objects.all()}
    existing = set(index.get_children().values_list("slug", flat=True))
    for (
        slug,
        title,
        when,
        area_slug,
        appeal_type,
        reference,
        review_by,
        summary,
        paragraphs,
        with_image,
        outcome,
    ) in APPEALS:
        if slug in existing:
            continue
        published_at = datetime(*when, tzinfo=LONDON)
        appeal = AppealPage(
            slug=slug,
            title=title,
            published_at=published_at,
            first_published_at=published_at,
            area=areas[area_slug],
            appeal_type=appeal_type,
            reference=reference,
            summary=summary,
            body=[paragraph(f"<p>{text}</p>") for text in paragraphs],
        )
        if review_by is not None:
            appeal.review_by = review_by
        if with_image:
            appeal.appeal_images = [
                AppealImage(
                    image=demo_image(f"Appeal: {title}", colour=(90, 80, 70), size=(900, 1200)),
                    alt_text="Photograph of the person we are looking for",
                    caption="Picture released with the family's agreement",
                    reason_for_release="Vulnerable missing person; the family agreed and an "
                    "image is the quickest way for the public to recognise them.",
                    authorised_by="Inspector Dana Okafor, duty inspector",
                )
            ]
        index.add_child(instance=appeal)
        appeal.save_revision().publish()
        if outcome is not None:
            resolve_appeal(appeal, outcome=outcome)
