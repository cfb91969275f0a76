"""Scale: the PySpark ingest job that runs the local ingest and match functions per WARC and writes Parquet."""

from .job import SparkIngestSummary, require_pyspark, spark_ingest, spark_session
from .records import is_candidate, load_incidents, process_warc, read_warc_list

__all__ = [
    "SparkIngestSummary", "is_candidate", "load_incidents", "process_warc", "read_warc_list", "require_pyspark",
    "spark_ingest", "spark_session",
]
