"""Precision and recall of "about" (and "passing") per demo incident against the demo manifest.

Usage: python eval/demo_matching.py /tmp/mq [--rerun]
Reads ``<out>/corpus/manifest.json`` and ``<out>/demo.duckdb`` written by ``storyradar demo --out <out>``;
``--rerun`` matches every incident of ``<out>/corpus/incidents`` again first. Gold "about" = the
manifest's articles of that incident whose kind is not "passing"; gold "passing" = kind "passing".
Only manifest articles are scored (the demo's social posts have no per-article labels).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from storyradar.errors import StoryradarError
from storyradar.match import load_incident_toml, run_match
from storyradar.store import Store


def _pr(pred: set[str], gold: set[str]) -> tuple[float, float]:
    tp = len(pred & gold)
    return (tp / len(pred) if pred else 1.0), (tp / len(gold) if gold else 1.0)


def main(argv: list[str] | None = None) -> int:
    """Print one line per incident and a summary line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--rerun", action="store_true")
    args = ap.parse_args(argv)
    manifest = json.loads((args.out / "corpus" / "manifest.json").read_text(encoding="utf-8"))
    store = Store(args.out / "demo.duckdb")
    label: dict[str, tuple[str, str]] = {}
    for a in manifest["articles"]:
        try:
            label[store.find_article_id(a["url"])] = (a["incident"], a["kind"])
        except StoryradarError:
            print(f"warning: {a['url']}: not in the store", file=sys.stderr)
    print(f"{'incident':24} {'gold':>4} {'about':>5} {'P':>6} {'R':>6}   passing gold/found/right")
    worst = 1.0
    for path in sorted((args.out / "corpus" / "incidents").glob("*.toml")):
        inc = load_incident_toml(path)
        if args.rerun:
            store.save_incident(inc)
            run_match(store, inc)
        ms = store.get_matches(store.get_incident(inc.name).id)
        about = {m.article_id for m in ms if m.relation == "about"} & set(label)
        passing = {m.article_id for m in ms if m.relation == "passing"} & set(label)
        gold_about = {i for i, (n, k) in label.items() if n == inc.name and k != "passing"}
        gold_pass = {i for i, (n, k) in label.items() if n == inc.name and k == "passing"}
        p, r = _pr(about, gold_about)
        worst = min(worst, p, r)
        print(f"{inc.name:24} {len(gold_about):4} {len(about):5} {p:6.3f} {r:6.3f}   "
              f"{len(gold_pass)}/{len(passing)}/{len(passing & gold_pass)}")
    print(f"SUMMARY demo matching worst P/R of about = {worst:.3f}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
