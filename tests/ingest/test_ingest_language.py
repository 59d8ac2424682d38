"""detect_language: ISO 639-1 codes, deterministic, None when the text is too short to tell."""
from __future__ import annotations

import pytest

from sitrep.ingest.language import detect_language


@pytest.mark.parametrize("text, lang", [
    ("Russian forces shelled the village of Kurylivka on Tuesday, killing two civilians, the governor said.", "en"),
    ("Російські війська обстріляли село Курилівка у вівторок, загинули двоє цивільних, повідомив голова ОВА.", "uk"),
    ("Российские войска обстреляли село Куриловка во вторник, погибли двое мирных жителей, сообщил губернатор.", "ru"),
    ("Les forces russes ont bombardé le village de Kourylivka mardi, tuant deux civils, a déclaré le gouverneur.", "fr"),
    ("Russische Truppen haben am Dienstag das Dorf Kurylivka beschossen und zwei Zivilisten getötet.", "de"),
    ("Las fuerzas rusas bombardearon el martes la aldea de Kurylivka y mataron a dos civiles, dijo el gobernador.", "es"),
])
def test_language_of_news_sentences(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text, lang", [
    ("Vladimir Putin Portugal expels Diplomats", None),  # langdetect says Catalan
    ("Kurylivka Kupiansk Balakliia Izium Chuhuiv Vovchansk", None),  # langdetect says Slovak
    ("Somalia severs ties with Kenya; expels diplomats", "en"),  # langdetect says Catalan
    ("As forças russas bombardearam a aldeia na terça-feira", "pt"),  # shares "a", "as" with English
    ("Russische Truppen beschossen das Dorf in der Nacht", "de"),
])
def test_short_latin_texts_are_named_only_from_their_function_words(text, lang):
    assert detect_language(text) == lang


def test_detection_is_deterministic_on_ambiguous_text():
    # 48 words, no function words: goes to langdetect, whose random n-gram sampling must be seeded
    text = " ".join(["Kurylivka Kupiansk Balakliia Izium Chuhuiv Vovchansk Zolochiv Bohodukhiv"] * 6)
    assert len({detect_language(text) for _ in range(8)}) == 1


def test_too_short_to_tell_is_none():
    assert detect_language("") is None
    assert detect_language("x y z") is None
    assert detect_language("12 34 56 78") is None
