"""Entry point for spark-submit (and ``python -m storyradar.scale``): the Spark ingest job from the command line."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import StoryradarError


def parser() -> argparse.ArgumentParser:
    """The job's arguments (the same as ``storyradar spark ingest``)."""
    p = argparse.ArgumentParser(prog="storyradar-spark-ingest",
                                description="Ingest and match WARCs on Spark; write Parquet for import-parquet.")
    p.add_argument("--warc-list", required=True, help="File with one WARC path or URL a line.")
    p.add_argument("--incidents", required=True, help="Folder of incident specs (*.toml) or one spec.")
    p.add_argument("--out", required=True, help="Output folder (local path, hdfs://, s3a://, ...).")
    p.add_argument("--master", default=None, help="Spark master (default: the one spark-submit gives).")
    p.add_argument("--max-mb", type=float, default=20.0, help="Refuse records larger than this (MB).")
    p.add_argument("--overwrite", action="store_true", help="Replace an existing output folder.")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the job; print its summary as JSON; exit 0 (all read), 1 (some rejected) or 2 (error)."""
    from .job import spark_ingest, spark_session
    from .records import load_incidents, read_warc_list

    args = parser().parse_args(argv)
    try:
        warcs = read_warc_list(args.warc_list)
        incidents = load_incidents(args.incidents)
        spark = spark_session(args.master)
        summary = spark_ingest(spark, warcs, incidents, args.out, max_mb=args.max_mb, overwrite=args.overwrite)
    except StoryradarError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(summary.as_dict(), indent=2))
    return 1 if summary.rejected else 0


if __name__ == "__main__":
    sys.exit(main())
