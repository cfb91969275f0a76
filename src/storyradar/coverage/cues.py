"""Cue vocabulary (several languages) for what drives a later wave of coverage.

Stems are matched at word starts on casefolded text, so inflected forms count
("investigat" covers investigation/investigators, "розслідуван" covers its case forms).
"""

from __future__ import annotations

WAVE_CUES: dict[str, tuple[str, ...]] = {
    "investigation/finding": (
        # en
        "investigat", "inquiry", "commission", "concluded", "conclusion", "findings", "found that",
        "report found", "forensic", "probe",
        # uk
        "розслідуван", "слідч", "комісі", "дійшл", "висновк", "встановил",
        # ru
        "расследован", "следств", "комисси", "пришл", "вывод", "установил",
        # de
        "untersuchung", "ermittl", "kommission", "kam zu dem schluss", "schlussfolger", "bericht",
        # pl
        "śledztw", "dochodzeni", "komisj", "ustalił", "wniosk", "raport",
        # fr / es
        "enquête", "commission d", "conclu", "investigación", "comisión", "concluy",
    ),
    "official statement": (
        "statement", "press conference", "spokes", "minister", "president said",
        "заяв", "брифінг", "міністр", "брифинг", "министр", "erklärung", "pressekonferenz",
        "sprecher", "oświadczeni", "konferencj", "rzeczni", "déclaration", "declaración",
    ),
    "anniversary": (
        "anniversary", "a year ago", "one year since", "months since", "memorial", "commemorat",
        "річниц", "роковин", "вшанув", "годовщин", "память", "jahrestag", "gedenk", "rocznic",
        "upamiętni", "anniversaire", "aniversario",
    ),
    "legal step": (
        "court", "charged", "indict", "lawsuit", "tribunal", "prosecutor", "verdict", "sentenc",
        "суд", "обвинувач", "прокур", "обвин", "gericht", "anklage", "staatsanwalt", "urteil",
        "sąd", "oskarżeni", "prokura", "wyrok", "tribunal", "procureur", "fiscal",
    ),
}

#: Below this share of new vocabulary against the first burst, a wave without cues is a rehash.
REHASH_NOVELTY = 0.35
