"""A toll split by place within one sentence: "killed two civilians in Nikopol and one in Marhanets", "the
council prayed for 17 dead people in Rini and about 10 others in Gora".

Daily summaries and wire reports give each place its figure without repeating the verb. The figure written
right before a place ("N [a few words] in X") is that place's toll, but only when the sentence is about deaths,
every place asked about has its own figure, and no injury word stands between a figure and its place (", and
three were wounded in Y" is no death toll of Y).
"""
from __future__ import annotations

import re

from sitrep.nlp.fatalities import count_fatalities
from sitrep.nlp.numbers import tokens, word_number

# after the figure, up to the place: "two civilians in", "about 10 others in", "one person was killed in"
_TO_PLACE = re.compile(r"^(?:\s+[\w'’-]+){0,3}?(?:\s+(?:was|were)\s+killed|\s+died|\s+dead)?(?:\s+each)?\s+"
                       r"(?:in|at|near|from|of)\s+(?:the\s+(?:village|town|city|settlement|community|hromada)\s+of\s+)?"
                       # "one in [each of the settlements of] Siversk, Krasnohorivka and Chasiv Yar"
                       r"(?:\[[^\]]{0,60}\]\s*)?$", re.I)
_EACH = re.compile(r"\beach\b", re.I)
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+and)\s*$")
_INJURY = re.compile(r"\b(?:wound|injur|hurt)", re.I)
_DEATH_WORD = re.compile(r"\b(?:killed|dead|died|deaths?)\b", re.I)


def _figure_before(text: str, start: int, lo: int) -> tuple[int, int] | None:
    """(figure, where it starts) of "N ... in <place at start>", looked for between `lo` and `start`."""
    window = text[lo:start]
    toks = tokens(window)
    for i in range(len(toks) - 1, -1, -1):
        got = word_number(toks, i)
        if got is None or (i > 0 and word_number(toks, i - 1) is not None):
            continue            # the first word of a figure ("two hundred"), not its tail
        value, j = got
        rest = window[toks[j - 1].end:]
        if _TO_PLACE.match(rest) and not _INJURY.search(rest):
            return value, lo + toks[i].start
        return None             # the nearest figure is not this place's
    return None


def tolls_by_place(text: str, spans: list[tuple[int, int]]) -> dict[tuple[int, int], tuple[int, int]]:
    """{place span: (its toll, where the figure starts)} for places of `text` (offsets into it) that each carry
    a figure; {} otherwise."""
    if len(spans) < 2:
        return {}
    total = count_fatalities(text)
    if total is None or total.value == 0:
        return {}
    out: dict[tuple[int, int], tuple[int, int]] = {}
    lo = 0
    each = None     # the figure of "one each in A, B and C", for every member of the list
    for a, b in sorted(spans):
        figure = _figure_before(text, a, lo)
        if figure is None and each is not None and _LIST_GAP.match(text[lo:a]):
            figure = each
        if figure is None:
            return {}
        each = figure if _EACH.search(text[figure[1]:a]) else (each if _LIST_GAP.match(text[lo:a]) else None)
        between = text[lo:a]
        if out and _INJURY.search(between) and not _DEATH_WORD.search(between):
            return {}
        out[(a, b)] = figure
        lo = b
    return out
