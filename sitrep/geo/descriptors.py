"""Split a place phrase into its name and what the words around it say: "the outskirts of Izium" is Izium,
near (precision 2); "Kherson Region" is the admin1 region; "Nikopol district" a raion; "Pokrovska hromada" a
hromada; "Vasylivka, Zaporizhzhia Oblast" is Vasylivka with its region as context. Word lists live in
sitrep/data/geo/descriptors.yaml."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from sitrep.data import parse_yaml
from sitrep.geo.sources import data_path

LEVEL_ADMIN1, LEVEL_RAION, LEVEL_HROMADA, LEVEL_SETTLEMENT = 1, 2, 3, 4
MAX_NAME = 200
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


@dataclass(frozen=True)
class Phrase:
    core: str                 # the name itself
    level: int | None         # unit the descriptor asks for (None: any, settlements first)
    near: bool                # "near", "outskirts of": precision at least 2
    context: str              # text after a comma / in brackets: "Zaporizhzhia Oblast"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[str]]:
    with open(data_path("descriptors.yaml"), encoding="utf-8") as f:
        return parse_yaml(f)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lx = lexicon()

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    return {
        "near": re.compile(rf"^(?:{alt(lx['near_prefixes'])})\s+", re.I),
        "plain": re.compile(rf"^(?:{alt(lx['plain_prefixes'])})\s+", re.I),
        "admin1": re.compile(rf"\s+(?:{alt(lx['admin1_suffixes'])})$", re.I),
        "raion": re.compile(rf"\s+(?:{alt(lx['raion_suffixes'])})$", re.I),
        "hromada": re.compile(rf"\s+(?:{alt(lx['hromada_suffixes'])})$", re.I),
        "settlement": re.compile(rf"\s+(?:{alt(lx['settlement_suffixes'])})$", re.I),
        "suffix_any": re.compile(
            rf"\s+(?:{alt(lx['admin1_suffixes'] + lx['raion_suffixes'] + lx['hromada_suffixes'])})\b", re.I),
    }


def clean(name: str | None) -> str | None:
    """The name with control characters and surplus space removed; None for empty or absurdly long input."""
    if not isinstance(name, str):
        return None
    name = unicodedata.normalize("NFC", _CONTROL.sub(" ", name))
    name = re.sub(r"\s+", " ", name).strip(" \t,.;:!?\"'()[]{}«»“”")
    if not name or len(name) > MAX_NAME:
        return None
    return name


def parse(name: str) -> Phrase | None:
    text = clean(name)
    if text is None:
        return None
    context = ""
    m = re.match(r"^([^,(\[]+)[,(\[](.*)$", text)
    if m:
        text, context = m.group(1).strip(), m.group(2).strip(" )]")
    p = _patterns()
    near = False
    for _ in range(4):
        m = p["near"].match(text)
        if m:
            near, text = True, text[m.end():]
            continue
        m = p["plain"].match(text)
        if m and len(text) > m.end():
            text = text[m.end():]
            continue
        break
    level = None
    for kind, lv in (("hromada", LEVEL_HROMADA), ("raion", LEVEL_RAION), ("admin1", LEVEL_ADMIN1),
                     ("settlement", LEVEL_SETTLEMENT)):
        m = p[kind].search(text)
        if m and m.start() > 0:
            text, level = text[:m.start()], lv
            break
    text = text.strip(" -")
    if not text:
        return None
    return Phrase(text, level, near, context)
