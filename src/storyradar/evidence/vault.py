"""Content-addressed evidence vault on disk: atomic, deduplicated, never written outside its folder."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ..errors import CustodyError
from .hashing import Digest, copy_hashing

_HEX64 = re.compile(r"[0-9a-f]{64}")
_CHAIN = re.compile(r"[0-9A-Za-z_-]{1,64}")
LAYOUT = "sha256"
README = (
    "storyradar evidence vault.\n"
    "Files live at sha256/<2 hex>/<2 hex>/<sha256>; they are named by their own SHA-256 and never\n"
    "change. tmp/ holds partial writes, chains/ the latest hash of each custody chain.\n"
    "Check everything with: storyradar evidence verify\n"
)


@dataclass(slots=True, frozen=True)
class Placed:
    """The outcome of putting bytes in the vault: their digest, vault path and whether they were new."""

    digest: Digest
    rel_path: str
    created: bool


def fsync_dir(path: Path) -> None:
    """Flush a directory entry to disk (renames and links survive a power cut); best effort."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def safe_relpath(rel: str) -> PurePosixPath:
    """Validate a relative POSIX path from a user or an archive: no root, drive, '..' or odd characters."""
    if not rel or "\x00" in rel or "\\" in rel:
        raise CustodyError("unsafe path (empty, NUL or backslash)", path=repr(rel))
    pure = PurePosixPath(rel)
    if pure.is_absolute() or re.match(r"^[A-Za-z]:", rel):
        raise CustodyError("unsafe path: absolute paths are refused", path=rel)
    if any(part in ("..", "") for part in rel.split("/")) or ".." in pure.parts:
        raise CustodyError("unsafe path: '..' or empty components would escape the folder", path=rel)
    return pure


def contained(root: Path, rel: str) -> Path:
    """``root/rel`` after checking that it stays inside ``root`` (also through symbolic links)."""
    pure = safe_relpath(rel)
    target = root.joinpath(*pure.parts)
    real_root = os.path.realpath(root)
    real = os.path.realpath(target)
    if os.path.commonpath([real_root, real]) != real_root:
        raise CustodyError("unsafe path: it resolves outside the folder", path=rel, locator=str(root))
    return target


class Vault:
    """A folder of evidence files named by their SHA-256 (``sha256/ab/cd/<sha256>``).

    Writes go to ``tmp/`` first, are flushed to disk and then hard-linked (or renamed under an
    exclusive lock) into place, so a file under ``sha256/`` is always complete; the same bytes
    added twice, even concurrently, are stored once.
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(os.path.abspath(root))

    def __repr__(self) -> str:
        return f"Vault({str(self.root)!r})"

    # -- layout ---------------------------------------------------------------------------------
    @property
    def tmp_dir(self) -> Path:
        """Where partial writes live until they are complete."""
        return self.root / "tmp"

    @property
    def chains_dir(self) -> Path:
        """Where the latest hash of each custody chain is mirrored."""
        return self.root / "chains"

    def ensure(self) -> Vault:
        """Create the vault folders if needed; return self."""
        for folder in (self.root, self.root / LAYOUT, self.tmp_dir, self.chains_dir):
            folder.mkdir(parents=True, exist_ok=True)
        readme = self.root / "README.txt"
        if not readme.exists():
            readme.write_text(README, encoding="utf-8")
        return self

    @staticmethod
    def rel_path(sha256: str) -> str:
        """The vault path of a SHA-256 (refuses anything that is not 64 lower-case hex digits)."""
        if not isinstance(sha256, str) or not _HEX64.fullmatch(sha256):
            raise CustodyError(f"not a SHA-256 hex digest: {sha256!r}")
        return f"{LAYOUT}/{sha256[:2]}/{sha256[2:4]}/{sha256}"

    def path_for(self, sha256: str) -> Path:
        """Absolute path of the file with this SHA-256 (whether or not it exists)."""
        return self.resolve(self.rel_path(sha256))

    def resolve(self, rel: str) -> Path:
        """Absolute path of a vault-relative path; paths that would leave the vault are refused."""
        return contained(self.root, rel)

    def has(self, sha256: str) -> bool:
        """True when the vault holds a file under this SHA-256."""
        return self.path_for(sha256).is_file()

    # -- writing --------------------------------------------------------------------------------
    def put_file(self, src: str | Path, *, on_chunk: Callable[[int], None] | None = None) -> Placed:
        """Copy a file into the vault, hashing while copying; return where it went."""
        with open(src, "rb", buffering=0) as fh:
            return self.put_stream(fh, on_chunk=on_chunk)

    def put_stream(self, stream: BinaryIO, *, on_chunk: Callable[[int], None] | None = None,
                   expect_sha256: str | None = None) -> Placed:
        """Write a stream into the vault atomically; with ``expect_sha256`` refuse other content."""
        self.ensure()
        fd, tmp_name = tempfile.mkstemp(dir=self.tmp_dir, prefix="add-", suffix=".part")
        tmp = Path(tmp_name)
        try:
            try:
                digest = copy_hashing(stream, fd, on_chunk=on_chunk)
                os.fsync(fd)
            finally:
                os.close(fd)
            if expect_sha256 is not None and digest.sha256 != expect_sha256:
                raise CustodyError(
                    f"content hashes to {digest.sha256}, expected {expect_sha256}", path=str(stream)
                )
            os.chmod(tmp, 0o444)
            created = self._place(tmp, digest)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        return Placed(digest, self.rel_path(digest.sha256), created)

    def _place(self, tmp: Path, digest: Digest) -> bool:
        final = self.path_for(digest.sha256)
        self._mkdirs(final.parent)
        try:
            os.link(tmp, final)  # atomic, and never replaces: exactly one concurrent writer wins
            created = True
        except FileExistsError:
            created = False
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            created = self._place_locked(tmp, final)
        if not created:
            found = final.stat().st_size
            if found != digest.size:
                raise CustodyError(
                    f"vault file has {found} bytes, its name says {digest.size}",
                    path=str(final), hint="run: storyradar evidence verify",
                )
        fsync_dir(final.parent)
        return created

    def _place_locked(self, tmp: Path, final: Path) -> bool:
        """Fallback where hard links are unavailable: an O_EXCL lock file guards the rename."""
        lock = final.with_name(final.name + ".lock")
        deadline = time.monotonic() + 60
        while True:
            try:
                os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
                break
            except FileExistsError:
                if time.monotonic() > deadline:
                    raise CustodyError("vault lock held for over 60 s", path=str(lock),
                                       hint="remove it if no storyradar process is running") from None
                time.sleep(0.02)
        try:
            if final.exists():
                return False
            os.replace(tmp, final)
            return True
        finally:
            lock.unlink()

    def _mkdirs(self, folder: Path) -> None:
        missing = []
        probe = folder
        while not probe.exists() and probe != self.root:
            missing.append(probe)
            probe = probe.parent
        folder.mkdir(parents=True, exist_ok=True)
        for made in reversed(missing):
            fsync_dir(made.parent)

    # -- reading and housekeeping -----------------------------------------------------------------
    def iter_files(self) -> Iterator[tuple[str, Path]]:
        """Every file under ``sha256/`` as (name, path); names that are not a SHA-256 come too."""
        base = self.root / LAYOUT
        if not base.is_dir():
            return
        for dirpath, _dirs, files in os.walk(base):
            for name in sorted(files):
                yield name, Path(dirpath) / name

    def temp_files(self) -> list[Path]:
        """Partial writes left in ``tmp/`` (by a crash or a running add)."""
        return sorted(self.tmp_dir.glob("*")) if self.tmp_dir.is_dir() else []

    def remove(self, path: Path) -> None:
        """Delete one vault file (orphan or partial write) after checking it lies in the vault."""
        rel = path.relative_to(self.root).as_posix()
        target = self.resolve(rel)
        target.chmod(0o644)
        target.unlink()

    # -- custody chain heads ------------------------------------------------------------------------
    def _head_path(self, chain: str) -> Path:
        if not _CHAIN.fullmatch(chain):
            raise CustodyError(f"not a chain name: {chain!r}")
        return self.chains_dir / f"{chain}.json"

    def read_head(self, chain: str) -> dict | None:
        """The mirrored head of a custody chain ({"seq", "entry_hash"}), or None when absent."""
        path = self._head_path(chain)
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise CustodyError(f"unreadable chain head: {exc}", path=str(path)) from exc

    def write_head(self, chain: str, seq: int, entry_hash: str) -> None:
        """Mirror a chain's latest entry atomically (temp file, fsync, rename)."""
        self.ensure()
        path = self._head_path(chain)
        fd, tmp_name = tempfile.mkstemp(dir=self.chains_dir, prefix=".head-", suffix=".part")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"chain": chain, "seq": seq, "entry_hash": entry_hash}, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp_name, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
            raise
        fsync_dir(self.chains_dir)


def vault_for(store, vault: str | Path | Vault | None = None) -> Vault:
    """The vault of a store: the one given, else $STORYRADAR_VAULT, else ``<store file>.vault``."""
    if isinstance(vault, Vault):
        return vault
    if vault:
        return Vault(vault)
    env = os.environ.get("STORYRADAR_VAULT")
    if env:
        return Vault(env)
    path = getattr(store, "path", "")
    if not path or path == ":memory:":
        raise CustodyError("an in-memory store has no default vault folder",
                           hint="pass vault=... (or --vault / $STORYRADAR_VAULT)")
    return Vault(f"{path}.vault")
