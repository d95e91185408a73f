"""Reference numbers such as SC-2026-000123: one sequence per prefix and year."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import ReferenceSequence


def next_reference(prefix, year=None):
    """Hand out the next reference for prefix in year. Call inside the submission's transaction.

    The UPDATE takes a row lock, so two concurrent submissions never share a number; a
    rolled-back submission gives its number back.
    """
    year = year or timezone.localdate().year
    with transaction.atomic():
        sequence, _ = ReferenceSequence.objects.get_or_create(prefix=prefix, year=year)
        ReferenceSequence.objects.filter(pk=sequence.pk).update(last_number=F("last_number") + 1)
        sequence.refresh_from_db(fields=["last_number"])
    return f"{prefix}-{year}-{sequence.last_number:06d}"
