"""The Mini Police school registration: its questions in sections, workflow and public stages."""

from django.core.validators import RegexValidator

from .. import eligibility, fields, workflows
from ..academic_years import academic_year_choices
from ..enums import MiniPoliceStatus, YearGroup
from ..models.submissions import MiniPoliceRegistration
from .base import Question, Queue, Rule, Section, Stage
from .shared import address_questions

M = MiniPoliceStatus

CHECK_YOU_CAN_REGISTER = Section(
    "check-you-can-register",
    "Check the school can take part",
    questions=[
        Question(
            "primary_school_in_area",
            "Is the school a primary school in our force area?",
            fields.yes_no(),
            hint="Mini Police runs with Year 5 and Year 6 pupils.",
            required_message="Select yes if the school is a primary school in our area",
            staff_label="Primary school in our area",
        ),
    ],
    rules=[
        Rule(
            "primary_school_in_area",
            eligibility.yes_required(
                "Mini Police runs only in primary schools in our force area. The police "
                "force for the school's area may run its own programme: contact them."
            ),
        )
    ],
)

ABOUT_THE_SCHOOL = Section(
    "about-the-school",
    "About the school",
    questions=[
        Question(
            "school_name",
            "School name",
            fields.text(150),
            required_message="Enter the school's name",
            autocomplete="organization",
        ),
        Question(
            "urn",
            "School URN",
            fields.text(
                6,
                validators=[
                    RegexValidator(r"^\d{6}$", "Enter the school's URN as 6 digits, like 123456")
                ],
            ),
            hint="The 6-digit unique reference number, for example 123456. "
            "Find it on Get Information about Schools.",
            required_message="Enter the school's URN",
        ),
        *address_questions(personal=False),
        Question(
            "area",
            "Which local policing area is the school in?",
            fields.local_policing_area(),
            required_message="Choose the school's local policing area",
        ),
    ],
)

CONTACT_AT_THE_SCHOOL = Section(
    "contact",
    "Contact at the school",
    questions=[
        Question(
            "contact_name",
            "Contact name",
            fields.text(120),
            personal=True,
            required_message="Enter the name of the contact at the school",
            autocomplete="name",
        ),
        Question(
            "contact_role",
            "Contact's role",
            fields.text(80),
            hint="For example, headteacher or Year 6 teacher.",
            personal=True,
            required_message="Enter the contact's role at the school",
            autocomplete="organization-title",
        ),
        Question(
            "email",
            "Contact email address",
            fields.email(),
            hint="We will send the reference number to this address.",
            personal=True,
            required_message="Enter an email address",
            autocomplete="email",
        ),
        Question(
            "phone",
            "Contact telephone number",
            fields.phone(),
            personal=True,
            required_message="Enter a telephone number",
            autocomplete="tel",
        ),
    ],
)

TAKING_PART = Section(
    "taking-part",
    "Taking part",
    questions=[
        Question(
            "year_groups",
            "Which year groups would take part?",
            fields.checkboxes(YearGroup.choices),
            hint="Select all that apply.",
            required_message="Select the year groups that would take part",
            staff_label="Year groups",
        ),
        Question(
            "number_of_pupils",
            "How many pupils would take part?",
            fields.whole_number(
                1,
                500,
                {
                    "invalid": "Number of pupils must be a whole number, like 30",
                    "min_value": "Number of pupils must be 1 or more",
                    "max_value": "Number of pupils must be 500 or fewer",
                },
            ),
            required_message="Enter how many pupils would take part",
        ),
        Question(
            "preferred_start",
            "When would you like to start?",
            fields.radios(academic_year_choices),
            required_message="Choose when you would like to start",
        ),
        Question(
            "anything_else",
            "Is there anything else we should know?",
            fields.textarea(required=False),
            personal=True,
            staff_label="Anything else",
        ),
    ],
)

MINI_POLICE = Queue(
    key="mini-police",
    model=MiniPoliceRegistration,
    page_model_name="MiniPoliceFormPage",
    status_enum=MiniPoliceStatus,
    transitions=workflows.MINI_POLICE_TRANSITIONS,
    noun="registration",
    send_label="Register the school",
    sections=[CHECK_YOU_CAN_REGISTER, ABOUT_THE_SCHOOL, CONTACT_AT_THE_SCHOOL, TAKING_PART],
    public_stages={
        # The same words as the thank-you page and the acknowledgement email (issue 13).
        M.NEW: Stage(
            "Received", "A neighbourhood officer will contact the school within 10 working days."
        ),
        M.CONTACTED: Stage(
            "In touch", "We are talking with the school about how Mini Police would work there."
        ),
        M.SCHEDULED: Stage(
            "Start date agreed", "We will confirm the first session with the school."
        ),
        M.ACTIVE: Stage("Running", "Mini Police is running at the school."),
        # Whether we wrote to explain is said from the outbox (the status page), never here.
        M.DECLINED: Stage("Not going ahead", "Mini Police will not start at the school this time."),
        M.WITHDRAWN: Stage(
            "Withdrawn",
            "The registration has been withdrawn. The school can register again at any time.",
        ),
    },
    retention_setting="mini_police_retention_months",
)
