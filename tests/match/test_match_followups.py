"""Follow-up fixes: fire/depot vocabulary, passing mentions in off-topic articles, figure attribution,
spelled-out counts, another kind of incident at the same place, and the story-splitting stage."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storyradar.match import build_matcher, cluster_articles, score_article
from storyradar.match.stories import StorySettings
from storyradar.match.storysplit import split_story
from storyradar.model import Article, Incident, Place

T0 = datetime(2025, 3, 24, 21, 40, tzinfo=UTC)


def _depot() -> Incident:
    return Incident(name="depot-fire", occurred_at=T0, occurred_offset_min=120,
                    place=Place("Zorianivka", 48.7, 35.4, "UA"),
                    variants=["Зорянівка", "Зоряновка", "Sorjaniwka", "Zorianiwka"],
                    terms=["fire", "railway depot"], figures={"killed": 1, "injured": 4})


def _market() -> Incident:
    return Incident(name="market", occurred_at=T0 - timedelta(days=10), occurred_offset_min=120,
                    place=Place("Zorianivka", 48.7, 35.4, "UA"),
                    variants=["Зорянівка", "Зоряновка", "Sorjaniwka", "Zorianiwka"],
                    terms=["market", "missile"], figures={"killed": 16, "injured": 34})


def _art(title: str, text: str, days: float, lang: str = "en", t0: datetime = T0) -> Article:
    return Article(url=f"https://x.example/{abs(hash((title, text)))}", title=title, text=text, language=lang,
                   published_at=t0 + timedelta(days=days), outlet="x.example", date_source="declared")


DEPOT_CASES = [
    ("uk", "Пожежа в залізничному депо Зорянівки", "У депо Зорянівки спалахнула пожежа, загинув працівник."),
    ("ru", "Пожар в депо в Зоряновке", "В железнодорожном депо Зоряновки вспыхнул пожар, погиб рабочий."),
    ("de", "Feuer im Eisenbahndepot in Sorjaniwka", "Im Eisenbahndepot in Sorjaniwka ist ein Brand ausgebrochen."),
    ("pl", "Pożar w zajezdni kolejowej w Zorianiwce", "W zajezdni w Zorianiwce wybuchł pożar, zginął pracownik."),
]


def test_fire_and_depot_words_in_several_languages():
    matcher = build_matcher(_depot())
    for lang, title, text in DEPOT_CASES:
        m = score_article(_art(title, text, 0.3, lang), matcher)
        assert m.relation == "about", (lang, m.reasons)
        details = " ".join(r.detail for r in m.reasons)
        assert "kind: fire" in details and "depot" in details, (lang, details)


def test_depot_fire_is_a_near_miss_for_the_market_strike_days_later():
    matcher = build_matcher(_market())
    for lang, title, text in DEPOT_CASES:
        m = score_article(_art(title, text, 0.3, lang), matcher)  # 10.3 days after the market strike
        assert m.relation == "near-miss", (lang, m.reasons)


def test_another_kind_of_incident_alone_is_a_near_miss_later_but_not_on_the_day():
    matcher = build_matcher(_market())
    t_market = T0 - timedelta(days=10)
    late = score_article(_art("Blaze in Sorjaniwka", "A blaze broke out in Sorjaniwka overnight.", 9, t0=t_market), matcher)
    assert late.relation == "near-miss"
    assert any("another kind of incident (fire)" in r.detail for r in late.reasons)
    early = score_article(_art("Blaze in Sorjaniwka", "A blaze broke out in Sorjaniwka.", 0.2, t0=t_market), matcher)
    assert early.relation != "near-miss"


def test_off_topic_title_makes_an_early_mention_passing():
    matcher = build_matcher(_market())
    t_market = T0 - timedelta(days=10)
    text = ("The town council of Fernley Cross approved a budget on Thursday. Aid groups have been active "
            "since the missile strike on the Zorianivka market. Road repairs take a quarter of it.")
    m = score_article(_art("Fernley Cross council approves new budget", text, 5, t0=t_market), matcher)
    assert m.relation == "passing"
    assert any("mention in passing" in r.detail for r in m.reasons)
    # the same text under a title about the strike is about it
    m2 = score_article(_art("Market strike: aid keeps coming", text, 5, t0=t_market), matcher)
    assert m2.relation == "about"


def test_number_between_two_casualty_words_goes_to_the_one_after_it():
    matcher = build_matcher(_market())
    t_market = T0 - timedelta(days=10)
    text = "Eine Rakete traf den Markt in Sorjaniwka. 16 Menschen kamen ums Leben, 34 wurden verletzt."
    m = score_article(_art("Raketenangriff auf Markt in Sorjaniwka", text, 1, "de", t0=t_market), matcher)
    figures = [r.detail for r in m.reasons if r.kind == "figure"]
    assert "killed: 16 (as the incident)" in figures and "injured: 34 (as the incident)" in figures, figures
    assert m.relation == "about"


def test_spelled_counts_confirm_but_never_contradict():
    matcher = build_matcher(_depot())
    m = score_article(_art("Depot fire in Zorianivka", "A fire hit the depot in Zorianivka; four were injured.",
                           0.2), matcher)
    assert any(r.detail == "injured: 4 in words (as the incident)" for r in m.reasons)
    m2 = score_article(_art("Depot fire in Zorianivka", "A fire hit the depot in Zorianivka; seven were injured.",
                            0.2), matcher)
    assert not [r for r in m2.reasons if r.kind == "figure"]
    assert m2.relation == "about"


# -- story splitting ---------------------------------------------------------------------------
#: Topic words both earthquakes share, and details only one of them has (as real coverage of two
#: incidents of one kind: same vocabulary, different names, places, figures and events).
GENERIC = ["Rescuers searched the rubble through the night after the earthquake.",
           "Aftershocks were felt across the region, seismologists said.",
           "Seismologists warned that more tremors were likely after the quake.",
           "The earthquake was felt in neighbouring provinces."]
VELMORA = ["A magnitude 6.1 earthquake struck Velmora on Monday, 4 March 2019.",
           "Mayor Ilse Brandt said 12 people had died in Velmora.",
           "The old clock tower of Velmora collapsed onto the Lindenhof square.",
           "Brandt asked the Red Crescent for tents and field kitchens.",
           "Marta Kiel, a teacher from Lindenhof, described cracked walls and a flooded cellar.",
           "The epicentre lay under the Sava bend, 14 kilometres from Velmora."]
ORLIVKA = ["A 5.4 tremor shook Orlivka late on Thursday, 9 September 2021.",
           "Three miners were trapped underground at the Pidhirne colliery, Pavel Donets said.",
           "Donets, who heads the Orlivka district, ordered the grain elevator evacuated.",
           "Civil defence crews pumped water out of the Pidhirne shaft.",
           "Oleh Marchuk, a shift foreman, said the lift cable snapped during the quake.",
           "The epicentre lay beneath Lake Tyrn, 40 kilometres from Orlivka."]


def _quakes(tag: str, count: int, details: list[str], town: str) -> list[Article]:
    import random

    rng = random.Random(tag)
    out = []
    for i in range(count):
        lines = rng.sample(details, 4) + rng.sample(GENERIC, 1)
        rng.shuffle(lines)
        out.append(Article(url=f"https://{tag}{i}.example/q", title=f"Earthquake hits {town}",
                           text=" ".join(lines), language="en", outlet=f"{tag}{i}.example"))
    return out


def test_split_story_separates_two_incidents_of_one_kind():
    from storyradar.match.stories import _terms

    a = _quakes("a", 8, VELMORA, "Velmora")
    b = _quakes("b", 8, ORLIVKA, "Orlivka")
    s = StorySettings()
    labels = split_story([_terms(x, s) for x in a + b])
    assert len(set(labels[:8])) == 1 and len(set(labels[8:])) == 1 and labels[0] != labels[8]
    assert split_story([_terms(x, s) for x in a]) == [0] * 8  # one incident stays whole


def test_cluster_articles_splits_same_kind_incidents_that_a_single_pass_joins():
    a = _quakes("a", 8, VELMORA, "Velmora")
    b = _quakes("b", 8, ORLIVKA, "Orlivka")
    loose = StorySettings(split_distance=0.0, threshold=0.05)  # stage 1 alone, joining one topic
    single = cluster_articles(a + b, loose)
    assert len({single[x.id] for x in a + b}) == 1
    two = cluster_articles(a + b, StorySettings(block_threshold=0.05))  # the same, then split
    assert len({two[x.id] for x in a}) == 1 and len({two[x.id] for x in b}) == 1
    assert two[a[0].id] != two[b[0].id]
