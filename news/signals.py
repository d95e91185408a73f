"""Signal handlers of the news app."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import NewsIndexPage
from .workflows import assign_comms_workflow


@receiver(post_save, sender=NewsIndexPage)
def give_new_news_index_the_comms_workflow(sender, instance, created, raw=False, **kwargs):
    """Every new news index gets the Comms approval workflow."""
    if created and not raw:
        assign_comms_workflow(instance)
