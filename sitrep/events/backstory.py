"""Back-story told inside one sentence: "The attack on Masagawa came days after Al-Shabab attacked a base in
Bulamarer", "The slaughter on Saturday followed the slaying of 14 people late Friday in Tadaryat".

Wire copy ties an earlier event to the one it reports with "came (N days) after" or "followed". The part after
the link is an event of its own, at its own place, on an earlier day: read as one sentence with the news, it
is lost or merged into the news. Here such a sentence is read as two, and the later part remembers how far
before the first it happened (when it gives no date of its own).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.nlp.sentences import Sentence

_NUMBER = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}
_LINK = re.compile(r"\b(?:came|comes|happened|occurred|followed|follows)\s+(?:just\s+|only\s+|some\s+)?"
                   r"(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|a\s+few|several|few)\s+)?"
                   r"(?P<unit>hours?|days?|weeks?)\s+(?:after|since)\s+(?=\S)"
                   r"|\b(?:followed|follows)\s+(?=(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:attacks?|slaying|killings?|"
                   r"massacre|raid|strike|bombing|assault|ambush|blast|explosion)\b)", re.I)


@dataclass(frozen=True)
class Backstory:
    """How long before the news the back-story part happened, when it says: (days, precision)."""

    days: int
    precision: str


def split_backstory(sentences: list[Sentence]) -> tuple[list[Sentence], dict[int, Backstory]]:
    """The sentences with each "X came days after Y" read as "X came days after" and "Y"; the back-story
    parts by their (new) index."""
    out: list[Sentence] = []
    told: dict[int, Backstory] = {}
    for s in sentences:
        m = _LINK.search(s.text)
        if m is None or m.start() < 10 or len(s.text) - m.end() < 20:
            out.append(_reindexed(s, len(out)))
            continue
        out.append(Sentence(s.start, s.start + m.end(), s.text[:m.end()].rstrip(), s.paragraph, len(out)))
        told[len(out)] = _how_long_before(m)
        out.append(Sentence(s.start + m.end(), s.end, s.text[m.end():], s.paragraph, len(out)))
    return out, told


def _reindexed(s: Sentence, index: int) -> Sentence:
    return s if s.index == index else Sentence(s.start, s.end, s.text, s.paragraph, index)


def _how_long_before(m: re.Match) -> Backstory:
    unit = (m.group("unit") or "").lower()
    n = (m.group("n") or "").lower()
    if not unit:            # "followed the slaying of 14 people": before, how long unsaid
        return Backstory(2, "week")
    per = 7 if unit.startswith("week") else 0 if unit.startswith("hour") else 1
    if n in _NUMBER or n.isdigit():
        count = _NUMBER.get(n) or int(n)
        return Backstory(count * per, "day" if per <= 1 else "week")
    return Backstory(3 * max(per, 1), "week")    # "days after", "a few days after"


def backstory_date(told: Backstory, news_day: date | None) -> tuple[date, str, None] | None:
    """The back-story's date from the day of the news it is tied to."""
    if news_day is None:
        return None
    return news_day - timedelta(days=told.days), told.precision, None
