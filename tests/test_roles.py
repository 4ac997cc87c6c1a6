"""Every role against every back-office action and staff API operation.

One row per action: how to perform it, what it changes, and which roles may.
Each action is tried by every role, each from the same starting point (a
savepoint rolled back after each role): an allowed action succeeds and
changes what it should; a refused one is answered with a refusal (admin: back
to the dashboard or the login page, or 403; API: 401/403) and changes nothing.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupPagePermission, Page

import pytest
from rest_framework.test import APIClient

from portal.core.roles import (
    COORDINATORS,
    DEPARTMENT_HEAD,
    DISPATCHERS,
    EDITORS,
    INSPECTORS,
    MODERATORS,
    TRAININGS_INDEX_PAGE_PERMISSIONS,
)
from tests.home.factories import UserFactory
from tests.incidents.factories import stations
from tests.refusals import admin_refusal

pytestmark = pytest.mark.django_db

CITIZEN = "(no group)"
ROLES = [EDITORS, MODERATORS, DISPATCHERS, DEPARTMENT_HEAD, INSPECTORS, COORDINATORS, CITIZEN]
ALL_STAFF = {EDITORS, MODERATORS, DISPATCHERS, DEPARTMENT_HEAD, INSPECTORS, COORDINATORS}


@dataclass(frozen=True)
class Action:
    name: str
    allowed: frozenset
    api: bool
    # perform(client, world) -> response
    perform: object
    # state(world) -> anything comparable: what the action would change (None for reads)
    state: object = None
    # for reads, the allowed response status
    ok: tuple = (200,)


@pytest.fixture
def world(site, django_capture_on_commit_callbacks):
    """One incident, one inspection request, one training with a seat, one article."""
    from education.models import ArticleIndexPage, ArticlePage
    from portal.core.places import Kecamatan, Kelurahan
    from reporting.incidents import lifecycle
    from reporting.incidents.models import Category
    from reporting.inspections import lifecycle as inspection_lifecycle
    from reporting.inspections.models import InspectionRequest
    from tests.home.factories import root_page
    from volunteers import seats
    from volunteers.models import TrainingIndexPage, TrainingPage, VolunteerProfile

    stations()
    home = site.root_page
    kelurahan = Kelurahan.objects.select_related("kecamatan").get(code="15.71.04.1001")
    incident, _created = lifecycle.create_incident(
        data={
            "category": Category.objects.get(code="fire-building", locale__language_code="id"),
            "description": "Api di dapur",
            "latitude": Decimal("-1.610000"),
            "longitude": Decimal("103.613000"),
            "kecamatan": Kecamatan.objects.get(code="15.71.08"),
            "address": "Jl. Contoh 1",
        }
    )
    applicant = UserFactory(username="pemilik")
    inspection = InspectionRequest.objects.create(
        applicant=applicant,
        building_name="Hotel Contoh",
        address="Jl. Sultan Agung 8",
        latitude=Decimal("-1.592400"),
        longitude=Decimal("103.614800"),
        kecamatan=kelurahan.kecamatan,
        kelurahan=kelurahan,
        building_use="hotel",
        floors=5,
        floor_area=4000,
        year_built=2010,
        occupancy=200,
        reason="periodic",
        preferred_date=timezone.localdate() + datetime.timedelta(days=7),
        contact_name="Budi",
        contact_phone="+6281274001234",
    )
    inspection_lifecycle.record_submission(inspection, applicant)

    trainings = home.add_child(instance=TrainingIndexPage(title="Pelatihan Relawan", slug="pelatihan"))
    trainings.save_revision().publish()
    # What an administrator grants Coordinators on the trainings index (see portal.core.roles).
    for codename in TRAININGS_INDEX_PAGE_PERMISSIONS:
        GroupPagePermission.objects.create(
            group=Group.objects.get(name=COORDINATORS),
            page=trainings,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    training = trainings.add_child(
        instance=TrainingPage(
            title="Pelatihan APAR",
            slug="apar",
            description="<p>Praktik.</p>",
            starts_at=timezone.now() + datetime.timedelta(days=5),
            duration_minutes=120,
            location_name="Aula",
            address="Jl. Sudirman 1",
            latitude="-1.629100",
            longitude="103.622800",
            capacity=5,
        )
    )
    training.save_revision().publish()
    volunteer = UserFactory(username="relawan")
    VolunteerProfile.objects.create(
        user=volunteer,
        full_name="Relawan Satu",
        phone="+6281200009999",
        date_of_birth=datetime.date(1990, 1, 1),
        kecamatan=kelurahan.kecamatan,
        kelurahan=kelurahan,
        skills="P3K",
        availability=["weekend"],
        emergency_contact_name="Ibu",
        emergency_contact_phone="+6281300009999",
        motivation="Membantu.",
        consent_at=timezone.now(),
        consent_version="test",
        status="approved",
    )
    seat = seats.register(training, volunteer)
    # The training has begun (attendance is marked only then); the seat was taken before.
    TrainingPage.objects.filter(pk=training.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=1))

    articles = home.add_child(instance=ArticleIndexPage(title="Edukasi", slug="edukasi"))
    articles.save_revision().publish()
    article = articles.add_child(
        instance=ArticlePage(title="Cara memakai APAR", slug="apar", summary="Ringkas.", date=timezone.localdate())
    )
    article.save_revision().publish()
    return {
        "incident": incident,
        "inspection": inspection,
        "training": training,
        "seat": seat,
        "article": article,
        "root": root_page(),
    }


def _incident_status(world):
    from reporting.incidents.models import Incident

    return Incident.objects.get(pk=world["incident"].pk).status


def _inspection_status(world):
    from reporting.inspections.models import InspectionRequest

    return InspectionRequest.objects.get(pk=world["inspection"].pk).status


def _attended(world):
    from volunteers.models import Registration

    return Registration.objects.get(pk=world["seat"].pk).attended


def _live(key):
    return lambda world: Page.objects.get(pk=world[key].pk).live


def _topics(world):
    from education.models import Topic

    return sorted(Topic.objects.values_list("slug", flat=True))


ACTIONS = [
    # Incidents, admin
    Action(
        "incidents: admin list",
        frozenset({DISPATCHERS, DEPARTMENT_HEAD}),
        api=False,
        perform=lambda c, w: c.get(reverse("reporting_incident:index")),
    ),
    Action(
        "incidents: admin state change",
        frozenset({DISPATCHERS}),
        api=False,
        perform=lambda c, w: c.post(
            reverse("reporting_incident:transition", args=[w["incident"].pk]), {"target": "verified"}
        ),
        state=_incident_status,
    ),
    Action(
        "incidents: admin add form",
        frozenset({DISPATCHERS}),
        api=False,
        perform=lambda c, w: c.get(reverse("reporting_incident:add")),
    ),
    # Incidents, API
    Action(
        "incidents: API list",
        frozenset({DISPATCHERS, DEPARTMENT_HEAD}),
        api=True,
        perform=lambda c, w: c.get("/api/incidents/"),
    ),
    Action(
        "incidents: API state change",
        frozenset({DISPATCHERS}),
        api=True,
        perform=lambda c, w: c.post(
            f"/api/incidents/{w['incident'].pk}/transition/", {"target": "verified"}, format="json"
        ),
        state=_incident_status,
    ),
    # Inspections, admin
    Action(
        "inspections: admin list",
        frozenset({INSPECTORS}),
        api=False,
        perform=lambda c, w: c.get("/admin/inspections/requests/"),
    ),
    Action(
        "inspections: admin state change",
        frozenset({INSPECTORS}),
        api=False,
        perform=lambda c, w: c.post(
            f"/admin/inspections/requests/{w['inspection'].pk}/move/verified/", {"message": "Dokumen lengkap"}
        ),
        state=_inspection_status,
    ),
    # Inspections, API
    Action(
        "inspections: API staff list",
        frozenset({INSPECTORS}),
        api=True,
        perform=lambda c, w: c.get("/api/inspections/staff/requests/"),
    ),
    Action(
        "inspections: API state change",
        frozenset({INSPECTORS}),
        api=True,
        perform=lambda c, w: c.post(
            f"/api/inspections/staff/requests/{w['inspection'].pk}/transitions/", {"target": "verified"}, format="json"
        ),
        state=_inspection_status,
    ),
    # Volunteers, admin
    Action(
        "volunteers: admin applications",
        frozenset({COORDINATORS}),
        api=False,
        perform=lambda c, w: c.get("/admin/volunteers/applications/"),
    ),
    Action(
        "volunteers: admin marks attendance",
        frozenset({COORDINATORS}),
        api=False,
        perform=lambda c, w: c.post(f"/admin/volunteers/rosters/attendance/{w['seat'].pk}/", {"attended": "yes"}),
        state=_attended,
    ),
    # Volunteers, API
    Action(
        "volunteers: API roster",
        frozenset({COORDINATORS}),
        api=True,
        perform=lambda c, w: c.get(f"/api/volunteers/trainings/{w['training'].pk}/roster/"),
    ),
    Action(
        "volunteers: API marks attendance",
        frozenset({COORDINATORS}),
        api=True,
        perform=lambda c, w: c.put(f"/api/volunteers/attendance/{w['seat'].code}/", {"attended": True}, format="json"),
        state=_attended,
    ),
    # Trainings (pages under the trainings index)
    Action(
        "trainings: edit form",
        frozenset({EDITORS, MODERATORS, COORDINATORS}),
        api=False,
        perform=lambda c, w: c.get(reverse("wagtailadmin_pages:edit", args=[w["training"].pk])),
    ),
    Action(
        "trainings: unpublish",
        frozenset({MODERATORS, COORDINATORS}),
        api=False,
        perform=lambda c, w: c.post(reverse("wagtailadmin_pages:unpublish", args=[w["training"].pk])),
        state=_live("training"),
    ),
    # Content pages
    Action(
        "pages: add form",
        frozenset({EDITORS, MODERATORS}),
        api=False,
        perform=lambda c, w: c.get(
            reverse("wagtailadmin_pages:add", args=["education", "articlepage", w["article"].get_parent().pk])
        ),
    ),
    Action(
        "pages: edit form",
        frozenset({EDITORS, MODERATORS}),
        api=False,
        perform=lambda c, w: c.get(reverse("wagtailadmin_pages:edit", args=[w["article"].pk])),
    ),
    Action(
        "pages: unpublish",
        frozenset({MODERATORS}),
        api=False,
        perform=lambda c, w: c.post(reverse("wagtailadmin_pages:unpublish", args=[w["article"].pk])),
        state=_live("article"),
    ),
    Action(
        "topics: add",
        frozenset({EDITORS, MODERATORS}),
        api=False,
        perform=lambda c, w: c.post(
            reverse("wagtailsnippets_education_topic:add") + "?locale=id",
            {"name": "Banjir", "slug": "banjir", "description": ""},
        ),
        state=_topics,
    ),
]


def _client(user, api):
    if api:
        client = APIClient()
        client.force_authenticate(user)
        return client
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def _refusal(response, api):
    """None when `response` is a refusal, else what it was."""
    if api:
        return None if response.status_code in (401, 403) else f"API answered {response.status_code}"
    return admin_refusal(response)


def _try(role, action, world):
    """Perform `action` as a member of `role`; return what went wrong, or None."""
    user = UserFactory(username=f"staff-{ROLES.index(role)}", is_staff=role != CITIZEN, groups=[role])
    state = action.state or (lambda world: None)
    before = state(world)
    response = action.perform(_client(user, action.api), world)
    after = state(world)
    status = response.status_code
    if role in action.allowed:
        if action.state is None and status not in action.ok:
            return f"{role} may, got {status}"
        if action.state is not None and (status not in (200, 201, 302) or after == before):
            return f"{role} may, got {status} and state {before!r} -> {after!r}"
        return None
    refusal = _refusal(response, action.api)
    if refusal:
        return f"{role} may not, {refusal}"
    if after != before:
        return f"{role} may not, yet state {before!r} -> {after!r}"
    return None


@pytest.mark.parametrize("action", ACTIONS, ids=[a.name for a in ACTIONS])
def test_role_action_matrix(world, action):
    problems = []
    for role in ROLES:
        # Each role starts from the same world: what an allowed role changed is rolled back.
        with transaction.atomic():
            problems.append(_try(role, action, world))
            transaction.set_rollback(True)
    assert [p for p in problems if p] == []


def test_every_group_in_the_database_is_declared():
    from portal.core.roles import ROLES as DECLARED

    assert set(Group.objects.values_list("name", flat=True)) == {role.name for role in DECLARED} == ALL_STAFF
