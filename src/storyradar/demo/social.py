"""Writers and fictional demo data for social sources: a Telegram channel export, an encyclopedia history, video info JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .schedule import MAIN_AT

NOTICE = "FICTIONAL DEMO DATA: invented channel, encyclopedia and videos for the storyradar demo."
CHANNEL = {"name": "Pivnichna Regional Military Administration", "type": "public_channel", "id": 1700000042}
CHANNEL_USERNAME = "pivnichna_rma"
KYIV_WINTER = timezone(timedelta(hours=2))


# --- generic writers (also used by tests and benches) ------------------------------------------
def tg_message(mid: int, when: datetime, text: str | list, *, exporter_tz: timezone = KYIV_WINTER,
               edited: datetime | None = None, **fields: Any) -> dict[str, Any]:
    """One message as Telegram Desktop exports it: local ``date`` plus ``date_unixtime``, text and entities."""
    entities = [{"type": "plain", "text": text}] if isinstance(text, str) else text
    msg: dict[str, Any] = {"id": mid, "type": "message",
                           "date": when.astimezone(exporter_tz).replace(tzinfo=None).isoformat(),
                           "date_unixtime": str(int(when.timestamp())), "from": CHANNEL["name"],
                           "from_id": f"channel{CHANNEL['id']}"}
    if edited is not None:
        msg["edited"] = edited.astimezone(exporter_tz).replace(tzinfo=None).isoformat()
        msg["edited_unixtime"] = str(int(edited.timestamp()))
    msg.update(fields)
    msg["text"] = "".join(e["text"] for e in entities) if all(e["type"] == "plain" for e in entities) else entities
    msg["text_entities"] = entities
    return msg


def write_telegram_export(path: Path, chat: dict[str, Any], messages: Iterable[dict[str, Any]]) -> int:
    """Write a one-chat result.json incrementally (any number of messages); returns how many."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write("{\n")
        for key in ("name", "type", "id"):
            fh.write(f" {json.dumps(key)}: {json.dumps(chat[key], ensure_ascii=False)},\n")
        fh.write(' "messages": [')
        for msg in messages:
            fh.write(("\n  " if n == 0 else ",\n  ") + json.dumps(msg, ensure_ascii=False))
            n += 1
        fh.write("\n ]\n}\n")
    return n


def mw_revision(revid: int, parentid: int | None, when: datetime, user: str, comment: str, text: str) -> str:
    """One <revision> element of a Special:Export file."""
    parent = f"<parentid>{parentid}</parentid>" if parentid else ""
    ts = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (f"    <revision><id>{revid}</id>{parent}<timestamp>{ts}</timestamp>"
            f"<contributor><username>{escape(user)}</username><id>1</id></contributor>"
            f"<comment>{escape(comment)}</comment><model>wikitext</model><format>text/x-wiki</format>"
            f"<text bytes=\"{len(text.encode('utf-8'))}\" xml:space=\"preserve\">{escape(text)}</text>"
            f"<sha1>0</sha1></revision>\n")


def write_mediawiki_export(path: Path, *, lang: str, base: str, title: str, page_id: int,
                           revisions: Iterable[str]) -> None:
    """Write a Special:Export XML file for one page from pre-rendered <revision> elements (streamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang={quoteattr(lang)}>\n'
                 f"  <siteinfo><sitename>Encyclopedia</sitename><dbname>{lang}wiki</dbname>"
                 f"<base>{escape(base)}/wiki/Main_Page</base><generator>MediaWiki 1.43</generator>"
                 "<case>first-letter</case><namespaces><namespace key=\"0\" case=\"first-letter\" />"
                 "</namespaces></siteinfo>\n"
                 f"  <page><title>{escape(title)}</title><ns>0</ns><id>{page_id}</id>\n")
        for rev in revisions:
            fh.write(rev)
        fh.write("  </page>\n</mediawiki>\n")


# --- the demo's fictional social sources --------------------------------------------------------
def _at(minutes: float) -> datetime:
    return MAIN_AT + timedelta(minutes=minutes)


def channel_messages() -> list[dict[str, Any]]:
    """The official channel's posts around the strike (times relative to the strike, exporter at +02:00)."""
    m = tg_message
    return [
        m(401, _at(-2 * 1440), "Air raid alert in the region has ended. Stay safe."),
        m(402, _at(9), [{"type": "plain", "text": "Explosion reported at the central market in Zorianivka. "
                                                 "Emergency services are on their way. "},
                        {"type": "hashtag", "text": "#Zorianivka"}]),
        m(403, _at(36), "Governor Ivan Koval said the Estovian army struck the central market in Zorianivka "
                        "with a missile.", edited=_at(52)),
        m(404, _at(55), "At least 8 people were killed in the missile strike on the market in Zorianivka, "
                        "the regional administration said."),
        m(405, _at(80), "Footage from the market in Zorianivka after the strike.",
          file="video_files/market_scene.mp4", media_type="video_file", mime_type="video/mp4",
          duration_seconds=14, width=1280, height=720),
        m(406, _at(180), "Rescuers in Zorianivka have recovered 12 bodies at the market; 34 people were injured.",
          forwarded_from="Norland Emergency Service"),
        {"id": 407, "type": "service", "date": _at(181).astimezone(KYIV_WINTER).replace(tzinfo=None).isoformat(),
         "date_unixtime": str(int(_at(181).timestamp())), "actor": CHANNEL["name"], "action": "pin_message",
         "message_id": 406, "text": "", "text_entities": []},
        m(408, _at(300), [{"type": "plain", "text": "The Estovian Ministry of Defence denied any involvement in the "
                                                   "strike on the market in Zorianivka. Statement: "},
                          {"type": "text_link", "text": "full text", "href": "https://mod.estovia.example/statement"}]),
        m(409, _at(1500), "16 people were killed in the missile strike on the central market in Zorianivka, "
                          "the regional administration said."),
    ]


_EN_BASE = "https://en.encyclopedia.example"
_UK_BASE = "https://uk.encyclopedia.example"
_INFOBOX = "{{{{Infobox civilian attack\n| location = {place}\n| date = 14 March 2025\n| deaths = {deaths}\n| injuries = {injured}\n}}}}\n"


def _en_text(place: str, lead: str, deaths: str, injured: str) -> str:
    return (_INFOBOX.format(place=f"[[{place}]]", deaths=deaths, injured=injured) + lead +
            "<ref>Regional administration channel, 14 March 2025.</ref>\n\n== Background ==\n" +
            f"{place} is a town in the Pivnichna region.\n")


def encyclopedia_revisions() -> dict[str, dict[str, Any]]:
    """Two editions of one fictional article: Ukrainian first, English renamed once, figures revised."""
    en_old, en_new = "Zoryanivka market explosion", "Zorianivka market missile strike"
    lead1 = ("On 14 March 2025 an explosion at the central market in Zoryanivka killed at least 8 people. "
             "The cause was not immediately known.")
    lead2 = ("On 14 March 2025 a missile strike on the central market in Zoryanivka killed at least 12 people. "
             "Regional Governor Ivan Koval said the Estovian army fired the missile; the Estovian Ministry of "
             "Defence denied any involvement.")
    lead3 = lead2.replace("Zoryanivka", "Zorianivka").replace("at least 12 people", "16 people")
    lead4 = lead3 + " In April 2025 the Joint Inquiry Commission published its findings on the strike."
    en = [
        (9001, None, _at(160), "Anna K.", "Created page", _en_text("Zoryanivka", lead1, "8+", "unknown")),
        (9002, 9001, _at(190), "Piotr W.", "Background section", _en_text("Zoryanivka", lead1, "8+", "unknown")
         + "The market dates from 1962.\n"),
        (9003, 9002, _at(240), "Anna K.", "Update from the governor's statement",
         _en_text("Zoryanivka", lead2, "12", "34") + "The market dates from 1962.\n"),
        (9004, 9003, _at(1560), "Mira S.", f"Mira S. moved page [[{en_old}]] to [[{en_new}]]: spelling and "
         "description per sources", _en_text("Zoryanivka", lead2, "12", "34") + "The market dates from 1962.\n"),
        (9005, 9004, _at(1590), "Mira S.", "Spelling, updated toll",
         _en_text("Zorianivka", lead3, "16", "34") + "The market dates from 1962.\n"),
        (9006, 9005, _at(40 * 1440), "Anna K.", "Inquiry findings",
         _en_text("Zorianivka", lead4, "16", "34") + "The market dates from 1962.\n"),
    ]
    uk_lead = ("14 березня 2025 року внаслідок удару ракети по центральному ринку в Зорянівці загинули щонайменше "
               "8 людей.")
    uk = [
        (501, None, _at(110), "Олена", "Нова стаття",
         "{{Картка:Подія\n| місце = Зорянівка\n| загиблі = 8\n}}\n" + uk_lead + "\n\n== Передісторія ==\nМісто.\n"),
        (502, 501, _at(1620), "Олена", "Оновлення", "{{Картка:Подія\n| місце = Зорянівка\n| загиблі = 16\n}}\n"
         + uk_lead.replace("щонайменше 8", "16") + "\n\n== Передісторія ==\nМісто.\n"),
    ]
    return {
        "en": {"base": _EN_BASE, "title": en_new, "page_id": 77001, "revisions": en},
        "uk": {"base": _UK_BASE, "title": "Ракетний удар по ринку в Зорянівці", "page_id": 33001, "revisions": uk},
    }


def video_infos() -> list[dict[str, Any]]:
    """yt-dlp style info JSON of three fictional uploads."""
    def info(vid: str, minutes: float, title: str, desc: str, uploader: str, handle: str, duration: int) -> dict:
        when = _at(minutes)
        return {"id": vid, "title": title, "fulltitle": title, "description": f"{desc}\n\n{NOTICE}",
                "timestamp": int(when.timestamp()), "upload_date": when.astimezone(UTC).strftime("%Y%m%d"),
                "uploader": uploader, "uploader_id": handle, "uploader_url": f"https://video.example/{handle}",
                "channel": uploader, "channel_id": f"UC{vid}", "duration": duration, "width": 1280, "height": 720,
                "webpage_url": f"https://video.example/watch?v={vid}", "original_url":
                f"https://video.example/watch?v={vid}", "extractor": "generic", "extractor_key": "Generic",
                "filename": f"{vid}.mp4"}

    return [
        info("zr001", 24, "Smoke over the market in Zorianivka", "Filmed from Sadova street minutes after the "
             "explosion.", "Zorianivka Today", "@zorianivkatoday", 42),
        info("zr002", 70, "Aftermath at the Zorianivka central market", "Rescuers at the market in Zorianivka.",
             "Oleh Marchenko", "@olehm", 95),
        info("zr003", 360, "Governor Koval briefing on the Zorianivka market strike",
             "Regional Governor Ivan Koval briefs reporters about the strike on the market in Zorianivka.",
             "Pivnichna RMA", "@pivnichna_rma", 610),
    ]


def _revision_elements(revs: list[tuple]) -> Iterator[str]:
    for revid, parent, when, user, comment, text in revs:
        yield mw_revision(revid, parent, when, user, comment, text)


def write_social(folder: Path) -> dict[str, Any]:
    """Write the demo's channel export, encyclopedia exports and video info JSON; return their relative paths."""
    folder = Path(folder)
    tg = folder / "social" / "telegram" / "result.json"
    write_telegram_export(tg, CHANNEL, channel_messages())
    wiki = {}
    for lang, page in encyclopedia_revisions().items():
        rel = f"social/encyclopedia/{lang}-export.xml"
        write_mediawiki_export(folder / rel, lang=lang, base=page["base"], title=page["title"],
                               page_id=page["page_id"], revisions=_revision_elements(page["revisions"]))
        wiki[lang] = rel
    videos = []
    for info in video_infos():
        rel = f"social/video/{info['id']}.info.json"
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        videos.append(rel)
    (folder / "social" / "README.txt").write_text(NOTICE + "\n", encoding="utf-8")
    return {"telegram": "social/telegram/result.json", "telegram_channel": CHANNEL_USERNAME,
            "encyclopedia": [wiki["uk"], wiki["en"]], "video": videos}


def social_truth() -> dict[str, Any]:
    """What the social sources are built to show (for tests and the manifest)."""
    return {"channel_first_post_lag_min": 9, "channel_blame_lag_min": 36, "first_video_lag_min": 24,
            "encyclopedia_first_language": "uk", "encyclopedia_created_lag_min": 110,
            "encyclopedia_move": {"from": "Zoryanivka market explosion", "to": "Zorianivka market missile strike"},
            "encyclopedia_killed_revisions": [8, 12, 16]}
