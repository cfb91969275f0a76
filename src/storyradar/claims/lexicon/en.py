"""English claim lexicon: cue verbs, attribution phrases, roles, blame, hedges and casualty words."""

LANG = "en"

#: Cue verb forms and their class (say, accuse, deny, find, call).
CUES = {
    "say": [
        "said", "says", "say", "told", "tells", "stated", "claimed", "claims", "added", "adds",
        "noted", "notes", "wrote", "writes", "announced", "announces", "insisted", "insists", "warned",
        "warns", "reported", "reports", "explained", "explains", "argued", "argues", "tweeted", "posted",
        "asserted", "declared", "declares", "confirmed", "confirms", "acknowledged", "acknowledges",
        "suggested", "suggests", "alleged", "alleges", "believes", "believed", "thinks", "thought",
        "maintained", "maintains", "contended", "countered", "replied", "responded", "predicted",
        "promised", "pledged", "vowed", "admitted", "admits", "recalled", "recalls", "asked", "asks",
        "estimated", "estimates", "indicated", "indicates", "described", "describes", "called", "calls",
        "criticized", "criticised", "praised", "mocked", "questioned", "hopes", "hoped", "fears", "feared",
        "expects", "expected", "knows", "knew", "wants", "wanted", "agreed", "agrees", "complained",
        "emphasized", "emphasised", "stressed", "observed", "revealed", "reveals", "disclosed",
        "saying", "adding", "telling", "arguing", "claiming", "explaining", "noting", "insisting", "warning",
        "calling", "suggesting", "continued", "argue", "believe", "suggest", "asserting", "stating",
        "has said", "have said", "had said", "has told", "has claimed", "has warned", "has argued",
        "told reporters", "told journalists", "told a press conference",
    ],
    "accuse": ["accused", "accuses", "blamed", "blames", "held responsible", "holds responsible"],
    "deny": [
        "denied", "denies", "deny", "rejected", "rejects", "dismissed", "dismisses", "refuted", "refutes",
        "disputed", "disputes",
    ],
    "find": ["concluded", "concludes", "found", "finds", "determined", "established", "ruled"],
    "call": ["called for", "calls for", "urged", "urges", "demanded", "demands"],
}

#: Prepositional cues: "according to X, ..." (the speaker follows the cue).
ACCORDING = ["according to", "as reported by", "in the words of", "citing", "quoting"]

#: Words introducing the content of indirect speech ("said that ...").
COMPLEMENTIZERS = ["that", "whether", "if"]

DETERMINERS = ["the", "a", "an", "this", "that", "its", "his", "her", "their", "our"]

#: Titles and roles split off a speaker's name (lowercase; matched word by word).
ROLES = [
    "president", "vice", "prime", "minister", "foreign", "defence", "defense", "interior", "deputy",
    "governor", "regional", "mayor", "spokesperson", "spokesman", "spokeswoman", "spokeswomen",
    "official", "officials", "commander", "general", "chief", "head", "prosecutor", "ambassador",
    "envoy", "secretary", "senator", "sen.", "rep.", "representative", "chairman", "chairwoman", "chair",
    "director", "adviser", "advisor", "analyst", "expert", "investigator", "investigators", "lieutenant",
    "colonel", "col.", "gen.", "lt.", "captain", "sergeant", "colonel-general", "press", "candidate",
    "nominee", "leader", "speaker", "governor-general", "mr.", "mrs.", "ms.", "dr.", "sir", "dame",
    "king", "queen", "prince", "military", "army", "police", "fire", "emergency", "local", "senior",
    "former", "acting", "top", "national", "security", "state", "federal", "city", "district",
    "council", "member", "witness", "resident", "doctor", "nurse", "eyewitness", "survivor",
    "attorney", "judge", "secretary-general", "high", "commissioner", "coordinator", "administrator",
    "administration", "campaign", "manager", "aide", "staff", "strategist", "pollster", "economist",
]

#: Words that make a speaker an institution rather than a person.
INSTITUTIONS = [
    "ministry", "government", "army", "military", "police", "services", "service", "office", "commission",
    "council", "agency", "forces", "force", "command", "administration", "authorities", "authority",
    "committee", "department", "inquiry", "investigation", "court", "un", "nato", "kremlin", "pentagon",
    "embassy", "mission", "campaign", "party", "headquarters", "staff", "prosecutors", "prosecutor's",
    "organisation", "organization", "red", "cross", "observers", "monitors", "union", "senate",
    "congress", "parliament", "cabinet", "secretariat", "agency", "bureau", "team", "report",
    "investigators", "officials", "hospital", "press", "white", "house",
]

PRONOUNS = ["he", "she", "they", "we", "i", "it", "you"]

#: Hedges recorded on a claim.
HEDGES = [
    "may have", "might have", "could have", "may be", "might be", "suggested", "suggests", "reportedly",
    "allegedly", "alleged", "apparently", "apparent", "possibly", "likely", "probably", "believed to",
    "appears to", "appeared to", "seems to", "officials say", "sources say", "unconfirmed", "unverified",
    "purportedly", "presumably", "is thought to", "was thought to",
]

#: Blame: weapon or attack nouns that a responsible party can qualify ("a Russian missile").
WEAPONS = [
    "missile", "missiles", "rocket", "rockets", "strike", "strikes", "air strike", "airstrike",
    "air strikes", "airstrikes", "air raid", "shell", "shells", "shelling", "drone", "drones",
    "bomb", "bombs", "bombing", "artillery", "attack", "attacks", "munition", "munitions",
    "warplane", "warplanes", "jet", "jets", "mortar", "mortars", "projectile", "projectiles",
]
#: Actors whose forces do things ("Norland forces shelled", "the Russian army struck").
FORCES = ["forces", "troops", "army", "military", "air force", "navy", "soldiers", "units", "militants"]
ATTACK_VERBS = [
    "shelled", "struck", "fired", "attacked", "bombed", "launched", "hit", "targeted", "shot",
    "carried out", "dropped",
]
#: Misfire / air defence as the cause.
MISFIRE = [
    "misfired rocket", "misfired missile", "misfire", "errant missile", "errant rocket", "stray missile",
    "stray rocket", "failed launch", "air-defence missile", "air defence missile", "air-defense missile",
    "air defense missile", "interceptor missile", "interceptor", "anti-aircraft missile",
]
#: "launched by X", "fired by X", "X was responsible".
BY_PHRASES = ["launched by", "fired by", "carried out by", "dropped by", "responsible", "behind the"]

DENIAL_PHRASES = [
    "no involvement", "not involved", "nothing to do with", "had no part", "fabricated", "fabrication",
    "false claims", "did not strike", "did not carry out", "not responsible", "categorically",
    "baseless", "provocation", "staged",
]
INVESTIGATION_CALLS = [
    "called for an investigation", "called for an independent investigation", "called for an inquiry",
    "called for an international investigation", "calls for an investigation", "demanded an investigation",
    "demanded an inquiry", "urged an investigation", "urged an independent investigation",
    "independent investigation", "international investigation", "called for a probe", "demanded a probe",
    "called for an independent inquiry",
]
FINDING_PHRASES = [
    "concluded that", "found that", "determined that", "established that", "investigation found",
    "investigation concluded", "inquiry found", "inquiry concluded", "report found", "report concluded",
    "investigators found", "investigators concluded", "findings", "the commission found",
]
FINDING_SPEAKERS = ["investigat", "inquiry", "commission", "tribunal", "court", "report", "experts", "panel"]

#: Nationality adjectives -> actor (others keep the adjective as written).
ACTORS = {
    "russian": "Russia", "ukrainian": "Ukraine", "israeli": "Israel", "palestinian": "Palestine",
    "syrian": "Syria", "american": "United States", "u.s.": "United States", "us": "United States",
    "british": "United Kingdom", "iranian": "Iran", "saudi": "Saudi Arabia", "turkish": "Turkey",
    "hamas": "Hamas", "hezbollah": "Hezbollah", "houthi": "Houthis", "belarusian": "Belarus",
    "georgian": "Georgia", "armenian": "Armenia", "azerbaijani": "Azerbaijan", "nato": "NATO",
}

#: Casualty words by figure kind.
CASUALTIES = {
    "killed": [
        "killed", "dead", "died", "deaths", "death toll", "killing", "fatalities", "lives", "perished",
        "bodies", "were killed", "people killed", "lost their lives",
    ],
    "injured": ["injured", "wounded", "hurt", "injuries", "injuring", "wounding", "hospitalised", "hospitalized"],
    "missing": ["missing", "unaccounted for"],
}
#: Words that may stand between a number and its casualty word ("12 people were killed").
FILLERS = [
    "people", "persons", "civilians", "children", "adults", "women", "men", "soldiers", "residents",
    "others", "other", "more", "were", "was", "are", "have", "been", "had", "reportedly", "also", "and",
    "are", "still", "being", "confirmed", "shoppers", "of", "them", "at", "least",
]
QUALIFIERS = {
    "at-least": ["at least", "no fewer than", "a minimum of"],
    "more-than": ["more than", "over", "upwards of", "in excess of"],
    "up-to": ["up to", "as many as"],
    "about": ["about", "around", "approximately", "nearly", "almost", "roughly", "some", "an estimated", "close to"],
    "fewer-than": ["fewer than", "less than", "under"],
}
RANGE_WORDS = ["between", "and", "to", "or"]

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a dozen": 12, "dozen": 12,
}

# -- responsibility phrases: agents, mutual accusations, words that are never actors --
#: Words that hand a weapon or attack to its agent ("a strike ... by the X").
AGENT_MARKERS = ["by", "carried out by", "launched by", "fired by"]
#: Objects of an accusation that make it mutual, not a blame ("accused each other").
RECIPROCAL = ["each", "one", "themselves"]
#: Capitalised words that are never an actor in a responsibility phrase.
NOT_ACTORS = ["missile", "rocket", "strike", "explosion", "blast", "attack", "breaking", "update", "live",
              "exclusive", "watch", "video", "photos", "day", "night", "deadly", "massive", "another", "latest"]
FINDING_PHRASES += ["is consistent with", "are consistent with", "was consistent with", "were consistent with"]
#: Nouns for a source's numbers: "according to preliminary figures from X" names X.
DATA_NOUNS = ["figures", "data", "estimates", "information", "tally", "count", "statement", "report"]

# -- belief, intention, evaluation and evidence cues (PolNeAR annotation guidelines; tuned on its train split) --
CUES["say"] += [
    "show", "shows", "showed", "showing", "think", "thinks", "seemed", "seems", "appears", "appeared",
    "declined", "endorsed", "endorses", "is expected", "are expected", "referring to", "referred to",
    "support", "supports", "supported", "supporting", "backing", "backed", "backs", "defended", "defends",
    "cited", "cites", "proposed", "proposes", "know", "refused", "refuses", "plans", "opposed", "opposes",
    "oppose", "sought", "seeks", "seeking", "sees", "offered", "hope", "hoping", "asking", "fear", "fears",
    "pointed to", "pointed out", "points out", "talking about", "talked about", "recalling", "expressed",
    "blasted", "insist", "promises", "promising", "assured", "decided", "discussed", "feel", "feels",
    "expect", "describing", "announcing", "denounced", "denouncing", "prefer", "prefers", "hoping",
    "made it clear", "claiming", "asked about", "acknowledging", "reiterated", "reiterating", "considered",
    "was asked", "believing", "vowing", "predicting", "criticizing", "criticising", "questioning",
]
CUES["accuse"] += ["accusing", "blaming"]
CUES["deny"] += ["denying", "rejecting", "dismissing"]
CUES["call"] += ["calling for", "demanding", "urging"]
