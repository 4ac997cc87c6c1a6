"""Create the "Coordinators" group: volunteer coordinators who work in the Wagtail admin.

They review applications, see rosters and waitlists, mark attendance, export
rosters and manage volunteer groups. Page permissions on the trainings index
(to publish trainings) are granted where the index is created (volunteers.demo)
or by an administrator under Settings → Groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Coordinators"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("volunteers", "view_volunteerprofile"),
    ("volunteers", "change_volunteerprofile"),
    ("volunteers", "view_registration"),
    ("volunteers", "change_registration"),
    ("volunteers", "view_certificate"),
    ("volunteers", "add_volunteergroup"),
    ("volunteers", "change_volunteergroup"),
    ("volunteers", "delete_volunteergroup"),
    ("volunteers", "view_volunteergroup"),
    ("volunteers", "add_groupmembership"),
    ("volunteers", "change_groupmembership"),
    ("volunteers", "delete_groupmembership"),
    ("volunteers", "view_groupmembership"),
]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("volunteers", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
