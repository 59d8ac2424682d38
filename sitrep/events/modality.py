"""Is a cue a reported, specific event, or a forecast, threat, habit, denial or campaign total?

ACLED codes what happened, once, somewhere, some day. A trigger preceded in its clause by an irrealis cue
("could strike", "threatened to seize") or a negation ("did not attempt to take"), or a sentence that speaks of
a habit or a total ("regularly shell", "since 2022"), yields no event; a total ("in all") does only inside a day the text sets.
"""
from __future__ import annotations

import re

from sitrep.events.classify import CueHits
from sitrep.nlp.fatalities import count_fatalities

_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|while|and|as|after|when)\b|\.\s")


def _same_clause_before(sentence: str, cue_end: int, trigger_start: int) -> bool:
    if cue_end > trigger_start:
        return False
    gap = sentence[cue_end:trigger_start]
    return len(gap) <= 80 and not _CLAUSE_BREAK.search(gap)


_ONGOING_OR_BACKGROUND = re.compile(
    r"(?:,\s*being\s+(?:[\w-]+\s+){0,4}|\b(?:settlements|villages|towns|cities|areas|territories|lands|places)"
    r"(?:\s+(?:in|of)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?\s+(?:that|which)\s+(?:[\w-]+\s+){0,3})$", re.I)


def is_reportable(sentence: str, hits: CueHits, trigger: tuple[int, int], has_explicit_day: bool,
                  in_day_frame: bool = False) -> tuple[bool, str]:
    """(True, "") when the trigger reports a specific event; else (False, why) for the skip log.

    `in_day_frame`: the sentences just before set one day ("over the past day"), so a total ("In total, the
    Russians fired 43 times") is that day's and reports events; a habit ("regularly") never does."""
    start = trigger[0]
    for group, why in (("m_irrealis", "forecast, threat or hypothesis"), ("m_negation", "negated")):
        for s, e in hits.spans.get(group, []):
            if _same_clause_before(sentence, e, start) or s <= start < e:  # "no fighting was reported"
                return False, why
    if not has_explicit_day and any(_same_clause_before(sentence, e, start) for _, e in hits.spans.get("m_condemn", [])) \
            and count_fatalities(sentence) is None:
        # "The UN condemned the attack on a village": an attack told elsewhere; "condemned a strike that killed
        # six in Kharkiv on Wednesday" reports it
        return False, "a condemnation of an attack told elsewhere"
    for s, e in hits.spans.get("m_irrealis", []):
        gap = sentence[trigger[1]:s]
        if 0 <= s - trigger[1] <= 30 and re.fullmatch(r"[\w\s]*?(?:was|were|is|are|been|be)\s+", gap or " "):
            return False, "forecast, threat or hypothesis"  # "executions were threatened", "a strike is feared"
    if not has_explicit_day and _ONGOING_OR_BACKGROUND.search(sentence[max(0, start - 60):start]):
        # "Kharkiv, being pummelled by Russian air strikes"; "settlements that Ukraine liberated in early June":
        # a state described, or a relative clause of unnamed places, not the report of an event
        return False, "ongoing state or background clause"
    if hits.has("m_habitual") and not has_explicit_day:
        return False, "habitual or cumulative (no specific day)"
    if hits.has("m_total") and not (has_explicit_day or in_day_frame):
        return False, "a total with no day to count it over"
    return True, ""
