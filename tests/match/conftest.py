"""A generated, fictional multilingual matching test set (Zorianivka, a town that does not exist)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storyradar.model import Article, Incident, Place

T0 = datetime(2023, 9, 6, 11, 0, tzinfo=UTC)  # 14:00 +03:00

# (label, language, title, text, days after the incident); label is the expected relation.
CASES: list[tuple[str, str, str, str, float]] = [
    ("about", "en", "Missile strike on Zorianivka market", "A missile hit the central market of Zorianivka on 6 September; at least 16 people were killed.", 0.1),
    ("about", "en", "Market attack: toll rises", "Officials in Zorianivka said 16 people died when a missile struck the market.", 0.6),
    ("about", "uk", "Ракетний удар по ринку в Зорянівці", "У Зорянівці ракета влучила в ринок, загинули 16 людей.", 0.2),
    ("about", "uk", "Обстріл Зорянівки: ракета влучила в ринок", "Внаслідок удару по ринку загинули щонайменше 16 людей.", 0.4),
    ("about", "uk", "Ринок під Зорянівкою зруйновано ракетою", "Ракета зруйнувала ринок, 16 загиблих.", 1.0),
    ("about", "ru", "Ракетный удар по рынку в Зоряновке", "В Зоряновке ракета попала в рынок, погибли 16 человек.", 0.3),
    ("about", "ru", "Обстрел Зоряновки", "Удар ракеты по рынку Зоряновки: 16 погибших.", 0.8),
    ("about", "pl", "Atak rakietowy na targ w Zorianówce", "Rakieta uderzyła w targ w Zorianówce. Zginęło 16 osób.", 0.5),
    ("about", "pl", "Ostrzał Zorianiwki", "Pocisk trafił w bazar w Zorianiwce, 16 ofiar.", 1.2),
    ("about", "de", "Raketenangriff auf Markt in Sorjaniwka", "In Sorjaniwka schlug eine Rakete auf dem Markt ein, 16 Menschen wurden getötet.", 0.4),
    ("about", "fr", "Frappe de missile sur le marché de Zorianivka", "Un missile a frappé le marché de Zorianivka, faisant 16 morts.", 0.7),
    ("about", "es", "Ataque con misiles contra el mercado de Zoryanivka", "Un misil impactó en el mercado de Zoryanivka; 16 muertos.", 0.9),
    ("about", "ar", "قصف صاروخي على سوق زوريانيفكا", "أصاب صاروخ السوق في زوريانيفكا ومقتل 16 شخصا.", 0.5),
    ("about", "en", "What we know about the Zorianivka market strike", "Investigators examined debris from the missile that hit the market in Zorianivka.", 40),
    ("about", "en", "Zorianivka market strike: new findings", "A report on the missile that struck the Zorianivka market was published.", 75),
    ("passing", "en", "Parliament passes budget", "Lawmakers approved the budget after a long debate about schools and roads. " * 6
     + "One speaker recalled the 6 September missile strike on the market in Zorianivka. The vote passed.", 120),
    ("passing", "de", "Haushaltsdebatte im Parlament", "Die Abgeordneten stritten lange über Straßen und Schulen. " * 8
     + "Ein Redner erinnerte an den Raketenangriff auf den Markt von Sorjaniwka. Danach wurde abgestimmt.", 95),
    ("near-miss", "en", "Hospital hit in Zorianivka", "A strike on the hospital in Zorianivka killed 3 people on 14 September.", 8),
    ("near-miss", "uk", "Удар по лікарні в Зорянівці", "Ракета влучила в лікарню у Зорянівці, загинули 3 людини.", 8.2),
    ("near-miss", "en", "Explosion in Zorianivka", "An explosion near the Zorianivka railway station injured 4 people.", -20),
    ("near-miss", "en", "Missile hits market in Dalnyk", "A missile struck the market in Dalnyk, killing 5.", 0.3),
    ("near-miss", "ru", "Взрыв на рынке в Зоряновке (Россия)", "Взрыв на рынке в Зоряновке в России, пострадали 2 человека.", 1.0),
    ("near-miss", "en", "Zorianivka film about the market strike premieres", "A feature film set in Zorianivka opened after the market strike.", 30),
    ("unrelated", "en", "Zorianivkagrad festival opens", "The Zorianivkagrad music festival opened; Kostiantynivkas and Zorianivkaya bands played.", 1),
    ("unrelated", "en", "Zorianivka football club wins", "The Zorianivka team won the regional cup final.", 2),
    ("unrelated", "en", "Heavy rain in the region", "Rain fell across the region. Farmers at the market were pleased.", 0.5),
    ("unrelated", "uk", "Новозорянівка: новий парк", "У Новозорянівці відкрили парк.", 3),
]


def make_incident() -> Incident:
    """The fictional incident the cases are about."""
    return Incident(
        name="zorianivka-market", occurred_at=T0, occurred_offset_min=180,
        place=Place("Zorianivka", 48.51, 37.70, "UA"),
        variants=["Зорянівка", "Зоряновка", "Zorianówka", "زوريانيفكا"],
        terms=["market", "missile"], exclude_terms=["feature film"], figures={"killed": 16},
    )


def make_articles() -> list[tuple[str, Article]]:
    """(expected relation, article) for every case, each from its own fictional outlet."""
    out = []
    for i, (label, lang, title, text, days) in enumerate(CASES):
        art = Article(url=f"https://outlet{i}.example/{lang}/{i}", title=title, text=text, language=lang,
                      published_at=T0 + timedelta(days=days), outlet=f"outlet{i}.example",
                      date_source="declared")
        out.append((label, art))
    return out


@pytest.fixture
def incident() -> Incident:
    """The fictional incident."""
    return make_incident()


@pytest.fixture
def labelled() -> list[tuple[str, Article]]:
    """The labelled matching set."""
    return make_articles()
