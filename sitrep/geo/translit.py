"""Spelling-insensitive keys for place names, shared by the gazetteer build and every lookup.

Why: the same village is written Izium, Izyum, Izum, Изюм; Vasylivka (Ukrainian, KMU-2010) is Vasilyevka
(Russian, BGN/PCGN). Both the gazetteer and the mention are reduced to
  * `fold(name)`: lowercase ASCII, diacritics, apostrophes and soft signs gone, hyphens as spaces, Cyrillic
    romanised (one key per plausible language of the Cyrillic), used for exact lookups;
  * `skeleton(key)`: the consonant frame after merging the letters romanisation systems disagree on
    (kh/h/x, g/h, zh/z, shch/sch/sh, ts/c, w/v, doubled letters, all vowels incl. y/i/j). Two spellings of one
    name share a skeleton; candidates that share it are then ranked by string similarity and context.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import translitua

_UK_ONLY = set("іїєґІЇЄҐ")
_RU_ONLY = set("ыэёъЫЭЁЪ")

# Russian, BGN/PCGN-like, simplified (the skeleton absorbs the rest).
_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj",
    "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz", "ќ": "k", "ѓ": "g", "ѕ": "dz",
}
# Latin letters NFKD does not decompose.
_LATIN_EXTRA = str.maketrans({
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
    "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "ng", "ə": "e", "Ə": "e",
})
_APOSTROPHES = re.compile(r"['’ʼ`´‘ʹʻʿʾ\"]")
_NON_KEY = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def is_indexable(text: str) -> bool:
    """Latin or Cyrillic names only: other scripts are not indexed (the articles are English)."""
    return bool(_LATIN.search(text) or _CYRILLIC.search(text))


def _clean_latin(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_LATIN_EXTRA))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _APOSTROPHES.sub("", text)
    text = text.replace("-", " ").replace("_", " ").replace(".", " ").replace("/", " ")
    text = _NON_KEY.sub("", text)
    return _SPACES.sub(" ", text).strip()


def _russian_latin(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        out.append(_RU.get(low, ch))
    return "".join(out)


@lru_cache(maxsize=200_000)
def fold_all(name: str) -> tuple[str, ...]:
    """Every exact key of a name: one for Latin text, one or two (Ukrainian, Russian) for Cyrillic."""
    if not name:
        return ()
    name = unicodedata.normalize("NFC", name)
    if not has_cyrillic(name):
        key = _clean_latin(name)
        return (key,) if key else ()
    letters = set(name)
    keys: list[str] = []
    if not (letters & _RU_ONLY):
        keys.append(_clean_latin(translitua.translit(name)))
    if not (letters & _UK_ONLY):
        keys.append(_clean_latin(_russian_latin(name)))
    return tuple(dict.fromkeys(k for k in keys if k))


def fold(name: str) -> str:
    """The main exact key of a name ('' when nothing indexable is left)."""
    keys = fold_all(name)
    return keys[0] if keys else ""


_SKELETON_STEPS = [
    (re.compile(r"x"), "ks"),
    (re.compile(r"shtsh|shch|sch|szcz|stch"), "S"),
    (re.compile(r"zh|zs|dj"), "Z"),
    (re.compile(r"kh"), "X"),
    (re.compile(r"tsch|tch|ch|cz|tsh"), "C"),
    (re.compile(r"sh|sz"), "S"),
    (re.compile(r"ts|tz|c(?=[eiy])"), "T"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck|c|q"), "k"),
    (re.compile(r"w"), "v"),
    (re.compile(r"gh|h"), "g"),
    (re.compile(r"[aeiouyj ]"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
]


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """Consonant frame of a folded key; '' for keys too short to be distinctive (< 2 consonants)."""
    s = key
    for pattern, repl in _SKELETON_STEPS:
        s = pattern.sub(repl, s)
    return s if len(s) >= 2 else ""


def deletes1(key: str) -> set[str]:
    """The key with any one character removed (symmetric-delete fuzzy lookup: catches one substitution,
    insertion, deletion or transposition when applied to both sides)."""
    k = key.replace(" ", "")
    return {k[:i] + k[i + 1:] for i in range(len(k))} | {k}
