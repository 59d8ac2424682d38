"""The word lists find_mentions reads around a capitalised name (all in sitrep/data/geo/, loaded once): words
that are never places, cue words, given names, English words, demonyms, news abbreviations of regions, and the
bylines and photo credits to skip."""
from __future__ import annotations

import re
from functools import lru_cache

from sitrep.data import parse_yaml
from sitrep.geo.sources import data_path
from sitrep.geo.translit import fold


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    with open(data_path("not_places.txt"), encoding="utf-8") as f:
        return frozenset(w.strip().lower() for w in f if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    with open(data_path("cues.yaml"), encoding="utf-8") as f:
        d = parse_yaml(f)
    return {k: frozenset(v) for k, v in d.items()}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    with open(data_path("first_names.txt"), encoding="utf-8") as f:
        return frozenset(w.strip().lower() for w in f if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def organisation_names() -> re.Pattern | None:
    """The armed groups' names of the actor dictionaries (sitrep/data/actors/*.yaml) written in capitals and of
    two words or more: "Boko Haram", "Islamic State West Africa Province". A village inside such a name (Haram,
    in Norway) is part of the name, not a place the text names."""
    from importlib import resources

    names: set[str] = set()
    for f in resources.files("sitrep").joinpath("data/actors").iterdir():
        if not f.name.endswith(".yaml"):
            continue
        for actor in parse_yaml(f.read_text(encoding="utf-8")).get("actors") or []:
            for p in actor.get("patterns") or []:
                words = str(p).split()
                if len(words) >= 2 and all(w[0].isupper() for w in words if w.lower() not in _LINK_WORDS):
                    names.add(str(p))
    if not names:
        return None
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    first = "".join(sorted({re.escape(n[0]) for n in names}))   # tried only where a name can start: 10x faster
    return re.compile(rf"(?<![\w-])(?=[{first}])(?:{alts})(?![\w-])")


_LINK_WORDS = {"of", "the", "and", "for", "al", "el", "wal", "de", "del", "la", "du", "des"}


def organisation_spans(text: str) -> list[tuple[int, int]]:
    pattern = organisation_names()
    return [m.span() for m in pattern.finditer(text)] if pattern is not None else []


CREDIT = re.compile(
    r"(?im)(?:^|[(\[|•·]\s*)(?:(?:additional\s+)?reporting|editing|writing|written|compiled|translated|text|"
    r"photos?|photograph|pictures?|images?|video|illustration|credits?|author|authors|correspondent)"
    r"(?:\s+credit)?(?:\s*:\s*|\s+by\s+)(?:by\s+)?|^\s*[Bb][Yy]\s+")
_CREDIT_WORD = re.compile(r"[A-Z][\w’'.\-]*|and|&|/|,|of|for|via|de|van|von|al|el|-|\|")


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Bylines and photo credits ("Photo: Getty Images", "Author: Maria Petrenko", "(Reporting by ...;
    Editing by ...)"): names of people and agencies, to be skipped. Only when what follows the cue is a short
    run of capitalised words, so a caption ("Photo: the market in Kherson after the strike") still counts."""
    out = []
    for m in CREDIT.finditer(text):
        end = m.end()
        stop = re.search(r"[\n;)\]]|\.(?:\s|$)", text[end:end + 120])
        seg_end = end + (stop.start() if stop else min(120, len(text) - end))
        seg = text[end:seg_end]
        words = re.findall(r"\S+", seg.replace("/", " / "))
        if words and len(words) <= 8 and all(_CREDIT_WORD.fullmatch(w.strip(",")) for w in words):
            out.append((end, seg_end))
    return out


@lru_cache(maxsize=1)
def english() -> frozenset[str]:
    """Common nouns and other lower-case words of English (Webster's 2nd, public domain, via english-words):
    "Speech", "Radio", "Research" are words, not spelling variants of Sopych, Irade or a hamlet of that name."""
    try:
        from english_words import get_english_words_set
    except ImportError:      # the package is a declared dependency; without it this check is simply skipped
        return frozenset()
    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower())


@lru_cache(maxsize=1)
def abbreviations() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """News abbreviations of US states and Canadian provinces, written after a place ("GLASGOW, Ky.")."""
    from sitrep.geo.sources import read_csv_rows

    table = {r["abbrev"]: (r["region"], r["cc"]) for r in read_csv_rows("region_abbreviations.csv")}
    alts = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<=[A-Za-z], )({alts})(?![\w.])"), table


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """'russian' / 'russians' -> 'RU' (countryinfo demonyms)."""
    from sitrep.geo.sources import countries, read_csv_rows

    out: dict[str, str] = {}
    for c in sorted(countries(), key=lambda c: -c["population"]):   # "American": the US, not a territory
        for d in re.split(r"[,/]", c["demonym"] or ""):
            d = d.strip().lower()
            if len(d) > 3:
                out.setdefault(d, c["cc"])
    for r in read_csv_rows("demonym_extras.csv"):
        out[fold(r["word"])] = r["cc"]
    return out
