"""Evaluate storyradar's rule-based attribution extractor on PolNeAR (source, cue, content spans).

Usage: python eval/attribution.py [DATA] [--split dev|train] [--limit N]

Prints precision / recall / F1 for source, cue and content spans (exact and overlap) and for whole
attribution relations, then one summary line last. Spans are compared as covering character ranges
(first to last fragment) after trimming whitespace, quotation marks and edge punctuation from both
sides. Articles annotated by several annotators count once (the first annotation file by name).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from storyradar.claims.attribution import extract_statements

TRIM = " \t\n.,;:!?\"'“”‘’„«»—–-()"
ROLES = ("source", "cue", "content")


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Shrink a span past whitespace, quotation marks and edge punctuation."""
    while a < b and text[a] in TRIM:
        a += 1
    while b > a and text[b - 1] in TRIM:
        b -= 1
    return a, b


def read_ann(path: Path) -> list[dict[str, tuple[int, int] | None]]:
    """Attribution relations of one BRAT .ann file as {source, cue, content} covering spans."""
    spans: dict[str, tuple[str, tuple[int, int]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            head = parts[1].split(" ", 1)
            if len(head) < 2:
                continue
            frags = [tuple(int(x) for x in f.split()) for f in head[1].split(";")]
            spans[parts[0]] = (head[0], (min(f[0] for f in frags), max(f[1] for f in frags)))
        elif line.startswith("E") and len(parts) >= 2:
            rel: dict[str, tuple[int, int] | None] = {"source": None, "cue": None, "content": None}
            for arg in parts[1].split()[1:]:
                role, _, tid = arg.partition(":")
                if role.lower() in rel and tid in spans:
                    rel[role.lower()] = spans[tid][1]
            if rel["content"] and rel["cue"]:
                relations.append(rel)
    return relations


def documents(root: Path, split: str, limit: int | None = None) -> list[tuple[str, str, list[dict]]]:
    """(name, text, gold relations) for each article of the split, one annotation per article."""
    ann_dir, text_dir = root / split / "attributions", root / split / "text"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        sys.exit(f"error: {root / split}: expected attributions/ and text/ folders (PolNeAR layout)")
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(name, ann)
    out = []
    for name, ann in sorted(chosen.items()):
        txt = text_dir / f"{name}.txt"
        if txt.exists():
            out.append((name, txt.read_text(encoding="utf-8"), read_ann(ann)))
        if limit and len(out) >= limit:
            break
    return out


def _match(gold: tuple[int, int] | None, pred: tuple[int, int] | None, mode: str) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if mode == "exact":
        return gold == pred
    return gold[0] < pred[1] and pred[0] < gold[1]


class Counter:
    """True positives counted separately on the prediction side and the gold side."""

    def __init__(self) -> None:
        self.tp_p = self.tp_g = self.n_p = self.n_g = 0

    def add(self, golds: list, preds: list, same) -> None:
        self.n_g += len(golds)
        self.n_p += len(preds)
        self.tp_p += sum(1 for p in preds if any(same(g, p) for g in golds))
        self.tp_g += sum(1 for g in golds if any(same(g, p) for p in preds))

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_p / self.n_p if self.n_p else 0.0
        r = self.tp_g / self.n_g if self.n_g else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(docs: list[tuple[str, str, list[dict]]]) -> dict[str, Counter]:
    """Count matches for each role and mode and for whole relations."""
    counters = {f"{role}/{mode}": Counter() for role in (*ROLES, "relation") for mode in ("exact", "overlap")}
    for _name, text, gold_raw in docs:
        gold = [{k: (trim(text, *v) if v else None) for k, v in g.items()} for g in gold_raw]
        pred = []
        for st in extract_statements(text, "en"):
            parts = [st.content_span, *st.content_parts]
            content = (min(p[0] for p in parts), max(p[1] for p in parts))
            pred.append({"source": trim(text, *st.source_span) if st.source_span else None,
                         "cue": trim(text, *st.cue_span) if st.cue_span else None,
                         "content": trim(text, *content)})
        for mode in ("exact", "overlap"):
            for role in ROLES:
                counters[f"{role}/{mode}"].add([g[role] for g in gold if g[role]],
                                               [p[role] for p in pred if p[role]],
                                               lambda g, p, m=mode: _match(g, p, m))
            counters[f"relation/{mode}"].add(
                gold, pred, lambda g, p, m=mode: all(_match(g[r], p[r], m) for r in ROLES))
    return counters


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the table and a summary line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default="../shared/data/polnear", help="PolNeAR data folder")
    ap.add_argument("--split", default="dev", choices=("dev", "train", "test"))
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    docs = documents(Path(args.data), args.split, args.limit)
    counters = evaluate(docs)
    secs = time.perf_counter() - t0
    n_gold = sum(len(d[2]) for d in docs)
    print(f"PolNeAR {args.split}: {len(docs)} articles, {n_gold} gold attributions, {secs:.1f} s")
    print(f"{'span':<18}{'P':>7}{'R':>7}{'F1':>7}   (pred / gold)")
    for key, c in counters.items():
        p, r, f = c.prf()
        print(f"{key:<18}{100 * p:7.1f}{100 * r:7.1f}{100 * f:7.1f}   ({c.n_p} / {c.n_g})")
    f = {k: 100 * c.prf()[2] for k, c in counters.items()}
    print(f"SUMMARY split={args.split} F1 exact: source {f['source/exact']:.1f} cue {f['cue/exact']:.1f} "
          f"content {f['content/exact']:.1f} relation {f['relation/exact']:.1f}; overlap: source "
          f"{f['source/overlap']:.1f} cue {f['cue/overlap']:.1f} content {f['content/overlap']:.1f} "
          f"relation {f['relation/overlap']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
