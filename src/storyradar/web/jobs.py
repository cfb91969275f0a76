"""Background jobs for the web app: ingest runs one input at a time so the page can show progress."""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from ..errors import IngestError, StoryradarError
from ..store import Store
from ..timeutil import now_utc

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_URLS = 5000


@dataclass(slots=True)
class Job:
    """One background run: what it was given, how far it got and what it found."""

    id: str
    kind: str
    inputs: list[str]
    labels: list[str]
    status: str = "queued"  # queued | running | done | failed
    done: int = 0
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    created_at: str = field(default_factory=lambda: now_utc().isoformat(timespec="seconds"))
    finished_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready progress (inputs shown by their labels, never by server paths)."""
        return {
            "id": self.id, "kind": self.kind, "status": self.status, "inputs": self.labels,
            "total": len(self.inputs), "done": self.done, "read": self.read, "stored": self.stored,
            "duplicates": self.duplicates, "rejected": len(self.rejected),
            "rejections": self.rejected[:50], "errors": self.errors[:50],
            "created_at": self.created_at, "finished_at": self.finished_at,
        }


def safe_filename(name: str, index: int) -> str:
    """A file name of our own making for an upload: index prefix, safe characters, extension kept."""
    base = Path(name.replace("\\", "/")).name
    cleaned = _SAFE.sub("_", base).strip("._")[:80] or "upload"
    return f"{index:03d}-{cleaned}"


def check_web_url(url: str) -> str:
    """Accept only absolute http(s) URLs, so a pasted line can never name a server file."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise IngestError("only http:// and https:// URLs can be pasted", path=text[:200])
    return text


class JobRunner:
    """Runs ingest jobs one after another on a worker thread; keeps their progress in memory."""

    def __init__(self, upload_root: Path, *, ingest: Callable[..., Any] | None = None) -> None:
        self.upload_root = upload_root
        self.jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyradar-job")
        self._ingest = ingest
        #: Builds the (SSRF-guarded) httpx client each ingest job fetches URLs with; None: the library's own.
        self.client_factory: Callable[[], Any] | None = None

    def new_upload_dir(self) -> tuple[str, Path]:
        """A fresh job id and the folder its uploads go to."""
        job_id = uuid.uuid4().hex[:12]
        folder = self.upload_root / job_id
        folder.mkdir(parents=True, exist_ok=False)
        return job_id, folder

    @staticmethod
    def save_upload(folder: Path, name: str, index: int, stream: BinaryIO, limit: int) -> Path:
        """Copy one uploaded file into the job folder under a name of our making (size-limited)."""
        target = folder / safe_filename(name, index)
        written = 0
        with open(target, "xb") as out:
            while chunk := stream.read(1 << 20):
                written += len(chunk)
                if written > limit:
                    out.close()
                    target.unlink()
                    raise IngestError(f"upload larger than the limit of {limit} bytes", path=name)
                out.write(chunk)
        return target

    def submit_ingest(self, store: Callable[[], Store], job_id: str, inputs: list[str], labels: list[str],
                      options: dict[str, Any] | None = None) -> Job:
        """Queue an ingest of ``inputs`` (files in the job folder, checked URLs); return the job.

        ``store`` is called on the job thread to get that thread's connection.
        """
        job = Job(id=job_id, kind="ingest", inputs=inputs, labels=labels)
        with self._lock:
            self.jobs[job.id] = job
        self._pool.submit(self._run_ingest, store, job, dict(options or {}))
        return job

    def _run_ingest(self, get_store: Callable[[], Store], job: Job, options: dict[str, Any]) -> None:
        ingest = self._ingest
        store = get_store()
        if ingest is None:
            from ..ingest import run_ingest as ingest
        job.status = "running"
        client = None
        if self.client_factory is not None and "client" not in options:
            client = options["client"] = self.client_factory()
        try:
            self._ingest_each(store, ingest, job, options)
        finally:
            if client is not None:
                client.close()
        job.status = "failed" if job.errors and not job.read else "done"
        job.finished_at = now_utc().isoformat(timespec="seconds")

    @staticmethod
    def _ingest_each(store: Store, ingest: Callable[..., Any], job: Job, options: dict[str, Any]) -> None:
        for locator, label in zip(job.inputs, job.labels, strict=True):
            try:
                summary = ingest(store, [locator], workers=1, progress=False, options=options)
            except StoryradarError as exc:
                job.errors.append(f"{label}: {exc.reason}")
            except Exception as exc:  # noqa: BLE001 - one bad input must not end the job
                job.errors.append(f"{label}: {type(exc).__name__}: {exc}")
            else:
                job.read += summary.read
                job.stored += summary.stored
                job.duplicates += summary.duplicates
                job.rejected += [f"{label} @ {r.locator}: {r.reason}" if r.locator else f"{label}: {r.reason}"
                                 for r in summary.rejected]
            job.done += 1

    def get(self, job_id: str) -> Job | None:
        """A job by id (None when unknown)."""
        with self._lock:
            return self.jobs.get(job_id)

    def recent(self, n: int = 20) -> list[Job]:
        """The latest jobs, newest first."""
        with self._lock:
            return list(self.jobs.values())[-n:][::-1]

    def shutdown(self) -> None:
        """Stop accepting jobs; let the running one finish."""
        self._pool.shutdown(wait=False, cancel_futures=True)
