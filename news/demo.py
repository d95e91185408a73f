"""Demo news for the fictional Blue Lamp Constabulary: the news index and 14 articles.

Creates what is missing and leaves existing pages alone, like every demo loader.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from cms.demo import demo_image, heading, paragraph, tel, upsert_page
from cms.models import Area

from .appeals import resolve_appeal
from .enums import AppealOutcome, AppealType
from .models import AppealImage, AppealPage, NewsArticlePage, NewsIndexPage
from .workflows import assign_comms_workflow

LONDON = ZoneInfo("Europe/London")

# What each drawn scene shows, for the hero image's alt text.
HERO_ALT = {
    "skyline": "Drawing of a town's rooftops and lit windows.",
    "road": "Drawing of a road running between fields towards hills.",
    "park": "Drawing of a park with trees, a path and a bench.",
    "station": "Drawing of a train standing at a station platform.",
    "patrol": "Drawing of a police patrol car in a town street.",
    "river": "Drawing of a river flowing under a stone bridge.",
    "school": "Drawing of a brick school building with its playground.",
    "festival": "Drawing of festival tents under strings of bunting.",
    "headquarters": "Drawing of a police station with a blue lamp over the door.",
}


def p(*sentences):
    """One paragraph of rich text from its sentences."""
    return paragraph("<p>" + " ".join(sentences) + "</p>")


def bullets(*items):
    return paragraph("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def quote(text, attribution):
    return ("quote", {"text": text, "attribution": attribution})


def picture(key, scene, alt, caption):
    """A body image, drawn when the article is created; `key` names it in the library."""
    return ("picture", key, scene, alt, caption)


TEL_101, TEL_999 = tel(101), tel(999)

# Each article: where it sits, how it is illustrated (a drawn scene and its tint), and a
# body written for its own story.
ARTICLES = [
    {
        "slug": "cadets-lead-remembrance-parade",
        "title": "Cadets lead Eastmoor's Remembrance parade",
        "when": (2026, 11, 9, 14, 30),
        "area": "eastmoor",
        "topics": ["Cadets", "Community"],
        "summary": "Thirty Volunteer Police Cadets marched at the head of Eastmoor's "
        "Remembrance Sunday parade and laid a wreath on behalf of the force.",
        "scene": "skyline",
        "colour": (30, 70, 120),
        "body": [
            p(
                "For the first time, Eastmoor's Volunteer Police Cadets led the town's "
                "Remembrance Sunday parade, from the market cross to the war memorial on "
                "Chapel Street."
            ),
            p(
                "The thirty cadets, aged 13 to 18, practised their drill every Wednesday "
                "evening for six weeks with their unit leaders. Cadet Leader Priya Marsh, "
                "who is 17, laid a wreath on behalf of the force during the two minutes' "
                "silence."
            ),
            quote(
                "My great-grandad served in the war. Standing there with the whole town behind "
                "us is something I will not forget.",
                "Cadet Leader Priya Marsh",
            ),
            heading("Joining the cadets"),
            p(
                "The Eastmoor unit meets on Wednesday evenings in term time at the community "
                "centre and has places for new cadets in January. Young people from every "
                "background are welcome."
            ),
        ],
        "related": True,
    },
    {
        "slug": "dark-nights-burglary-advice",
        "title": "Dark nights: simple steps to keep burglars out",
        "when": (2026, 10, 27, 9, 15),
        "area": "force-wide",
        "topics": ["Crime prevention"],
        "summary": "As the clocks go back, our crime prevention officers share five simple "
        "habits that make a home much less attractive to burglars.",
        "scene": "skyline",
        "colour": (40, 40, 90),
        "body": [
            p(
                "Burglaries rise in the weeks after the clocks go back. Most happen between "
                "4pm and 8pm, when a dark, empty house tells a burglar that nobody is home."
            ),
            heading("Five habits that help"),
            bullets(
                "Put a lamp and a radio on a timer switch when you go out.",
                "Lock doors and windows, even when you are in the house or garden.",
                "Keep keys, including car keys, out of sight and away from the letterbox.",
                "Fit a light with a sensor by the back door and the side gate.",
                "Mark bikes, tools and electronics with your postcode, and photograph jewellery.",
            ),
            heading("If you are burgled"),
            p(
                f"If you think someone is still inside, leave, and call {TEL_999}. Otherwise "
                f"call {TEL_101} or report online, and try not to touch anything until an "
                "officer has been: what the burglar left behind can help us find them."
            ),
        ],
    },
    {
        "slug": "riverside-speed-watch-volunteers",
        "title": "Riverside Community Speedwatch looks for volunteers",
        "when": (2026, 10, 14, 11, 0),
        "area": "riverside",
        "topics": ["Road safety", "Volunteering"],
        "summary": "Residents of Riverside villages can join Community Speedwatch and help "
        "cut speeding on rural roads, with training and equipment provided.",
        "scene": "road",
        "colour": (0, 90, 80),
        "body": [
            p(
                "Speeding is the concern residents raise most often at Riverside's village "
                "meetings. Community Speedwatch lets them do something about it, alongside "
                "their neighbourhood team."
            ),
            heading("How a session works"),
            p(
                "Volunteers work in groups of three at spots the team has checked for safety, "
                "wearing high-visibility jackets. One reads the speed detection device, one "
                "notes the registration and one records the time. A session lasts an hour."
            ),
            p(
                "Drivers over the limit get a letter from the force. Those caught more than "
                "once are visited by an officer, and the roads with the most speeding are "
                "passed to the Roads Policing Unit for enforcement."
            ),
            picture(
                "Speedwatch lane",
                "road",
                "A country road lined with street lamps.",
                "Volunteers choose the sessions they take part in.",
            ),
            p(
                "Training takes one evening and all the equipment is provided. To join, "
                "register your interest as a Police Support Volunteer and choose Community "
                "Speedwatch."
            ),
        ],
        "related": True,
    },
    {
        "slug": "specials-recruitment-open-evening",
        "title": "Special Constables open evening at headquarters",
        "when": (2026, 9, 30, 16, 1),
        "area": "force-wide",
        "topics": ["Special Constables", "Volunteering"],
        "summary": "Come and meet serving Special Constables, try the fitness test and ask "
        "about the 16 hours a month they give to their communities.",
        "scene": "headquarters",
        "colour": (11, 59, 117),
        "body": [
            p(
                "Thinking about becoming a Special Constable? Our next open evening is on "
                "Thursday 15 October at headquarters, from 6pm to 8.30pm. You do not need to "
                "book."
            ),
            heading("What happens on the evening"),
            bullets(
                "Serving Specials talk about fitting policing around jobs, studies and families.",
                "The training team explains the 23 weekends of initial training.",
                "You can try the bleep test in the gym, if you want to.",
                "Recruitment staff answer questions about vetting, eyesight and medicals.",
            ),
            quote(
                "I was nervous walking in. By the end of the evening I knew exactly what I was "
                "signing up for, and I applied the next day.",
                "Special Constable Dan Whitley, Northvale",
            ),
            p(
                "Parking is free at the rear of the building. If you cannot come, you can "
                "apply online at any time."
            ),
        ],
        "related": True,
    },
    {
        "slug": "northvale-mini-police-graduation",
        "title": "Northvale's first Mini Police graduate",
        "when": (2026, 7, 17, 13, 45),
        "area": "northvale",
        "topics": ["Mini Police", "Community"],
        "summary": "Pupils from three Northvale primary schools celebrated the end of their "
        "year as Mini Police with a ceremony at the town hall.",
        "scene": "school",
        "colour": (150, 60, 20),
        "body": [
            p(
                "Forty-five pupils from St Anne's, Brookfield and Northvale Park primary "
                "schools received their Mini Police certificates at the town hall, watched by "
                "their families and teachers."
            ),
            heading("A year of projects"),
            p(
                "Over the school year the pupils, in Years 5 and 6, learned about road and "
                "online safety and met the force's dog and horse sections. Each school then "
                "chose a project of its own."
            ),
            bullets(
                "St Anne's designed posters asking drivers not to park on the zig-zag lines.",
                "Brookfield ran a litter pick along the canal path with local residents.",
                "Northvale Park wrote a guide to staying safe online for younger pupils.",
            ),
            quote(
                "They asked sharper questions than some adults I meet. The parking posters are "
                "still up outside the school gates.",
                "PC Sam Hollis, Northvale neighbourhood team",
            ),
            p("Schools can register now to take part in Mini Police next academic year."),
        ],
        "related": True,
    },
    {
        "slug": "summer-water-safety",
        "title": "Stay safe near rivers and reservoirs this summer",
        "when": (2026, 7, 3, 10, 20),
        "area": "force-wide",
        "topics": ["Water safety"],
        "summary": "Cold water shock can overwhelm strong swimmers. Officers and the fire "
        "service ask everyone to enjoy the water safely this summer.",
        "scene": "river",
        "colour": (0, 80, 140),
        "body": [
            p(
                "Even on the hottest days the water in our rivers and reservoirs stays cold "
                "enough to cause cold water shock: a gasp, then fast breathing that makes it "
                "hard to swim, even for strong swimmers."
            ),
            heading("If you fall in: float to live"),
            p(
                "Lean back, spread your arms and legs, and float until you can control your "
                "breathing. Then call for help or swim to safety."
            ),
            heading("If you see someone in trouble"),
            p(
                f"Call {TEL_999} and ask for the fire service. Tell them to float, and throw "
                "them something that floats. Do not go into the water yourself."
            ),
            picture(
                "Reservoir bank",
                "river",
                "A river running under a stone bridge, with houses beyond.",
                "Deep water can be just a step from the bank.",
            ),
            p(
                "Officers will patrol the reservoirs at weekends through the summer with the "
                "fire service's water safety team."
            ),
        ],
    },
    {
        "slug": "southdown-festival-policing",
        "title": "Policing plan for the Southdown summer festival",
        "when": (2026, 6, 24, 15, 5),
        "area": "southdown",
        "topics": ["Events", "Road safety"],
        "summary": "Road closures, a lost children point and extra patrols: how we will help "
        "the Southdown summer festival run safely this weekend.",
        "scene": "festival",
        "colour": (100, 30, 90),
        "body": [
            p(
                "About 20,000 people are expected at the Southdown summer festival on Saturday "
                "and Sunday. Officers, Special Constables and Police Support Volunteers will be "
                "on duty on the festival field and in the town centre all weekend."
            ),
            heading("Roads and parking"),
            bullets(
                "The High Street closes to traffic from 8am on Saturday until 11pm on Sunday.",
                "Park and ride runs from the leisure centre every 15 minutes.",
                "Please do not park on verges or across driveways in Mill Lane.",
            ),
            heading("If you need help"),
            p(
                "Look for the blue gazebo by the main gate. It is also the lost children "
                "point: agree with your children that this is where to go if you are "
                "separated."
            ),
            quote(
                "We want everyone to have a good time. Look after your friends, and talk to "
                "any of us if something does not feel right.",
                "Inspector Ruth Adeyemi, Southdown",
            ),
        ],
        "related": True,
    },
    {
        "slug": "volunteers-week-thank-you",
        "title": "Volunteers' Week: thank you to our 300 volunteers",
        "when": (2026, 6, 1, 16, 1),
        "area": "force-wide",
        "topics": ["Volunteering", "Special Constables", "Cadets"],
        "summary": "The Chief Constable thanks the Special Constables, Police Support "
        "Volunteers and Cadets who gave more than 40,000 hours last year.",
        "scene": "patrol",
        "colour": (11, 59, 117),
        "body": [
            p(
                "Volunteers' Week is our chance to thank the people who give their own time "
                "to keep their communities safe, many of them on top of busy jobs and family "
                "life."
            ),
            heading("A year in numbers"),
            bullets(
                "Special Constables gave more than 30,000 hours on patrol.",
                "Police Support Volunteers gave 8,000 hours, from role play in training to "
                "front counter duty.",
                "Cadets gave 2,500 hours at community events.",
            ),
            quote(
                "Our volunteers choose to spend their evenings and weekends with us. Every "
                "one of those hours is a gift to the people we serve, and I am grateful for "
                "each of them.",
                "Chief Constable Helen Carver",
            ),
            p(
                "If you have thought about volunteering, there is a role for every amount of "
                "time you can give."
            ),
        ],
        "related": True,
    },
    {
        "slug": "eastmoor-drugs-warrant",
        "title": "Drugs and cash seized in Eastmoor warrant",
        "when": (2026, 5, 19, 8, 40),
        "area": "eastmoor",
        "topics": ["Drugs"],
        "summary": "Officers acting on information from residents seized cannabis plants and "
        "cash during a warrant at an address in Eastmoor.",
        "scene": "skyline",
        "colour": (60, 60, 60),
        "body": [
            p(
                "The Eastmoor neighbourhood team, supported by Special Constables, carried out "
                "a drugs warrant at an address on Foundry Road at 6am on Tuesday."
            ),
            p(
                "Officers found 42 cannabis plants growing in two upstairs rooms, with "
                "lighting and ventilation equipment, and seized about £3,500 in cash."
            ),
            p(
                "A 34-year-old man was arrested on suspicion of producing a controlled drug "
                "and abstracting electricity. He has been released on bail while enquiries "
                "continue."
            ),
            heading("Tell us what you see"),
            p(
                "This warrant followed reports from people living nearby about a strong "
                "smell and visitors at all hours. Signs of a cannabis farm include windows "
                "covered day and night and constant humming from fans."
            ),
            p(
                f"Call {TEL_101}, report online, or tell Crimestoppers anonymously on "
                '<a href="tel:08005551111">0800 555 111</a>.'
            ),
        ],
    },
    {
        "slug": "riverside-new-neighbourhood-sergeant",
        "title": "Meet Riverside's new neighbourhood sergeant",
        "when": (2026, 5, 6, 12, 0),
        "area": "riverside",
        "topics": ["Community"],
        "summary": "Sergeant Tom Okafor has joined the Riverside neighbourhood team and "
        "invites residents to his first drop-in surgery at the library.",
        "scene": "park",
        "colour": (0, 94, 87),
        "body": [
            p(
                "Sergeant Tom Okafor has joined the Riverside neighbourhood team after eleven "
                "years with the force, most recently in response policing in Southdown."
            ),
            heading("His priorities"),
            bullets(
                "Anti-social behaviour in and around Riverside Park in the evenings.",
                "Thefts from sheds and garages in the villages.",
                "Speeding through Lower Marsh and Kingsford.",
            ),
            quote(
                "Residents know their streets better than anyone. I want to hear what worries "
                "you, and I will tell you what we are doing about it.",
                "Sergeant Tom Okafor",
            ),
            heading("Drop-in surgery"),
            p(
                "Sergeant Okafor will be at Riverside Library on Saturday 16 May from 10am to "
                "midday. There is no need to book."
            ),
        ],
    },
    {
        "slug": "cadets-new-unit-southdown",
        "title": "New Volunteer Police Cadet unit opens in Southdown",
        "when": (2026, 4, 21, 18, 30),
        "area": "southdown",
        "topics": ["Cadets", "Volunteering"],
        "summary": "Young people aged 13 to 18 in Southdown can now join a cadet unit that "
        "meets weekly at the community college.",
        "scene": "school",
        "colour": (80, 40, 120),
        "body": [
            p(
                "Southdown has its own Volunteer Police Cadet unit for the first time. It "
                "meets on Tuesday evenings at Southdown Community College and has 30 places."
            ),
            p(
                "Cadets learn how policing works, from first aid to crime scenes, and help at "
                "community events. They can work towards their Duke of Edinburgh's Award."
            ),
            heading("Open to everyone"),
            p(
                "The unit welcomes young people from every background, including those who "
                "have been in trouble themselves. Uniform and activities are free."
            ),
            quote(
                "Some of our best cadets came to us because a teacher thought it might help. "
                "It changes how young people and officers see each other.",
                "PC Leah Grant, cadet unit leader",
            ),
        ],
        "related": True,
    },
    {
        "slug": "scam-phone-calls-warning",
        "title": "Warning about callers pretending to be police officers",
        "when": (2026, 3, 12, 9, 5),
        "area": "force-wide",
        "topics": ["Fraud", "Crime prevention"],
        "summary": "We will never ask you to move money, hand over bank cards or buy gold. "
        "Hang up and call 101 from a different phone.",
        "scene": "headquarters",
        "colour": (120, 20, 30),
        "body": [
            p(
                "Several older residents have had calls this month from people claiming to be "
                "detectives investigating fraud at their bank. The callers asked them to "
                "withdraw cash or hand their bank card to a courier \u201cas evidence\u201d."
            ),
            heading("The police will never"),
            bullets(
                "ask you to withdraw or transfer money;",
                "send a courier to collect cash, cards or valuables;",
                "ask for your PIN or online banking password;",
                "ask you to buy gold, gift cards or anything else.",
            ),
            heading("If you get a call like this"),
            p(
                "Hang up. Wait five minutes, or use a different phone, because fraudsters can "
                f"keep the line open. Then call {TEL_101} to report it."
            ),
            p(
                "Please share this with older relatives and neighbours: people who know about "
                "this scam are far less likely to fall for it."
            ),
        ],
    },
    {
        "slug": "northvale-cycle-marking",
        "title": "Free bike marking at Northvale railway station",
        "when": (2026, 2, 26, 7, 50),
        "area": "northvale",
        "topics": ["Crime prevention", "Cycling"],
        "summary": "Bring your bike to Northvale station for free security marking and "
        "registration, which helps us return stolen bikes to their owners.",
        "scene": "station",
        "colour": (20, 100, 60),
        "body": [
            p(
                "Police Support Volunteers will mark and register bikes on the forecourt of "
                "Northvale railway station on Saturday 7 March, from 10am to 2pm."
            ),
            p(
                "Each bike gets a unique mark on its frame and is added to a national "
                "register. Marked bikes are harder to sell on, and when officers find one "
                "they can return it to its owner."
            ),
            heading("What to bring"),
            bullets(
                "Your bike, and proof that it is yours if you have it.",
                "Photo ID.",
                "Ten minutes: that is all it takes.",
            ),
            p(
                "More than 60 bikes were stolen from the station last year. Use a D-lock "
                "through the frame and the stand, and lock the front wheel too."
            ),
        ],
        "related": True,
    },
    {
        "slug": "road-safety-week-results",
        "title": "Road safety week: 212 drivers stopped",
        "when": (2026, 1, 30, 17, 10),
        "area": "force-wide",
        "topics": ["Road safety"],
        "summary": "A week of checks across the force found drivers using phones, not "
        "wearing seatbelts and driving without insurance.",
        "scene": "road",
        "colour": (150, 110, 20),
        "body": [
            p(
                "Officers and Special Constables from the Roads Policing Unit carried out "
                "checks in every policing area during road safety week and stopped 212 "
                "drivers."
            ),
            heading("What we found"),
            bullets(
                "38 drivers were reported for using a mobile phone at the wheel.",
                "27 drivers and passengers were not wearing a seatbelt.",
                "14 vehicles were seized for having no insurance.",
                "Five drivers were arrested on suspicion of drink or drug driving.",
            ),
            picture(
                "Roadside check",
                "patrol",
                "A patrol car parked at the roadside in town.",
                "Checks took place in every policing area.",
            ),
            quote(
                "A phone call or a text is never worth a life. Put your phone away before you "
                "set off.",
                "Sergeant Mark Ellis, Roads Policing Unit",
            ),
        ],
    },
]


def _body(spec, related_page):
    """The article's own blocks, with its pictures drawn and, for some, a related link."""
    blocks = []
    for block in spec["body"]:
        if block[0] == "picture":
            _kind, key, scene, alt, caption = block
            image = demo_image(
                f"News detail: {key}", colour=spec["colour"], size=(1200, 800), scene=scene
            )
            blocks.append(("image", {"image": image, "alt_text": alt, "caption": caption}))
        else:
            blocks.append(block)
    if spec.get("related") and related_page is not None:
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
    for spec in ARTICLES:
        if spec["slug"] in existing:
            continue
        title = spec["title"]
        image = demo_image(f"News: {title}", colour=spec["colour"], scene=spec["scene"])
        published_at = datetime(*spec["when"], tzinfo=LONDON)
        article = NewsArticlePage(
            slug=spec["slug"],
            title=title,
            published_at=published_at,
            first_published_at=published_at,
            area=areas[spec["area"]],
            summary=spec["summary"],
            hero_image=image,
            hero_image_alt=HERO_ALT[spec["scene"]],
            body=_body(spec, volunteer),
        )
        article.topics.add(*spec["topics"])
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
