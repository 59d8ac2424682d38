"""Death and injury counts from wire-report sentences (ACLED-style, deaths only, most conservative figure).

Rule based over a small tokenizer, so it is fast (well under 1 ms a sentence) and every figure points back at
the phrase that supports it. Lexicons: `sitrep/data/lexicons/casualties.yaml` and `numbers.yaml`. Figures are
parsed by `sitrep.nlp.numbers`, statements found by `sitrep.nlp.casualty_statements`; this module decides
the one figure of a text.

Decisions (documented because ACLED leaves room):
- Modifiers keep the stated figure: "at least 5" = 5, "more than 100" = 100, "nearly 300" = 300, "up to 10" = 10.
  Ranges take the lower figure: "between 5 and 10" = 5, "two or three" = 2, "5-10" = 5.
- Vague quantities: several / a few / a handful = 3, a couple = 2, a dozen / dozens = 12, scores = 20,
  hundreds = 100, thousands = 1000; "a family of five" = 5.
- Several statements in one text are added ("killing a 72-year-old woman ... also killed a 50-year-old woman" = 2,
  "four soldiers and 10 volunteers" = 14, "two were killed ... two more died" = 4), but a figure restated in other
  words counts once ("three killed ... three civilian residents were killed" = 3), and a stated toll ("death toll
  rose to 12", "the number of dead reached 7") overrides the sum. A running total ("since February 2022", "so
  far") is never added to one event's figure and is flagged `cumulative`.
- Named victims count one each ("Elvino Dias and his aide Paulo Guambe, who were shot dead" = 2); ages in
  apposition ("Daw Ni Dain, 60, was killed") are not counts.
- Subset clauses ("including two teachers", "among them three children") are not added.
- Competing claimants' figures are not added: "12 soldiers were killed, while the jihadists claimed to have
  killed 30" = 12, the most conservative.
- "killed or wounded 50" (deaths not separable): None, as for "not stated" (devset rule 4), never 0.
- Value 0 only when the text says nobody died ("no casualties", "no one was hurt", "survived", "unhurt") or
  reports injuries only; None when deaths or injuries are not mentioned, or deaths are mentioned without a figure,
  or the toll is said to be unknown ("casualties are being verified", "no immediate reports of casualties").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.nlp.casualty_statements import Statement, casualty_lexicon, find_statements, toll_statements
from sitrep.nlp.numbers import tokens


@dataclass
class FatalityCount:
    value: int
    start: int
    end: int
    text: str  # span of the supporting phrase in the given text
    cumulative: bool = False  # a running total ("since February 2022", "so far", "in total"): not one event's


# "12 soldiers were killed, while the jihadists claimed to have killed 30": a second claimant's figure for the
# same toll, not more deaths
_RIVAL_CLAIM = re.compile(r"(?i)(?:\bwhile\b|\bwhereas\b|\bbut\b|\bhowever\b|\balthough\b|;)[^.;]{0,80}?"
                          r"\b(?:claim(?:ed|s|ing)?|said|says|put|puts|according\s+to|insist(?:ed|s)?|reported|told)\b")


def _combine_claims(text: str, stmts: list[Statement]) -> Statement | None:
    """The most conservative of competing claimants' figures (devset rule 4), else the combined figure."""
    restated = _restated_figure(text, stmts)
    if restated is not None:
        return restated
    for m in _RIVAL_CLAIM.finditer(text):
        first = [s for s in stmts if s.end <= m.start()]
        second = [s for s in stmts if s.start >= m.start()]
        after = text[m.start():max(s.end for s in second)] if second else ""
        if re.search(r"(?i)\b(?:also|another|more|further|additional|other)\b", after):
            continue        # "... but the army said 20 attackers were also killed": more deaths
        if first and second and not any(s.toll for s in first + second):
            a, b = _combine(first), _combine(second)
            if a is not None and b is not None and a.value != b.value:
                return min((a, b), key=lambda s: s.value)
    return _combine(stmts)


_OTHER_SIDE = re.compile(r"(?i)\b(?:enemy|enemy[’']s|enemies|other side|opposing side)\b")
_GENERIC_VICTIMS = {"people", "persons", "civilians", "residents", "villagers", "inhabitants", "person"}


def _restated_figure(text: str, stmts: list[Statement]) -> Statement | None:
    """"At least 15 people were killed at Bourasso." / "One inhabitant put the number at around 20.": the same
    victims counted again in a later sentence, by another voice, is a rival figure; the lower one counts (devset
    rule 4). Other victims ("Three soldiers were killed. Two civilians were killed ...") still add up."""
    figures = [s for s in stmts if (s.key.startswith("=") and "@" not in s.key) or s.toll]
    by_sentence: dict[int, list[Statement]] = {}
    for st in figures:
        by_sentence.setdefault(len(_SENT_END.findall(text, 0, st.start)), []).append(st)
    if len(by_sentence) < 2 or len(figures) != len(stmts):
        return None
    groups = list(by_sentence.values())
    two_sides = bool(_OTHER_SIDE.search(text))   # "four soldiers ... On the enemy's side, around 20 soldiers"
    if len(groups) == 2 and not two_sides:
        # "At least 21 people were killed." / "... killing one person ... killing about 20 people": the total
        # and its parts are one count
        for total, parts in (groups, groups[::-1]):
            if len(total) == 1 and len(parts) > 1 and sum(p.value for p in parts) == total[0].value:
                return total[0]
    if any(len(v) > 1 for v in groups):
        return None
    if len({_victims(text, st) for st in figures} - {"*"}) > 1 or len({st.value for st in figures}) < 2 or two_sides:
        return None     # other victims, one figure, or both sides counted: they add up
    return min(figures, key=lambda st: st.value)


def _victims(text: str, st: Statement) -> str:
    """The victims a figure counts, "*" for people in general (or none named, as in a toll)."""
    lex = casualty_lexicon()
    for w in re.findall(r"[a-z]+", text[st.start:st.end].lower()):
        if w in lex["person_nouns"]:
            return "*" if w in _GENERIC_VICTIMS else w
    return "*"


def _combine(stmts: list[Statement]) -> Statement | None:
    if not stmts:
        return None
    tolls = [s for s in stmts if s.toll]
    if tolls:
        return max(tolls, key=lambda s: s.value)
    strong = [s for s in stmts if not s.weak] or stmts
    seen: dict[str, Statement] = {}
    first = min(strong, key=lambda s: s.start)
    for s in strong:
        key = s.key or f"#{s.start}"
        if s is first and key.startswith("="):
            key = key.split("@")[0]   # "20 were also killed ... left twenty dead": "also" adds to what came before
        seen.setdefault(key, s)
    uniq = list(seen.values())
    return Statement(sum(s.value for s in uniq), min(s.start for s in uniq), max(s.end for s in uniq), "")


_CUMULATIVE = re.compile(
    r"(?i)\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\b|\bsince\s+(?:the\s+)?(?:full-scale\s+)?"
    r"(?:war|invasion|conflict|fighting)\b|\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?:(?-i:[A-Z])[a-z]+\.?\s+)?"
    r"(?:\d{1,2},?\s+)?(?:19|20)\d\d\b|\bsince\s+(?:the\s+)?(?-i:[A-Z])[a-z]+\.?\s+\d{1,2}\b|\bsince\s+(?:January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b|\bso\s+far\b|\bto\s+date\b|"
    r"\bin\s+total\b|\b(?:a\s+)?total\s+(?:of|number)\b|\boverall\b|\bcumulative\b|\bthis\s+year\b|"
    # "has killed more than 600 members ... over the last three months": a campaign's tally, not a day's
    r"\b(?:over|in|during|for|within)\s+the\s+(?:last|past|previous)\s+(?:(?:two|three|four|five|six|several|few|"
    r"\d+)\s+)?(?:weeks?|months?|years?)\b|\bin\s+recent\s+(?:weeks|months|years)\b|"
    # "170 people have been killed by the renewed fighting": a campaign's toll so far
    r"\b(?:have|has)\s+been\s+killed\s+(?:by|in|during)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:fighting|operations?|"
    r"offensives?|war|violence|clashes|conflict|campaign|bombardments?|hostilities)\b|"
    # "944 civilians have been killed in North Kivu and Ituri since the state of siege was declared"
    r"\b(?:have|has)\s+been\s+(?:killed|murdered|slain)\b[^.;]*\bsince\b")


# "10 residents were killed, bringing the death toll to a confirmed 22 over the weekend": the figure after
# "bringing the toll to" (and the day it was reached) is the running total, not this event's
RUNNING_TOLL = re.compile(r"(?i)\b(?:bringing|raising|taking|pushing|putting|lifting)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                          r"(?:toll|tally|total|number\s+of\s+(?:dead|deaths|victims|those\s+killed))\s+"
                          r"(?:[\w-]+\s+){0,3}?to\b[^.;]*")


_MORE = re.compile(r"(?i)\b(?:more|another|additional|further)\b")


def running_toll_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in RUNNING_TOLL.finditer(text)]


_SENT_END = re.compile(r"[.!?][\"”’]?(?:\s+(?=[A-Z\"“])|(?=[A-Z]))|\n")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding text[start:end] begins and ends."""
    bounds = [m.end() for m in _SENT_END.finditer(text, 0, start)]
    nxt = _SENT_END.search(text, end)
    return (bounds[-1] if bounds else 0), (nxt.start() if nxt else len(text))


def _is_cumulative(text: str, start: int, end: int) -> bool:
    """Does the sentence around the figure present it as a running total?"""
    a, b = _sentence_around(text, start, end)
    return bool(_CUMULATIVE.search(text[a:b]))


# "killed 22 civilians on Sunday, less than a week after assailants killed 58 villagers": the clause after
# "a week after" tells another event, and its toll is that event's
_OTHER_EVENT_CLAUSE = re.compile(r"(?i)\b(?:(?:a|one|two|three|four|five|six|seven|\d+|a few|several|just|only|"
                                 r"less than a|more than a|barely a|nearly a)\s+)(?:days?|weeks?|months?|hours?)\s+"
                                 r"(?:after|before)\b")


def _outside_other_events(text: str, stmts: list[Statement]) -> list[Statement]:
    out = list(stmts)
    for m in _OTHER_EVENT_CLAUSE.finditer(text):
        begin, stop = _sentence_around(text, m.start(), m.end())
        if any(begin <= s.start < m.start() for s in out):
            out = [s for s in out if not m.start() <= s.start < stop]
    return out


def _matches(patterns: list[re.Pattern], text: str) -> list[re.Match]:
    return [m for p in patterns for m in p.finditer(text)]


def _outside(stmts: list[Statement], spans: list[re.Match]) -> list[Statement]:
    """Drop statements inside a 'no one was hurt' phrase."""
    return [s for s in stmts if not any(m.start() <= s.start < m.end() for m in spans)]


# stems of every casualty word in the lexicons: a sentence without any of them is skipped at once
_GATE = re.compile(r"(?i)kill|dead|death|die|lives|life|bod(?:y|ies)|toll|casualt|injur|wound|hurt|victim|elimin|"
                   r"neutrali|liquid|murder|execut|massac|perish|slain|slay|surviv|unharm|unscath|hospital|lost|fatal|"
                   r"shot|behead|drown|corps|martyr|harm|maim|condition|number\s+of|concuss")


def count_fatalities(text: str) -> FatalityCount | None:
    """Deaths stated in `text` (most conservative figure), 0 if it says nobody died / only injuries, else None."""
    if not text or not _GATE.search(text):
        return None
    lex = casualty_lexicon()
    toks = tokens(text)
    zero = _matches(lex["zero_patterns_re"], text)
    stmts = _outside(find_statements(toks, "death") + toll_statements(toks), zero)
    stmts = _outside_other_events(text, stmts)
    totals = running_toll_spans(text)
    if any(_MORE.search(text[s.start:s.end]) for s in stmts):
        totals = []     # "two more died in hospital, bringing the toll to 15": the total is the event's
    # a running-total phrase's own words ("the overall toll") say nothing of the figures outside it
    blanked = text
    for a, b in totals:
        blanked = blanked[:a] + " " * (b - a) + blanked[b:]
    running = [s for s in stmts if any(a <= s.start < b for a, b in totals) or _is_cumulative(blanked, s.start, s.end)]
    single = [s for s in stmts if s not in running]
    best = _combine_claims(text, single or running)  # a running total is never added to one event's deaths
    if best is not None and best.value > 0:
        return FatalityCount(best.value, best.start, best.end, text[best.start:best.end], not single)
    if _matches(lex["unknown_patterns_re"], text) or _matches(lex["ambiguous_patterns_re"], text):
        return None
    covered = [(m.start(), m.end()) for m in zero]
    death_words = lex["death_mentions"]
    if any(t.low in death_words and not any(a <= t.start < b for a, b in covered) for t in toks):
        return None  # deaths mentioned without a usable figure
    if zero:
        m = min(zero, key=lambda m: m.start())
        return FatalityCount(0, m.start(), m.end(), m.group(0))
    injury_words = lex["injury_passive"] | lex["injury_active"]
    hurt = next((t for t in toks if t.low in injury_words), None)
    if hurt is not None:
        return FatalityCount(0, hurt.start, hurt.end, text[hurt.start:hurt.end])
    hospital = _matches(lex["injury_patterns_re"], text)
    if hospital:
        return FatalityCount(0, hospital[0].start(), hospital[0].end(), hospital[0].group(0))
    return None


def count_injured(text: str) -> int | None:
    """Injured people stated in `text`; 0 if it says nobody was hurt; None if not stated."""
    if not text or not _GATE.search(text):
        return None
    lex = casualty_lexicon()
    if _matches(lex["ambiguous_patterns_re"], text):
        return None
    toks = tokens(text)
    best = _combine(_outside(find_statements(toks, "injury"), _matches(lex["zero_patterns_re"], text)))
    if best is not None and best.value > 0:
        return best.value
    if any(re.search(r"(?:injur|hurt|wound|harm|casualt|victim)", m.group(0), re.I)
           for m in _matches(lex["zero_patterns_re"], text)):
        return 0
    return None
