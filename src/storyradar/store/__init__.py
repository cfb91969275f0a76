"""Storage: the embedded DuckDB store, its schema and Parquet import/export."""

from .db import DEFAULT_DB, Store, article_from_row, db_time

__all__ = ["DEFAULT_DB", "Store", "article_from_row", "db_time"]
