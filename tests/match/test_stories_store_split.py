"""The store path of story grouping runs both stages: same-kind incidents in one topic become separate stories."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storyradar.match.stories import (
    StorySettings,
    cluster_articles,
    list_stories,
    resolve_story,
    story_articles,
    story_lineage,
    update_stories,
)
from storyradar.model import Article
from storyradar.store import Store

T = datetime(2024, 5, 14, 7, tzinfo=UTC)

# Two fictional ferry disasters on the same days: the same kind of event with the same topic words
# (ferry, capsized, passengers, rescue); the names, places, figures and details differ.
OSTERBY = {"place": "Osterby", "water": "Lake Varnell", "boat": "Marisol Dawn", "captain": "Halvard Brenne",
           "official": "Governor Ilse Tammark", "dead": "14", "rescued": "63", "operator": "Varnell Lines",
           "details": [
               "Strong gusts and high waves were reported on {water} shortly before the {boat} rolled over.",
               "{official} declared three days of mourning in {place} and asked meteorologists for a report.",
               "Fishermen from Brannvik pulled {rescued} survivors from the cold water with their own boats.",
               "Police detained the captain, {captain}, who had ignored a storm warning, prosecutors said.",
               "The hull of the {boat} was towed to the Osterby shipyard for inspection on Thursday.",
               "{operator} cancelled its evening crossings to Tollholm island until the weather improves.",
           ]}
KESTRICA = {"place": "Kestrica", "water": "the Dravo river", "boat": "Sveta Lucija", "captain": "Dorin Vlasek",
            "official": "Mayor Petra Zoranic", "dead": "37", "rescued": "112", "operator": "Dravoplov",
            "details": [
                "The river boat {boat} was carrying twice the permitted load of pilgrims to a monastery festival.",
                "{official} said ticket sellers of {operator} had let 240 people board a boat built for 120.",
                "Army engineers in Kestrica lifted the wreck with a floating crane near the Stari Most bridge.",
                "Hospital Sveti Roko treated {rescued} people, most of them for hypothermia and injuries.",
                "The owner of {operator}, Branimir Kolar, was arrested along with the captain, {captain}.",
                "Families gathered outside the Kestrica town hall waiting for lists of the missing.",
            ]}
TITLES = ["Ferry capsizes near {place}, {dead} dead", "{place} ferry disaster: rescuers search {water}",
          "Captain of the {boat} detained after {place} sinking", "{official} orders inquiry into {place} ferry",
          "Survivors of the {boat} describe the capsize", "{operator} suspends sailings after {place} accident",
          "Divers recover victims near {place}", "Ferry sinking: {place} mourns {dead} victims"]
SHARED = [
    "The passenger ferry {boat} capsized on {water} near {place}; at least {dead} people were killed.",
    "Rescue divers searched for missing passengers while relatives waited on the shore.",
]


def _article(facts: dict, i: int, when: datetime, tag: str) -> Article:
    details = facts["details"]
    picked = [details[(i + k) % len(details)] for k in range(3)]
    body = " ".join(x.format(**facts) for x in [SHARED[0], *picked, SHARED[1]])
    return Article(url=f"https://{tag}{i}.example/news/{i}", title=TITLES[i % len(TITLES)].format(**facts),
                   text=body, outlet=f"{tag}{i}.example", language="en", published_at=when)


def _incident(facts: dict, idx: range, tag: str, start: datetime) -> list[Article]:
    return [_article(facts, i, start + timedelta(hours=5 * i + (1 if tag.startswith("k") else 0)), tag) for i in idx]


def _story_of(store, arts: list[Article]) -> set[str]:
    rows = store.query("SELECT story_id FROM stories WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                       [[a.id for a in arts]])
    assert len(rows) == len(arts)
    return {r["story_id"] for r in rows}


def _topic_of(store, arts: list[Article]) -> set[str]:
    return {r["topic_id"] for r in store.query(
        "SELECT topic_id FROM story_topic_members WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [[a.id for a in arts]])}


def test_same_kind_incidents_split_in_store_and_stay_apart(store, tmp_path):
    o1, k1 = _incident(OSTERBY, range(5), "o", T), _incident(KESTRICA, range(5), "k", T)
    store.upsert_articles(o1 + k1)
    run1 = update_stories(store)
    assert run1.articles == 10
    # stage 1 puts both disasters in one topic; stage 2 tells them apart
    assert len(_topic_of(store, o1 + k1)) == 1
    (so,), (sk,) = _story_of(store, o1), _story_of(store, k1)
    assert so != sk
    # stage 1 alone (what `storyradar stories` did before: a single pass at 0.25) cannot tell them apart
    with Store(tmp_path / "single.duckdb") as single:
        single.upsert_articles(o1 + k1)
        update_stories(single, settings=StorySettings(split_distance=0))
        assert len(_story_of(single, o1 + k1)) == 1

    o2 = _incident(OSTERBY, range(5, 8), "o", T + timedelta(days=1))
    k2 = _incident(KESTRICA, range(5, 8), "k", T + timedelta(days=1))
    store.upsert_articles(o2 + k2)
    run2 = update_stories(store)
    assert run2.articles == 6 and run2.topics_resplit == 1
    assert _story_of(store, o1 + o2) == {so}  # ids kept: each story only gained articles
    assert _story_of(store, k1 + k2) == {sk}
    assert run2.joined_existing == 6 and run2.new_stories == 0 and run2.retired == 0
    listed = {s["id"]: s for s in list_stories(store)}
    assert listed[so]["articles"] == 8 and listed[sk]["articles"] == 8
    assert "osterby" in listed[so]["terms"] or "varnell" in listed[so]["terms"]
    assert {a.id for a in story_articles(store, sk)} == {a.id for a in k1 + k2}
    assert update_stories(store).articles == 0


def test_store_matches_memory_two_stage(store):
    arts = _incident(OSTERBY, range(6), "o", T) + _incident(KESTRICA, range(6), "k", T)
    store.upsert_articles(arts)
    update_stories(store)
    stored = {r["article_id"]: r["story_id"] for r in store.query("SELECT article_id, story_id FROM stories")}
    mem = cluster_articles(arts)
    pairs = [(a.id, b.id) for a in arts for b in arts if a.id < b.id]
    assert [stored[x] == stored[y] for x, y in pairs] == [mem[x] == mem[y] for x, y in pairs]


def test_resplit_of_a_grown_story_records_lineage(store):
    # run 1: only Osterby articles -> one story; run 2: Kestrica arrives in the same topic and stays apart
    o1 = _incident(OSTERBY, range(4), "o", T)
    store.upsert_articles(o1)
    update_stories(store)
    (so,) = _story_of(store, o1)
    k1 = _incident(KESTRICA, range(4), "k", T)
    store.upsert_articles(k1)
    run = update_stories(store)
    assert _story_of(store, o1) == {so}
    (sk,) = _story_of(store, k1)
    assert len(_topic_of(store, o1 + k1)) == 1  # the same topic, re-split
    assert sk != so and run.new_stories == 1 and run.split_stories == 0 and run.retired == 0


def test_retired_id_resolves_to_successor(store):
    # a story that a re-split dissolves: its id is recorded and resolves to where its articles went
    o1 = _incident(OSTERBY, range(6), "o", T)
    store.upsert_articles(o1)
    update_stories(store)
    (so,) = _story_of(store, o1)
    # pretend an earlier run had cut the story in two: move two articles into a story of their own
    store.execute("UPDATE stories SET story_id = 'sold0000000' WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                  [[a.id for a in o1[:2]]])
    store.execute("INSERT INTO story_clusters SELECT 'sold0000000', first_at, last_at, 2, centroid, label, updated_at "
                  "FROM story_clusters WHERE story_id = ?", [so])
    store.upsert_articles(_incident(OSTERBY, range(6, 8), "o", T + timedelta(hours=40)))
    run = update_stories(store)
    assert run.retired == 1
    assert _story_of(store, o1) == {so}
    assert resolve_story(store, "sold0000000") == so and resolve_story(store, so) == so
    assert resolve_story(store, "snot-a-story") is None
    assert story_lineage(store, "sold0000000")[0]["successor"] == so
    assert len(story_articles(store, "sold0000000")) == 8


def test_time_window_still_applies(store):
    early = _incident(OSTERBY, range(4), "o", T)
    late = _incident(OSTERBY, range(4, 8), "late", T + timedelta(days=90))  # same words, three months on
    store.upsert_articles(early + late)
    update_stories(store)
    assert _topic_of(store, early) != _topic_of(store, late)
    assert _story_of(store, early) != _story_of(store, late)


def test_single_pass_setting_and_legacy_store(store):
    arts = _incident(OSTERBY, range(4), "o", T) + _incident(KESTRICA, range(4), "k", T)
    store.upsert_articles(arts[:6])
    update_stories(store, settings=StorySettings(split_distance=0))
    stories = {r["article_id"]: r["story_id"] for r in store.query("SELECT * FROM stories")}
    topics = {r["article_id"]: r["topic_id"] for r in store.query("SELECT * FROM story_topic_members")}
    assert stories == topics and len(stories) == 6  # stage 1 alone: the topics are the stories
    # a store grouped before topics existed: its stories are adopted as topics (same ids), then updated
    store.execute("DELETE FROM story_topics")
    store.execute("DELETE FROM story_topic_members")
    store.upsert_articles(arts[6:])
    run = update_stories(store)
    assert run.articles == 2 and run.topics_resplit >= 1
    adopted = {r["topic_id"] for r in store.query("SELECT topic_id FROM story_topics")}
    assert set(stories.values()) <= adopted
    assert len(_story_of(store, arts[:4])) == 1 and len(_story_of(store, arts[4:])) == 1
    assert _story_of(store, arts[:4]) != _story_of(store, arts[4:])
