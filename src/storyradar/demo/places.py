"""Data: fictional places and targets of the demo, with their spellings and case forms per language.

Keys used by the sentence templates: ``P_nom`` (name), ``P_loc`` (preposition + locative: "у Зорянівці",
"w Zorianiwce"), ``P_gen`` (genitive); ``T_*`` the struck target in the forms a language needs.
"""

from __future__ import annotations

LANGUAGES = ("en", "uk", "ru", "de", "pl", "fr", "es")

PLACES: dict[str, dict[str, dict[str, str]]] = {
    "zorianivka": {
        "en": {"P_nom": "Zorianivka", "P_loc": "in Zorianivka", "P_gen": "Zorianivka"},
        "uk": {"P_nom": "Зорянівка", "P_loc": "у Зорянівці", "P_gen": "Зорянівки"},
        "ru": {"P_nom": "Зоряновка", "P_loc": "в Зоряновке", "P_gen": "Зоряновки"},
        "de": {"P_nom": "Sorjaniwka", "P_loc": "in Sorjaniwka", "P_gen": "Sorjaniwka"},
        "pl": {"P_nom": "Zorianiwka", "P_loc": "w Zorianiwce", "P_gen": "Zorianiwki"},
        "fr": {"P_nom": "Zorianivka", "P_loc": "à Zorianivka", "P_gen": "Zorianivka"},
        "es": {"P_nom": "Zorianivka", "P_loc": "en Zorianivka", "P_gen": "Zorianivka"},
    },
    "verkhnodar": {
        "en": {"P_nom": "Verkhnodar", "P_loc": "in Verkhnodar", "P_gen": "Verkhnodar"},
        "uk": {"P_nom": "Верхнодар", "P_loc": "у Верхнодарі", "P_gen": "Верхнодара"},
        "ru": {"P_nom": "Верхнодар", "P_loc": "в Верхнодаре", "P_gen": "Верхнодара"},
        "de": {"P_nom": "Werchnodar", "P_loc": "in Werchnodar", "P_gen": "Werchnodar"},
        "pl": {"P_nom": "Wierchnodar", "P_loc": "w Wierchnodarze", "P_gen": "Wierchnodaru"},
        "fr": {"P_nom": "Verkhnodar", "P_loc": "à Verkhnodar", "P_gen": "Verkhnodar"},
        "es": {"P_nom": "Verjnodar", "P_loc": "en Verjnodar", "P_gen": "Verjnodar"},
    },
    "solonivets": {
        "en": {"P_nom": "Solonivets", "P_loc": "in Solonivets", "P_gen": "Solonivets"},
        "uk": {"P_nom": "Солонівець", "P_loc": "у Солонівці", "P_gen": "Солонівця"},
        "ru": {"P_nom": "Солоновец", "P_loc": "в Солоновце", "P_gen": "Солоновца"},
        "de": {"P_nom": "Soloniwez", "P_loc": "in Soloniwez", "P_gen": "Soloniwez"},
        "pl": {"P_nom": "Sołoniwiec", "P_loc": "w Sołoniwcu", "P_gen": "Sołoniwca"},
        "fr": {"P_nom": "Solonivets", "P_loc": "à Solonivets", "P_gen": "Solonivets"},
        "es": {"P_nom": "Solonivets", "P_loc": "en Solonivets", "P_gen": "Solonivets"},
    },
    "tovstolis": {
        "en": {"P_nom": "Tovstolis", "P_loc": "in Tovstolis", "P_gen": "Tovstolis"},
        "uk": {"P_nom": "Товстоліс", "P_loc": "у Товстолісі", "P_gen": "Товстолісу"},
        "ru": {"P_nom": "Товстолис", "P_loc": "в Товстолисе", "P_gen": "Товстолиса"},
        "de": {"P_nom": "Towstolis", "P_loc": "in Towstolis", "P_gen": "Towstolis"},
        "pl": {"P_nom": "Towstolis", "P_loc": "w Towstolisie", "P_gen": "Towstolisu"},
        "fr": {"P_nom": "Tovstolis", "P_loc": "à Tovstolis", "P_gen": "Tovstolis"},
        "es": {"P_nom": "Tovstolis", "P_loc": "en Tovstolis", "P_gen": "Tovstolis"},
    },
}

_PREPOSITIONS = {"in", "у", "в", "w", "à", "en"}


#: Every spelling of each place (nominative and inflected), for the incident files' ``variants``.
def place_variants(place: str) -> list[str]:
    """All distinct spellings and case forms of a demo place, prepositions stripped."""
    seen: list[str] = []
    for forms in PLACES[place].values():
        for value in forms.values():
            word = value.split(" ", 1)[1] if value.split(" ", 1)[0] in _PREPOSITIONS else value
            if word not in seen:
                seen.append(word)
    return seen


TARGETS: dict[str, dict[str, dict[str, str]]] = {
    "market": {
        "en": {"T": "central market", "T_short": "market"},
        "uk": {"T_nom": "центральний ринок", "T_dat": "центральному ринку", "T_loc": "на центральному ринку",
               "T_gen": "центрального ринку", "T_acc": "центральний ринок"},
        "ru": {"T_nom": "центральный рынок", "T_dat": "центральному рынку", "T_loc": "на центральном рынке",
               "T_gen": "центрального рынка", "T_acc": "центральный рынок"},
        "de": {"T_nom": "der zentrale Markt", "T_acc": "den zentralen Markt", "T_dat": "dem zentralen Markt",
               "T_short": "Markt"},
        "pl": {"T_nom": "centralny targ", "T_acc": "centralny targ", "T_loc": "na centralnym targu",
               "T_gen": "centralnego targu"},
        "fr": {"T": "le marché central", "T_de": "du marché central", "T_short": "marché"},
        "es": {"T": "el mercado central", "T_de": "del mercado central", "T_short": "mercado"},
    },
    "station": {
        "en": {"T": "railway station", "T_short": "station"},
        "uk": {"T_nom": "залізничний вокзал", "T_dat": "залізничному вокзалу", "T_loc": "на залізничному вокзалі",
               "T_gen": "залізничного вокзалу", "T_acc": "залізничний вокзал"},
        "ru": {"T_nom": "железнодорожный вокзал", "T_dat": "железнодорожному вокзалу",
               "T_loc": "на железнодорожном вокзале", "T_gen": "железнодорожного вокзала",
               "T_acc": "железнодорожный вокзал"},
        "de": {"T_nom": "der Bahnhof", "T_acc": "den Bahnhof", "T_dat": "dem Bahnhof", "T_short": "Bahnhof"},
        "pl": {"T_nom": "dworzec kolejowy", "T_acc": "dworzec kolejowy", "T_loc": "na dworcu kolejowym",
               "T_gen": "dworca kolejowego"},
        "fr": {"T": "la gare", "T_de": "de la gare", "T_short": "gare"},
        "es": {"T": "la estación de tren", "T_de": "de la estación de tren", "T_short": "estación"},
    },
    "hospital": {
        "en": {"T": "city hospital", "T_short": "hospital"},
        "uk": {"T_nom": "міська лікарня", "T_dat": "міській лікарні", "T_loc": "у міській лікарні",
               "T_gen": "міської лікарні", "T_acc": "міську лікарню"},
        "ru": {"T_nom": "городская больница", "T_dat": "городской больнице", "T_loc": "в городской больнице",
               "T_gen": "городской больницы", "T_acc": "городскую больницу"},
        "de": {"T_nom": "das Stadtkrankenhaus", "T_acc": "das Stadtkrankenhaus", "T_dat": "dem Stadtkrankenhaus",
               "T_short": "Krankenhaus"},
        "pl": {"T_nom": "szpital miejski", "T_acc": "szpital miejski", "T_loc": "w szpitalu miejskim",
               "T_gen": "szpitala miejskiego"},
        "fr": {"T": "l'hôpital municipal", "T_de": "de l'hôpital municipal", "T_short": "hôpital"},
        "es": {"T": "el hospital municipal", "T_de": "del hospital municipal", "T_short": "hospital"},
    },
}

#: Invented towns for unrelated background news, per language (nominative, used after "the town of").
BACKGROUND_TOWNS: dict[str, tuple[str, ...]] = {
    "en": ("Ashcombe", "Fernley Cross", "Holtby", "Marrowgate", "Wexbridge", "Calder Vale"),
    "uk": ("Лісовець", "Кам'яногірськ", "Вербиця", "Сонячне", "Дубосади", "Ярослів"),
    "ru": ("Лесогорск", "Каменск-Северный", "Ольховка-2", "Светлоречье", "Дубравинск", "Яровск"),
    "de": ("Kronau", "Altheim-Süd", "Lindenfeld", "Rabenstein am See", "Hohenwerth"),
    "pl": ("Borowice Górne", "Lipnowo", "Stare Dąbrowo", "Wierzbinek", "Zielenice"),
    "fr": ("Saint-Aubrac", "Montvallon", "Ballerac", "Vireuil-sur-Loue"),
    "es": ("Villarrosa", "San Telmo de Abajo", "Puerto Olivares", "Campoalto"),
}

#: "On <weekday>" per language (Monday first), so texts can name the day without a date.
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday"),
    "uk": ("у понеділок", "у вівторок", "у середу", "у четвер", "у п'ятницю", "у суботу", "у неділю"),
    "ru": ("в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"),
    "de": ("am Montag", "am Dienstag", "am Mittwoch", "am Donnerstag", "am Freitag", "am Samstag", "am Sonntag"),
    "pl": ("w poniedziałek", "we wtorek", "w środę", "w czwartek", "w piątek", "w sobotę", "w niedzielę"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("el lunes", "el martes", "el miércoles", "el jueves", "el viernes", "el sábado", "el domingo"),
}
