"""Distances and the service area, in plain WGS84 degrees.

No GIS database is needed: the city is small, so a bounding-box prefilter in
SQL followed by haversine distances in Python is exact enough and fast.
"""

import math

from django.conf import settings

EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE_LAT = 111_320.0


def distance_m(lat1, lon1, lat2, lon2):
    """Great-circle distance in metres between two points."""
    phi1, phi2 = math.radians(float(lat1)), math.radians(float(lat2))
    dphi = phi2 - phi1
    dlmb = math.radians(float(lon2) - float(lon1))
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def bbox_around(lat, lon, radius_m):
    """(south, west, north, east) of a box that contains the circle: an SQL prefilter."""
    lat, lon = float(lat), float(lon)
    dlat = radius_m / METRES_PER_DEGREE_LAT
    dlon = radius_m / (METRES_PER_DEGREE_LAT * max(math.cos(math.radians(lat)), 1e-6))
    return lat - dlat, lon - dlon, lat + dlat, lon + dlon


def in_service_area(lat, lon, bbox=None):
    """Whether a point lies inside the configured service area (SERVICE_AREA_BBOX)."""
    south, west, north, east = bbox or settings.SERVICE_AREA_BBOX
    return south <= float(lat) <= north and west <= float(lon) <= east
