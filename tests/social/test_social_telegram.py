"""Telegram Desktop exports: text from entities, UTC times with the exporter's offset, forwards, edits, media, bad input."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from storyradar.demo.social import tg_message, write_telegram_export
from storyradar.ingest import get_source, load_sources, run_ingest
from storyradar.ingest.registry import Skipped
from storyradar.model import Article, Rejected

CHAT = {"name": "Test Channel", "type": "public_channel", "id": 555}
T = datetime(2025, 3, 14, 9, 5, tzinfo=UTC)


def records(path, **opts):
    load_sources()
    src = get_source("telegram")
    return list(src.iter_records(str(path), src.option_values({"language": "en", **opts})))


def sample_messages():
    return [
        tg_message(1, T, [{"type": "plain", "text": "Blast at "}, {"type": "text_link", "text": "the market",
                                                                    "href": "https://news.example/a"},
                          {"type": "plain", "text": " "}, {"type": "hashtag", "text": "#town"},
                          {"type": "plain", "text": " via "}, {"type": "mention", "text": "@other"}]),
        tg_message(2, T + timedelta(minutes=5), "Edited text", edited=T + timedelta(minutes=20)),
        tg_message(3, T + timedelta(minutes=7), "Forwarded words", forwarded_from="Other Channel",
                   reply_to_message_id=1),
        tg_message(4, T + timedelta(minutes=9), "", photo="photos/p1.jpg", width=800, height=600),
        tg_message(5, T + timedelta(minutes=11), "clip", file="video_files/v.mp4", media_type="video_file",
                   mime_type="video/mp4", duration_seconds=14),
    ]


def test_fields_times_entities_forwards_edits_media(tmp_path):
    path = tmp_path / "result.json"
    write_telegram_export(path, CHAT, sample_messages())
    arts = [r for r in records(path, channel="testchan") if isinstance(r, Article)]
    assert [a.extras["message_id"] for a in arts] == [1, 2, 3, 4, 5]
    a1 = arts[0]
    assert a1.text == "Blast at the market #town via @other"
    assert a1.extras["links"] == ["https://news.example/a"]
    assert a1.extras["hashtags"] == ["#town"] and a1.extras["mentions"] == ["@other"]
    assert a1.published_at == T and a1.published_offset_min == 120  # exporter's local date was +02:00
    assert a1.url == "https://t.me/testchan/1" and a1.outlet == "t.me/testchan"
    assert a1.source_kind == "telegram" and a1.locator.endswith("#message=1")
    a2 = arts[1]
    assert a2.extras["edited_at"] == (T + timedelta(minutes=20)).isoformat()
    assert a2.published_at == T + timedelta(minutes=5)
    assert a2.id != Article(url=a2.url).id  # the edit time is part of the identity
    assert arts[2].extras["forwarded_from"] == "Other Channel"
    assert arts[2].extras["reply_to"] == "https://t.me/testchan/1"
    assert arts[3].title == "[photo]" and arts[3].extras["media"][0]["file"] == "photos/p1.jpg"
    assert arts[4].extras["media"][0] == {"kind": "video_file", "included": True, "file": "video_files/v.mp4",
                                          "mime_type": "video/mp4", "duration_seconds": 14}


def test_reimport_newer_export_adds_only_new_or_edited(tmp_path, store):
    old = tmp_path / "old" / "result.json"
    write_telegram_export(old, CHAT, sample_messages())
    s1 = run_ingest(store, [str(old)], workers=1, progress=False, options={"language": "en"})
    assert (s1.stored, s1.duplicates) == (5, 0)
    msgs = sample_messages()
    msgs[1] = tg_message(2, T + timedelta(minutes=5), "Edited again", edited=T + timedelta(minutes=90))
    msgs.append(tg_message(6, T + timedelta(minutes=30), "A new one"))
    new = tmp_path / "new" / "result.json"
    write_telegram_export(new, CHAT, msgs)
    s2 = run_ingest(store, [str(new)], workers=1, progress=False, options={"language": "en"})
    assert (s2.stored, s2.duplicates) == (2, 4)
    s3 = run_ingest(store, [str(new)], workers=1, progress=False, options={"language": "en"})
    assert s3.stored == 0


def test_bad_messages_are_rejected_by_id_and_the_rest_goes_in(tmp_path, store):
    msgs = sample_messages()[:2]
    msgs.append({"id": 10, "type": "message", "date_unixtime": "1741943100", "text": "", "text_entities": []})
    msgs.append({"id": 11, "type": "message", "date_unixtime": "1741943100", "text_entities": [{"type": "plain"}]})
    msgs.append({"id": 12, "type": "message", "date_unixtime": "99999999999", "text": "far future"})
    msgs.append({"id": 13, "type": "message", "date_unixtime": "1741943100",
                 "text_entities": [{"type": "sparkle_2031", "text": "kept"}]})
    msgs.append({"id": 14, "type": "service", "date_unixtime": "1741943100", "action": "pin_message"})
    msgs.append({"id": 15, "type": "message", "date": "2025-03-14T11:00:00", "text": "naive"})
    path = tmp_path / "result.json"
    write_telegram_export(path, CHAT, msgs)
    recs = records(path)
    rejected = {r.locator: r.reason for r in recs if isinstance(r, Rejected)}
    assert rejected["message 10"] == "message has neither text nor media"
    assert "text entity 0" in rejected["message 11"]
    assert "out of the accepted range" in rejected["message 12"] or "not a Unix time" in rejected["message 12"]
    assert "no time zone" in rejected["message 15"] and "--timezone" in rejected["message 15"]
    kept = [r for r in recs if isinstance(r, Article)]
    assert [a.extras["message_id"] for a in kept] == [1, 2, 13]
    assert kept[-1].extras["unknown_entities"] == ["sparkle_2031"] and kept[-1].text == "kept"
    assert any(isinstance(r, Skipped) and r.locator == "message 14" for r in recs)
    summary = run_ingest(store, [str(path)], workers=1, progress=False, options={"language": "en"})
    assert summary.stored == 3 and len(summary.rejected) == 4 and summary.exit_code == 1
    assert all(r.path == str(path) for r in summary.rejected)
    with_zone = records(path, timezone="Europe/Kyiv")
    naive = next(r for r in with_zone if isinstance(r, Article) and r.extras["message_id"] == 15)
    assert naive.published_at == datetime(2025, 3, 14, 9, 0, tzinfo=UTC) and naive.published_offset_min == 120


def test_truncated_and_malformed_exports(tmp_path):
    path = tmp_path / "result.json"
    write_telegram_export(path, CHAT, sample_messages())
    data = path.read_bytes()
    cut = tmp_path / "cut.json"
    cut.write_bytes(data[: data.index(b'"id": 4') + 20])
    recs = records(cut)
    assert [r.extras["message_id"] for r in recs if isinstance(r, Article)] == [1, 2, 3]
    last = recs[-1]
    assert isinstance(last, Rejected) and last.path == str(cut) and last.locator == "after message 3"
    assert "cut or malformed" in last.reason
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x", "messages": [{"id": 1, "date_unixtime": "1741943100", "text": "ok"}, {"id": 2,, }]}')
    recs = records(bad)
    assert isinstance(recs[0], Article) and isinstance(recs[-1], Rejected) and "after message 1" in recs[-1].locator


def test_whole_account_export_keeps_each_chat(tmp_path):
    account = {"about": "export", "personal_information": {"first_name": "A"}, "chats": {"about": "x", "list": [
        {"name": "Chan A", "type": "public_channel", "id": 1, "messages": [tg_message(1, T, "one")]},
        {"name": "Chan B", "type": "public_channel", "id": 2, "messages": [tg_message(7, T, "two"),
                                                                            tg_message(8, T, "three")]},
    ]}}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(account), encoding="utf-8")
    arts = [r for r in records(path) if isinstance(r, Article)]
    assert [(a.extras["channel_name"], a.extras["message_id"]) for a in arts] == [("Chan A", 1), ("Chan B", 7),
                                                                                  ("Chan B", 8)]
    assert arts[1].url == "https://t.me/c/2/7"
