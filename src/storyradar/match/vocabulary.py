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
    "drone": "kind", "bomb": "kind", "attack": "kind", "artillery": "kind", "fire": "kind",
    "market": "target", "hospital": "target", "prison": "target", "station": "target",
    "school": "target", "residential": "target", "shop": "target", "theatre": "target",
    "bridge": "target", "power": "target", "port": "target", "depot": "target",
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
    "fire": {
        "en": ["fire=", "fires=", "blaze", "flames", "burned", "burnt", "firefight", "arson"],
        "uk": ["пожеж", "вогон", "вогн", "загоран", "спалахн", "згорі"],
        "ru": ["пожар", "огон", "огн", "возгоран", "вспыхн", "сгоре"],
        "de": ["brand=", "brande=", "brandes=", "feuer", "flammen", "grossbrand", "brandstift"],
        "pl": ["pozar", "ogien", "ognia", "ogniem", "plomien", "plomieni", "splon"],
        "fr": ["incendi", "feu=", "feux=", "flammes"], "es": ["incendi", "fuego", "llamas="],
        "ar": ["حريق", "حرائق", "نيران", "اشتعال"],
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
    "depot": {
        "en": ["depot", "rail yard", "railyard", "locomotive shed", "engine shed"],
        "uk": ["депо="], "ru": ["депо="],
        "de": ["depot", "eisenbahndepot", "bahndepot", "bahnbetriebswerk", "betriebswerk", "lokschuppen"],
        "pl": ["zajezdn", "lokomotywown", "parowozown"], "fr": ["depot"], "es": ["deposito", "cochera"],
        "ar": ["مستودع"],
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
    "blaze": "fire", "fires": "fire", "arson": "fire", "railway depot": "depot", "rail depot": "depot",
    "train depot": "depot", "bus depot": "depot", "tram depot": "depot", "rail yard": "depot",
}

#: Spelled-out numbers 2-20 (normalised), used only to *confirm* a casualty figure: "four were injured".
#: "one"/"ein"/"un" are left out (they are articles and pronouns far more often than counts).
NUMBER_WORDS: dict[str, int] = {
    **dict(zip(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"],
               range(2, 21), strict=True)),
    **dict(zip(["zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwolf",
                "dreizehn", "vierzehn", "funfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig"],
               range(2, 21), strict=True)),
    **dict(zip(["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
                "treize", "quatorze", "quinze", "seize"], range(2, 17), strict=True)), "vingt": 20,
    **dict(zip(["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
                "trece", "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve", "veinte"],
               range(2, 21), strict=True)),
    **dict(zip(["dwa", "trzy", "cztery", "piec", "szesc", "siedem", "osiem", "dziewiec", "dziesiec",
                "jedenascie", "dwanascie", "trzynascie", "czternascie", "pietnascie", "szesnascie",
                "siedemnascie", "osiemnascie", "dziewietnascie", "dwadziescia"], range(2, 21), strict=True)),
    "dwoch": 2, "dwie": 2, "dwaj": 2, "dwoje": 2, "trzech": 3, "troje": 3, "czterech": 4, "czworo": 4,
    "pieciu": 5, "szesciu": 6, "siedmiu": 7, "osmiu": 8, "dziewieciu": 9, "dziesieciu": 10,
    **dict(zip(["два", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять", "десять", "одинадцять",
                "дванадцять", "тринадцять", "чотирнадцять", "п'ятнадцять", "шістнадцять", "сімнадцять",
                "вісімнадцять", "дев'ятнадцять", "двадцять"], range(2, 21), strict=True)),
    "дві": 2, "двоє": 2, "двох": 2, "троє": 3, "трьох": 3, "четверо": 4, "чотирьох": 4, "п'ятеро": 5,
    "п'ятьох": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8, "десятеро": 10,
    **dict(zip(["два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "одиннадцать",
                "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать",
                "восемнадцать", "девятнадцать", "двадцать"], range(2, 21), strict=True)),
    "две": 2, "двое": 2, "двух": 2, "трое": 3, "троих": 3, "трех": 3, "трёх": 3,
    "четырех": 4, "четырёх": 4, "пятеро": 5, "пятерых": 5,
    "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7, "ثمانية": 8,
    "تسعة": 9, "عشرة": 10,
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
