"""Forget the cached site shell whenever what it shows may have changed."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import DepartmentHotline, DepartmentIdentity, DepartmentSettings
from home.shell import invalidate


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate()


def connect():
    for model in (DepartmentSettings, DepartmentHotline, DepartmentIdentity, Site):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"shell-save-{model.__name__}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"shell-delete-{model.__name__}")
    page_published.connect(invalidate, dispatch_uid="shell-page-published")
    page_unpublished.connect(invalidate, dispatch_uid="shell-page-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="shell-page-moved")
    post_delete.connect(_page_deleted, dispatch_uid="shell-page-deleted")
