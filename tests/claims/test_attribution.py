"""Attributed statements: every quotation style, indirect speech, cues per language, speakers."""

from __future__ import annotations

import pytest

from storyradar.claims import extract_statements, get_lexicon, normalise_speaker
from storyradar.claims.lexicon import read_user_lexicon
from storyradar.errors import StoryradarError


def one(text: str, lang: str):
    sts = extract_statements(text, lang)
    assert len(sts) == 1, [(s.speaker.raw, s.cue, s.content) for s in sts]
    st = sts[0]
    # offsets point at the text they name
    a, b = st.content_span
    assert st.content[:8] in text[a:b]
    if st.source_span:
        assert text[st.source_span[0]:st.source_span[1]] == st.speaker.raw
    if st.cue_span:
        assert " ".join(text[st.cue_span[0]:st.cue_span[1]].split()) == st.cue
    return st


@pytest.mark.parametrize("text, lang, style, content", [
    ("“This was a deliberate strike on civilians,” said Regional Governor Ivan Koval.", "en", "“”",
     "This was a deliberate strike on civilians"),
    ("„Das war ein gezielter Angriff“, sagte Regionalgouverneur Iwan Kowal.", "de", "„“",
     "Das war ein gezielter Angriff"),
    ("«Это был удар по мирным жителям», — заявил губернатор Иван Коваль.", "ru", "«»",
     "Это был удар по мирным жителям"),
    ("»Das war ein gezielter Angriff«, sagte Regionalgouverneur Iwan Kowal.", "de", "»«",
     "Das war ein gezielter Angriff"),
    ("‚Das war gezielt‘, sagte Regionalgouverneur Iwan Kowal.", "de", "‚‘", "Das war gezielt"),
    ("‘This was deliberate,’ said Regional Governor Ivan Koval.", "en", "‘’", "This was deliberate"),
    ('"This was deliberate," said Regional Governor Ivan Koval.', "en", '""', "This was deliberate"),
    ("'This was deliberate,' said Regional Governor Ivan Koval.", "en", "''", "This was deliberate"),
    ("„To był celowy atak na cywilów” – powiedział gubernator Iwan Kowal.", "pl", "„”",
     "To był celowy atak na cywilów"),
    ("— Це був навмисний удар по цивільних, — заявив губернатор області Іван Коваль.", "uk", "dash",
     "Це був навмисний удар по цивільних"),
])
def test_quotation_styles(text, lang, style, content):
    st = one(text, lang)
    assert st.style == style
    assert st.content == content
    assert st.speaker.name in ("Ivan Koval", "Iwan Kowal", "Иван Коваль", "Іван Коваль")
    assert st.speaker.kind == "person"


def test_quote_before_cue_with_colon():
    st = one("Regional Governor Ivan Koval said: “We will rebuild the market.”", "en")
    assert st.speaker.name == "Ivan Koval" and st.content == "We will rebuild the market"
    assert st.style == "“”"


def test_split_quote_is_one_statement():
    text = "“The market was full,” Koval said. “Nobody expected it.”"
    st = one(text, "en")
    assert st.content == "The market was full Nobody expected it"
    assert st.content_parts and text[st.content_parts[0][0]:st.content_parts[0][1]] == "“Nobody expected it.”"


def test_typewriter_double_apostrophes():
    st = one("''We are looking into it,'' Mr. Berg said.", "en")
    assert st.content == "We are looking into it" and st.speaker.raw == "Mr. Berg"


def test_indirect_said_that_with_speaker_parts():
    st = one("Ukraine's President Volodymyr Zelenskyy said that the strike hit a market.", "en")
    assert (st.speaker.name, st.speaker.role, st.speaker.affiliation) == (
        "Volodymyr Zelenskyy", "President", "Ukraine")
    assert st.cue == "said" and st.style == "indirect"
    assert st.content == "the strike hit a market"


def test_institution_denial():
    text = "The Ministry of Defence of Norland denied any involvement, calling the claims “fabricated”."
    st = one(text, "en")
    assert st.speaker.kind == "institution"
    assert st.speaker.name == "Ministry of Defence of Norland" and st.speaker.affiliation == "Norland"
    assert st.cue_class == "deny"
    assert st.content == "any involvement, calling the claims “fabricated”"


def test_according_to_before_and_after():
    st = one("According to emergency services, at least 12 people were killed and 30 injured.", "en")
    assert st.speaker.raw == "emergency services" and st.cue_class == "according"
    assert st.content == "at least 12 people were killed and 30 injured"
    st = one("At least 12 people were killed, according to emergency services.", "en")
    assert st.speaker.raw == "emergency services" and st.content == "At least 12 people were killed"


def test_postposed_and_inverted_speaker():
    st = one("At least 12 people died, the regional governor said on Monday.", "en")
    assert st.speaker.role == "regional governor" and st.speaker.kind == "role"
    assert st.content == "At least 12 people died"
    st = one("The market was hit twice, said Koval.", "en")
    assert st.speaker.name == "Koval" and st.content == "The market was hit twice"


def test_accused():
    st = one("Koval accused Norland of a deliberate attack on the market.", "en")
    assert st.cue_class == "accuse" and st.content.startswith("Norland of")


@pytest.mark.parametrize("lang, sentence, cue, cls", [
    ("en", "Koval said the market was hit.", "said", "say"),
    ("en", "Koval told reporters the market was hit.", "told reporters", "say"),
    ("en", "Koval stated that the market was hit.", "stated", "say"),
    ("en", "Koval claimed the market was hit.", "claimed", "say"),
    ("en", "Koval blamed Norland for the attack.", "blamed", "accuse"),
    ("en", "Norland denied the attack.", "denied", "deny"),
    ("uk", "Коваль сказав, що ринок був повний.", "сказав", "say"),
    ("uk", "Коваль заявив, що ринок був повний.", "заявив", "say"),
    ("uk", "Коваль повідомив, що ринок був повний.", "повідомив", "say"),
    ("uk", "Коваль звинуватив Норландію в ударі.", "звинуватив", "accuse"),
    ("uk", "Норландія заперечила причетність до удару.", "заперечила", "deny"),
    ("ru", "Коваль сказал, что рынок был полон.", "сказал", "say"),
    ("ru", "Коваль заявил, что рынок был полон.", "заявил", "say"),
    ("ru", "Коваль сообщил, что рынок был полон.", "сообщил", "say"),
    ("ru", "Коваль обвинил Норландию в ударе.", "обвинил", "accuse"),
    ("ru", "Норландия отрицала причастность к удару.", "отрицала", "deny"),
    ("de", "Kowal sagte, der Markt sei voll gewesen.", "sagte", "say"),
    ("de", "Kowal erklärte, der Markt sei voll gewesen.", "erklärte", "say"),
    ("de", "Das Ministerium teilte mit, der Markt sei voll gewesen.", "teilte mit", "say"),
    ("de", "Kowal warf Norland vor, den Markt angegriffen zu haben.", "warf", "accuse"),
    ("de", "Norland bestritt jede Beteiligung an dem Angriff.", "bestritt", "deny"),
    ("pl", "Kowal powiedział, że targ był pełen ludzi.", "powiedział", "say"),
    ("pl", "Kowal oświadczył, że targ był pełen ludzi.", "oświadczył", "say"),
    ("pl", "Kowal oskarżył Norlandię o atak na targ.", "oskarżył", "accuse"),
    ("pl", "Norlandia zaprzeczyła udziałowi w ataku na targ.", "zaprzeczyła", "deny"),
])
def test_cue_lexicons(lang, sentence, cue, cls):
    st = one(sentence, lang)
    assert st.cue == cue and st.cue_class == cls and st.language == lang
    assert st.speaker.raw in ("Koval", "Коваль", "Kowal", "Norland", "Норландія", "Норландия", "Norlandia",
                              "Das Ministerium")


@pytest.mark.parametrize("lang, sentence, speaker, content", [
    ("uk", "За словами рятувальників, щонайменше 12 людей загинули.", "рятувальників",
     "щонайменше 12 людей загинули"),
    ("ru", "По словам спасателей, погибли 12 человек.", "спасателей", "погибли 12 человек"),
    ("de", "Laut der Polizei wurden zwölf Menschen getötet.", "der Polizei", "wurden zwölf Menschen getötet"),
    ("pl", "Według służb ratunkowych zginęło 12 osób.", "służb ratunkowych", "zginęło 12 osób"),
])
def test_according_to_other_languages(lang, sentence, speaker, content):
    st = one(sentence, lang)
    assert st.speaker.raw == speaker and st.content == content and st.cue_class == "according"


@pytest.mark.parametrize("raw, lang, name, role, affiliation, kind", [
    ("Ukraine's President Volodymyr Zelenskyy", "en", "Volodymyr Zelenskyy", "President", "Ukraine", "person"),
    ("Regional Governor Ivan Koval", "en", "Ivan Koval", "Regional Governor", "", "person"),
    ("Ivan Koval, the regional governor", "en", "Ivan Koval", "regional governor", "", "person"),
    ("the Ministry of Defence of Norland", "en", "Ministry of Defence of Norland", "", "Norland", "institution"),
    ("губернатор області Іван Коваль", "uk", "Іван Коваль", "губернатор області", "", "person"),
    ("he", "en", "", "", "", "pronoun"),
])
def test_normalise_speaker(raw, lang, name, role, affiliation, kind):
    sp = normalise_speaker(raw, get_lexicon(lang))
    assert (sp.name, sp.role, sp.affiliation, sp.kind) == (name, role, affiliation, kind)


def test_user_lexicon_adds_a_cue(tmp_path):
    text = "Koval quipped that the market was hit."
    assert extract_statements(text, "en") == []
    lex = tmp_path / "extra.toml"
    lex.write_text('[en]\ncues = { say = ["quipped"] }\nhedges = ["word has it"]\n', encoding="utf-8")
    st = extract_statements(text, "en", lexicon_path=str(lex))[0]
    assert st.cue == "quipped" and st.speaker.raw == "Koval"
    assert "word has it" in get_lexicon("en", str(lex)).words("HEDGES")


def test_bad_user_lexicon_names_file_and_key(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[en]\nverbs = ["quipped"]\n', encoding="utf-8")
    with pytest.raises(StoryradarError) as err:
        read_user_lexicon(bad)
    assert "bad.toml" in str(err.value) and "'verbs'" in str(err.value)
    broken = tmp_path / "broken.toml"
    broken.write_text("[en\n", encoding="utf-8")
    with pytest.raises(StoryradarError, match="not valid TOML"):
        read_user_lexicon(broken)
