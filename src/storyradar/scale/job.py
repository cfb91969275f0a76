"""The PySpark ingest job: one WARC per task, local ingest + match inside mapPartitions, Parquet out."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from ..errors import MissingExtraError, StoreError
from ..model import Incident, Rejected
from ..timeutil import now_utc
from .records import incident_record, process_warc, store_columns

#: Per worker process: matchers built once and reused by every task the process runs.
_MATCHERS: dict[str, Any] = {}

#: Extra column each Parquet table is partitioned by (not a store column, so import ignores it).
ARTICLE_PARTITION = "published_month"
MATCH_PARTITION = "incident_name"


def require_pyspark() -> None:
    """Raise MissingExtraError naming ``pip install 'storyradar[spark]'`` when pyspark is absent."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("the Spark job", "pyspark", "spark") from exc


def spark_session(master: str | None = "local[2]", *, app_name: str = "storyradar-ingest",
                  conf: dict[str, str] | None = None) -> Any:
    """A SparkSession set up for storyradar (UTC session zone, no UI; loopback-only in local mode).

    ``master=None`` leaves the master to ``spark-submit``. Worker Python is this interpreter
    (``PYSPARK_PYTHON``) unless the environment already names one.
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    local = master is None or master.startswith("local")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master is not None and local:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    settings = {"spark.ui.enabled": "false", "spark.sql.session.timeZone": "UTC",
                "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS", "spark.python.worker.reuse": "true",
                "spark.ui.showConsoleProgress": "false"}
    if master is not None and local:
        settings.update({"spark.driver.host": "127.0.0.1", "spark.driver.bindAddress": "127.0.0.1",
                         "spark.sql.shuffle.partitions": "4"})
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def _spark_type(duck: str) -> Any:
    from pyspark.sql import types as t

    if duck.startswith("TIMESTAMP"):
        return t.TimestampNTZType()
    return {"INTEGER": t.IntegerType(), "BIGINT": t.LongType(), "DOUBLE": t.DoubleType(), "FLOAT": t.FloatType(),
            "BOOLEAN": t.BooleanType(), "DATE": t.DateType()}.get(duck, t.StringType())


def table_schema(table: str, partition: str | None = None) -> Any:
    """The Spark schema of a store table (plus a partition column), from the store's own DDL."""
    from pyspark.sql.types import StringType, StructField, StructType

    fields = [StructField(name, _spark_type(duck)) for name, duck in store_columns(table)]
    if partition:
        fields.append(StructField(partition, StringType()))
    return StructType(fields)


def _run_partition(paths: Any, incidents: list[Incident], max_mb: float) -> Any:
    for path in paths:
        yield from process_warc(path, incidents, max_mb=max_mb, matchers=_MATCHERS)


def _tally(item: dict[str, Any]) -> list[str]:
    if item["kind"] == "article":
        return ["article"] + ["match"] * len(item["matches"])
    if item["kind"] == "skipped":
        return [f"skipped:{item['reason']}"]
    return [item["kind"]]


def _article_tuple(item: dict[str, Any], columns: tuple[str, ...]) -> tuple:
    row = item["row"]
    when = row["published_at"]
    return (*(row.get(c) for c in columns), when.strftime("%Y-%m") if when else "undated")


def _match_tuples(item: dict[str, Any], columns: tuple[str, ...], names: dict[str, str]) -> list[tuple]:
    return [(*(m.get(c) for c in columns), names.get(m["incident_id"], m["incident_id"])) for m in item["matches"]]


@dataclass(slots=True)
class SparkIngestSummary:
    """What the Spark job did."""

    warcs: int
    articles: int = 0
    matches: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    out: str = ""

    @property
    def records(self) -> int:
        """Records read (articles + rejected; skipped records are counted apart)."""
        return self.articles + len(self.rejected)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready view."""
        return {"warcs": self.warcs, "articles": self.articles, "matches": self.matches,
                "rejected": [str(r) for r in self.rejected], "skipped": self.skipped,
                "seconds": round(self.seconds, 3), "out": self.out}


def spark_ingest(spark: Any, warcs: list[str], incidents: list[Incident], out: str | Path, *,
                 max_mb: float = 20.0, overwrite: bool = False) -> SparkIngestSummary:
    """Ingest and match ``warcs`` on Spark (one WARC per task) and write Parquet tables under ``out``.

    ``out/articles`` (partitioned by publication month), ``out/matches`` (by incident name) and
    ``out/incidents`` have the columns of the store's Parquet export, so ``storyradar
    import-parquet OUT`` loads them; ``out/rejections`` names every record that could not be read.
    """
    from pyspark import StorageLevel
    from pyspark.sql.types import StringType, StructField, StructType

    start = time.perf_counter()
    target = str(out)
    if not overwrite and "://" not in target and (Path(target) / "articles").exists():
        raise StoreError("the output folder already holds a Spark ingest", path=target,
                         hint="choose another --out or pass --overwrite")
    mode = "overwrite" if overwrite else "errorifexists"
    a_schema = table_schema("articles", ARTICLE_PARTITION)
    m_schema = table_schema("matches", MATCH_PARTITION)
    i_schema = table_schema("incidents")
    r_schema = StructType([StructField(c, StringType()) for c in ("path", "locator", "reason")])
    a_cols = tuple(name for name, _t in store_columns("articles"))
    m_cols = tuple(name for name, _t in store_columns("matches"))
    i_cols = tuple(name for name, _t in store_columns("incidents"))
    results = spark.sparkContext.parallelize(warcs, numSlices=max(1, len(warcs))).mapPartitions(
        partial(_run_partition, incidents=incidents, max_mb=max_mb))
    results.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        tallies: dict[str, Any] = dict(results.flatMap(_tally).countByValue())
        tallies["rejected"] = results.filter(lambda r: r["kind"] == "rejected").collect()
        names = {inc.id: inc.name for inc in incidents}
        found = results.filter(lambda r: r["kind"] == "article")
        articles = spark.createDataFrame(found.map(partial(_article_tuple, columns=a_cols)), a_schema,
                                         verifySchema=False).dropDuplicates(["id"])
        matches = spark.createDataFrame(found.flatMap(partial(_match_tuples, columns=m_cols, names=names)), m_schema,
                                        verifySchema=False).dropDuplicates(["incident_id", "article_id"])
        articles.write.mode(mode).partitionBy(ARTICLE_PARTITION).parquet(f"{target}/articles")
        matches.write.mode(mode).partitionBy(MATCH_PARTITION).parquet(f"{target}/matches")
        stamp = now_utc()
        inc_rows = [tuple(incident_record(inc, stamp).get(c) for c in i_cols) for inc in incidents]
        spark.createDataFrame(inc_rows, i_schema).coalesce(1).write.mode(mode).parquet(f"{target}/incidents")
        bad = [(r["path"], r["locator"], r["reason"]) for r in tallies.pop("rejected", [])]
        spark.createDataFrame(bad, r_schema).coalesce(1).write.mode(mode).parquet(f"{target}/rejections")
        summary = SparkIngestSummary(
            warcs=len(warcs), articles=tallies.get("article", 0), matches=tallies.get("match", 0),
            rejected=[Rejected(p, loc, why) for p, loc, why in bad],
            skipped={k.split(":", 1)[1]: v for k, v in tallies.items() if k.startswith("skipped:")}, out=target)
    finally:
        results.unpersist()
    summary.seconds = time.perf_counter() - start
    return summary
