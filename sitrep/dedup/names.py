"""Spelling-blind keys for place names and texts, so Izium/Izyum/Изюм or Kharkiv/Kharkov compare equal.

A *skeleton* keeps a name's consonants after folding the usual transliteration variants (Ukrainian h / Russian
g, kh, zh, ts, doubled letters, soft signs, Cyrillic), which is where Ukrainian and Russian spellings of the same
settlement agree.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ё": "e", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}
# Order matters: longest first, so "shch" is not read as "sh" + "ch".
_FOLDS = (("shch", "s"), ("sch", "s"), ("kh", "x"), ("zh", "j"), ("ch", "c"), ("sh", "s"), ("ts", "c"),
          ("tz", "c"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("g", "h"), ("q", "k"))
_VOWELS = re.compile(r"[aeiouyj']")
_GENERIC = re.compile(r"\b(city|town|village|settlement|of|the|urban|type|oblast|region|raion|district|"
                      r"province|governorate|state|hromada|community|okrug|krai|rayon|municipality)\b")
_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lowercase ASCII: Cyrillic transliterated, diacritics dropped, apostrophes removed."""
    text = text.lower().replace("’", "").replace("ʼ", "").replace("'", "").replace("`", "")
    text = "".join(_CYRILLIC.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def skeleton(name: str | None) -> str:
    """The consonant skeleton of a place name ('' for none); equal skeletons = the same name in any spelling."""
    if not name:
        return ""
    text = _GENERIC.sub(" ", fold(name))
    words = []
    for word in _WORD.findall(text):
        for a, b in _FOLDS:
            word = word.replace(a, b)
        word = _VOWELS.sub("", word)
        word = re.sub(r"(.)\1+", r"\1", word)
        if word:
            words.append(word)
    return " ".join(words)


_STOP = frozenset("""a an the and or of in on at to by for from with as is are was were be been has have had it its
this that these those said says say according after before during near into over per than their there they he she
we you also not no but which who whom what when where while about against between reported report reports local
officials official source sources people region oblast city village town district""".split())


@lru_cache(maxsize=8192)
def content_tokens(text: str) -> frozenset[str]:
    """The words that carry an event's content, each cut to a 5-letter stem (shelling ~ shelled ~ shells)."""
    out = set()
    for word in _WORD.findall(fold(text)):
        if word in _STOP or (len(word) < 3 and not word.isdigit()):
            continue
        out.add(word[:5] if not word.isdigit() else word)
    return frozenset(out)


def place_key(name: str | None) -> str:
    """The skeleton with word breaks removed: 'Pa Zi Gyi' and 'Pazigyi' are one key (indexes use it too)."""
    return skeleton(name).replace(" ", "")
