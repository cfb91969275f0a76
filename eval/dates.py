"""Evaluate storyradar's publication-date extraction on a labelled set (default: ../shared/data/html-dates).

The folder holds ``gold.json`` (URL -> {"file": name under pages/, "date": "YYYY-MM-DD"}) and
``pages/``. Each page goes through :func:`storyradar.ingest.extract_page`; its date is read in the
offset the page stated (UTC when none). Prints per-source counts, then one summary line last:
the share of exact dates and the share off by more than a day. A page whose gold date is empty
(NaN) counts as exact when no date is found, as in htmldate's own evaluation; a date found
where there is none counts as off. A missing date counts as neither exact nor off and is
reported apart.

Run: .venv/bin/python eval/dates.py [DATA_DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "html-dates"


def local_date(article) -> date | None:
    """The publication date as the page stated it (in its own offset)."""
    if article.published_at is None:
        return None
    return (article.published_at + timedelta(minutes=article.published_offset_min or 0)).date()


def evaluate(folder: Path) -> dict:
    """Score every labelled page; return counts and per-page results."""
    from storyradar.errors import IngestError
    from storyradar.ingest import extract_page
    from storyradar.model import RawPage

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    results = []
    for url, item in gold.items():
        value = item.get("date")
        expected = date.fromisoformat(value[:10]) if isinstance(value, str) and value[:4].isdigit() else None
        page = folder / "pages" / item["file"]
        raw = RawPage(url=url, html=page.read_bytes(), source_kind="html", locator=str(page))
        try:
            article = extract_page(raw)
            found, source = local_date(article), article.date_source
        except IngestError as exc:
            found, source = None, f"rejected: {exc.reason}"
        results.append({"url": url, "gold": expected, "found": found, "source": source})
    n = len(results)
    exact = sum(r["found"] == r["gold"] for r in results)
    off = sum(r["found"] is not None and (r["gold"] is None or abs((r["found"] - r["gold"]).days) > 1)
              for r in results)
    missing = sum(r["found"] is None and r["gold"] is not None for r in results)
    return {"n": n, "exact": exact, "off_by_more_than_a_day": off, "missing": missing, "results": results}


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation; the last line is the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="folder with gold.json and pages/")
    parser.add_argument("--verbose", action="store_true", help="list every page that is not exact")
    parser.add_argument("--htmldate", action="store_true", help="also score htmldate alone, for reference")
    args = parser.parse_args(argv)
    folder = Path(args.data)
    if not (folder / "gold.json").is_file():
        print(f"error: {folder}/gold.json not found", file=sys.stderr)
        return 2
    out = evaluate(folder)
    by_source = Counter(r["source"] for r in out["results"])
    exact_by_source = Counter(r["source"] for r in out["results"] if r["found"] == r["gold"])
    for source, count in by_source.most_common():
        print(f"  date_source {source:12s} {count:4d} pages, {exact_by_source[source]:4d} exact")
    if args.verbose:
        for r in out["results"]:
            if r["found"] != r["gold"]:
                print(f"  {r['gold']} vs {r['found']} ({r['source']}) {r['url']}")
    n = out["n"]
    if args.htmldate:
        from htmldate import find_date

        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        same = 0
        for r in out["results"]:
            found = find_date((folder / "pages" / gold[r["url"]]["file"]).read_bytes(), url=r["url"])
            same += (date.fromisoformat(found) if found else None) == r["gold"]
        print(f"  htmldate alone (find_date defaults), same pages: exact {same / n:.3f}")
    print(f"dates: {n} pages; exact {out['exact'] / n:.3f}; off by more than a day "
          f"{out['off_by_more_than_a_day'] / n:.3f}; no date {out['missing'] / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
