"""Speaker identity across scripts and languages: "Ivan Koval", "Іван Коваль", "Iwan Kowal", "Koval" are one."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from rapidfuzz import fuzz
from unidecode import unidecode

SURNAME_MIN = 80  # rapidfuzz ratio of transliterated surnames
FIRST_NAME_MIN = 70  # ratio of transliterated first names when both forms have one


def latin_key(name: str) -> list[str]:
    """A name's words transliterated and folded: "Іван Коваль" -> ["ivan", "koval"], "Iwan Kowal" -> ["ivan", "koval"]."""
    out = []
    for w in re.findall(r"[\w'’-]+", unidecode(name).lower()):
        w = re.sub(r"['’]", "", w).replace("w", "v").replace("kh", "h").replace("ij", "i").replace("iy", "i")
        w = re.sub(r"(?<=[a-z])(ii|yi|iy|y)$", "i", w)
        if w:
            out.append(w)
    return out


def _same_person(a: list[str], b: list[str]) -> bool:
    if not a or not b or fuzz.ratio(a[-1], b[-1]) < SURNAME_MIN:
        return False
    if len(a) >= 2 and len(b) >= 2:
        return fuzz.ratio(a[0], b[0]) >= FIRST_NAME_MIN
    return True


def _is_latin(text: str) -> bool:
    return all(ord(c) < 0x250 for c in text if c.isalpha())


def person_clusters(names: list[str]) -> dict[str, str]:
    """Map each person name (as written) to one display name for everyone who is the same person.

    Full names (two words or more) are grouped when their transliterated surnames and first names
    agree (rapidfuzz); a lone surname joins a group only when exactly one group fits it. The display
    name is the group's most frequent full form in Latin script, else its most frequent form.
    """
    counts = Counter(n for n in names if n)
    groups: list[tuple[list[str], list[str]]] = []  # (key of the first full form, forms)
    singles = []
    for name in sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n)):
        key = latin_key(name)
        if not key:
            continue
        if len(key) < 2:
            singles.append(name)
            continue
        for gkey, forms in groups:
            if _same_person(key, gkey):
                forms.append(name)
                break
        else:
            groups.append((key, [name]))
    for name in singles:
        key = latin_key(name)
        fits = [forms for gkey, forms in groups if _same_person(key, gkey)]
        if len(fits) == 1:
            fits[0].append(name)
        else:
            groups.append((key, [name]))
    out: dict[str, str] = {}
    for _key, forms in groups:
        full = [f for f in forms if len(f.split()) >= 2] or forms
        latin = [f for f in full if _is_latin(f)] or full
        display = max(latin, key=lambda f: (counts[f], -forms.index(f)))
        for f in forms:
            out[f] = display
    return out


def canonical_speakers(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Speaker label -> one label per person across the rows (stored claims); other speakers map to themselves."""
    persons = [r.get("speaker") or "" for r in rows
               if (r.get("extras") or {}).get("speaker_kind") == "person" and r.get("speaker")]
    return person_clusters(persons)
