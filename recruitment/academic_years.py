"""The academic years a school can choose to start Mini Police in."""

import datetime


def academic_year_choices(today=None):
    """This academic year and the next two: ("2026/27", "This academic year (2026/27)")..."""
    today = today or datetime.date.today()
    start = today.year if today.month >= 9 else today.year - 1
    choices = []
    for year in range(start, start + 3):
        value = f"{year}/{str(year + 1)[-2:]}"
        label = "This academic year" if year == start else f"From September {year}"
        choices.append((value, f"{label} ({value})"))
    return choices
