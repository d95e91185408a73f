"""Factories for staff users, one per role: UserFactory(role="recruiter") or RecruiterFactory().

The groups come from migrations (accounts/roles.py names them), so a factory user has exactly
the permissions a real one in that role has.
"""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .roles import ROLES

# The password of every factory user, for tests that sign in through the real login form.
PASSWORD = "test-staff-password-42"


class GroupFactory(factory.django.DjangoModelFactory):
    """A group by name, reusing the one a migration made: GroupFactory(name="Editors")."""

    name = factory.Sequence(lambda n: f"Group {n}")

    class Meta:
        model = Group
        django_get_or_create = ("name",)


class UserFactory(factory.django.DjangoModelFactory):
    """A user in a role (accounts.roles.ROLES); without one, a user with no admin access."""

    role = None
    username = factory.LazyAttributeSequence(lambda user, n: f"{user.role or 'user'}{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda user: f"{user.username}@bluelamp.example")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    @classmethod
    def _build(cls, model_class, *args, role=None, **kwargs):
        return super()._build(model_class, *args, **cls._role_fields(role, kwargs))

    @classmethod
    def _create(cls, model_class, *args, role=None, **kwargs):
        user = super()._create(model_class, *args, **cls._role_fields(role, kwargs))
        for name in ROLES[role].groups if role else ():
            user.groups.add(GroupFactory(name=name))
        return user

    @staticmethod
    def _role_fields(role, fields):
        if role and ROLES[role].superuser:
            return {**fields, "is_superuser": True, "is_staff": True}
        return fields


class EditorFactory(UserFactory):
    role = "editor"


class ModeratorFactory(UserFactory):
    role = "moderator"


class RecruiterFactory(UserFactory):
    role = "recruiter"


class ManagerFactory(UserFactory):
    role = "manager"


class AdminFactory(UserFactory):
    role = "admin"
