"""The Special Constable application: its questions in sections, workflow and public stages."""

from .. import eligibility, fields, workflows
from ..enums import HeardAbout, PreferredRole, SpecialStatus
from ..models.submissions import SpecialConstableApplication
from .base import Question, Queue, Rule, Section, Stage
from .shared import address_questions

S = SpecialStatus

# What someone who cannot apply can do instead: (words, slug of a programme page beside ours).
SUPPORT_VOLUNTEER = ("Become a Police Support Volunteer", "police-support-volunteers")
CADETS = ("Join the Volunteer Police Cadets (ages 13 to 18)", "cadets")

CHECK_YOU_CAN_APPLY = Section(
    "check-you-can-apply",
    "Check you can apply",
    intro="Answer these first. If you cannot apply yet, we will tell you why straight away.",
    questions=[
        Question(
            "date_of_birth",
            "Date of birth",
            fields.memorable_date(),
            hint="You must be 18 or over on the day you apply. For example, 27 3 2007",
            personal=True,
            required_message="Enter your date of birth",
        ),
        Question(
            "lived_in_uk_3_years",
            "Have you lived in the UK for the last 3 years?",
            fields.yes_no(),
            required_message="Select yes if you have lived in the UK for the last 3 years",
        ),
        Question(
            "right_to_remain",
            "Do you have the right to live and work in the UK without restrictions?",
            fields.yes_no(),
            hint="British and Irish citizens, and people with settled status or indefinite "
            "leave to remain, have this right.",
            required_message="Select yes if you have the right to live in the UK",
        ),
        Question(
            "hours_per_month",
            "How many hours a month can you give?",
            fields.whole_number(
                1,
                744,
                {
                    "invalid": "Hours a month must be a whole number, like 16",
                    "min_value": "Hours a month must be a whole number, like 16",
                    "max_value": "Hours a month must be 744 or fewer",
                },
            ),
            hint="Special Constables give at least 16 hours a month.",
            required_message="Enter how many hours a month you can give",
        ),
        Question(
            "in_barred_occupation",
            "Do you work in a job that stops you being a Special Constable?",
            fields.yes_no(),
            hint="For example, a police officer or PCSO, a member of the Armed Forces on active "
            "service, or a licensed door supervisor.",
            required_message="Select yes if you work in a job that stops you being a Special "
            "Constable",
            staff_label="Works in a barred occupation",
        ),
    ],
    rules=[
        Rule("date_of_birth", eligibility.age_rule, (CADETS, SUPPORT_VOLUNTEER)),
        Rule(
            "lived_in_uk_3_years",
            eligibility.yes_required(eligibility.residence_problem(False)),
            (SUPPORT_VOLUNTEER,),
        ),
        Rule(
            "right_to_remain",
            eligibility.yes_required(eligibility.right_to_remain_problem(False)),
            (SUPPORT_VOLUNTEER,),
        ),
        Rule("hours_per_month", eligibility.hours_rule, (SUPPORT_VOLUNTEER,)),
        Rule(
            "in_barred_occupation",
            eligibility.no_required(
                "People in some jobs cannot be Special Constables, because the two roles "
                "would conflict. You may be able to help as a Police Support Volunteer."
            ),
            (SUPPORT_VOLUNTEER,),
        ),
    ],
)

ABOUT_YOU = Section(
    "about-you",
    "About you",
    questions=[
        Question(
            "first_name",
            "First name",
            fields.text(80),
            personal=True,
            required_message="Enter your first name",
            autocomplete="given-name",
        ),
        Question(
            "last_name",
            "Last name",
            fields.text(80),
            personal=True,
            required_message="Enter your last name",
            autocomplete="family-name",
        ),
        Question(
            "nationality",
            "What is your nationality?",
            fields.text(80),
            personal=True,
            required_message="Enter your nationality",
            staff_label="Nationality",
        ),
    ],
)

CONTACT_DETAILS = Section(
    "contact-details",
    "Contact details",
    questions=[
        Question(
            "email",
            "Email address",
            fields.email(),
            hint="We will send your reference number to this address.",
            personal=True,
            required_message="Enter your email address",
            autocomplete="email",
        ),
        Question(
            "phone",
            "Telephone number",
            fields.phone(),
            personal=True,
            required_message="Enter your telephone number",
            autocomplete="tel",
        ),
        *address_questions("Enter the first line of your address"),
    ],
)

YOUR_BACKGROUND = Section(
    "your-background",
    "Your background",
    intro="Having a conviction, a tattoo or a second job does not always stop you applying.",
    questions=[
        Question(
            "has_convictions",
            "Do you have any convictions or cautions?",
            fields.yes_no(),
            hint="Include any from outside the UK.",
            required_message="Select yes if you have any convictions or cautions",
        ),
        Question(
            "conviction_details",
            "Details of convictions or cautions",
            fields.textarea(),
            hint="What, when and where.",
            personal=True,
            required_message="Give details of your convictions or cautions",
            reveal_when_yes="has_convictions",
        ),
        Question(
            "has_tattoos",
            "Do you have any visible tattoos?",
            fields.yes_no(),
            required_message="Select yes if you have any visible tattoos",
        ),
        Question(
            "tattoo_description",
            "Describe your visible tattoos",
            fields.textarea(),
            hint="Where they are and what they show.",
            personal=True,
            required_message="Describe your visible tattoos",
            reveal_when_yes="has_tattoos",
        ),
        Question(
            "has_business_interests",
            "Do you have business interests or a second job?",
            fields.yes_no(),
            required_message="Select yes if you have business interests or a second job",
        ),
        Question(
            "business_interest_details",
            "Details of business interests or second jobs",
            fields.textarea(),
            personal=True,
            required_message="Give details of your business interests or second jobs",
            reveal_when_yes="has_business_interests",
        ),
    ],
)

YOUR_AVAILABILITY = Section(
    "your-availability",
    "Your availability",
    questions=[
        Question(
            "area",
            "Which local policing area would you prefer?",
            fields.local_policing_area(),
            required_message="Choose a local policing area",
        ),
        Question(
            "preferred_role",
            "Which role would you prefer?",
            fields.radios(PreferredRole.choices),
            required_message="Choose the role you would prefer",
        ),
        Question(
            "heard_about",
            "How did you hear about us?",
            fields.select(HeardAbout.choices),
            required_message="Choose how you heard about us",
        ),
    ],
)

SPECIALS = Queue(
    key="specials",
    model=SpecialConstableApplication,
    page_model_name="SpecialConstableFormPage",
    status_enum=SpecialStatus,
    transitions=workflows.SPECIAL_TRANSITIONS,
    noun="application",
    send_label="Send application",
    sections=[CHECK_YOU_CAN_APPLY, ABOUT_YOU, CONTACT_DETAILS, YOUR_BACKGROUND, YOUR_AVAILABILITY],
    public_stages={
        S.NEW: Stage(
            "Received", "Our recruitment team will look at your application within 10 working days."
        ),
        S.IN_REVIEW: Stage(
            "Being reviewed",
            "We are reading your application. We will contact you about an assessment day.",
        ),
        S.ASSESSMENT: Stage(
            "Assessment",
            "We will invite you to an assessment day: a short interview and a fitness test.",
        ),
        S.VETTING: Stage(
            "Security and medical checks",
            "We are completing vetting and medical checks. This can take several weeks.",
        ),
        S.TRAINING: Stage(
            "Training", "You have a place on our training programme. We will send you the dates."
        ),
        S.APPOINTED: Stage("Appointed", "Welcome to the Special Constabulary."),
        # Whether we wrote to explain is said from the outbox (the status page), never here.
        S.REJECTED: Stage("Not successful", "You can apply again after 6 months."),
        S.WITHDRAWN: Stage(
            "Withdrawn", "Your application has been withdrawn. You can apply again at any time."
        ),
    },
    retention_setting="special_retention_months",
    retention_settings_by_status={S.APPOINTED: "appointed_retention_months"},
)
