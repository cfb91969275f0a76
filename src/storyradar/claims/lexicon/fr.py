"""French claim lexicon (smaller): cue verbs, attribution phrases, hedges and casualty words."""

LANG = "fr"

CUES = {
    "say": ["a déclaré", "a dit", "a affirmé", "a indiqué", "a précisé", "a ajouté", "a expliqué",
            "déclare", "affirme", "indique", "dit", "a assuré", "a souligné", "a annoncé", "a confirmé"],
    "accuse": ["a accusé", "accuse", "accusent", "ont accusé"],
    "deny": ["a démenti", "dément", "a nié", "nie", "a rejeté", "rejette", "ont démenti", "ont nié"],
    "find": ["a conclu", "ont conclu", "a établi", "ont établi", "a constaté", "ont constaté"],
    "call": ["a appelé à", "appelle à", "a réclamé", "réclame", "a exigé", "exige"],
}
ACCORDING = ["selon", "d'après", "d’après", "de source"]
COMPLEMENTIZERS = ["que", "qu'", "qu’"]
DETERMINERS = ["le", "la", "les", "l'", "l’", "un", "une"]
ROLES = ["président", "présidente", "ministre", "gouverneur", "porte-parole", "maire", "commandant",
         "procureur", "général", "ambassadeur", "chef", "directeur", "directrice", "régional", "régionale"]
INSTITUTIONS = ["ministère", "gouvernement", "armée", "police", "services", "bureau", "commission",
                "conseil", "agence", "forces", "autorités", "comité", "enquête", "tribunal", "onu", "otan"]
PRONOUNS = ["il", "elle", "ils", "elles", "nous", "je"]
HEDGES = ["probablement", "peut-être", "aurait", "auraient", "présumé", "présumée", "selon toute vraisemblance",
          "apparemment", "vraisemblablement"]
WEAPONS = ["missile", "roquette", "frappe", "frappes", "bombardement", "obus", "drone", "attaque", "raid"]
FORCES = ["forces", "troupes", "armée", "soldats"]
ATTACK_VERBS = ["ont bombardé", "ont frappé", "ont tiré", "ont attaqué", "ont lancé"]
MISFIRE = ["missile de défense antiaérienne", "défense antiaérienne", "tir raté", "roquette égarée"]
BY_PHRASES = ["tiré par", "lancé par", "responsable"]
DENIAL_PHRASES = ["aucune implication", "rien à voir", "fabriqué", "provocation", "mise en scène"]
INVESTIGATION_CALLS = ["enquête", "enquête indépendante", "enquête internationale"]
FINDING_PHRASES = ["a conclu que", "ont conclu que", "a établi que", "ont établi que", "conclusions"]
FINDING_SPEAKERS = ["enquête", "commission", "enquêteurs", "tribunal", "experts"]
ACTORS = {"russe": "Russia", "ukrainien": "Ukraine", "ukrainienne": "Ukraine", "israélien": "Israel",
          "israélienne": "Israel"}
CASUALTIES = {
    "killed": ["tués", "tuées", "morts", "mortes", "ont péri", "décès", "victimes", "tuant", "sont morts"],
    "injured": ["blessés", "blessées", "blessant"],
    "missing": ["disparus", "disparues", "portés disparus"],
}
FILLERS = ["personnes", "civils", "enfants", "ont", "été", "sont", "autres", "et", "habitants"]
QUALIFIERS = {
    "at-least": ["au moins", "au minimum"],
    "more-than": ["plus de", "plus d'", "plus d’"],
    "up-to": ["jusqu'à", "jusqu’à"],
    "about": ["environ", "près de", "quelque", "une vingtaine de"],
    "fewer-than": ["moins de"],
}
RANGE_WORDS = ["entre", "et", "à", "ou"]
NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "cent": 100,
}

# -- responsibility phrases: agents, mutual accusations, words that are never actors --
AGENT_MARKERS = ["par", "de la part de"]
RECIPROCAL = ["mutuellement", "l'un l'autre", "réciproquement"]
NOT_ACTORS = ["frappe", "missile", "explosion", "attaque", "un", "une", "le", "la", "les", "des", "du"]
FINDING_PHRASES += ["correspondent à", "correspond à", "sont compatibles avec"]
DATA_NOUNS = ["bilan", "chiffres", "données", "estimations", "informations"]
INSTITUTIONS += ["service", "administration", "sources"]
ROLES += ["maire", "cheffe", "présidente"]
