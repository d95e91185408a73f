"""Who may do what with recruitment submissions: one home for every check the admin makes."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q


def can_view(user, model):
    """Whether user may see model's queue and its submissions."""
    meta = model._meta
    return user.is_active and user.has_perm(f"{meta.app_label}.view_{meta.model_name}")


def can_work(user, model):
    """Whether user may assign, move, note, message and export submissions of model."""
    meta = model._meta
    return user.is_active and user.has_perm(f"{meta.app_label}.change_{meta.model_name}")


def can_manage_personal_data(user):
    """Whether user may find, export and erase everything held for an applicant."""
    return user.is_active and user.has_perm("recruitment.manage_personal_data")


def can_manage_lists(user):
    """Whether user may edit the decision reasons and message templates (managers)."""
    return user.is_active and user.has_perm("recruitment.change_messagetemplate")


def assignable_users(model):
    """People who can be given submissions of model: active users with the change permission."""
    meta = model._meta
    # A subquery rather than a separate lookup: one query however often the admin asks.
    permission = Permission.objects.filter(
        content_type__app_label=meta.app_label, codename=f"change_{meta.model_name}"
    ).values("pk")[:1]
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=permission)
            | Q(user_permissions__in=permission)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
