"""CLI: `storyradar spark ingest` — the ingest + match job on Spark (local mode or a cluster), Parquet out."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import JsonOption, console, err_console, print_json

spark_app = typer.Typer(help="Run ingest and matching on Spark (local mode or a cluster); Parquet out.",
                        no_args_is_help=True)


@spark_app.command("ingest")
def ingest(
    warc_list: Path = typer.Option(..., "--warc-list", help="File with one WARC path or URL a line."),
    incidents: Path = typer.Option(..., "--incidents", help="Folder of incident specs (*.toml) or one spec."),
    out: str = typer.Option(..., "--out", help="Output folder for the Parquet tables (local, hdfs://, s3a://)."),
    master: str = typer.Option("local[2]", "--master", help="Spark master, e.g. local[4], spark://host:7077, yarn."),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Refuse records larger than this (MB)."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing output folder."),
    as_json: bool = JsonOption,
) -> None:
    """Ingest and match WARCs on Spark, one WARC per task; load the result with `storyradar import-parquet OUT`."""
    from ..scale import load_incidents, read_warc_list, spark_ingest, spark_session

    warcs = read_warc_list(warc_list)
    specs = load_incidents(incidents)
    spark = spark_session(master)
    spark.sparkContext.setLogLevel("ERROR")
    try:
        summary = spark_ingest(spark, warcs, specs, out, max_mb=max_mb, overwrite=overwrite)
    finally:
        spark.stop()
    if as_json:
        print_json(summary.as_dict())
    else:
        console.print(f"{summary.warcs} WARCs: {summary.articles} articles, {summary.matches} matches, "
                      f"{len(summary.rejected)} rejected, {sum(summary.skipped.values())} skipped "
                      f"in {summary.seconds:.1f} s -> {summary.out}", highlight=False, soft_wrap=True)
        for rejected in summary.rejected[:10]:
            err_console.print(f"rejected: {rejected}", highlight=False, markup=False, soft_wrap=True)
        console.print(f"load it with: storyradar import-parquet {summary.out}", highlight=False)
    raise typer.Exit(1 if summary.rejected else 0)


def register(app: typer.Typer) -> None:
    """Add the `spark` command group."""
    app.add_typer(spark_app, name="spark")
