"""German claim lexicon: cue verbs, attribution phrases, roles, blame, hedges and casualty words."""

LANG = "de"

CUES = {
    "say": [
        "sagte", "sagten", "sagt", "sagen", "erklärte", "erklärten", "erklärt", "teilte mit", "teilten mit",
        "teilte", "teilten", "betonte", "betonten", "fügte hinzu", "ergänzte", "berichtete", "berichteten",
        "schrieb", "behauptete", "behaupteten", "behauptet", "warnte", "bestätigte", "bestätigten",
        "meinte", "äußerte", "sprach von", "hieß es", "heißt es",
    ],
    "accuse": ["warf vor", "warfen vor", "wirft vor", "werfen vor", "warf", "warfen", "wirft",
               "beschuldigte", "beschuldigten", "macht verantwortlich", "machte verantwortlich",
               "machten verantwortlich"],
    "deny": ["bestritt", "bestritten", "bestreitet", "dementierte", "dementierten", "wies zurück",
             "wiesen zurück", "wies", "wiesen", "weist zurück"],
    "find": ["kam zu dem Schluss", "kamen zu dem Schluss", "kam zu dem Ergebnis", "kamen zu dem Ergebnis",
             "stellte fest", "stellten fest", "ergab"],
    "call": ["forderte", "forderten", "fordert", "fordern", "rief auf", "riefen auf"],
}
ACCORDING = ["laut", "nach Angaben von", "nach Angaben des", "nach Angaben der", "zufolge",
             "nach Aussage von", "nach Worten von"]
COMPLEMENTIZERS = ["dass", "ob"]
DETERMINERS = ["der", "die", "das", "ein", "eine", "des", "dem", "den"]
ROLES = [
    "präsident", "präsidentin", "ministerpräsident", "minister", "ministerin", "außenminister",
    "verteidigungsminister", "gouverneur", "gouverneurin", "regionalgouverneur", "sprecher", "sprecherin",
    "bürgermeister", "bürgermeisterin", "kommandeur", "staatsanwalt", "staatsanwältin", "general",
    "botschafter", "botschafterin", "chef", "chefin", "leiter", "leiterin", "direktor", "direktorin",
    "ermittler", "experte", "expertin", "zeuge", "zeugin", "arzt", "ärztin", "abgeordnete", "abgeordneter",
    "regionale", "regionaler", "stellvertretende", "stellvertretender", "vize", "polizeisprecher",
    "regierungssprecher", "militärsprecher",
]
INSTITUTIONS = [
    "ministerium", "verteidigungsministerium", "außenministerium", "regierung", "armee", "militär",
    "polizei", "dienst", "dienste", "rettungsdienste", "büro", "kommission", "rat", "agentur",
    "streitkräfte", "kommando", "verwaltung", "behörden", "behörde", "ausschuss", "untersuchung",
    "gericht", "uno", "un", "nato", "kreml", "botschaft", "staatsanwaltschaft", "generalstab",
    "untersuchungskommission", "ermittler", "rettungskräfte", "feuerwehr",
]
PRONOUNS = ["er", "sie", "wir", "ich"]
HEDGES = ["mutmaßlich", "möglicherweise", "angeblich", "offenbar", "vermutlich", "wahrscheinlich",
          "soll", "sollen", "könnte", "könnten", "dürfte", "dürften", "nach vorläufigen angaben"]
WEAPONS = ["rakete", "raketen", "luftangriff", "luftangriffe", "angriff", "angriffs", "beschuss", "drohne",
           "drohnen", "bombe", "bomben", "granate", "granaten", "artillerie", "raketenangriff",
           "marschflugkörper", "geschoss"]
FORCES = ["truppen", "streitkräfte", "armee", "soldaten", "militär", "einheiten"]
ATTACK_VERBS = ["beschossen", "griffen", "feuerten", "bombardierten", "schossen", "abgefeuert", "beschoss"]
MISFIRE = ["flugabwehrrakete", "flugabwehr", "fehlgeleitete rakete", "fehlgeleiteten rakete",
           "fehlgeleitete", "fehlstart", "abwehrrakete"]
BY_PHRASES = ["abgefeuert von", "verantwortlich", "abgeschossen von"]
DENIAL_PHRASES = ["nichts zu tun", "keine beteiligung", "nicht beteiligt", "erfunden", "fälschung",
                  "provokation", "inszeniert", "haltlos"]
INVESTIGATION_CALLS = ["untersuchung", "aufklärung", "ermittlungen"]
FINDING_PHRASES = ["zu dem schluss", "zu dem ergebnis", "stellte fest", "stellten fest", "ergab", "festgestellt"]
FINDING_SPEAKERS = ["untersuchung", "kommission", "ermittler", "gericht", "gutachter", "experten"]
ACTORS = {"russisch": "Russia", "ukrainisch": "Ukraine", "israelisch": "Israel", "belarussisch": "Belarus",
          "syrisch": "Syria", "amerikanisch": "United States", "iranisch": "Iran"}
CASUALTIES = {
    "killed": ["getötet", "tot", "tote", "toten", "starben", "ums leben", "todesopfer", "tötete",
               "töteten", "gestorben", "kamen ums leben"],
    "injured": ["verletzt", "verletzte", "verletzten", "verwundet", "verwundete", "verwundeten"],
    "missing": ["vermisst", "vermisste", "vermissten"],
}
FILLERS = ["menschen", "personen", "zivilisten", "kinder", "wurden", "worden", "sind", "seien", "waren",
           "weitere", "und", "mindestens", "dabei", "bei", "dem", "angriff", "einwohner"]
QUALIFIERS = {
    "at-least": ["mindestens", "wenigstens"],
    "more-than": ["mehr als", "über"],
    "up-to": ["bis zu"],
    "about": ["etwa", "rund", "ungefähr", "fast", "knapp", "circa", "ca."],
    "fewer-than": ["weniger als"],
}
RANGE_WORDS = ["zwischen", "und", "bis", "oder"]
NUMBER_WORDS = {
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13,
    "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100, "dutzend": 12,
}

# -- responsibility phrases: agents, mutual accusations, words that are never actors --
AGENT_MARKERS = ["durch", "von seiten", "seitens"]
RECIPROCAL = ["einander", "sich gegenseitig", "gegenseitig"]
NOT_ACTORS = ["rakete", "angriff", "explosion", "schwere", "tödlich", "massiv"]
FINDING_PHRASES += ["sprechen für", "spricht für", "deuten auf", "deutet auf"]
ROLES += ["vorsitzende", "vorsitzender", "kommissionsvorsitzende", "kommissionsvorsitzender", "leiterin", "leiter"]
DATA_NOUNS = ["angaben", "zahlen", "schätzungen", "informationen"]
ACCORDING += ["wie"]
ROLES += ["bürgermeisterin", "bürgermeister", "sprecherin", "sprecher", "ministeriumssprecherin", "ministeriumssprecher"]
