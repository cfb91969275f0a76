"""Bootstrap over outlets: resample outlets with replacement, keep all of each drawn outlet's articles."""

from __future__ import annotations

import numpy as np


def outlet_weights(outlets: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """(n_boot, n) article weights: how often each article's outlet was drawn in each replicate.

    Drawing m outlets with replacement out of the m that covered the incident is a multinomial
    draw of counts per outlet; every article carries its outlet's count. Outlets are the unit of
    resampling because an outlet's articles are not independent of each other.
    """
    names, index = np.unique(outlets.astype(str), return_inverse=True)
    m = len(names)
    if m == 0:
        return np.zeros((n_boot, 0))
    counts = rng.multinomial(m, np.full(m, 1.0 / m), size=n_boot)
    return counts[:, index].astype(float)


def interval(values: np.ndarray, level: float = 0.95) -> tuple[float, float] | None:
    """Percentile interval of bootstrap values (NaN dropped); None when nothing is left."""
    v = values[~np.isnan(values)]
    if len(v) == 0:
        return None
    lo, hi = np.quantile(v, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(lo), float(hi)
