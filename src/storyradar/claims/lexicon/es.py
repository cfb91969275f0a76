"""Spanish claim lexicon (smaller): cue verbs, attribution phrases, hedges and casualty words."""

LANG = "es"

CUES = {
    "say": ["dijo", "afirmó", "declaró", "señaló", "indicó", "aseguró", "añadió", "explicó", "informó",
            "dice", "afirma", "asegura", "confirmó", "advirtió", "sostuvo"],
    "accuse": ["acusó", "acusa", "acusaron", "culpó", "culpa"],
    "deny": ["negó", "niega", "desmintió", "rechazó", "rechaza", "negaron"],
    "find": ["concluyó", "concluyeron", "determinó", "estableció", "constató"],
    "call": ["pidió", "exigió", "reclamó", "pide", "exige"],
}
ACCORDING = ["según", "de acuerdo con"]
COMPLEMENTIZERS = ["que"]
DETERMINERS = ["el", "la", "los", "las", "un", "una"]
ROLES = ["presidente", "presidenta", "ministro", "ministra", "gobernador", "gobernadora", "portavoz",
         "alcalde", "alcaldesa", "comandante", "fiscal", "general", "embajador", "jefe", "director",
         "regional"]
INSTITUTIONS = ["ministerio", "gobierno", "ejército", "policía", "servicios", "oficina", "comisión",
                "consejo", "agencia", "fuerzas", "autoridades", "comité", "investigación", "tribunal",
                "onu", "otan"]
PRONOUNS = ["él", "ella", "ellos", "ellas", "nosotros", "yo"]
HEDGES = ["probablemente", "posiblemente", "presuntamente", "supuestamente", "al parecer", "habría", "habrían"]
WEAPONS = ["misil", "cohete", "ataque", "bombardeo", "proyectil", "dron", "obús"]
FORCES = ["fuerzas", "tropas", "ejército", "soldados"]
ATTACK_VERBS = ["bombardearon", "atacaron", "dispararon", "lanzaron"]
MISFIRE = ["misil antiaéreo", "defensa antiaérea", "lanzamiento fallido", "cohete errado"]
BY_PHRASES = ["lanzado por", "disparado por", "responsable"]
DENIAL_PHRASES = ["ninguna implicación", "nada que ver", "fabricad", "provocación", "montaje"]
INVESTIGATION_CALLS = ["investigación", "investigación independiente", "investigación internacional"]
FINDING_PHRASES = ["concluyó que", "concluyeron que", "determinó que", "estableció que", "conclusiones"]
FINDING_SPEAKERS = ["investigación", "comisión", "investigadores", "tribunal", "expertos"]
ACTORS = {"ruso": "Russia", "rusa": "Russia", "ucraniano": "Ukraine", "ucraniana": "Ukraine",
          "israelí": "Israel"}
CASUALTIES = {
    "killed": ["muertos", "muertas", "murieron", "fallecidos", "fallecieron", "víctimas mortales", "matando"],
    "injured": ["heridos", "heridas", "hiriendo", "lesionados"],
    "missing": ["desaparecidos", "desaparecidas"],
}
FILLERS = ["personas", "civiles", "niños", "han", "sido", "resultaron", "otras", "otros", "y", "fueron"]
QUALIFIERS = {
    "at-least": ["al menos", "por lo menos", "como mínimo"],
    "more-than": ["más de"],
    "up-to": ["hasta"],
    "about": ["unos", "unas", "alrededor de", "cerca de", "casi", "aproximadamente"],
    "fewer-than": ["menos de"],
}
RANGE_WORDS = ["entre", "y", "a", "o"]
NUMBER_WORDS = {
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "cien": 100,
}

# -- responsibility phrases: agents, mutual accusations, words that are never actors --
AGENT_MARKERS = ["por parte de", "por"]
RECIPROCAL = ["mutuamente", "entre sí"]
NOT_ACTORS = ["ataque", "misil", "explosión", "un", "una", "el", "la", "los", "las"]
FINDING_PHRASES += ["son compatibles con", "es compatible con", "apuntan a"]
DATA_NOUNS = ["cifras", "datos", "balance", "estimaciones", "información"]
INSTITUTIONS += ["servicio", "administración", "fuentes"]
ROLES += ["alcalde", "alcaldesa", "portavoz", "presidenta", "jefa", "jefe"]
