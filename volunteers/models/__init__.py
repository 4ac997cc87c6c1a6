"""Volunteers: applications, trainings with limited seats, registrations, groups."""

from volunteers.models.groups import GroupMembership, VolunteerGroup
from volunteers.models.profiles import VolunteerProfile
from volunteers.models.registrations import Certificate, Registration
from volunteers.models.trainings import TrainingIndexPage, TrainingPage

__all__ = [
    "Certificate",
    "GroupMembership",
    "Registration",
    "TrainingIndexPage",
    "TrainingPage",
    "VolunteerGroup",
    "VolunteerProfile",
]
