"""When an event happened, as the sentences of an article tell it.

A sentence's own event date wins over the date of a statement ("said on Thursday"); "the same day" chains to
the event before; an undated sentence takes the date carried from just before, else the publication day (day
precision in the lead, week further down). Headlines and captions frame but are not evidence.
"""
from __future__ import annotations

import re

from datetime import date, timedelta

from sitrep.events.mention import EventMention
from sitrep.nlp.dates import CAME_BEFORE, DateMention, find_anaphoric_dates
from sitrep.nlp.fatalities import running_toll_spans
from sitrep.nlp.sentences import Sentence


def shift_dates(dates: list[DateMention], offset: int) -> list[DateMention]:
    return [DateMention(d.start + offset, d.end + offset, d.text, d.date, d.precision, d.relative, d.reporting)
            for d in dates]


def is_headline(s: Sentence, sentences: list[Sentence]) -> bool:
    """Headlines, captions, navigation: no closing punctuation, and either near the top or in title case."""
    if s.text.rstrip().endswith((".", "\"", "”", "!", "?", ":")) or len(s.text.split()) >= 25:
        return False
    words = [w for w in s.text.split() if w[:1].isalpha()]
    title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
    # "Family of 5 killed in Russian attack on Kharkiv" then "Avatar" / an author's name: a link to another story
    nxt = sentences[s.index + 1] if s.index + 1 < len(sentences) else None
    teaser = nxt is not None and len(nxt.text.split()) <= 6 and not nxt.text.rstrip().endswith((".", "\"", "”", "!", "?"))
    return s.index < 4 or title_case or teaser


_RELATIVE_OPENER = re.compile(r"(?:,|—|–|\()\s*(?:(?:from|in|at|to|by|of|during|after|since)\s+)?"
                              r"(?:where|which|who|whom|whose)\b[^,;—–()]*$")   # "the area — from which troops withdrew in April"


_WHEN_THE_EVENT = re.compile(r"^\W*which\s+(?:\w+\s+)?(?:occurred|happened|took\s+place|was\s+carried\s+out)\b", re.I)


def in_relative_clause(s: Sentence, d: DateMention, hits) -> bool:
    """"took place in Krasnyi Vostok, near Kharkiv region, where Russian forces launched an offensive earlier this
    month": a date in a relative clause after the event's words dates what the clause tells, not the event."""
    local = d.start - s.start
    m = _RELATIVE_OPENER.search(s.text[:local])
    if m is None:
        return False
    if m.group(0)[0] in "—–(":
        return True     # an aside between dashes or in brackets tells something else
    if _WHEN_THE_EVENT.search(m.group(0)):
        return False    # "The attack, which occurred in the early hours of Sunday": when the event named happened
    cues = [a for g, spans in hits.spans.items() if g.startswith(("a_", "w_")) for a, _ in spans]
    return bool(cues) and min(cues) < m.start()


_TREND_SPAN = re.compile(r"(?:in\s+)?recent\s+(?:days|weeks|months)|recently|over\s+the\s+(?:past|last)\s+(?:few\s+)?"
                         r"(?:days|weeks|months)", re.I)


def a_trend_after_a_day(when_here, last_date, s: Sentence) -> bool:
    """"Israeli air strikes on Friday hit ... The movement has intensified its attacks in recent days. ... The NNA
    said strikes targeted Najjariyeh": a trend's vague span does not replace the day the report is about."""
    if last_date is None or last_date[1] != "day" or when_here[1] == "day" or when_here[2] is None or \
            s.index - last_date[2] > 3:
        return False
    a, b = when_here[2]
    return bool(_TREND_SPAN.fullmatch(s.text[a - s.start:b - s.start].strip()))


def dates_a_running_toll(s: Sentence, d: DateMention) -> bool:
    """"..., bringing the death toll to a confirmed 22 over the weekend": the day the total was reached."""
    local = d.start - s.start
    return any(a <= local < b for a, b in running_toll_spans(s.text))


def sentence_date(s: Sentence, dates: list[DateMention], previous: list["EventMention"], offsets: bool = True
                   ) -> tuple[date, str, tuple[int, int] | None] | None:
    """The date a sentence gives its event: an event date over a statement date, or "the same day" chained.
    `offsets=False`: the sentence's "came two days after" links a back-story read apart (`backstory`)."""
    if dates and offsets:
        # "Sunday's attack in Apakolu came two days after ADF fighters attacked Kazaraho": the day named, shifted
        offset = next((a for a in find_anaphoric_dates(s.text) if a.kind == "offset" and a.offset_days < 0
                       and CAME_BEFORE.search(s.text[max(0, a.start - 30):a.start])
                       and any(d.end - s.start <= a.start for d in dates)), None)
        if offset is not None:
            d = [d for d in dates if d.end - s.start <= offset.start][-1]
            return d.date + timedelta(days=offset.offset_days), d.precision, (s.start + offset.start,
                                                                             s.start + offset.end)
    event_dates = [d for d in dates if not d.reporting]
    if event_dates:
        d = event_dates[0]
        return d.date, d.precision, (d.start, d.end)
    if dates:  # only the day something was said: the event happened then or shortly before
        d = dates[0]
        return d.date, "week" if d.precision == "day" else d.precision, (d.start, d.end)
    for a in find_anaphoric_dates(s.text):
        # "the day before" counts from the last day said for sure, not from an event only dated to its week
        last = next((m for m in reversed(previous) if m.when is not None and m.precision == "day"), None) or \
            next((m for m in reversed(previous) if m.when is not None), None)
        if last is not None:
            return last.when + timedelta(days=a.offset_days), last.precision or "day", (s.start + a.start, s.start + a.end)
    return None


def event_date_for(s: Sentence, here, last_date, ref: date | None,
                   lead_end: int) -> tuple[date | None, str | None, tuple[int, int] | None]:
    """`lead_end`: index of the last sentence of the lead (`first_body_index(...) + 2`)."""
    if here is not None:
        return here
    if last_date is not None and s.index - last_date[2] <= 3:
        return last_date[0], last_date[1], None
    if last_date is not None and last_date[1] == "day" and ref is not None and 0 <= (ref - last_date[0]).days <= 2:
        # a daily report ("on Sunday ... In Bilopillia hromada ... Shalyhyne hromada: ...") goes on about the
        # last day it said until it says another: that day, unsure to the week
        return last_date[0], "week", None
    if ref is None:
        return None, None, None
    return ref, "day" if s.index <= lead_end else "week", None


_CREDIT_END = re.compile(r"\((?:photo|photos|source|credit|image|picture|pictured|video)\b[^()]*\)\W*$|"
                         r"\((?:[^()]*\([^()]*\))?[^()]*(?:Getty Images|AFP|Reuters|AP Photo|EPA|/Telegram|/Facebook|"
                         r"/X|via [A-Z][^()]*)(?:\s+(?:photos?|pictures?|images?|files?))?\)\W*$|\b(?:[Pp]hoto|[Ii]mage) for illustrative purposes\b", re.I)
_CAPTION_START = re.compile(r"^\W*(?:an? )?(?:screenshot|photo|photograph|picture|image|file photo|still)s?\b\s+"
                            r"(?:of|from|shows|showing)\b|^\W*(?:a view shows|smoke (?:rises|billows))\b", re.I)
# "Local residents inspect their garages ... in Kharkiv on April 30, 2024.": a one-line picture caption in the
# present tense ending on the picture's date; "REUTERS/Name" or "Photo: X" after it
_CAPTION_LINE = re.compile(r"^[A-Z][^.!?]{10,250}\b(?:inspects?|stands?|walks?|looks?|gathers?|rises?|sits?|"
                           r"mourns?|holds?|carries|carry|attends?|rides?|works?|clears?|removes?|shows?)\b[^.!?]*"
                           r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December) \d{1,2}(?:, \d{4})?\.\s*(?:REUTERS/.*|\(?Photo:.*)?$")
_CREDIT_LINE = re.compile(r"\b(?:REUTERS|AFP|AP Photo|Getty Images)/[A-Z]\w*(?: [A-Z]\w*){0,3}\s*(?:/File Photo)?\s*$")


def caption_paragraphs(sentences: list[Sentence]) -> set[int]:
    """"A screenshot of a video of troops ..., July 7, 2023. (Source: Telegram)": the paragraphs that caption a
    picture, whose date is the picture's; they frame the story but are not its evidence."""
    texts: dict[int, list[str]] = {}
    for x in sentences:
        texts.setdefault(x.paragraph, []).append(x.text)
    return {p for p, parts in texts.items()
            if _CREDIT_END.search(parts[-1]) or _CAPTION_START.match(parts[0]) or _CREDIT_LINE.search(parts[-1])
            or (len(parts) == 1 and _CAPTION_LINE.match(parts[0]))}


_WAR_BACKDROP = re.compile(r"\b(?:(?:war|invasion|conflict|occupation|offensive)\s+(?:that|which)\s+(?:began|started|"
                           r"broke out)|(?:full-scale|large-scale|all-out)\s+invasion(?:\s+of\s+\w+)?|since|"
                           # "the deadliest attack since Islamist violence erupted in the West African country in 2015"
                           r"since\s+(?:[\w'’-]+\s+){0,4}(?:erupted|began|started|broke\s+out|flared|emerged|took\s+hold)"
                           r"(?:\s+[\w'’.-]+){0,8}|"
                           r"(?:seized|took|grabbed|came to)\s+power(?:\s+[\w'’.-]+){0,12})\s+(?:[\w'’-]+\s+){0,4}$", re.I)


def dates_the_war(s: Sentence, span: tuple[int, int] | None) -> bool:
    """"the war that began with Russia's full-scale invasion in February 2022", "the military that seized power
    from the elected government in February 2021": the war's or the regime's start, which dates no event of the
    sentences after it."""
    return span is not None and bool(_WAR_BACKDROP.search(s.text[max(0, span[0] - s.start - 100):span[0] - s.start]))


def later_days(text: str, dates: list[DateMention]) -> list[DateMention]:
    """"clashed near Debre Tabor on Tuesday and Wednesday": the days after the first of a series of day dates
    joined by "and" or commas; ACLED codes one event per day."""
    days = [d for d in dates if d.precision == "day" and not d.reporting]
    out: list[DateMention] = []
    for a, b in zip(days, days[1:]):
        if not re.fullmatch(r",?\s*(?:and|,)\s*(?:on\s+)?", text[a.end:b.start]) or b.date == a.date:
            break
        out.append(b)
    return out


def is_timestamp(s: Sentence) -> bool:
    """"10 марта 2023, 12:59", "15:58 08.11.2024": a page's time stamp on a line of its own, in any language.
    It dates the page, not the event of the lines below."""
    text = s.text.strip()
    return len(text.split()) <= 7 and bool(re.search(r"\d{4}|\d{1,2}:\d{2}", text)) and \
        not re.search(r"[A-Za-z]{3,}\s+[A-Za-z]{3,}", text) and not text.endswith(".")


def is_body(s: Sentence) -> bool:
    return s.text.rstrip().endswith((".", "\"", "”")) and len(s.text.split()) >= 8


def first_body_index(sentences: list[Sentence]) -> int:
    return next((s.index for s in sentences if is_body(s)), 0)
