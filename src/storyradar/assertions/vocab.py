"""Words the assertion kinds accept: claim-kind aliases, figure kinds and figure qualifiers."""

#: A claim kind as a user writes it -> the kind names the claims layer may store for it.
CLAIM_KIND_ALIASES: dict[str, tuple[str, ...]] = {
    "blame": ("blame", "attribution", "responsibility", "accusation"),
    "denial": ("denial", "deny", "counter-claim", "counterclaim"),
    "figure": ("figure", "figures", "casualty", "casualties", "casualty_report", "casualty-report"),
    "finding": ("finding", "official_finding", "official-finding", "investigation_finding"),
    "investigation": ("investigation", "call", "call_for_investigation", "call-for-investigation",
                      "investigation_call"),
    "statement": ("statement", "other"),
}

#: Figure kinds (what was counted) and the keys a stored figure may use for them.
FIGURE_KIND_ALIASES: dict[str, tuple[str, ...]] = {
    "killed": ("killed", "dead", "deaths", "death", "fatalities", "died"),
    "injured": ("injured", "wounded", "hurt", "injuries"),
    "missing": ("missing",),
}

#: Qualifiers that leave a figure open upwards ("at least 12") or downwards ("up to 20").
OPEN_UP = frozenset({"at_least", "at-least", "more_than", "more-than", "over", "min", "minimum", ">=", ">"})
OPEN_DOWN = frozenset({"at_most", "at-most", "up_to", "up-to", "less_than", "less-than", "fewer_than",
                       "fewer-than", "max", "<=", "<"})
#: Strict bounds: "more than 12" is at least 13, "fewer than 20" at most 19.
STRICT = frozenset({"more_than", "more-than", "over", ">", "less_than", "less-than", "fewer_than",
                    "fewer-than", "<"})
APPROX = frozenset({"about", "around", "approximately", "approx", "some", "nearly", "almost", "~"})
