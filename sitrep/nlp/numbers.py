"""Quantities in wire copy: number words and numerals ("twenty-five", "two hundred and fifty", "1,234",
"12 thousand"), modified and ranged figures ("at least 5", "between 5 and 10", "two or three"), vague
quantities ("dozens", "a handful", "a family of five"), and the numbers that never count people (times,
percentages, dates, ages, years).

Split out of `sitrep.nlp.fatalities`, which counts victims with these figures and documents the decisions
(modifiers keep the stated figure, ranges take the lower one, "a dozen" = 12, ...). The values live in
`sitrep/data/lexicons/numbers.yaml`. The small tokenizer is here too: every parser works on its tokens, and
each figure keeps the character offsets of the phrase that supports it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.data import load_yaml

TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d])|\d+\.\d+|\w+(?:[-'’]\w+)*|[^\w\s]")
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec"}
SINGULAR_DET = {"a", "an", "another", "one", "her", "his", "their", "its", "single"}


@dataclass(frozen=True)
class Tok:
    """A token, lower-cased, with its character offsets and whether it was capitalised (names, demonyms)."""

    low: str
    start: int
    end: int
    cap: bool = False


@lru_cache(maxsize=1)
def number_lexicon() -> dict:
    """numbers.yaml (units, tens, scales, vague quantities, modifiers), modifiers pre-split into token tuples."""
    nums = dict(load_yaml("lexicons/numbers.yaml"))
    nums["modifiers_t"] = index_phrases(tuple(p.split()) for p in nums["modifiers"])
    return nums


def index_phrases(phrases) -> dict[str, list[tuple[str, ...]]]:
    """Phrases keyed by their first word, longest first, so a lookup at a token is one dict access."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in sorted(phrases, key=len, reverse=True):
        out.setdefault(p[0], []).append(p)
    return out


def words(text: str) -> list[str]:
    return [m.group(0).lower() for m in TOKEN.finditer(text)]


def tokens(text: str) -> list[Tok]:
    """Words (hyphens and apostrophes inside), numerals ("1,234", "2.5") and single punctuation marks."""
    return [Tok(m.group(0).lower(), m.start(), m.end(), m.group(0)[:1].isupper()) for m in TOKEN.finditer(text)]


def phrase_at(toks: list[Tok], i: int, phrases: dict[str, list[tuple[str, ...]]]) -> int:
    """Length in tokens of the longest phrase starting at token i, 0 if none."""
    if i >= len(toks):
        return 0
    for p in phrases.get(toks[i].low, ()):
        if tuple(t.low for t in toks[i:i + len(p)]) == p:
            return len(p)
    return 0


def word_number(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """Parse 'twenty-five', 'two hundred and fifty', '1,234', '12 thousand' at i -> (value, next index)."""
    nums = number_lexicon()
    units, tens, scales = nums["units"], nums["tens"], nums["scales"]
    total, current, j, seen = 0, 0, i, False
    while j < len(toks):
        w = toks[j].low
        parts = w.split("-")
        if DIGITS.match(w) and not seen:
            current, seen = int(w.replace(",", "")), True
        elif w in units and not (seen and current % 10):
            current += units[w]
            seen = True
        elif w in tens and not (seen and current % 100):
            current += tens[w]
            seen = True
        elif len(parts) == 2 and parts[0] in tens and parts[1] in units:
            current += tens[parts[0]] + units[parts[1]]
            seen = True
        elif w in scales and seen:
            total, current = total + current * scales[w], 0
        elif w == "and" and seen and j + 1 < len(toks) and (toks[j + 1].low in units or toks[j + 1].low in tens) \
                and j > i and toks[j - 1].low in scales:
            pass
        else:
            break
        j += 1
    return (total + current, j) if seen else None


def is_bad_number(toks: list[Tok], i: int, j: int, person_nouns: frozenset[str]) -> bool:
    """Times, percentages, dates, ages, years: numbers that never count people.

    `person_nouns` tell an age in apposition after a noun ("the driver, 60, ...") from a count.
    """
    prev = toks[i - 1].low if i > 0 else ""
    nxt = toks[j].low if j < len(toks) else ""
    nxt2 = toks[j + 1].low if j + 1 < len(toks) else ""
    if nxt in {":", "/", "%", "percent"} or (nxt == "per" and nxt2 == "cent") or nxt in MONTHS or prev in MONTHS:
        return True
    if prev in {"no", "#", "number", "route", "unit", "brigade", "regiment", "battalion", "at", "since", "in"} \
            and DIGITS.match(toks[i].low):
        return prev not in {"at", "in"} or len(toks[i].low) == 4 or nxt in {"a", "p", "am", "pm", "hours"}
    if any(t.low in {"aged", "ages", "age"} for t in toks[max(0, i - 4):i]):
        return True
    if prev == "," and nxt in {",", ")"} and i >= 2 and j == i + 1 and (
            toks[i - 2].cap or toks[i - 2].low in person_nouns):
        return True  # an age in apposition: "Daw Ni Dain, 60, was killed"
    w = toks[i].low
    return bool(DIGITS.match(w) and len(w) == 4 and 1900 <= int(w) <= 2100)


def quantity(toks: list[Tok], i: int, person_nouns: frozenset[str]) -> tuple[int, int, bool] | None:
    """Parse a (possibly modified or vague) quantity at i -> (value, next index, singular-determiner).

    `person_nouns` decide whether "one" is a determiner ("one soldier" = 1) or the start of a figure.
    """
    nums = number_lexicon()
    j = i
    while True:
        n = phrase_at(toks, j, nums["modifiers_t"])
        if not n:
            break
        j += n
    if j + 1 < len(toks) and toks[j].low in {"another", "a", "her", "his", "their", "its"} and word_number(toks, j + 1) \
            and toks[j + 1].low not in {"a", "an"}:
        j += 1  # "another 3 people"
    if j < len(toks) and toks[j].low == "between":
        a = word_number(toks, j + 1)
        if a and a[1] < len(toks) and toks[a[1]].low == "and" and word_number(toks, a[1] + 1):
            return a[0], word_number(toks, a[1] + 1)[1], False
        return None
    if j >= len(toks):
        return None
    w = toks[j].low
    nxt = toks[j + 1].low if j + 1 < len(toks) else ""
    if w in {"a", "an"} and nxt in {"dozen", "few", "couple", "handful", "hundred", "thousand", "score", "pair"}:
        value = nums["dozen"] if nxt == "dozen" else nums["scales"].get(nxt) or nums["vague"].get(nxt, 20)
        k = j + 2
    elif w in nums["vague"] and w not in {"few", "couple", "pair", "handful"}:
        value, k = nums["vague"][w], j + 1
        if k < len(toks) and toks[k].low == "dozen":
            value, k = value * nums["dozen"], k + 1
    elif w in {"he", "she"} and nxt in {"was", "had", "has", "later", "died"}:
        return 1, j + 1, False  # "he was killed", "she later died"
    elif w in SINGULAR_DET:
        if w == "one" and nxt not in person_nouns and not nxt.endswith("-old"):
            parsed = word_number(toks, j)
            return (parsed[0], parsed[1], False) if parsed else None
        return 1, j + 1, True
    elif w == "family" and nxt == "of":
        parsed = word_number(toks, j + 2)
        return (parsed[0], parsed[1], False) if parsed else None
    else:
        parsed = word_number(toks, j)
        if not parsed or is_bad_number(toks, j, parsed[1], person_nouns):
            return None
        value, k = parsed
        if k < len(toks) and toks[k].low == "dozen":
            value, k = value * nums["dozen"], k + 1
        if k + 1 < len(toks) and toks[k].low in {"to", "or", "-", "–"} and (i == 0 or toks[i - 1].low != "from"):
            other = word_number(toks, k + 1)
            if other and not is_bad_number(toks, k + 1, other[1], person_nouns):
                value, k = min(value, other[0]), other[1]
    if k < len(toks) and toks[k].low == "of" and (w in nums["vague"] or w in {"a", "an"}):
        k += 1
    return value, k, False
