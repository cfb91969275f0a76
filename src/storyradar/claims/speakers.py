"""Split a speaker as written into person, role and affiliation ("Ukraine's President X" -> X)."""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .records import Speaker

_POSSESSIVE = re.compile(r"^(.+?)['’]s\s+(.+)$")
_OF = re.compile(r"^(.+)\s+(?:of|von|des|der|de|du|del)\s+(?:the\s+)?(.+)$", re.IGNORECASE)
_TRIM = " \t\n,;:.—–-\"“”„«»'‘’()"
#: Roles that only a person holds: after an institution word they introduce a name ("Ministry spokesman X").
PERSON_ROLES = {"spokesman", "spokeswoman", "spokesperson", "chair", "head", "minister", "representative",
                "речник", "речниця", "представник", "представниця", "представитель", "rzecznik", "rzeczniczka",
                "sprecher", "sprecherin", "porte-parole", "portavoz", "голова", "глава", "chief", "director"}
RELATIVE = {"who", "which", "який", "яка", "які", "который", "которая", "которые", "der", "die",
            "który", "która", "którzy", "qui", "quien"}


def _cap(word: str) -> bool:
    w = word.lstrip("(\"“„«")
    return bool(w) and w[0].isupper()


def _is_role(word: str, roles: set[str]) -> bool:
    w = word.lower().strip(_TRIM)
    if w in roles:
        return True
    # German compounds: "Regionalgouverneur", "Militärsprecher"
    return len(w) > 6 and any(w.endswith(r) for r in roles if len(r) >= 6)


def normalise_speaker(raw: str, lex: Lexicon) -> Speaker:
    """Split a speaker phrase into name, role, affiliation and kind using the language's lexicon.

    >>> from storyradar.claims.lexicon import get_lexicon
    >>> s = normalise_speaker("Ukraine's President Volodymyr Zelenskyy", get_lexicon("en"))
    >>> (s.name, s.role, s.affiliation, s.kind)
    ('Volodymyr Zelenskyy', 'President', 'Ukraine', 'person')
    """
    text = " ".join(raw.split()).strip(_TRIM)
    if not text:
        return Speaker(raw=raw, kind="unnamed")
    low = text.lower()
    if low in lex.words("PRONOUNS") or low in RELATIVE:
        return Speaker(raw=raw, name="", role="", kind="pronoun")
    words = text.split()
    dets = lex.words("DETERMINERS")
    while words and words[0].lower() in dets:
        words = words[1:]
    if not words:
        return Speaker(raw=raw, kind="unnamed")
    affiliation = ""
    joined = " ".join(words)
    m = _POSSESSIVE.match(joined)
    if m and len(m.group(1).split()) <= 4:
        affiliation, joined = m.group(1), m.group(2)
        words = joined.split()
    roles = lex.words("ROLES")
    institutions = lex.words("INSTITUTIONS")
    head, _, tail = joined.partition(",")
    head_words = head.split()
    if tail.strip(_TRIM) and 2 <= len(head_words) <= 3 and all(_cap(w) and w.strip(_TRIM).isalpha() for w in head_words) \
            and not any(_is_institution(w, institutions) or _is_role(w, roles) for w in head_words):
        # "Elena Sauer, head of the Civil Monitoring Mission": a name, then who she is
        return Speaker(raw=raw, name=head.strip(_TRIM), role=_drop_dets(tail.strip(_TRIM), dets),
                       affiliation=affiliation, kind="person")
    trailing = _trailing_name(words, roles, institutions)
    if trailing and "," not in joined:
        # "Rzecznik ministerstwa Arkadij Ternow", "голова комісії Томас Бреннер": role words, then a name
        return Speaker(raw=raw, name=" ".join(words[-trailing:]), role=" ".join(words[:-trailing]),
                       affiliation=affiliation, kind="person")
    first_inst = _body_word(words[0], institutions, roles)
    if first_inst or (any(_is_institution(w, institutions) for w in words) and not _has_person(words, roles, institutions)):
        name = " ".join(_drop_dets(text, dets).split()) if affiliation else joined
        om = _OF.match(joined)
        if om and _cap(om.group(2)) and om.group(2).split()[0].lower() not in institutions:
            affiliation = affiliation or om.group(2)
        return Speaker(raw=raw, name=name, role="", affiliation=affiliation, kind="institution")
    # appositive: "Ivan Koval, the regional governor" or "the regional governor, Ivan Koval"
    if "," in joined:
        parts = [p.strip(_TRIM) for p in joined.split(",") if p.strip(_TRIM)]
        names = [p for p in parts if all(_cap(w) for w in p.split()) and not _all_roles(p, roles)]
        rest = [p for p in parts if p not in names]
        if names:
            role = " ".join(_drop_dets(r, dets) for r in rest)
            return Speaker(raw=raw, name=names[0], role=role, affiliation=affiliation,
                           kind="person" if len(names[0].split()) <= 4 else "unnamed")
    # leading role words, then the name: "Regional Governor Ivan Koval", "губернатор Іван Коваль"
    last_role = -1
    for i, w in enumerate(words):
        if _is_role(w, roles):
            last_role = i
    if last_role < 0 and len(words) >= 3 and not _cap(words[0]) and all(_cap(w) for w in words[1:]) \
            and len(words) <= 4:
        last_role = 0  # "мерка Оксана Ліс": a lower-case title the lexicon does not know, then a name
    name_words = words[last_role + 1:]
    role_words = words[:last_role + 1]
    if name_words and all(_cap(w) for w in name_words) and len(name_words) <= 4:
        role = " ".join(role_words)
        return Speaker(raw=raw, name=" ".join(name_words), role=role, affiliation=affiliation,
                       kind="person")
    if last_role >= 0 and not name_words:
        # "the regional governor": a role without a name; "of X" gives the affiliation
        om = _OF.match(joined)
        if om and _cap(om.group(2)):
            return Speaker(raw=raw, name="", role=om.group(1), affiliation=affiliation or om.group(2),
                           kind="role")
        return Speaker(raw=raw, name="", role=joined, affiliation=affiliation, kind="role")
    if all(_cap(w) for w in words) and len(words) <= 4:
        return Speaker(raw=raw, name=joined, affiliation=affiliation, kind="person")
    return Speaker(raw=raw, name=joined, affiliation=affiliation, kind="unnamed")


def is_role(word: str, roles: set[str]) -> bool:
    """True when ``word`` is a role word of the lexicon (German compounds included)."""
    return _is_role(word, roles)


def is_institution(word: str, institutions: set[str]) -> bool:
    """True when ``word`` is an institution word of the lexicon, allowing inflected forms."""
    return _is_institution(word, institutions)


def _body_word(word: str, institutions: set[str], roles: set[str]) -> bool:
    """An institution word that is not a role ("Минобороны" is a body even though it ends in "обороны")."""
    return word.lower().strip(_TRIM) in institutions or (
        _is_institution(word, institutions) and not _is_role(word, roles))


def _is_institution(word: str, institutions: set[str]) -> bool:
    """An institution word, allowing inflected forms ("Rettungsdiensten", "рятувальників")."""
    w = word.lower().strip(_TRIM)
    if w in institutions:
        return True
    return len(w) > 5 and any(len(i) >= 6 and w.startswith(i[:-1]) for i in institutions)


def _trailing_name(words: list[str], roles: set[str], institutions: set[str]) -> int:
    """How many capitalised words end the phrase as a person's name after a leading role word (0: none)."""
    if len(words) < 3 or not any(_is_role(w, roles) for w in words[:-2]):
        return 0
    if _body_word(words[0], institutions, roles) and (
            words[-3].lower().strip(_TRIM) not in PERSON_ROLES):
        return 0  # "Міністерство оборони Естовської Федерації": an institution and its country
    n = 0
    for w in reversed(words[1:]):
        if not _cap(w) or _is_role(w, roles) or _is_institution(w, institutions) or not w.strip(_TRIM).isalpha():
            break
        n += 1
        if n == 2:
            break
    if n < 2 or n == len(words) - 1 and all(_cap(w) for w in words):
        return 0
    return n


def _has_person(words: list[str], roles: set[str], lex_institutions: frozenset[str] | set[str] = frozenset()) -> bool:
    """A role word followed by capitalised words at the end: "Defence Minister Olena Shevchenko"."""
    if len(words) < 3:
        return False
    tail = words[-2:]
    return all(_cap(w) for w in tail) and _is_role(words[-3], roles) and not any(
        _is_role(w, roles) or _is_institution(w, lex_institutions) for w in tail)


def _all_roles(part: str, roles: set[str]) -> bool:
    return any(_is_role(w, roles) for w in part.split())


def _drop_dets(text: str, dets: set[str]) -> str:
    words = text.split()
    while words and words[0].lower() in dets:
        words = words[1:]
    return " ".join(words)
