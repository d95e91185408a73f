"""Questions both queues ask the same way."""

from .. import fields
from .base import Question


def address_questions(first_line_message="Enter the first line of the address", personal=True):
    """The postal address: line 1, line 2 (optional), town and postcode. A person's address is
    personal data; a school's is not."""
    return [
        Question(
            "address_line_1",
            "Address line 1",
            fields.text(120),
            personal=personal,
            required_message=first_line_message,
            autocomplete="address-line1",
        ),
        Question(
            "address_line_2",
            "Address line 2",
            fields.text(120, required=False),
            personal=personal,
            autocomplete="address-line2",
        ),
        Question(
            "town",
            "Town or city",
            fields.text(80),
            personal=personal,
            required_message="Enter the town or city",
            autocomplete="address-level2",
        ),
        Question(
            "postcode",
            "Postcode",
            fields.postcode(),
            personal=personal,
            required_message="Enter a postcode",
            autocomplete="postal-code",
        ),
    ]
