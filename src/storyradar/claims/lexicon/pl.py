"""Polish claim lexicon: cue verbs, attribution phrases, roles, blame, hedges and casualty words."""

LANG = "pl"

CUES = {
    "say": [
        "powiedział", "powiedziała", "powiedzieli", "powiedziało", "oświadczyło", "poinformowało", "oświadczył", "oświadczyła", "oświadczyli",
        "poinformował", "poinformowała", "poinformowali", "stwierdził", "stwierdziła", "dodał", "dodała",
        "podkreślił", "podkreśliła", "napisał", "napisała", "twierdzi", "twierdzą", "twierdził",
        "twierdziła", "mówi", "mówią", "przekazał", "przekazała", "zapowiedział", "ostrzegł", "ostrzegła",
        "potwierdził", "potwierdziła", "potwierdzili", "wyjaśnił", "wyjaśniła", "relacjonował",
    ],
    "accuse": ["oskarżył", "oskarżyła", "oskarżyli", "oskarżyło", "oskarża", "oskarżają", "obwinił", "obwiniła", "obwinili", "obarczył odpowiedzialnością", "obarczyła odpowiedzialnością", "obarczyli odpowiedzialnością", "obarczyły odpowiedzialnością", "obarczyło odpowiedzialnością"],
    "deny": ["zaprzeczył", "zaprzeczyła", "zaprzeczyli", "zaprzeczyło", "zdementowało", "odrzuciło", "zaprzecza", "zaprzeczają", "zdementował",
             "zdementowała", "odrzucił", "odrzuciła", "odrzucili"],
    "find": ["ustalili", "ustaliła", "ustalił", "ustaliło", "doszło do wniosku", "doszli do wniosku", "doszła do wniosku", "doszedł do wniosku",
             "stwierdzili"],
    "call": ["wezwał", "wezwała", "wezwali", "wezwało", "zażądał", "zażądała", "domaga się", "domagają się"],
}
ACCORDING = ["według", "jak poinformował", "jak poinformowała", "jak poinformowali", "zdaniem",
             "jak podał", "jak podała", "jak przekazał", "jak przekazała", "jak powiedział", "jak powiedziała"]
COMPLEMENTIZERS = ["że", "iż", "czy"]
DETERMINERS = []
ROLES = [
    "prezydent", "premier", "minister", "ministra", "gubernator", "rzecznik", "rzeczniczka", "burmistrz",
    "dowódca", "prokurator", "generał", "ambasador", "szef", "szefowa", "dyrektor", "wojewoda",
    "obwodu", "regionu", "obrony", "narodowej", "spraw", "zagranicznych", "wiceminister", "zastępca",
    "śledczy", "ekspert", "świadek", "mieszkaniec", "mieszkanka", "lekarz", "poseł", "posłanka",
    "komendant", "policji", "rządu", "regionalny", "regionalna", "mer",
]
INSTITUTIONS = [
    "ministerstwo", "mon", "msz", "rząd", "armia", "wojsko", "policja", "służba", "służby", "biuro",
    "komisja", "rada", "agencja", "siły", "dowództwo", "administracja", "władze", "komitet",
    "departament", "śledztwo", "dochodzenie", "sąd", "onz", "nato", "kreml", "ambasada", "prokuratura",
    "sztab", "śledczy", "ratownicy", "straż",
]
PRONOUNS = ["on", "ona", "oni", "one", "my", "ja"]
HEDGES = ["prawdopodobnie", "najprawdopodobniej", "rzekomo", "możliwe", "podobno", "przypuszczalnie",
          "mogła", "mógł", "mogły", "mogli", "według wstępnych informacji", "wstępnie", "najpewniej"]
WEAPONS = ["rakieta", "rakiety", "rakietą", "pocisk", "pocisku", "pociskiem", "atak", "ataku", "atakiem",
           "ostrzał", "ostrzału", "ostrzałem", "nalot", "nalotu", "dron", "drona", "bomba", "bomby",
           "artyleria", "uderzenie", "uderzenia", "rakiet"]
FORCES = ["wojska", "siły", "armia", "żołnierze", "oddziały", "bojownicy"]
ATTACK_VERBS = ["ostrzelały", "ostrzelali", "zaatakowały", "zaatakowali", "wystrzeliły", "wystrzelili",
                "uderzyły", "uderzyli", "zrzuciły"]
MISFIRE = ["obrony przeciwlotniczej", "rakieta przeciwlotnicza", "rakiety przeciwlotniczej",
           "pocisk przeciwlotniczy", "nieudany start", "zabłąkana rakieta", "zabłąkany pocisk"]
BY_PHRASES = ["wystrzelona przez", "wystrzelony przez", "odpowiedzialność za", "odpowiedzialne"]
DENIAL_PHRASES = ["nie ma nic wspólnego", "żadnego udziału", "nie brał", "nie brały", "sfabrykowan",
                  "fałszyw", "prowokacj", "inscenizacj"]
INVESTIGATION_CALLS = ["śledztwa", "śledztwo", "dochodzenia", "dochodzenie", "zbadania", "wyjaśnienia"]
FINDING_PHRASES = ["doszli do wniosku", "doszła do wniosku", "ustalili", "ustaliła", "ustalenia", "wnioski"]
FINDING_SPEAKERS = ["śledcz", "komisj", "dochodzen", "śledztw", "ekspert", "sąd", "trybunał"]
ACTORS = {"rosyjsk": "Russia", "ukraińsk": "Ukraine", "izraelsk": "Israel", "białorusk": "Belarus",
          "syryjsk": "Syria", "amerykańsk": "United States", "irańsk": "Iran"}
CASUALTIES = {
    "killed": ["zginęło", "zginęli", "zginął", "zginęła", "zabitych", "zabici", "zabito", "nie żyje",
               "nie żyją", "ofiar śmiertelnych", "śmierć", "zabijając", "ofiar", "ofiary", "zmarło"],
    "injured": ["rannych", "ranne", "ranni", "ranny", "zostało rannych", "zostały ranne", "poszkodowanych",
                "rannymi"],
    "missing": ["zaginionych", "zaginęło", "zaginieni", "zaginione", "za zaginione"],
}
FILLERS = ["osób", "osoby", "ludzi", "cywilów", "dzieci", "mieszkańców", "zostało", "zostały", "zostali",
           "jest", "są", "kolejnych", "a", "i", "oraz", "co", "najmniej", "uznaje", "się"]
QUALIFIERS = {
    "at-least": ["co najmniej", "przynajmniej", "nie mniej niż"],
    "more-than": ["ponad", "więcej niż", "przeszło", "powyżej"],
    "up-to": ["nawet", "aż do"],
    "about": ["około", "blisko", "prawie", "niemal", "mniej więcej"],
    "fewer-than": ["mniej niż"],
}
RANGE_WORDS = ["od", "do", "i", "lub", "albo"]
NUMBER_WORDS = {
    "jeden": 1, "jedna": 1, "jednej": 1, "dwa": 2, "dwie": 2, "dwóch": 2, "dwoje": 2, "trzy": 3,
    "trzech": 3, "cztery": 4, "czterech": 4, "pięć": 5, "pięciu": 5, "sześć": 6, "sześciu": 6,
    "siedem": 7, "siedmiu": 7, "osiem": 8, "ośmiu": 8, "dziewięć": 9, "dziewięciu": 9, "dziesięć": 10,
    "dziesięciu": 10, "jedenaście": 11, "jedenastu": 11, "dwanaście": 12, "dwunastu": 12,
    "trzynaście": 13, "trzynastu": 13, "czternaście": 14, "czternastu": 14, "piętnaście": 15,
    "piętnastu": 15, "szesnaście": 16, "szesnastu": 16, "siedemnaście": 17, "siedemnastu": 17,
    "osiemnaście": 18, "osiemnastu": 18, "dziewiętnaście": 19, "dziewiętnastu": 19, "dwadzieścia": 20,
    "dwudziestu": 20, "trzydzieści": 30, "trzydziestu": 30, "czterdzieści": 40, "pięćdziesiąt": 50,
    "sto": 100,
}

# -- responsibility phrases: agents, mutual accusations, words that are never actors --
AGENT_MARKERS = ["ze strony", "przez"]
RECIPROCAL = ["się wzajemnie", "wzajemnie", "siebie nawzajem", "nawzajem"]
NOT_ACTORS = ["rakiet", "atak", "do", "po", "w", "we", "na", "wojskow", "miejsk"]
FINDING_PHRASES += ["stwierdziła", "stwierdził", "stwierdzili", "stwierdziło", "wskazują na", "wskazuje na"]
ROLES += ["przewodniczący", "przewodnicząca", "szefowa", "szef"]
DATA_NOUNS = ["danych", "dane", "szacunków", "informacji"]
ROLES += ["rzeczniczka", "burmistrz"]
