"""Casualty-figure sentences for the demo texts, in each language, with number words and agreement."""

from __future__ import annotations

from dataclasses import dataclass

_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
           "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"),
    "uk": ("нуль", "одна", "дві", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять", "десять",
           "одинадцять", "дванадцять", "тринадцять", "чотирнадцять", "п'ятнадцять", "шістнадцять",
           "сімнадцять", "вісімнадцять", "дев'ятнадцять", "двадцять"),
    "ru": ("ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
           "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать",
           "семнадцать", "восемнадцать", "девятнадцать", "двадцать"),
    "de": ("null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
           "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig"),
    "pl": ("zero", "jedna", "dwie", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć", "dziesięć",
           "jedenaście", "dwanaście", "trzynaście", "czternaście", "piętnaście", "szesnaście", "siedemnaście",
           "osiemnaście", "dziewiętnaście", "dwadzieścia"),
    "fr": ("zéro", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
           "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt"),
    "es": ("cero", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
           "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte"),
}

#: Who gives the figures, per language ("the State Emergency Service", ...).
SOURCES: dict[str, dict[str, str]] = {
    "emergency": {"en": "the State Emergency Service", "uk": "Державна служба з надзвичайних ситуацій",
                  "ru": "Государственная служба по чрезвычайным ситуациям", "de": "der staatliche Katastrophenschutz",
                  "pl": "państwowa służba ratunkowa", "fr": "le service national des urgences",
                  "es": "el servicio estatal de emergencias"},
    "region": {"en": "the regional administration", "uk": "обласна адміністрація",
               "ru": "областная администрация", "de": "die Regionalverwaltung",
               "pl": "administracja regionalna", "fr": "l'administration régionale",
               "es": "la administración regional"},
    "hospital": {"en": "local hospital sources", "uk": "джерела в місцевій лікарні",
                 "ru": "источники в местной больнице", "de": "Quellen im örtlichen Krankenhaus",
                 "pl": "źródła w miejscowym szpitalu", "fr": "des sources hospitalières locales",
                 "es": "fuentes del hospital local"},
}


@dataclass(frozen=True, slots=True)
class Figure:
    """A casualty report: killed (a range when ``killed_hi`` is set), injured (None: "dozens")."""

    killed: int
    injured: int | None = None
    qualifier: str = "exact"  # exact | at_least | range
    killed_hi: int | None = None
    source: str = "emergency"

    def as_dict(self) -> dict[str, object]:
        """The figure as plain data for the manifest."""
        return {"killed": self.killed, "killed_hi": self.killed_hi, "injured": self.injured,
                "qualifier": self.qualifier, "source": self.source}


def number(lang: str, n: int, *, words: bool) -> str:
    """The number as digits, or as a word where asked and known (1–20)."""
    if words and 0 < n <= 20:
        return _WORDS[lang][n]
    return str(n)


def _slavic(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def figure_sentence(lang: str, fig: Figure, *, words: bool = False) -> str:
    """One sentence reporting the figure with its source, in the language's usual pattern."""
    src = SOURCES[fig.source][lang]
    k = number(lang, fig.killed, words=words)
    inj = fig.injured
    return _BUILDERS[lang](fig, k, inj, src)


def _en(fig: Figure, k: str, inj: int | None, src: str) -> str:
    people = "person was" if fig.killed == 1 else "people were"
    if fig.qualifier == "range":
        return f"Between {fig.killed} and {fig.killed_hi} people were killed, according to preliminary figures from {src}."
    hurt = "dozens were injured" if inj is None else f"{inj} injured"
    if fig.qualifier == "at_least":
        return f"At least {k} {people} killed and {hurt}, {src} said."
    return f"{src[0].upper() + src[1:]} said {k} {people} killed and {hurt}."


def _uk(fig: Figure, k: str, inj: int | None, src: str) -> str:
    noun = _slavic(fig.killed, "людина", "людини", "людей")
    verb = "загинула" if noun == "людина" else "загинули"
    if fig.qualifier == "range":
        return f"За попередніми даними, які надала {src}, загинули від {fig.killed} до {fig.killed_hi} людей."
    hurt = "ще десятки людей поранені" if inj is None else f"ще {inj} дістали поранення"
    if fig.qualifier == "at_least":
        return f"Щонайменше {k} {noun} {verb}, {hurt}, повідомила {src}."
    return f"За даними, які оприлюднила {src}, {verb} {k} {noun}, {hurt}."


def _ru(fig: Figure, k: str, inj: int | None, src: str) -> str:
    noun = _slavic(fig.killed, "человек", "человека", "человек")
    verb = "погиб" if fig.killed == 1 else "погибли"
    if fig.qualifier == "range":
        return f"По предварительным данным, которые привела {src}, погибли от {fig.killed} до {fig.killed_hi} человек."
    hurt = "ещё десятки получили ранения" if inj is None else f"ещё {inj} получили ранения"
    if fig.qualifier == "at_least":
        return f"По меньшей мере {k} {noun} {verb}, {hurt}, сообщила {src}."
    return f"Как сообщила {src}, {verb} {k} {noun}, {hurt}."


def _de(fig: Figure, k: str, inj: int | None, src: str) -> str:
    who = "Mensch kam" if fig.killed == 1 else "Menschen kamen"
    if fig.qualifier == "range":
        return f"Nach vorläufigen Angaben kamen zwischen {fig.killed} und {fig.killed_hi} Menschen ums Leben, teilte {src} mit."
    hurt = "Dutzende wurden verletzt" if inj is None else f"{inj} wurden verletzt"
    if fig.qualifier == "at_least":
        return f"Mindestens {k} {who} ums Leben, {hurt}, teilte {src} mit."
    noun, verb = ("Mensch", "kam") if fig.killed == 1 else ("Menschen", "kamen")
    return f"Wie {src} mitteilte, {verb} {k} {noun} ums Leben, {hurt}."


def _pl(fig: Figure, k: str, inj: int | None, src: str) -> str:
    noun = _slavic(fig.killed, "osoba", "osoby", "osób")
    verb = {"osoba": "zginęła", "osoby": "zginęły", "osób": "zginęło"}[noun]
    if fig.qualifier == "range":
        return f"Według wstępnych danych, które podała {src}, zginęło od {fig.killed} do {fig.killed_hi} osób."
    hurt = "dziesiątki zostały ranne" if inj is None else f"{inj} zostało rannych"
    if fig.qualifier == "at_least":
        return f"Co najmniej {k} {noun} {verb}, a {hurt} – poinformowała {src}."
    return f"Jak poinformowała {src}, {verb} {k} {noun}, a {hurt}."


def _fr(fig: Figure, k: str, inj: int | None, src: str) -> str:
    who = "personne a été tuée" if fig.killed == 1 else "personnes ont été tuées"
    if fig.qualifier == "range":
        return f"Selon un bilan provisoire de {src}, entre {fig.killed} et {fig.killed_hi} personnes ont été tuées."
    hurt = "des dizaines blessées" if inj is None else f"{inj} blessées"
    if fig.qualifier == "at_least":
        return f"Au moins {k} {who} et {hurt}, selon {src}."
    return f"Selon {src}, {k} {who} et {hurt}."


def _es(fig: Figure, k: str, inj: int | None, src: str) -> str:
    who = "persona murió" if fig.killed == 1 else "personas murieron"
    if fig.qualifier == "range":
        return f"Entre {fig.killed} y {fig.killed_hi} personas murieron, según cifras preliminares de {src}."
    hurt = "decenas resultaron heridas" if inj is None else f"{inj} resultaron heridas"
    if fig.qualifier == "at_least":
        return f"Al menos {k} {who} y {hurt}, según {src}."
    return f"Según {src}, {k} {who} y {hurt}."


_BUILDERS = {"en": _en, "uk": _uk, "ru": _ru, "de": _de, "pl": _pl, "fr": _fr, "es": _es}
