"""Compare the coverage of incidents aligned on time since each happened, with outlet-bootstrap intervals."""

from .analysis import (
    HALF_LIFE_DEFINITION,
    Comparison,
    CurveStats,
    IncidentComparison,
    compare_incidents,
    half_life_difference,
)
from .bootstrap import interval, outlet_weights
from .curves import SHARE_DAYS, Lags, incident_lags, weighted_stats


def __getattr__(name: str):
    """Import the chart (and altair) only when asked for."""
    if name == "comparison_chart":
        from .plot import comparison_chart

        return comparison_chart
    raise AttributeError(name)


__all__ = [
    "HALF_LIFE_DEFINITION", "SHARE_DAYS", "Comparison", "CurveStats", "IncidentComparison", "Lags",
    "compare_incidents", "comparison_chart", "half_life_difference", "incident_lags", "interval",
    "outlet_weights", "weighted_stats",
]
