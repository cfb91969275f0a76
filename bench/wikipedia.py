"""Bench: parse a generated Special:Export file of N revisions (mwxml + mwparserfromhell); revisions/s."""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path


def main() -> None:
    """Generate the export, stream it through the wikipedia source, print revisions/s."""
    from storyradar.demo.social import mw_revision, write_mediawiki_export
    from storyradar.ingest import get_source, load_sources

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--revisions", type=int, default=10_000)
    args = ap.parse_args()
    t0 = datetime(2025, 3, 14, tzinfo=UTC)
    body = "\n".join(f"Paragraph {k} of the background section." for k in range(40))

    def revs():
        for i in range(1, args.revisions + 1):
            lead = f"A strike on the market in Zorianivka killed {8 + i // 500} people."
            text = (f"{{{{Infobox civilian attack\n| deaths = {8 + i // 500}\n}}}}\n{lead}<ref>r{i}</ref>\n\n"
                    f"== Background ==\n{body}\nEdit {i}.\n")
            yield mw_revision(i, i - 1 or None, t0 + timedelta(minutes=i), f"U{i % 50}", f"edit {i}", text)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.xml"
        write_mediawiki_export(path, lang="en", base="https://en.wiki.example", title="Bench", page_id=1,
                               revisions=revs())
        load_sources()
        src = get_source("wikipedia")
        start = time.perf_counter()
        n = sum(1 for _ in src.iter_records(str(path), src.option_values({})))
        secs = time.perf_counter() - start
        print(json.dumps({"revisions": n, "seconds": round(secs, 2), "per_s": round(n / secs),
                          "file_mb": round(path.stat().st_size / 1e6, 1)}))


if __name__ == "__main__":
    main()
