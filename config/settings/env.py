"""Small helpers that read typed values from the environment, used only by settings modules."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}


def env_str(name, default=""):
    """Return the variable as a string, or the default when it is unset or empty."""
    value = os.environ.get(name, "").strip()
    return value or default


def env_bool(name, default=False):
    """Return True for 1/true/yes/on (any case), the default when unset."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    return value in TRUE_VALUES


def env_int(name, default):
    """Return the variable as an int; a non-number stops start-up with a message naming it."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from exc


def env_list(name, default=()):
    """Return a comma-separated variable as a list, without blanks."""
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)


def env_required(name):
    """Return the variable, or stop start-up with a message that names it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production. "
            "See the README's configuration section."
        )
    return value
