"""Verify a storyradar evidence dossier with nothing but the Python standard library.

This file is copied into every exported dossier as ``verify_dossier.py``. Run it with

    python -I verify_dossier.py              # the folder this script sits in (an unzipped dossier)
    python -I verify_dossier.py dossier.zip  # or a dossier zip, without unzipping

It re-hashes every file (SHA-256, BLAKE2b, size), walks the custody chain (each entry carries the
SHA-256 of the previous one) and checks the manifest against the chain. Exit code: 0 all checks
passed, 1 some check failed, 2 the dossier could not be read at all. storyradar's own custody code
imports the chain functions from here, so there is exactly one definition of an entry's hash.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import zipfile

GENESIS = "0" * 64
FORMAT = "storyradar-dossier"
#: Fields of a custody entry covered by its hash (everything but the hash itself).
HASHED_FIELDS = ("chain", "seq", "evidence_id", "action", "actor", "logged_at", "details", "prev_hash")
FIXED_FILES = ("manifest.json", "custody_log.jsonl")
CHUNK = 1 << 20


def canonical(obj) -> bytes:
    """Canonical JSON bytes: sorted keys, no spaces, UTF-8 (the form that gets hashed)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(entry: dict) -> str:
    """SHA-256 over the canonical JSON of an entry's hashed fields, prev_hash included."""
    return hashlib.sha256(canonical({k: entry.get(k) for k in HASHED_FIELDS})).hexdigest()


def details_of(entry: dict) -> dict:
    """An entry's details as a dict (empty when they are missing or not an object)."""
    value = entry.get("details")
    return value if isinstance(value, dict) else {}


def problem(kind: str, message: str, **where) -> dict:
    """One finding: its kind, a sentence, and where (chain, seq, evidence_id, expected, found)."""
    return {"kind": kind, "message": message, **where}


def walk_chain(chain: str, entries: list) -> list:
    """Check one chain (entries sorted by seq): numbering from 1, prev-hash links and entry hashes."""
    found = []
    prev, want = GENESIS, 1
    for e in entries:
        seq = e.get("seq")
        if e.get("chain") != chain:
            found.append(problem("entry-changed", f"chain {chain} entry {seq}: belongs to chain "
                                 f"{e.get('chain')!r}", chain=chain, seq=seq,
                                 expected=chain, found=e.get("chain")))
        if not isinstance(seq, int) or isinstance(seq, bool):
            found.append(problem("entry-changed", f"chain {chain}: entry number {seq!r} is not an integer",
                                 chain=chain, seq=seq))
            continue
        if seq != want:
            what = (f"entries {want}..{seq - 1} are missing (or renumbered)" if seq > want
                    else f"entry {seq} repeats or goes backwards (expected {want})")
            found.append(problem("seq", f"chain {chain}: {what}", chain=chain, seq=want,
                                 expected=want, found=seq))
        if e.get("prev_hash") != prev:
            found.append(problem("link", f"chain {chain} entry {seq}: prev_hash does not match the hash "
                                 "of the entry before it", chain=chain, seq=seq,
                                 expected=prev, found=e.get("prev_hash")))
        if e.get("_unparseable"):
            found.append(problem("entry-changed", f"chain {chain} entry {seq}: {e['_unparseable']}",
                                 chain=chain, seq=seq))
        else:
            again = entry_hash(e)
            if again != e.get("entry_hash"):
                found.append(problem("entry-changed", f"chain {chain} entry {seq} ({e.get('action')}): "
                                     "its content no longer matches its recorded hash", chain=chain,
                                     seq=seq, evidence_id=e.get("evidence_id"),
                                     expected=e.get("entry_hash"), found=again))
        prev, want = e.get("entry_hash"), seq + 1
    return found


def safe_member(name: str) -> str | None:
    """Why an archive member name is unsafe (absolute, '..', backslash, drive), or None when safe."""
    if not name or "\x00" in name or "\\" in name:
        return "empty name, NUL or backslash"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "absolute path"
    parts = name.rstrip("/").split("/")
    if any(p in ("..", "") for p in parts):
        return "'..' or empty path component"
    return None


class DossierSource:
    """Read access to a dossier given as a zip file or as an unzipped folder."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.zip = zipfile.ZipFile(path) if os.path.isfile(path) else None
        if self.zip is None and not os.path.isdir(path):
            raise FileNotFoundError(f"{path}: no such dossier (zip file or folder)")

    def names(self) -> tuple[list, list]:
        """(file names, problems with names): symlinks and unsafe names are problems."""
        names, bad = [], []
        if self.zip is not None:
            for info in self.zip.infolist():
                if info.is_dir():
                    continue
                why = safe_member(info.filename)
                if why is None and stat.S_ISLNK(info.external_attr >> 16):
                    why = "symbolic link"
                (bad.append(problem("unsafe-path", f"{info.filename}: {why}", path=info.filename))
                 if why else names.append(info.filename))
            return names, bad
        root = os.path.realpath(self.path)
        for dirpath, dirs, files in os.walk(self.path):
            for name in files + [d for d in dirs if os.path.islink(os.path.join(dirpath, d))]:
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, self.path).replace(os.sep, "/")
                if os.path.islink(full):
                    real = os.path.realpath(full)
                    inside = os.path.commonpath([root, real]) == root
                    bad.append(problem("unsafe-path", f"{rel}: symbolic link"
                                       + ("" if inside else " pointing outside the dossier"), path=rel))
                    continue
                if rel == "__pycache__" or rel.startswith("__pycache__/"):
                    continue
                names.append(rel)
        return names, bad

    def open(self, name: str):
        """A binary stream of one member."""
        if self.zip is not None:
            return self.zip.open(name)
        return open(os.path.join(self.path, *name.split("/")), "rb")

    def read(self, name: str) -> bytes:
        """The bytes of one member."""
        with self.open(name) as fh:
            return fh.read()

    def close(self) -> None:
        """Close the zip file, if any."""
        if self.zip is not None:
            self.zip.close()


def digest(stream) -> dict:
    """sha256, blake2b and size of a binary stream, read in chunks."""
    sha, b2, size = hashlib.sha256(), hashlib.blake2b(), 0
    while True:
        data = stream.read(CHUNK)
        if not data:
            break
        sha.update(data)
        b2.update(data)
        size += len(data)
    return {"sha256": sha.hexdigest(), "blake2b": b2.hexdigest(), "size": size}


def item_path(sha256: str) -> str:
    """Where an evidence file lives inside a dossier."""
    return f"files/sha256/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def read_log(data: bytes) -> tuple[list, list]:
    """Parse custody_log.jsonl into entries; unreadable lines become problems."""
    entries, bad = [], []
    for n, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            if not isinstance(entry, dict):
                raise ValueError("not an object")
        except ValueError as exc:
            bad.append(problem("entry-changed", f"custody_log.jsonl line {n}: not a JSON entry ({exc})",
                               seq=n))
            continue
        entries.append(entry)
    return entries, bad


def manifest_digest(manifest: dict) -> str:
    """SHA-256 of the manifest without its chain section (that digest goes into the export entry)."""
    return hashlib.sha256(canonical({k: v for k, v in manifest.items() if k != "chain"})).hexdigest()


def _check_items(src: DossierSource, manifest: dict, entries: list, names: set, out: dict) -> None:
    fails = out["failures"]
    acquired = {}
    for e in entries:
        if e.get("action") == "acquired" and not details_of(e).get("additional"):
            acquired.setdefault(e.get("evidence_id"), e)
    seen = set()
    for item in manifest.get("items", []):
        eid, sha = item.get("id"), str(item.get("sha256"))
        seen.add(eid)
        path = item.get("path")
        if path != item_path(sha):
            fails.append(problem("manifest", f"item {eid}: path {path!r} is not {item_path(sha)!r}",
                                 evidence_id=eid))
            continue
        entry = acquired.get(eid)
        if entry is None:
            fails.append(problem("manifest", f"item {eid}: no 'acquired' entry in the custody log",
                                 evidence_id=eid))
        else:
            recorded = details_of(entry).get("item")
            listed = {k: v for k, v in item.items() if k != "path"}
            if recorded != listed:
                keys = sorted(k for k in set(listed) | set(recorded or {})
                              if (recorded or {}).get(k) != listed.get(k))
                fails.append(problem("manifest", f"item {eid}: manifest differs from its acquisition "
                                     f"entry (seq {entry.get('seq')}) in {', '.join(keys)}",
                                     evidence_id=eid, seq=entry.get("seq")))
        if path not in names:
            fails.append(problem("file-missing", f"item {eid}: file {path} is missing", evidence_id=eid))
            continue
        with src.open(path) as fh:
            got = digest(fh)
        out["files_checked"] += 1
        for key in ("sha256", "blake2b", "size"):
            if got[key] != item.get(key):
                fails.append(problem("file-changed", f"item {eid}: {path} {key} differs", evidence_id=eid,
                                     expected=item.get(key), found=got[key]))
    for eid, entry in acquired.items():
        if eid not in seen:
            fails.append(problem("manifest", f"custody entry {entry.get('seq')} acquired item {eid}, "
                                 "which the manifest does not list", evidence_id=eid, seq=entry.get("seq")))


def verify(path: str) -> dict:
    """Check a dossier (zip or folder); returns {"ok", "failures", "files_checked", "entries", "head"}."""
    out = {"ok": False, "failures": [], "files_checked": 0, "entries": 0, "head": None, "path": path}
    fails = out["failures"]
    src = DossierSource(path)
    try:
        names, bad = src.names()
        fails.extend(bad)
        present = set(names)
        for fixed in FIXED_FILES:
            if fixed not in present:
                fails.append(problem("file-missing", f"{fixed} is missing", path=fixed))
        if any(f["kind"] == "file-missing" for f in fails):
            return out
        manifest = json.loads(src.read("manifest.json"))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            fails.append(problem("manifest", f"manifest.json is not a {FORMAT} manifest"))
            return out
        entries, bad = read_log(src.read("custody_log.jsonl"))
        fails.extend(bad)
        chain = (manifest.get("chain") or {}).get("id")
        fails.extend(walk_chain(chain, sorted(entries, key=lambda e: (e.get("seq") is None,
                                                                       str(type(e.get("seq"))),
                                                                       e.get("seq") or 0))))
        out["entries"] = len(entries)
        head = entries[-1].get("entry_hash") if entries else None
        out["head"] = head
        declared = manifest.get("chain") or {}
        if declared.get("head") != head or declared.get("entries") != len(entries):
            fails.append(problem("manifest", "manifest chain head/length differ from custody_log.jsonl",
                                 expected=declared.get("head"), found=head))
        last = entries[-1] if entries else {}
        if last.get("action") != "exported":
            fails.append(problem("manifest", "the last custody entry is not this export",
                                 seq=last.get("seq")))
        elif details_of(last).get("manifest_sha256") != manifest_digest(manifest):
            fails.append(problem("manifest", "manifest.json changed after export (its digest differs "
                                 f"from export entry {last.get('seq')})", seq=last.get("seq"),
                                 expected=details_of(last).get("manifest_sha256"),
                                 found=manifest_digest(manifest)))
        _check_items(src, manifest, entries, present, out)
        listed = set(FIXED_FILES) | {i.get("path") for i in manifest.get("items", [])}
        for extra in manifest.get("files", []):
            fpath = extra.get("path")
            listed.add(fpath)
            if fpath not in present:
                fails.append(problem("file-missing", f"{fpath} is missing", path=fpath))
                continue
            with src.open(fpath) as fh:
                got = digest(fh)
            out["files_checked"] += 1
            if got["sha256"] != extra.get("sha256") or got["size"] != extra.get("size"):
                fails.append(problem("file-changed", f"{fpath}: sha256 differs", path=fpath,
                                     expected=extra.get("sha256"), found=got["sha256"]))
        for name in sorted(present - listed):
            fails.append(problem("unlisted", f"{name}: not listed in the manifest", path=name))
    except (ValueError, KeyError, zipfile.BadZipFile) as exc:
        fails.append(problem("unreadable", f"cannot read the dossier: {exc}"))
    finally:
        src.close()
    out["ok"] = not fails
    return out


def main(argv: list | None = None) -> int:
    """Command line: verify the dossier named by the first argument (default: this script's folder)."""
    args = sys.argv[1:] if argv is None else argv
    target = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    try:
        result = verify(target)
    except (OSError, zipfile.BadZipFile) as exc:
        print(f"ERROR: {exc}")
        return 2
    for f in result["failures"]:
        line = f"FAILED [{f['kind']}] {f['message']}"
        if f.get("expected") is not None or f.get("found") is not None:
            line += f" (expected {f.get('expected')}, found {f.get('found')})"
        print(line)
    status = "OK" if result["ok"] else "FAILED"
    print(f"{status}: {result['files_checked']} files hashed, {result['entries']} custody entries, "
          f"{len(result['failures'])} problems; chain head {result['head']}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
