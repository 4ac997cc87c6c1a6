"""Staff roles: each group and what it may do, declared in one place.

`sync()` makes the database match this module. It runs after every `migrate`
and every `flush` (both emit post_migrate), so a fresh install, a restored
database and a test database all get the same groups. The groups named here are
owned by this module: a change made to them under Settings → Groups is undone
by the next migrate, so change ROLES instead. Other groups are left alone.

Page and collection permissions are granted on the root page and the root
collection (the whole tree), which come from Wagtail's migrations; when they do
not exist yet, those grants wait for the next sync. Coordinators get page rights
on the trainings index where it is created (volunteers.demo, or an administrator).
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Q

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Editors"
MODERATORS = "Moderators"
DISPATCHERS = "Dispatchers"
DEPARTMENT_HEAD = "Department head"
INSPECTORS = "Inspectors"
COORDINATORS = "Coordinators"

# Roles that see reporters', applicants' or volunteers' personal data: with
# STAFF_MFA_REQUIRED they (and superusers) need a second factor for the admin.
PERSONAL_DATA_ROLES = (DISPATCHERS, DEPARTMENT_HEAD, INSPECTORS, COORDINATORS)

# Moderators approve what Editors submit, for the whole content tree. The name is data that
# Wagtail shows as it is ("Kirim ke Persetujuan moderator"), so it is in the department's language.
APPROVAL_WORKFLOW = "Persetujuan moderator"
# Earlier names of the same workflow and task, renamed by sync (not duplicated).
FORMER_APPROVAL_NAMES = ("Moderators approval",)
APPROVERS = MODERATORS


@dataclass(frozen=True)
class Role:
    name: str
    # "app_label.codename"
    permissions: tuple[str, ...]
    # wagtailcore page codenames, on the root page (the whole tree)
    page_permissions: tuple[str, ...] = ()
    # "app_label.codename", on the root collection (every image and document)
    collection_permissions: tuple[str, ...] = ()


# Every role may pick existing images and documents in choosers.
_CHOOSE = ("wagtailimages.choose_image", "wagtaildocs.choose_document")
# Content roles also upload and edit them, everywhere.
_MEDIA = (*_CHOOSE, "wagtailimages.add_image", "wagtailimages.change_image")
_MEDIA += ("wagtaildocs.add_document", "wagtaildocs.change_document")
# Wagtail's own first migrations give these model-wide rights to Editors and Moderators.
_MEDIA_MODEL = (*_MEDIA, "wagtailimages.delete_image", "wagtaildocs.delete_document")

ROLES = (
    Role(
        EDITORS,
        permissions=(
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "education.add_topic",
            "education.change_topic",
            *_MEDIA_MODEL,
        ),
        # Editors write and submit for moderation; they never publish.
        page_permissions=("add_page", "change_page"),
        collection_permissions=_MEDIA,
    ),
    Role(
        MODERATORS,
        permissions=(
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "education.add_topic",
            "education.change_topic",
            "education.delete_topic",
            *_MEDIA_MODEL,
        ),
        page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        collection_permissions=_MEDIA,
    ),
    Role(
        DISPATCHERS,
        permissions=(
            "wagtailadmin.access_admin",
            "reporting.add_incident",
            "reporting.change_incident",
            "reporting.view_incident",
            "reporting.view_dashboard",
            "reporting.view_firestation",
            "reporting.view_category",
            *_CHOOSE,
        ),
        collection_permissions=_CHOOSE,
    ),
    Role(
        DEPARTMENT_HEAD,
        permissions=(
            "wagtailadmin.access_admin",
            "reporting.view_incident",
            "reporting.view_dashboard",
            "reporting.view_firestation",
            "reporting.view_category",
            *_CHOOSE,
        ),
        collection_permissions=_CHOOSE,
    ),
    Role(
        INSPECTORS,
        permissions=(
            "wagtailadmin.access_admin",
            "inspections.view_inspectionrequest",
            "inspections.change_inspectionrequest",
            "inspections.issue_result",
            "inspections.view_inspectiondocument",
            "inspections.view_visit",
            "inspections.change_visit",
            "inspections.view_checklistentry",
            "inspections.change_checklistentry",
            "inspections.view_checklisttemplate",
            *_CHOOSE,
        ),
        collection_permissions=_CHOOSE,
    ),
    Role(
        COORDINATORS,
        permissions=(
            "wagtailadmin.access_admin",
            "volunteers.view_volunteerprofile",
            "volunteers.change_volunteerprofile",
            "volunteers.view_registration",
            "volunteers.change_registration",
            "volunteers.view_certificate",
            "volunteers.add_volunteergroup",
            "volunteers.change_volunteergroup",
            "volunteers.delete_volunteergroup",
            "volunteers.view_volunteergroup",
            "volunteers.add_groupmembership",
            "volunteers.change_groupmembership",
            "volunteers.delete_groupmembership",
            "volunteers.view_groupmembership",
            *_CHOOSE,
        ),
        collection_permissions=_CHOOSE,
    ),
)

# Permissions a library creates in a data migration rather than from a model's
# Meta: a flush removes them, so sync makes them again.
# "app_label.codename": (model the permission hangs off, name)
_MIGRATION_MADE = {
    "wagtail_localize.submit_translation": ("translation", "Can submit translations"),
}

# Page rights Coordinators get on a trainings index, to publish trainings.
TRAININGS_INDEX_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def in_role(user, name):
    """Whether `user` belongs to the role's group (superusers see every role's dashboard)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return name in {group.name for group in user.groups.all()}


def _ensure_migration_made_permissions(using):
    for name, (model, label) in _MIGRATION_MADE.items():
        app_label, codename = name.split(".")
        content_type, _created = ContentType.objects.db_manager(using).get_or_create(app_label=app_label, model=model)
        Permission.objects.using(using).get_or_create(
            content_type=content_type, codename=codename, defaults={"name": label}
        )


def _permissions(names, using):
    query = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.using(using).filter(query).select_related("content_type"))
    missing = set(names) - {f"{p.content_type.app_label}.{p.codename}" for p in found}
    if missing:
        raise LookupError(f"roles: unknown permissions {sorted(missing)}")
    return found


@transaction.atomic
def sync(using=DEFAULT_DB_ALIAS):
    """Make every group in ROLES hold exactly its declared rights (idempotent)."""
    _ensure_migration_made_permissions(using)
    root_page = Page.objects.using(using).filter(depth=1).first()
    root_collection = Collection.objects.using(using).filter(depth=1).first()
    groups = {}
    for role in ROLES:
        group, _created = Group.objects.using(using).get_or_create(name=role.name)
        groups[role.name] = group
        group.permissions.set(_permissions(role.permissions, using))
        if root_page is not None:
            wanted = _permissions([f"wagtailcore.{c}" for c in role.page_permissions], using)
            GroupPagePermission.objects.using(using).filter(group=group, page=root_page).exclude(
                permission__in=wanted
            ).delete()
            for permission in wanted:
                GroupPagePermission.objects.using(using).get_or_create(
                    group=group, page=root_page, permission=permission
                )
        if root_collection is not None:
            wanted = _permissions(role.collection_permissions, using)
            GroupCollectionPermission.objects.using(using).filter(group=group, collection=root_collection).exclude(
                permission__in=wanted
            ).delete()
            for permission in wanted:
                GroupCollectionPermission.objects.using(using).get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
    # Editors never publish, anywhere in the tree.
    GroupPagePermission.objects.using(using).filter(group=groups[EDITORS], permission__codename="publish_page").delete()
    _approval_workflow(groups[APPROVERS], root_page, using)


def _approval_workflow(approvers, root_page, using):
    for model in (GroupApprovalTask, Workflow):
        if not model.objects.using(using).filter(name=APPROVAL_WORKFLOW).exists():
            model.objects.using(using).filter(name__in=FORMER_APPROVAL_NAMES).update(name=APPROVAL_WORKFLOW)
    task = GroupApprovalTask.objects.using(using).filter(name=APPROVAL_WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.using(using).create(name=APPROVAL_WORKFLOW, active=True)
    task.groups.add(approvers)
    workflow, _created = Workflow.objects.using(using).get_or_create(name=APPROVAL_WORKFLOW, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.using(using).filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.using(using).create(workflow=workflow, task=task, sort_order=0)
    if root_page is not None:
        WorkflowPage.objects.using(using).update_or_create(page=root_page, defaults={"workflow": workflow})


def sync_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate receiver: sync once, after the last app has created its permissions."""
    with_models = [config for config in global_apps.get_app_configs() if config.models_module is not None]
    if sender is with_models[-1]:
        sync(using=using)
