"""Incident-kind, target and casualty vocabulary in eight languages (data only).

Each concept maps a language to *stems*: a word matches when one of its normalised tokens starts with
the stem (so ``ракет`` matches ракета, ракети, ракетою; ``strike`` matches strikes) and the rest is at
most :data:`MAX_SUFFIX` letters long. A stem ending in ``=`` must match the whole token. Stems are
written already normalised (casefolded, Latin diacritics removed). Arabic tokens are also tried
without a leading clitic (و ف ب ل ال). Users extend it with the incident's ``vocabulary`` field.
"""

from __future__ import annotations

MAX_SUFFIX = 6
ARABIC_CLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل")

#: concept -> category (kind | target | casualty)
CATEGORY: dict[str, str] = {
    "strike": "kind", "missile": "kind", "rocket": "kind", "shelling": "kind", "explosion": "kind",
    "drone": "kind", "bomb": "kind", "attack": "kind", "artillery": "kind",
    "market": "target", "hospital": "target", "prison": "target", "station": "target",
    "school": "target", "residential": "target", "shop": "target", "theatre": "target",
    "bridge": "target", "power": "target", "port": "target",
    "killed": "casualty", "injured": "casualty",
}

TERMS: dict[str, dict[str, list[str]]] = {
    "strike": {
        "en": ["strike", "struck", "airstrike", "hit="],
        "uk": ["удар", "обстріл", "влучан", "влучил"],
        "ru": ["удар", "обстрел", "попадан", "попал"],
        "de": ["angriff", "luftangriff", "einschlag", "beschuss", "getroffen"],
        "pl": ["atak", "ostrzal", "nalot", "uderz", "trafi"],
        "fr": ["frappe", "attaque", "bombard", "touche"],
        "es": ["ataque", "bombard", "impact"],
        "ar": ["قصف", "ضرب", "غار", "هجوم"],
    },
    "missile": {
        "en": ["missile"], "uk": ["ракет"], "ru": ["ракет"], "de": ["rakete", "raketen", "marschflugk"],
        "pl": ["rakiet", "pocisk"], "fr": ["missile"], "es": ["misil"], "ar": ["صاروخ", "صواريخ"],
    },
    "rocket": {
        "en": ["rocket"], "uk": ["реактивн", "град"], "ru": ["реактивн", "град"], "de": ["raketenwerfer"],
        "pl": ["rakietow"], "fr": ["roquette"], "es": ["cohete"], "ar": ["قذيف", "قذائف"],
    },
    "shelling": {
        "en": ["shelling", "shell=", "shells=", "shelled"], "uk": ["обстріл", "снаряд"],
        "ru": ["обстрел", "снаряд"], "de": ["beschuss", "granat"], "pl": ["ostrzal", "pocisk"],
        "fr": ["obus", "pilonn"], "es": ["obus", "cañone", "canone"], "ar": ["قذيف", "قصف"],
    },
    "explosion": {
        "en": ["explosion", "blast", "exploded", "detonat"], "uk": ["вибух"], "ru": ["взрыв"],
        "de": ["explosion", "detonation", "explodiert"], "pl": ["wybuch", "eksplozj"],
        "fr": ["explosion", "deflagration"], "es": ["explosion", "estallido"], "ar": ["انفجار", "تفجير"],
    },
    "drone": {
        "en": ["drone"], "uk": ["дрон", "безпілот", "шахед"], "ru": ["дрон", "беспилот", "шахед"],
        "de": ["drohne"], "pl": ["dron"], "fr": ["drone"], "es": ["dron"], "ar": ["مسير", "درون"],
    },
    "bomb": {
        "en": ["bomb"], "uk": ["бомб", "авіабомб"], "ru": ["бомб", "авиабомб"], "de": ["bombe", "bomben"],
        "pl": ["bomb"], "fr": ["bombe"], "es": ["bomba"], "ar": ["قنبل"],
    },
    "attack": {
        "en": ["attack"], "uk": ["атак", "напад"], "ru": ["атак", "нападен"], "de": ["attacke", "anschlag"],
        "pl": ["atak"], "fr": ["attaque", "attentat"], "es": ["ataque", "atentado"], "ar": ["هجوم", "اعتداء"],
    },
    "artillery": {
        "en": ["artillery"], "uk": ["артилер"], "ru": ["артиллер"], "de": ["artillerie"],
        "pl": ["artyler"], "fr": ["artillerie"], "es": ["artilleria"], "ar": ["مدفع"],
    },
    "market": {
        "en": ["market", "bazaar"], "uk": ["ринок", "ринк", "базар"], "ru": ["рынок", "рынк", "базар"],
        "de": ["markt", "marktplatz"], "pl": ["targ", "bazar", "rynek", "rynku"], "fr": ["marche="],
        "es": ["mercado"], "ar": ["سوق", "أسواق"],
    },
    "hospital": {
        "en": ["hospital", "clinic"], "uk": ["лікарн", "шпитал"], "ru": ["больниц", "госпитал"],
        "de": ["krankenhaus", "klinik", "spital"], "pl": ["szpital"], "fr": ["hopital", "clinique"],
        "es": ["hospital", "clinica"], "ar": ["مستشفى", "مستشفي"],
    },
    "prison": {
        "en": ["prison", "jail", "penal colony"], "uk": ["в'язниц", "колоні", "ізолятор"],
        "ru": ["тюрьм", "тюрем", "колони", "изолятор"], "de": ["gefängnis", "gefangnis", "haftanstalt"],
        "pl": ["wiezien", "zaklad karny"], "fr": ["prison"], "es": ["prision", "carcel"], "ar": ["سجن"],
    },
    "station": {
        "en": ["station", "railway"], "uk": ["вокзал", "станці"], "ru": ["вокзал", "станци"],
        "de": ["bahnhof", "station"], "pl": ["dworzec", "dworc", "stacj"], "fr": ["gare="],
        "es": ["estacion"], "ar": ["محطة"],
    },
    "school": {
        "en": ["school"], "uk": ["школ", "гімназ"], "ru": ["школ", "гимнази"], "de": ["schule"],
        "pl": ["szkol", "szkoł"], "fr": ["ecole"], "es": ["escuela", "colegio"], "ar": ["مدرس"],
    },
    "residential": {
        "en": ["apartment", "residential", "high-rise"], "uk": ["багатоповерх", "житлов"],
        "ru": ["многоэтаж", "жилой", "жилом"], "de": ["wohnhaus", "wohngebaude", "hochhaus"],
        "pl": ["blok", "mieszkaln"], "fr": ["immeuble", "residentiel"], "es": ["edificio", "residencial"],
        "ar": ["سكني", "مبنى"],
    },
    "shop": {
        "en": ["supermarket", "shopping", "mall"], "uk": ["супермаркет", "торговельн", "тц="],
        "ru": ["супермаркет", "торгов", "тц="], "de": ["supermarkt", "einkaufszentrum"],
        "pl": ["supermarket", "centrum handlow"], "fr": ["supermarche", "centre commercial"],
        "es": ["supermercado", "centro comercial"], "ar": ["متجر", "مركز تجاري"],
    },
    "theatre": {
        "en": ["theatre", "theater"], "uk": ["театр"], "ru": ["театр"], "de": ["theater"],
        "pl": ["teatr"], "fr": ["theatre"], "es": ["teatro"], "ar": ["مسرح"],
    },
    "bridge": {
        "en": ["bridge"], "uk": ["міст=", "мосту", "мосте"], "ru": ["мост"], "de": ["brucke", "brücke"],
        "pl": ["most="], "fr": ["pont="], "es": ["puente"], "ar": ["جسر"],
    },
    "power": {
        "en": ["power plant", "power station", "substation"], "uk": ["електростанц", "підстанц", "тец="],
        "ru": ["электростанц", "подстанц", "тэц="], "de": ["kraftwerk", "umspannwerk"],
        "pl": ["elektrowni", "podstacj"], "fr": ["centrale"], "es": ["central electrica"],
        "ar": ["محطة كهرباء"],
    },
    "port": {
        "en": ["port=", "harbour", "harbor"], "uk": ["порт="], "ru": ["порт="], "de": ["hafen"],
        "pl": ["port="], "fr": ["port="], "es": ["puerto"], "ar": ["ميناء"],
    },
    "killed": {
        "en": ["killed", "dead=", "died", "death", "deaths", "killing", "fatalit"],
        "uk": ["загину", "загибл", "вбит", "вбив", "убит", "смерт", "жертв", "мертв"],
        "ru": ["погиб", "убит", "убил", "смерт", "жертв", "мертв"],
        "de": ["getötet", "getotet", "tote=", "toten=", "tot=", "starben", "ums leben"],
        "pl": ["zabit", "zgin", "ofiar", "nie zyj", "smierc", "zginel"],
        "fr": ["tue=", "tues=", "morts=", "mort=", "deces", "victime"],
        "es": ["muert", "fallec", "victima"], "ar": ["قتل", "قتيل", "قتلى", "مقتل"],
    },
    "injured": {
        "en": ["injur", "wounded", "hurt="], "uk": ["поранен", "постражд", "травмован"],
        "ru": ["ранен", "пострада", "травмирован"], "de": ["verletzt", "verwundet"],
        "pl": ["rann", "poszkodowan"], "fr": ["blesse"], "es": ["herid", "lesionad"],
        "ar": ["جريح", "جرحى", "أصيب", "إصاب", "مصاب"],
    },
}

#: English aliases a user may type in ``terms``; each maps to a concept above.
ALIASES: dict[str, str] = {
    "airstrike": "strike", "air strike": "strike", "missile strike": "missile", "rockets": "rocket",
    "shell": "shelling", "blast": "explosion", "bombing": "bomb", "marketplace": "market",
    "bazaar": "market", "clinic": "hospital", "jail": "prison", "railway station": "station",
    "train station": "station", "apartment": "residential", "apartment block": "residential",
    "supermarket": "shop", "mall": "shop", "dead": "killed", "deaths": "killed", "wounded": "injured",
}

#: Country names (stems, normalised) used to spot a namesake place in another country.
COUNTRIES: dict[str, list[str]] = {
    "UA": ["ukrain", "украин", "україн", "ucrani", "ukrajin", "اوكران", "أوكران"],
    "RU": ["russia", "russland", "russe", "russie", "rosj", "rosyj", "rusia", "росси", "росі", "росії",
           "российск", "روسي"],
    "BY": ["belarus", "weissrussland", "bialorus", "беларус", "білорус", "bielorrusia", "bielorussie"],
    "PL": ["poland", "polen", "polsk", "polska", "polsce", "pologne", "polonia", "польш", "польщ"],
    "MD": ["moldov", "молдов", "молдав"],
    "KZ": ["kazakh", "kasach", "kazach", "казах"],
    "BG": ["bulgari", "bulgarien", "болгар", "българ"],
    "RS": ["serbia", "serbien", "serbie", "сербі", "серби", "србиј"],
    "US": ["united states", "usa=", "u.s.", "америк", "usa", "stany zjednoczone", "etats-unis", "estados unidos"],
    "GE": ["georgia=", "georgien", "грузі", "грузи"],
}

#: Month names (stems, normalised) for spotting a date written in the text: month number -> stems.
MONTHS: dict[int, list[str]] = {
    1: ["january", "januar", "janvier", "enero", "stycz", "січ", "январ", "يناير"],
    2: ["february", "februar", "fevrier", "febrero", "lut", "лют", "феврал", "فبراير"],
    3: ["march", "marz", "mars", "marzo", "marc", "берез", "март", "مارس"],
    4: ["april", "avril", "abril", "kwie", "квіт", "апрел", "أبريل"],
    5: ["may=", "mai=", "mayo", "maj", "трав", "мая", "май", "مايو"],
    6: ["june", "juni", "juin", "junio", "czerw", "черв", "июн", "يونيو"],
    7: ["july", "juli", "juillet", "julio", "lip", "лип", "июл", "يوليو"],
    8: ["august", "aout", "agosto", "sierp", "серп", "август", "أغسطس"],
    9: ["september", "septembre", "septiembre", "wrzes", "верес", "сентябр", "سبتمبر"],
    10: ["october", "oktober", "octobre", "octubre", "pazdz", "жовт", "октябр", "أكتوبر"],
    11: ["november", "novembre", "noviembre", "listopad", "листопад", "ноябр", "نوفمبر"],
    12: ["december", "dezember", "decembre", "diciembre", "grud", "груд", "декабр", "ديسمبر"],
}
