"""Evaluate storyradar's article-body extraction (default data: ../shared/data/article-extraction).

The folder holds ``ground-truth.json`` (id -> {"articleBody", "url"}) and ``html/<id>.html.gz``,
as in the scrapinghub article-extraction-benchmark. Each page goes through
:func:`storyradar.ingest.extract_page`; the score is the benchmark's own: 4-token shingles
(tokens are ``\\w+``), per-document TP/FP/FN normalised to sum 1, precision and recall averaged over
documents, F1 the harmonic mean of those averages. Prints one summary line last.

Run: .venv/bin/python eval/extraction.py [DATA_DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    """Counts of the n-token shingles of ``text`` (one shingle of all tokens when fewer than n)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Shingle TP/FP/FN of one document, normalised so that long texts weigh no more than short ones."""
    t, p = shingles(true), shingles(pred)
    tp = sum(min(t[k], p[k]) for k in t.keys() | p.keys())
    fp = sum(max(0, p[k] - t[k]) for k in t.keys() | p.keys())
    fn = sum(max(0, t[k] - p[k]) for k in t.keys() | p.keys())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(triples: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision and recall averaged per document, and their harmonic mean (the benchmark's F1)."""
    precision = statistics.mean(_precision(*x) for x in triples if x[0] + x[1] > 0)
    recall = statistics.mean(_recall(*x) for x in triples if x[0] + x[2] > 0)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


def evaluate(folder: Path) -> dict:
    """Extract every page and score it against the ground truth."""
    from storyradar.errors import IngestError
    from storyradar.ingest import extract_page
    from storyradar.model import RawPage

    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    triples, failed = [], 0
    for key, item in truth.items():
        path = folder / "html" / f"{key}.html.gz"
        with gzip.open(path, "rb") as fh:
            html = fh.read()
        raw = RawPage(url=item.get("url") or "", html=html, source_kind="html", locator=str(path))
        try:
            body = extract_page(raw).text
        except IngestError:
            body, failed = "", failed + 1
        triples.append(tp_fp_fn(item.get("articleBody", ""), body))
    return {"n": len(truth), "failed": failed, **scores(triples)}


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation; the last line is the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA),
                        help="folder with ground-truth.json and html/")
    args = parser.parse_args(argv)
    folder = Path(args.data)
    if not (folder / "ground-truth.json").is_file():
        print(f"error: {folder}/ground-truth.json not found", file=sys.stderr)
        return 2
    out = evaluate(folder)
    print(f"extraction: {out['n']} pages ({out['failed']} rejected); body precision {out['precision']:.3f}, "
          f"recall {out['recall']:.3f}, F1 {out['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
