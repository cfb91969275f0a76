"""Public channel previews and MediaWiki API histories, served by a loopback server; Special:Export files."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from http_canned import CannedResponse
from storyradar.demo.social import mw_revision, write_mediawiki_export
from storyradar.ingest import get_source, load_sources, run_ingest
from storyradar.ingest.registry import Skipped
from storyradar.model import Article, Rejected

T = datetime(2025, 3, 14, 9, 5, tzinfo=UTC)


def _post(mid: int, when: str, body: str, extra: str = "") -> str:
    return (f'<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message '
            f'js-widget_message" data-post="chan/{mid}"><div class="tgme_widget_message_bubble">{extra}'
            f'<div class="tgme_widget_message_text js-message_text" dir="auto">{body}</div>'
            '<div class="tgme_widget_message_footer"><div class="tgme_widget_message_info">'
            f'<span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/chan/{mid}">'
            f'<time datetime="{when}" class="time">x</time></a></span></div></div></div></div></div>')


def _page(posts: list[str], prev: str | None) -> str:
    link = f'<link rel="prev" href="{prev}">' if prev else ""
    return (f"<html><head>{link}</head><body><div class='tgme_channel_info_header_title'><span>Chan Title</span>"
            f"</div>{''.join(posts)}</body></html>")


def test_preview_pages_politely_with_backoff(loopback, store):
    fwd = ('<div class="tgme_widget_message_forwarded_from">Forwarded from <a class="tgme_widget_message_forwarded_from_name" '
           'href="https://t.me/other/45"><span>Other</span></a></div>')
    video = ('<a class="tgme_widget_message_video_player" href="https://t.me/chan/12"><time class="message_video_duration">'
             '1:05</time></a>')
    newer = _page([_post(11, "2025-03-14T11:20:00+02:00", "Second <a href='https://x.example/r'>link</a><br/>line", fwd),
                   _post(12, "2025-03-14T09:30:00+00:00", "", video)], "/s/chan?before=11")
    older = _page([_post(10, "2025-03-14T09:10:00+00:00", "First post"), '<div class="tgme_widget_message" '
                   'data-post="chan/9"><div class="tgme_widget_message_text">no time</div></div>'], None)
    calls = {"n": 0}

    def flaky(path, headers):
        calls["n"] += 1
        if calls["n"] == 1:
            return CannedResponse("slow down", status=429, headers={"Retry-After": "0", "Content-Type": "text/plain"})
        return CannedResponse(newer)

    loopback.routes["/s/chan"] = flaky
    loopback.routes["/s/chan?before=11"] = CannedResponse(older)
    summary = run_ingest(store, [loopback.url("/s/chan")], kind="tgpreview", workers=1, progress=False,
                         options={"pages": 3, "rate": 0, "backoff": 0, "language": "en"})
    assert summary.stored == 3 and len(summary.rejected) == 1
    assert summary.rejected[0].locator == "post chan/9" and "time" in summary.rejected[0].reason
    paths = [p for _m, p, *_ in loopback.requests]
    assert paths == ["/robots.txt", "/s/chan", "/s/chan", "/s/chan?before=11"]
    assert all("storyradar" in h.get("User-Agent", "") for _m, _p, h, *_ in loopback.requests)
    rows = {r["url"]: r for r in store.query("SELECT url, text, published_at, published_offset_min, extras FROM articles")}
    p11 = rows["https://t.me/chan/11"]
    assert p11["text"] == "Second link\nline" and p11["published_offset_min"] == 120
    ex = json.loads(p11["extras"])
    assert ex["forwarded_from"] == "Other" and ex["forwarded_from_url"] == "https://t.me/other/45"
    assert ex["links"] == ["https://x.example/r"]
    assert json.loads(rows["https://t.me/chan/12"]["extras"])["media"][0]["duration_seconds"] == 65


def test_preview_since_id_stops_early(loopback, store):
    loopback.routes["/s/chan"] = CannedResponse(_page([_post(20, "2025-03-14T09:10:00Z", "a"),
                                                       _post(21, "2025-03-14T09:11:00Z", "b")], "/s/chan?before=20"))
    summary = run_ingest(store, [loopback.url("/s/chan")], kind="tgpreview", workers=1, progress=False,
                         options={"pages": 5, "rate": 0, "since_id": 20, "language": "en"})
    assert summary.stored == 1
    assert "/s/chan?before=20" not in [p for _m, p, *_ in loopback.requests]


def _export(path, revs, *, lang="en", title="Town market strike"):
    write_mediawiki_export(path, lang=lang, base=f"https://{lang}.wiki.example", title=title, page_id=7,
                           revisions=[mw_revision(*r) for r in revs])


LEAD = "{{{{Infobox civilian attack\n| deaths = {d}\n}}}}\nA strike on the market in Zorianivka killed {d} people.<ref>x</ref>\n\n== Background ==\n{b}\n"


def records(path, **opts):
    load_sources()
    src = get_source("wikipedia")
    return list(src.iter_records(str(path), src.option_values(opts)))


def test_export_revisions_moves_and_unchanged_leads(tmp_path):
    path = tmp_path / "export.xml"
    _export(path, [(1, None, T, "A", "Created", LEAD.format(d=8, b="x")),
                   (2, 1, T + timedelta(hours=1), "B", "body only", LEAD.format(d=8, b="longer body")),
                   (3, 2, T + timedelta(hours=2), "C", "C moved page [[Old name]] to [[Town market strike]]",
                    LEAD.format(d=8, b="longer body")),
                   (4, 3, T + timedelta(hours=3), "A", "toll", LEAD.format(d=12, b="longer body"))])
    recs = records(path)
    arts = [r for r in recs if isinstance(r, Article)]
    assert [a.extras["revid"] for a in arts] == [1, 3, 4]
    assert any(isinstance(r, Skipped) and r.locator == "revision 2" for r in recs)
    first = arts[0]
    assert first.text == "A strike on the market in Zorianivka killed 8 people."
    assert first.extras["infobox"] == {"deaths": "8"} and first.language == "en"
    assert first.url == "https://en.wiki.example/w/index.php?oldid=1" and first.published_at == T
    assert arts[1].extras["move"] == {"from": "Old name", "to": "Town market strike"}
    assert len(records(path, all_revisions=True)) == 4


def test_export_cut_mid_revision_and_bad_timestamp(tmp_path):
    path = tmp_path / "export.xml"
    _export(path, [(1, None, T, "A", "Created", LEAD.format(d=8, b="x")),
                   (2, 1, datetime(1980, 1, 1, tzinfo=UTC), "B", "old clock", LEAD.format(d=9, b="x")),
                   (3, 2, T + timedelta(hours=2), "C", "more", LEAD.format(d=10, b="x")),
                   (4, 3, T + timedelta(hours=3), "D", "cut here", LEAD.format(d=11, b="x"))])
    data = path.read_text("utf-8")
    cut = tmp_path / "cut.xml"
    cut.write_text(data[: data.index("<id>4</id>") + 60], encoding="utf-8")
    recs = records(cut)
    assert [r.extras["revid"] for r in recs if isinstance(r, Article)] == [1, 3]
    rejected = [r for r in recs if isinstance(r, Rejected)]
    assert rejected[0].locator == "revision 2" and "out of the accepted range" in rejected[0].reason
    assert rejected[1].path == str(cut) and rejected[1].locator == "after revision 3"
    assert "cut or malformed" in rejected[1].reason


def _api(loopback):
    def answer(path, headers):
        from urllib.parse import parse_qs, urlsplit

        q = {k: v[0] for k, v in parse_qs(urlsplit(path).query).items()}
        lang = urlsplit(path).path.split("/")[1]
        if q.get("prop") == "revisions":
            revs = {"en": [(11, 0, "2025-03-14T11:00:00Z", "killed 8"), (12, 11, "2025-03-14T12:00:00Z", "killed 12"),
                           (13, 12, "2025-03-15T12:00:00Z", "killed 16")],
                    "uk": [(21, 0, "2025-03-14T10:00:00Z", "загинули 8")]}[lang]
            start = int(q.get("rvcontinue", 0))
            chunk = revs[start:start + 2]
            body = {"query": {"pages": [{"pageid": 5, "title": q["titles"], "revisions": [
                {"revid": r, "parentid": p, "timestamp": ts, "user": "U", "comment": "c", "size": 10,
                 "slots": {"main": {"content": f"Strike on the market. {t} people."}}} for r, p, ts, t in chunk]}]}}
            if start + 2 < len(revs):
                body["continue"] = {"rvcontinue": str(start + 2), "continue": "||"}
        elif q.get("list") == "logevents":
            body = {"query": {"logevents": [{"title": "Early title", "timestamp": "2025-03-14T11:30:00Z", "user": "M",
                                             "params": {"target_title": "Market strike"}}]
                              if q["letitle"] == "Market strike" and lang == "en" else []}}
        else:
            body = {"query": {"pages": [{"title": q["titles"], "langlinks": [{"lang": "uk", "title": "Удар"}]
                                         if lang == "en" else []}]}}
        return CannedResponse(json.dumps(body), headers={"Content-Type": "application/json"})

    loopback.routes["/en/api.php"] = answer
    loopback.routes["/uk/api.php"] = answer


def test_api_history_with_continuation_moves_and_langlinks(loopback, store):
    _api(loopback)
    summary = run_ingest(store, ["wikipedia:en:Market strike"], kind="wikipedia", workers=1, progress=False,
                         options={"api": loopback.base_url + "/{lang}/api.php", "langlinks": True})
    assert summary.stored == 4 and not summary.rejected
    rows = store.query("SELECT url, title, language, extras FROM articles ORDER BY published_at")
    assert [r["language"] for r in rows] == ["uk", "en", "en", "en"]
    assert rows[1]["title"] == "Early title" and rows[3]["title"] == "Market strike"
    assert json.loads(rows[1]["extras"])["langlinks"] == {"uk": "Удар"}
    queried = [p for _m, p, *_ in loopback.requests]
    assert any("rvcontinue=2" in p for p in queried)
