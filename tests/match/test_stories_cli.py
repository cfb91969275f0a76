"""Story grouping (in memory and incremental in the store), --from-story, and the CLI commands."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storyradar.cli import main
from storyradar.match import cluster_articles, incident_from_story, list_stories, update_stories
from storyradar.model import Article

T = datetime(2024, 3, 1, 9, tzinfo=UTC)
STORY_A = ("Dam breach floods Velmora valley", "The Velmora dam breached overnight and water flooded farms in "
           "the valley near Velmora; engineers inspected the spillway and reservoir.")
STORY_B = ("Chess champion Orlanski retains title", "Grandmaster Orlanski retained the world chess title after "
           "a tense final game; the challenger resigned on move forty.")


def _arts(story, n, start, tag):
    title, text = story
    return [Article(url=f"https://{tag}{i}.example/x", title=f"{title} ({i})",
                    text=f"{text} Report number {i} from reporter {tag}{i}.", outlet=f"{tag}{i}.example",
                    language="en", published_at=start + timedelta(hours=6 * i)) for i in range(n)]


def test_cluster_separates_topics_and_time():
    a = _arts(STORY_A, 5, T, "a")
    b = _arts(STORY_B, 5, T, "b")
    a_late = _arts(STORY_A, 4, T + timedelta(days=60), "late")  # same words, two months later
    groups = cluster_articles(a + b + a_late)
    assert len({groups[x.id] for x in a}) == 1
    assert len({groups[x.id] for x in b}) == 1
    assert groups[a[0].id] != groups[b[0].id]
    assert groups[a_late[0].id] != groups[a[0].id]


def test_update_is_incremental(store):
    first = _arts(STORY_A, 4, T, "a")
    store.upsert_articles(first + _arts(STORY_B, 3, T, "b"))
    run1 = update_stories(store)
    assert run1.articles == 7
    sid = store.query("SELECT story_id FROM stories WHERE article_id = ?", [first[0].id])[0]["story_id"]
    more = _arts(STORY_A, 3, T + timedelta(days=1), "m")
    store.upsert_articles(more)
    run2 = update_stories(store)
    assert run2.articles == 3 and run2.joined_existing == 3
    assert {r["story_id"] for r in store.query("SELECT story_id FROM stories WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                                                [[m.id for m in more]])} == {sid}
    assert update_stories(store).articles == 0
    top = list_stories(store)
    assert top[0]["id"] == sid and top[0]["articles"] == 7


def test_incident_from_story(store):
    store.upsert_articles(_arts(STORY_A, 4, T, "a"))
    update_stories(store)
    sid = list_stories(store)[0]["id"]
    inc = incident_from_story(store, sid, name="velmora", use_gazetteer=False)
    assert inc.place.name == "Velmora"
    assert inc.occurred_at == T
    assert "not in GeoNames" in inc.notes


def test_cli_incident_match_explain_stories(tmp_path, labelled, capsys):
    from storyradar.store import Store

    db = str(tmp_path / "cli.duckdb")
    with Store(db) as s:
        s.upsert_articles(a for _lab, a in labelled)
    assert main(["incident", "add", "zm", "--when", "2023-09-06T14:00+03:00", "--place", "Zorianivka",
                 "--lat", "48.51", "--lon", "37.70", "--country", "UA", "--term", "market", "--term", "missile",
                 "--variant", "Зорянівка", "--variant", "Зоряновка", "--variant", "Zorianówka",
                 "--figure", "killed=16", "--exclude", "feature film", "--db", db]) == 0
    assert main(["incident", "add", "x", "--when", "2023-09-06T14:00", "--place", "Zorianivka",
                 "--lat", "1", "--lon", "2", "--db", db]) == 2
    assert "no time zone" in capsys.readouterr().err
    assert main(["incident", "variants", "zm", "--db", db]) == 0
    assert "Зорянівці" in capsys.readouterr().out
    assert main(["match", "zm", "--all", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "about the incident" in out and "near misses" in out and "follow-up" in out
    hospital = next(a for _lab, a in labelled if a.title == "Hospital hit in Zorianivka")
    assert main(["match", "zm", "--explain", hospital.url, "--db", db]) == 0
    assert "near-miss" in capsys.readouterr().out
    spec = tmp_path / "zm.toml"
    assert main(["incident", "export", "zm", "--out", str(spec), "--db", db]) == 0
    assert main(["incident", "remove", "zm", "--db", db]) == 0
    assert main(["incident", "add", "--file", str(spec), "--db", db]) == 0
    assert main(["stories", "--min-size", "1", "--json", "--db", db]) == 0
    assert '"stories"' in capsys.readouterr().out


def test_cli_ambiguous_place_shows_candidates(tmp_path, capsys):
    db = str(tmp_path / "amb.duckdb")
    code = main(["incident", "add", "k", "--when", "2023-09-06T14:00+03:00", "--place", "Kostiantynivka", "--db", db])
    err = capsys.readouterr().err
    assert code == 2
    assert "705104" in err and "--country" in err
