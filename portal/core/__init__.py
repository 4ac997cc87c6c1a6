"""The shared plumbing below every feature app.

Workflows and their audit trail, after-commit notifications, rate limits,
upload checks, human-typed codes, calendar files, places (areas, points,
distances, the service area) and the roles staff work in. Feature apps import
from here and never from each other; nothing here imports a feature app.
"""
