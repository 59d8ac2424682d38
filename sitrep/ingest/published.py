"""A publication date inferred from an article's own text, for articles that come without one.

Relative dates in the text ("on Thursday", "last week") are resolved against `published`, so a missing date is
worth estimating. Evidence, strongest first:
1. an archive token near the start, " date 2023-02-25 " (how stored web excerpts mark the capture);
2. a dateline at the start of a line, "KYIV, Feb 25 (Reuters) -" or "February 25, 2023 -";
3. full dates anywhere ("February 25, 2023", "25 February 2023", "2023-02-25"), and weekday + month-day mentions
   ("on Monday, May 30") dated to a year where that day is that weekday (years the text names first); the latest of
   these wins, as an article is published after the events it reports;
4. month-day mentions ("on May 14") in the year of a copyright notice;
5. a copyright year alone: mid-year, YYYY-07-01 (the estimate with the smallest worst-case error).
Dates after `today` are ignored (they are forecasts or typos). Returns an ISO date (YYYY-MM-DD) or None.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from importlib import resources

from sitrep.data import parse_yaml

HEAD_CHARS = 1000
SCAN_CHARS = 50_000
MIN_YEAR = 1990
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    """Month names and abbreviations -> month number (sitrep/data/ingest/months.yaml)."""
    raw = resources.files("sitrep.data").joinpath("ingest/months.yaml").read_text("utf-8")
    return {str(k): int(v) for k, v in parse_yaml(raw).items()}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    mon = "|".join(sorted(months(), key=len, reverse=True))
    # each pattern first looks at one character, so the long month alternation is tried only where it can match
    first = "".join(sorted({k[0] for k in months()}))
    m = rf"(?=[{first}])(?P<mon>{mon})\.?"
    wd = r"(?=[mtwfs])(?P<wd>mon|tues|wednes|thurs|fri|satur|sun)day"
    return {
        "archive": re.compile(r"(?:^|\s)date (\d{4})-(\d{2})-(\d{2})(?:\s|$)"),
        "dateline": re.compile(rf"^[ \t]*(?:[A-Z][\w.'’ -]{{1,40}},[ \t]+)?{m}[ \t]+(?P<day>\d{{1,2}})"
                               rf"(?:,?[ \t]+(?P<year>\d{{4}}))?[ \t]*(?:\([^)\n]{{1,40}}\)[ \t]*)?[-–—]",
                               re.I | re.M),
        "mdy": re.compile(rf"\b{m}[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<year>(?:19|20)\d\d)\b", re.I),
        "dmy": re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{m}[ \t,]+(?P<year>(?:19|20)\d\d)\b", re.I),
        "iso": re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)(?![\d-])"),
        "wd_md": re.compile(rf"\b{wd},?[ \t]+(?:the[ \t]+)?{m}[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![ \t,]*\d)", re.I),
        "md": re.compile(rf"\b(?=[osub])(?:on|since|until|by)[ \t]+{m}[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![ \t,]*\d)", re.I),
        "copyright": re.compile(r"(?=[©(c])(?:©|\(c\)|copyright)[ \t]*(?:©[ \t]*)?(?:(?:19|20)\d\d[ \t]*[-–][ \t]*)?(?P<year>(?:19|20)\d\d)", re.I),
        "year": re.compile(r"(?<![\d.,-])(?P<year>(?:19|20)\d\d)(?![\d-])"),
    }


def _month(token: str) -> int | None:
    return months().get(token.lower().rstrip("."))


def _make(year: int, month: int | None, day: int, today: date) -> date | None:
    if month is None or year < MIN_YEAR:
        return None
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return d if d <= today else None


def _latest_year_for(month: int, day: int, today: date, weekday: int | None, hints: list[int]) -> date | None:
    """The date (month, day) in the most plausible year: a hinted year first, else the latest one up to today."""
    for year in hints + list(range(today.year, MIN_YEAR - 1, -1)):
        d = _make(year, month, day, today)
        if d and (weekday is None or d.weekday() == weekday):
            return d
    return None


def infer_published(text: str, today: date | None = None) -> str | None:
    """ISO date the article was most likely published, from its text alone; None when the text gives no clue."""
    if not text:
        return None
    today = today or date.today()
    p = _patterns()
    head, body = text[:HEAD_CHARS], text[:SCAN_CHARS]

    m = p["archive"].search(head)
    if m:
        d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), today)
        if d:
            return d.isoformat()

    copyright_years = sorted({int(c.group("year")) for c in p["copyright"].finditer(body)}, reverse=True)
    full: list[date] = []
    for key in ("mdy", "dmy"):
        for fm in p[key].finditer(body):
            d = _make(int(fm.group("year")), _month(fm.group("mon")), int(fm.group("day")), today)
            if d:
                full.append(d)
    for fm in p["iso"].finditer(body):
        d = _make(int(fm.group("year")), int(fm.group("mon")), int(fm.group("day")), today)
        if d:
            full.append(d)
    named_years = sorted({int(y.group("year")) for y in p["year"].finditer(body)
                          if MIN_YEAR <= int(y.group("year")) <= today.year}, reverse=True)
    hints = copyright_years + [y for y in named_years if y not in copyright_years]

    m = p["dateline"].search(head)
    if m:
        month, day = _month(m.group("mon")), int(m.group("day"))
        if m.group("year"):
            d = _make(int(m.group("year")), month, day, today)
        else:
            d = _latest_year_for(month, day, today, None, hints) if month else None
        if d:
            return d.isoformat()

    candidates = list(full)
    for wm in p["wd_md"].finditer(body):
        month = _month(wm.group("mon"))
        weekday = [w[:len(wm.group("wd"))] for w in _WEEKDAYS].index(wm.group("wd").lower())
        d = _latest_year_for(month, int(wm.group("day")), today, weekday, hints) if month else None
        if d:
            candidates.append(d)
    if candidates:
        return max(candidates).isoformat()

    if copyright_years:
        year = copyright_years[0]
        mentions = [d for mm in p["md"].finditer(body)
                    if (d := _make(year, _month(mm.group("mon")), int(mm.group("day")), today))]
        if mentions:
            return max(mentions).isoformat()
        if year <= today.year:
            return date(year, 7, 1).isoformat() if date(year, 7, 1) <= today else date(year, 1, 1).isoformat()
    return None
