"""The "Inspectors" group with its permissions, and the department's default checklists."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Inspectors"
PERMISSIONS = [
    ("inspections", "view_inspectionrequest"),
    ("inspections", "change_inspectionrequest"),
    ("inspections", "issue_result"),
    ("inspections", "view_inspectiondocument"),
    ("inspections", "view_visit"),
    ("inspections", "change_visit"),
    ("inspections", "view_checklistentry"),
    ("inspections", "change_checklistentry"),
    ("inspections", "view_checklisttemplate"),
    ("wagtailadmin", "access_admin"),
]


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            group.permissions.add(permission)

    from reporting.inspections.checklist import seed_templates

    seed_templates(apps.get_model("inspections", "ChecklistTemplate"), apps.get_model("inspections", "ChecklistItem"))


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
