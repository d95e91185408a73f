"""The "Recruitment managers" group: everything recruitment staff do, plus answering data
requests (find, export, erase) and setting the retention periods."""

from django.db import migrations


GROUP_NAME = "Recruitment managers"
QUEUE_MODELS = ["specialconstableapplication", "minipoliceregistration"]


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; the group needs them now.
    app_config = apps.get_app_config("recruitment")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    codenames = [f"{action}_{model}" for model in QUEUE_MODELS for action in ("view", "change")]
    codenames += ["manage_personal_data", "change_recruitmentsettings"]
    permissions = list(
        Permission.objects.filter(content_type__app_label="recruitment", codename__in=codenames)
    )
    permissions += list(
        Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    group.permissions.add(*permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("recruitment", "0005_retention_settings_and_waiting"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
