"""Date mentions in wire-report text, resolved against the publication date.

Own regex rules rather than dateparser: wire copy uses a small set of forms, and rules give exact offsets, a
precision, and stay well under a millisecond a sentence. Words live in `sitrep/data/lexicons/calendar.yaml`.

Conventions (devset README):
- A weekday means the most recent such day on or before the reference ("on Thursday" in a Thursday report is that
  day); "last Monday" is the most recent Monday strictly before it; "next Monday" is dropped (future).
- "last night", "overnight", "at night" = the previous calendar day (the evening's day), unless a date follows
  ("overnight on Feb. 25" = 25 Feb); "at night and in the morning" = the reference day.
- "over the past day" / "past 24 hours" = reference - 1 (day): the usual morning daily summary.
- "this week" = reference, "earlier this week" = halfway between Monday and the reference, "last week" =
  reference - 7 (week); "recently" = reference - 1 (week); "the weekend" = the last Saturday (week).
- Months: "in September" = the most recent past September, the 15th (month); early = 5th, late = 25th, end of =
  the last day but one; "last month" likewise for the previous month. Years: "last year" = 1 July (year).
- A day and month without a year take the latest year that is not after the reference.
- Without a reference, absolute dates resolve (a missing year is taken from another date in the text) and
  relative ones are dropped. Nothing after reference + 1 day is returned.
- "the same day", "the next day", "the day before", "two days later" are anaphoric: see find_anaphoric_dates.
  So is "the previous day": with no earlier event date, chain it to the reference (reference - 1).
- `reporting` marks the date of a statement ("officials said Thursday", "told TASS on Friday", "in a Monday
  statement", "Ukraine on Wednesday denied"): an extractor should prefer the other dates of the sentence.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from sitrep.data import load_yaml


@dataclass
class DateMention:
    start: int
    end: int
    text: str               # offsets into the given text
    date: dt.date           # best single-day estimate
    precision: str          # "day" | "week" | "month" | "year"
    relative: bool          # resolved against the reference date
    reporting: bool = False  # the date of the statement ("said on Thursday", "in a Monday statement"), not
                             # necessarily of the event: prefer other mentions, fall back to this one


class AnaphoricDate(NamedTuple):
    """A date given relative to an earlier mentioned date: chain `offset_days` to the previous event's date."""
    start: int
    end: int
    kind: str          # "same_day" | "next_day" | "day_before" | "offset"
    offset_days: int


@lru_cache(maxsize=1)
def _cal() -> dict:
    """Calendar lexicon and the regexes built from it (compiled once)."""
    cal = dict(load_yaml("lexicons/calendar.yaml"))
    month = "|".join(sorted(cal["months"], key=len, reverse=True))
    wd = "|".join(cal["weekdays"])
    day = r"(\d{1,2})(?:st|nd|rd|th)?"
    year = r"(\d{4})"
    parts = r"early|mid|late|(?:the\s+)?end\s+of|(?:the\s+)?beginning\s+of|(?:the\s+)?start\s+of|(?:the\s+)?middle\s+of"
    part = rf"(?:({parts})[\s-]+)"
    cal["re"] = {
        "iso": re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])"),
        "numeric": re.compile(r"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d./])"),
        "mdy": re.compile(rf"(?:\b(?:{wd}),?\s+)?\b({month})\.?\s+{day}(?:\s*[-–]\s*\d{{1,2}})?(?:,?\s+{year})?(?![\d:])"),
        "dmy": re.compile(rf"(?:\b(?:{wd}),?\s+)?(?<![\d.,:/])\b{day}(?:\s*(?:[-–]|to|and)\s*(\d{{1,2}}))?\s+(?:of\s+)?({month})\b\.?(?:,?\s+{year})?"),
        "month_year": re.compile(rf"(?i:{part})?\b({month})\.?,?\s+{year}\b"),
        "month": re.compile(rf"(?i:\b(in|during|since|until|by|from|of|last|this|{parts})[\s-]+)(?:(?i:({parts}))[\s-]+)?\b({month})\b(?!\.?\s*\d)"),
        "weekday": re.compile(rf"(?i:\b(last|this|past|next|early|late|until|by)\s+(?:on\s+)?)?\b({wd})(?:'s|’s)?(?i:\s+(morning|afternoon|evening|night))?\b"),
        "night_into": re.compile(rf"(?i:\b(?:overnight|(?:on\s+)?the\s+night|night)\s+(?:into|to|before)\s+)({wd})\b"),
        "rel_month": re.compile(r"(?i)\b(?:(early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|earlier|at\s+the\s+end\s+of)[\s-]+)?(last|this|the\s+previous|previous)\s+month\b"),
        "rel_year": re.compile(r"(?i)\b(?:(early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|earlier|at\s+the\s+end\s+of)[\s-]+)?(last|this|the\s+previous|previous)\s+year\b"),
        "ago": re.compile(r"(?i)\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|a few|several|a couple of)"
                          r"\s+(day|week|month|year)s?\s+ago\b"),
        "year": re.compile(r"(?<![\d\-/.–])\b(19[5-9]\d|20\d\d)\b(?![\-/.–]\d)"),
    }
    cal["re_relative_days"] = [(re.compile(p, re.I), v[0], v[1]) for p, v in cal["relative_days"].items()]
    return cal


_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10}


def _part_key(part: str | None) -> str | None:
    if not part:
        return None
    words = part.lower().replace("-", " ").split()
    return next((w for w in words if w in _cal()["month_parts"]), None)


def _month_day(year: int, month: int, part: str | None) -> dt.date:
    """Best single day for (a part of) a month."""
    key = _part_key(part)
    last = calendar.monthrange(year, month)[1]
    day = _cal()["month_parts"].get(key, 15) if key else 15
    return dt.date(year, month, last - 1 if day < 0 else day)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _past_year(month: int, day: int, ref: dt.date) -> int:
    """The latest year in which month/day is not after the reference."""
    return ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1


def _weekday_year(year: int, month: int, day: int, weekday: int) -> int:
    """'Thursday, March 3' without a year: the latest year up to `year` where that day is that weekday."""
    for y in range(year, year - 7, -1):
        d = _safe(y, month, day)
        if d and d.weekday() == weekday:
            return y
    return year


_REPORTING_BEFORE = re.compile(
    r"(?i)\b(?:said|says|told\s+[\w.]+(?:\s+[\w.]+)?|reported|announced|stated|wrote|added|claimed|posted|"
    r"confirmed|denied|insisted|dismissed|warned|noted|clarified|tweeted|revealed|disclosed)\s+"
    r"(?:(?:in\s+a\s+(?:\w+\s+)?(?:statement|post|video|address|briefing)|on\s+(?:Telegram|Facebook|X|television|TV)|"
    r"this|that|it|earlier|later)\s+)?(?:on\s+|late\s+|early\s+)?$")
# "the ministry on Monday said": the statement's day; "... opened fire on Tuesday, said the police": the event's
_REPORTING_SUBJECT = re.compile(r"^\s+(?:also\s+)?(?:said|says|told|reported|announced|stated|denied|claimed|dismissed|confirmed|"
                                r"clarified|added|noted|revealed|disclosed|tweeted|wrote|posted|explained|insisted|warned|"
                                r"accused|acknowledged|admitted|updated|raised|revised)\b", re.I)
_STATEMENT_AFTER = re.compile(r"^\s+(?:statement|post|video|address|briefing|update|report|message|interview)\b", re.I)


def _is_reporting(text: str, start: int, end: int) -> bool:
    """Is the mention the date of a statement rather than of an event?"""
    before = text[max(0, start - 40):start]
    if re.match(r"[’']s\b", text[end - 2:end + 1]) or re.match(r"[’']s\b", text[end:end + 3]):
        return False    # "said Sunday's attack ...": the day of the attack, not of the statement
    if _REPORTING_BEFORE.search(before):
        return True
    if re.search(r"(?i)\b(?:statement|report|communiqu[eé]|update|post|video)\s+(?:released|issued|published|posted)\s+"
                 r"(?:on\s+|late\s+|early\s+)?$", before):
        return True     # "in a statement released on Monday": the statement's day
    if re.search(r"(?i)\b(?:in|on)\s+(?:a|an|his|her|its|their)\s+$", before) and _STATEMENT_AFTER.match(text[end:]):
        return True
    return bool(re.search(r"(?i)\bon\s+$", before) and _REPORTING_SUBJECT.match(text[end:end + 20]))


# cheap gates: most sentences have no date at all, so skip the pattern families that cannot match
_MONTH_GATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_RELATIVE_GATE = re.compile(r"(?i)day\b|night|today|morning|afternoon|evening|earlier|past|last|week|recent|"
                            r"hours|ago|month|year")


def _candidates(text: str, ref: dt.date | None, year_hint: int | None):
    """Yield (start, end, date, precision, relative) for every pattern match (overlaps resolved later)."""
    cal = _cal()
    rx = cal["re"]
    months = cal["months"]
    has_digit = any(c.isdigit() for c in text)
    if has_digit:
        for m in rx["iso"].finditer(text):
            d = _safe(int(m[1]), int(m[2]), int(m[3]))
            if d:
                yield m.start(), m.end(), d, "day", False
        for m in rx["numeric"].finditer(text):
            a, b, y = int(m[1]), int(m[3]), int(m[4])
            d = _safe(y, b, a) if m[2] == "." or a > 12 else (_safe(y, b, a) or _safe(y, a, b))
            if d:
                yield m.start(), m.end(), d, "day", False
    if _MONTH_GATE.search(text):
        for name, rgx in (("mdy", rx["mdy"]), ("dmy", rx["dmy"])):
            for m in rgx.finditer(text):
                if name == "mdy":
                    mon, day, year = months[m[1]], int(m[2]), m[3]
                    span = re.search(r"[-–]\s*(\d{1,2})$", text[m.start(2):m.end()].split(",")[0])
                else:
                    mon, day, year = months[m[3]], int(m[1]), m[4]
                    span = re.match(r"(\d+)", m[2]) if m[2] else None
                precision = "week" if span and int(span.group(1)) - day >= 2 else "day"
                y = int(year) if year else (_past_year(mon, day, ref) if ref else year_hint)
                named = next((cal["weekdays"][w] for w in cal["weekdays"] if m[0].startswith(w)), None)
                if not year and y and named is not None:
                    y = _weekday_year(y, mon, day, named)
                d = _safe(y, mon, day) if y else None
                if d:
                    yield m.start(), m.end(), d, precision, False
        for m in rx["month_year"].finditer(text):
            yield m.start(), m.end(), _month_day(int(m[3]), months[m[2]], m[1]), "month", False
        for m in rx["month"].finditer(text):
            mon, lead = months[m[3]], (m[1] or "").lower()
            part = m[2] or (lead if _part_key(lead) else None)
            if ref:
                y = ref.year if mon < ref.month or (mon == ref.month and lead != "last") else ref.year - 1
            elif year_hint:
                y = year_hint
            else:
                continue
            yield m.start(), m.end(), _month_day(y, mon, part), "month", ref is not None
    for m in rx["year"].finditer(text) if has_digit else ():
        if _NAMED_YEAR.search(text, 0, m.start()):
            continue    # "the Finance Bill 2024", "Euro 2024": part of a name, no date
        y = int(m[1])
        if ref and y == ref.year:
            d = ref - (ref - dt.date(y, 1, 1)) / 2
        else:
            d = dt.date(y, 7, 1)
        yield m.start(), m.end(), d, "year", False
    if ref is None or not _RELATIVE_GATE.search(text):
        return
    yield from _relative(text, ref)


def _relative(text: str, ref: dt.date):
    """Expressions that only make sense against the reference date."""
    cal = _cal()
    rx = cal["re"]
    for m in rx["night_into"].finditer(text):
        back = (ref.weekday() - cal["weekdays"][m[1]]) % 7
        yield m.start(), m.end(), ref - dt.timedelta(days=back + 1), "day", True
    for m in rx["weekday"].finditer(text):
        mod = (m[1] or "").lower()
        if mod == "next":
            continue
        back = (ref.weekday() - cal["weekdays"][m[2]]) % 7
        if mod in {"last", "past"} and back == 0:
            back = 7
        yield m.start(), m.end(), ref - dt.timedelta(days=back), "day", True
    monday = ref - dt.timedelta(days=ref.weekday())
    for rgx, back, precision in cal["re_relative_days"]:
        for m in rgx.finditer(text):
            if back == "week_this":
                d = ref if not m[0].lower().startswith("earlier") else monday + (ref - monday) / 2
            elif back == "weekend":
                d = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
            else:
                d = ref - dt.timedelta(days=int(back))
            yield m.start(), m.end(), d, precision, True
    for m in rx["rel_month"].finditer(text):
        first = ref.replace(day=1)
        if m[2].lower() != "this":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        if (m[1] or "").lower() == "earlier":
            d = first + (ref - first) / 2
        else:
            d = min(_month_day(first.year, first.month, m[1]), ref)
        yield m.start(), m.end(), d, "month", True
    for m in rx["rel_year"].finditer(text):
        y = ref.year if m[2].lower() == "this" else ref.year - 1
        key = _part_key(m[1])
        if (m[1] or "").lower() == "earlier" or (y == ref.year and not key):
            d = dt.date(y, 1, 1) + (ref - dt.date(y, 1, 1)) / 2
        else:
            md = cal["year_parts"].get(key, [7, 1])
            d = min(dt.date(y, md[0], md[1]), ref)
        yield m.start(), m.end(), d, "month" if key else "year", True
    for m in rx["ago"].finditer(text):
        vague = m[1].lower() in ("a few", "several", "a couple of")     # "a few days ago": about three, that week
        n = 3 if vague else int(m[1]) if m[1].isdigit() else _NUM[m[1].lower()]
        unit = m[2].lower()
        days = n * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
        precision = ("week" if unit == "day" else "month" if unit == "week" else "year") if vague else \
            "day" if unit == "day" else unit
        yield m.start(), m.end(), ref - dt.timedelta(days=days), precision, True


@lru_cache(maxsize=1)
def _caps_month() -> re.Pattern:
    """A calendar month name written in capitals: any name before a day ("MARCH 14", "SEPT. 3"), a full name
    (the longest of its month) after one ("14 MARCH")."""
    months = _cal()["months"]
    names = sorted(months, key=len, reverse=True)
    full = [n for n in names if len(n) == max(len(o) for o in months if months[o] == months[n])]
    caps = lambda ns: "|".join(n.upper() for n in ns)   # noqa: E731
    return re.compile(rf"\b(?:{caps(names)})\b(?=\.?\s+\d)|(?<=\d\s)(?:{caps(full)})\b")


_NAMED_YEAR = re.compile(r"(?<=[\w,]\s)\b(?!(?:January|February|March|April|May|June|July|August|September|October|"
                         r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|In|Since|Of|By|From|"
                         r"Until|Before|After|During)\b)[A-Z][a-z]+\s$")


def find_dates(text: str, reference: dt.date | None) -> list[DateMention]:
    """All date mentions in `text`, non-overlapping (longest match wins), in text order."""
    if not text:
        return []
    text = _caps_month().sub(lambda m: m.group(0).title(), text)   # "14 MARCH 2023": same length, same offsets
    year_hint = None
    if reference is None:
        years = [int(m[1]) for m in _cal()["re"]["year"].finditer(text)]
        year_hint = max(years) if years else None
    cands = sorted(_candidates(text, reference, year_hint), key=lambda c: (c[0], -(c[1] - c[0])))
    limit = reference + dt.timedelta(days=1) if reference else None
    out: list[DateMention] = []
    taken_end = -1
    for start, end, date, precision, relative in cands:
        if start < taken_end:
            continue
        taken_end = end
        if limit and date > limit:
            continue  # a future date: dropped, but it still hides the year inside "December 2030"
        out.append(DateMention(start, end, text[start:end], date, precision, relative,
                               _is_reporting(text, start, end)))
    return out


_ANAPHORA = [
    (re.compile(r"(?i)\b(?:on\s+)?(?:the|that)\s+(?:very\s+)?same\s+(?:day|date|night|morning|evening)\b|\b(?:on\s+)?that\s+(?:day|night)\b|\blater\s+that\s+day\b"), "same_day", 0),
    (re.compile(r"(?i)\b(?:on\s+)?the\s+(?:next|following)\s+(?:day|morning|night|evening)\b|\bthe\s+day\s+after\b(?!\s+(?:tomorrow|\d|[A-Z]))|\ba\s+day\s+later\b"), "next_day", 1),
    (re.compile(r"(?i)\b(?:on\s+)?the\s+(?:previous|preceding)\s+(?:day|night|evening)\b|\bthe\s+day\s+before\b(?!\s+yesterday)|\bthe\s+night\s+before\b|\ba\s+day\s+(?:earlier|before)\b"), "day_before", -1),
]
_OFFSET = re.compile(r"(?i)\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week)s?\s+(later|after|earlier|before|prior)\b")


_EVENT_VERBS = r"came|comes|happened|occurred|took\s+place|followed"
_CAME = re.compile(rf"(?i)\b(?:{_EVENT_VERBS}|was|is)\s+(?:just\s+|only\s+|some\s+)?$")
# "the attack came two days after ...": an event said to follow another (not "was", which may be a state)
CAME_BEFORE = re.compile(rf"(?i)\b(?:{_EVENT_VERBS})\s+(?:just\s+|only\s+|some\s+)?$")


def offset_after_at(text: str, pos: int) -> bool:
    """Does a "two days after" / "a week later" phrase start at `pos`?"""
    m = _OFFSET.match(text, pos)
    return m is not None and m[3].lower() in ("after", "later")


def find_anaphoric_dates(text: str) -> list[AnaphoricDate]:
    """Dates relative to a previously mentioned date ("on the same day", "the next day", "three days later")."""
    if not text:
        return []
    out = [AnaphoricDate(m.start(), m.end(), kind, off) for rgx, kind, off in _ANAPHORA for m in rgx.finditer(text)]
    for m in _OFFSET.finditer(text):
        n = int(m[1]) if m[1].isdigit() else _NUM[m[1].lower()]
        n *= 7 if m[2].lower() == "week" else 1
        sign = 1 if m[3].lower() in {"later", "after"} else -1
        if _CAME.search(text[max(0, m.start() - 30):m.start()]):
            sign = -sign    # "The attack came two days after drones hit Izmail": Izmail was two days before
        out.append(AnaphoricDate(m.start(), m.end(), "offset", sign * n))
    return sorted(out)
