"""`manage.py reset_two_factor USERNAME`: for a staff member who has lost their phone."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import two_factor


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator app, so that they set up a new one at their next "
        "admin sign-in. Check who is asking before you run it."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as e:
            raise CommandError(f"No user called {username!r}.") from e
        if two_factor.reset(user):
            self.stdout.write(f"Removed the authenticator app of {username}.")
        else:
            self.stdout.write(f"{username} had no authenticator app.")
