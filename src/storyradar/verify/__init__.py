"""Physical checks: sun and shadows, bearings and their intersection, sound delay and arrival times."""

from .bearing import (
    BearingEstimate,
    BearingLine,
    BearingObs,
    Fix,
    PlaceNear,
    bearing_from_pixel,
    bearing_line,
    fix_geojson,
    intersect_bearings,
    places_near_line,
)
from .observations import list_observations, save_observation, section
from .shadow import (
    AzimuthRange,
    ElevationRange,
    LocationBand,
    ShadowCheck,
    TimeWindow,
    azimuth_from_shadow,
    check_claimed_time,
    elevation_from_ratio,
    elevation_from_shadow,
    location_band,
    times_consistent,
)
from .sound import (
    ArrivalDirection,
    DistanceEstimate,
    Recorder,
    SourceFix,
    direction_of_arrival,
    distance_from_delay,
    locate_source,
    speed_of_sound,
)
from .sun import SunPosition, subsolar_point, sun_grid, sun_position
from .uncertain import Uncertain, VerifyError, parse_latlon, parse_uncertain

__all__ = [
    "ArrivalDirection", "AzimuthRange", "BearingEstimate", "BearingLine", "BearingObs", "DistanceEstimate",
    "ElevationRange", "Fix", "LocationBand", "PlaceNear", "Recorder", "ShadowCheck", "SourceFix",
    "SunPosition", "TimeWindow", "Uncertain", "VerifyError", "azimuth_from_shadow", "bearing_from_pixel",
    "bearing_line", "check_claimed_time", "direction_of_arrival", "distance_from_delay",
    "elevation_from_ratio", "elevation_from_shadow", "fix_geojson", "intersect_bearings",
    "list_observations", "locate_source", "location_band", "parse_latlon", "parse_uncertain",
    "places_near_line", "save_observation", "section", "speed_of_sound", "subsolar_point", "sun_grid",
    "sun_position", "times_consistent",
]
