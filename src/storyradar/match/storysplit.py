"""Second stage of story grouping: split a topic-level story into its incidents (local TF-IDF, average linkage).

A first, single-pass stage puts articles on one topic together (a court sentencing, an earthquake).
Two incidents of the same kind in one topic share most of their words; what tells them apart are the
names, places, dates and figures. Re-weighting the story's own articles with an IDF computed *inside*
the story makes the shared topic words weak and those discriminating words strong; average-linkage
agglomerative clustering on cosine distance then cuts the story where the groups stop resembling each
other. Groups smaller than ``min_group`` are re-attached to the group they resemble most (a short or
off-angle article is not an incident of its own).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

__all__ = ["local_vectors", "split_story"]


def local_vectors(term_counts: Sequence[Counter]) -> np.ndarray:
    """Unit-length rows of sublinear-tf x story-local-idf weights (one row per article)."""
    df: Counter = Counter()
    for tf in term_counts:
        df.update(tf.keys())
    vocab = {t: i for i, t in enumerate(df)}
    n = len(term_counts)
    idf = {t: math.log((n + 1) / (d + 1)) + 1 for t, d in df.items()}
    x = np.zeros((n, len(vocab)), dtype=np.float64)
    for row, tf in enumerate(term_counts):
        for t, f in tf.items():
            if f > 0:
                x[row, vocab[t]] = (1 + math.log(f)) * idf[t]
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return x / norms


def split_story(term_counts: Sequence[Counter], *, distance: float = 0.88, min_group: int = 3,
                max_size: int = 3000) -> list[int]:
    """Group labels (0, 1, ...) for the articles of one story; all 0 when it should not be split.

    ``distance`` is the cosine distance (1 - similarity) at which average linkage stops merging;
    stories smaller than ``2 * min_group`` or larger than ``max_size`` (quadratic memory) are kept whole.
    """
    n = len(term_counts)
    if n < 4 or n > max_size:
        return [0] * n
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    x = local_vectors(term_counts)
    sim = x @ x.T
    dist = np.clip(1.0 - sim, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    labels = fcluster(linkage(squareform(dist, checks=False), method="average"), distance, criterion="distance")
    sizes = Counter(labels.tolist())
    big = sorted(c for c, k in sizes.items() if k >= min_group)
    if len(big) <= 1:
        return [0] * n
    members = {c: labels == c for c in big}
    out = labels.copy()
    for i, c in enumerate(labels.tolist()):
        if sizes[c] < min_group:
            out[i] = max(big, key=lambda b: float(sim[i, members[b]].mean()))
    renumber = {c: k for k, c in enumerate(big)}
    return [renumber[int(c)] for c in out]
