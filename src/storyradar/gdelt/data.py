"""GDELT vocabularies: DOC API modes, language names, source-country names, GKG/Events column layouts."""

from __future__ import annotations

#: DOC 2.0 API modes this client speaks (all with format=json).
ARTLIST = "artlist"
TIMELINE_MODES = ("timelinevol", "timelinevolraw", "timelinelang", "timelinesourcecountry")
MODES = (ARTLIST, *TIMELINE_MODES)

#: The DOC API searches a rolling window of about three months.
DOC_WINDOW_DAYS = 92
#: The most records one artlist request returns.
MAX_RECORDS = 250

#: GDELT's language names (artlist ``language`` field, ``timelinelang`` series) -> ISO 639-1.
LANGUAGES = {
    "english": "en", "ukrainian": "uk", "russian": "ru", "german": "de", "french": "fr", "spanish": "es",
    "polish": "pl", "italian": "it", "portuguese": "pt", "dutch": "nl", "arabic": "ar", "turkish": "tr",
    "chinese": "zh", "japanese": "ja", "korean": "ko", "hebrew": "he", "persian": "fa", "romanian": "ro",
    "czech": "cs", "slovak": "sk", "hungarian": "hu", "bulgarian": "bg", "serbian": "sr", "croatian": "hr",
    "greek": "el", "swedish": "sv", "norwegian": "no", "danish": "da", "finnish": "fi", "lithuanian": "lt",
    "latvian": "lv", "estonian": "et", "belarusian": "be", "georgian": "ka", "armenian": "hy",
    "azerbaijani": "az", "kazakh": "kk", "hindi": "hi", "urdu": "ur", "indonesian": "id", "vietnamese": "vi",
}

#: GDELT's source-country names (artlist ``sourcecountry``) -> ISO 3166-1 alpha-2.
COUNTRIES = {
    "ukraine": "UA", "russia": "RU", "united states": "US", "united kingdom": "GB", "germany": "DE",
    "france": "FR", "spain": "ES", "poland": "PL", "italy": "IT", "netherlands": "NL", "belgium": "BE",
    "canada": "CA", "australia": "AU", "israel": "IL", "turkey": "TR", "qatar": "QA", "china": "CN",
    "japan": "JP", "india": "IN", "belarus": "BY", "moldova": "MD", "romania": "RO", "georgia": "GE",
    "lithuania": "LT", "latvia": "LV", "estonia": "EE", "austria": "AT", "switzerland": "CH",
    "sweden": "SE", "norway": "NO", "finland": "FI", "denmark": "DK", "czech republic": "CZ",
    "slovakia": "SK", "hungary": "HU", "bulgaria": "BG", "serbia": "RS", "greece": "GR", "ireland": "IE",
    "portugal": "PT", "mexico": "MX", "brazil": "BR", "argentina": "AR", "egypt": "EG",
    "saudi arabia": "SA", "united arab emirates": "AE", "iran": "IR", "iraq": "IQ", "syria": "SY",
    "lebanon": "LB", "kazakhstan": "KZ", "armenia": "AM", "azerbaijan": "AZ",
}

#: GKG 2.1 columns (tab-separated, no header), in file order.
GKG_COLUMNS = (
    "GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName", "DocumentIdentifier",
    "Counts", "V2Counts", "Themes", "V2Themes", "Locations", "V2Locations", "Persons", "V2Persons",
    "Organizations", "V2Organizations", "V2Tone", "Dates", "GCAM", "SharingImage", "RelatedImages",
    "SocialImageEmbeds", "SocialVideoEmbeds", "Quotations", "AllNames", "Amounts", "TranslationInfo",
    "Extras",
)

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: Events 2.0 export columns (tab-separated, no header), in file order: 61 fields.
EVENT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)

#: Suffix of each 15-minute file kind on data.gdeltproject.org/gdeltv2/.
FILE_SUFFIXES = {"events": ".export.CSV.zip", "mentions": ".mentions.CSV.zip", "gkg": ".gkg.csv.zip"}


def language_code(name: str) -> str:
    """ISO 639-1 code for a GDELT language name ('' when unknown)."""
    return LANGUAGES.get((name or "").strip().lower(), "")


def country_code(name: str) -> str:
    """ISO 3166 alpha-2 code for a GDELT source-country name ('' when unknown)."""
    return COUNTRIES.get((name or "").strip().lower(), "")
