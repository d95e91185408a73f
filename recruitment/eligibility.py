"""Who may apply to be a Special Constable, as plain rules with messages that say why."""

import datetime

MINIMUM_HOURS_PER_MONTH = 16


def age_on(date_of_birth, day):
    """Whole years of age on `day`."""
    years = day.year - date_of_birth.year
    if (day.month, day.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


def birthday_at_age(date_of_birth, age):
    """The date someone born on date_of_birth turns `age` (29 February → 1 March)."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + age)
    except ValueError:
        return datetime.date(date_of_birth.year + age, 3, 1)


def age_problem(date_of_birth, minimum_age, today):
    """Why this date of birth cannot apply today, or None."""
    if date_of_birth > today:
        return "Date of birth must be in the past"
    if age_on(date_of_birth, today) < minimum_age:
        from_date = birthday_at_age(date_of_birth, minimum_age)
        return (
            f"You must be {minimum_age} or over on the day you apply. "
            f"You can apply from {from_date:%-d %B %Y}."
        )
    if age_on(date_of_birth, today) > 120:
        return "Enter a real date of birth"
    return None


def residence_problem(lived_in_uk_3_years):
    """Why someone who has not lived here for 3 years cannot apply yet, or None."""
    if lived_in_uk_3_years is False:
        return (
            "You must have lived in the UK for the last 3 years to apply, so that we can "
            "complete security vetting. You can apply once you have."
        )
    return None


def right_to_remain_problem(right_to_remain):
    """Why someone without the right to remain cannot apply, or None."""
    if right_to_remain is False:
        return "You must have the right to live in the UK without restrictions to apply."
    return None


def hours_problem(hours_per_month):
    """Why too few hours a month cannot be accepted, or None."""
    if hours_per_month is not None and hours_per_month < MINIMUM_HOURS_PER_MONTH:
        return (
            f"Special Constables give at least {MINIMUM_HOURS_PER_MONTH} hours a month. "
            "If you have less time, look at becoming a Police Support Volunteer."
        )
    return None


def age_rule(date_of_birth, page, today):
    """The age rule as a queue's eligibility reads it: the page sets the minimum age."""
    return age_problem(date_of_birth, getattr(page, "minimum_age", 18), today)


def under_age(date_of_birth, page, today):
    """True when the only thing wrong with this date of birth is being too young yet."""
    if date_of_birth is None or date_of_birth > today:
        return False
    return age_on(date_of_birth, today) < getattr(page, "minimum_age", 18)


def yes_required(message):
    """A rule for a yes/no question that must be answered "Yes"."""

    def problem(value, page, today):
        return message if value is False else None

    return problem


def no_required(message):
    """A rule for a yes/no question that must be answered "No"."""

    def problem(value, page, today):
        return message if value is True else None

    return problem


def hours_rule(hours_per_month, page, today):
    return hours_problem(hours_per_month)


def problems(section, cleaned_data, page, today):
    """Every reason (question name → message) the answers to an eligibility section fail."""
    found = {}
    for rule in section.rules:
        value = cleaned_data.get(rule.question)
        if value is None:
            continue
        if message := rule.problem(value, page, today):
            found[rule.question] = message
    return found
