"""From one article to its event mentions: one per action type x actors x place x day (ACLED's unit).

Per sentence: classify the action from cues, drop forecasts/habits/denials, find where (the sentence's own
places, else its paragraph's region), when (the sentence's date, else the date carried from the sentence
before, else the publication date), who acts and who is hit, how many died and who says so. A sentence that
adds only a toll or a consequence ("As a result, three residents were killed") extends the event before it.
Each field keeps the span that supports it (`Event.provenance`).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from sitrep.events.actors import Actor, ActorLexicon, ActorMention, interaction
from sitrep.events.classify import (ARREST_OR_ABDUCTION, TERRITORY_CAPTURE, TERRITORY_REGAIN, Classification, CueHits,
                                    CueLexicon, resolve_with_actors)
from sitrep.events.modality import is_reportable
from sitrep.events.notes import write_notes
from sitrep.events.places import (countries_in_play, dateline_end, event_places, institution_regions, is_demonym,
                                  names_country)
from sitrep.geo import Geocoder
from sitrep.geo.place import Place, PlaceMention
from sitrep.model import Article, Event, Provenance, Source
from sitrep.nlp.attribution import find_attribution
from sitrep.nlp.dates import DateMention, find_anaphoric_dates, find_dates
from sitrep.nlp.fatalities import count_fatalities, count_injured
from sitrep.nlp.grammar import roles
from sitrep.nlp.sentences import Sentence, split_sentences

_PLACEHOLDERS = (TERRITORY_CAPTURE, TERRITORY_REGAIN, ARREST_OR_ABDUCTION)
_REMOTE = ("Shelling/artillery/missile attack", "Air/drone strike")
_WEAPONS = {"w_ied": "Remote explosive/landmine/IED", "w_air": "Air/drone strike",
            "w_artillery": "Shelling/artillery/missile attack"}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_CONSEQUENCE = re.compile(r"^\W*(?:as a result|consequently|the (?:attack|strike|shelling|blast|explosion|incident)s?|"
                          r"(?:this|it) (?:happened|occurred|took place)|"
                          r"(?:he|she|they) (?:was|were|died)|in the attack|the victims?)\b", re.I)
_ABOUT_IT = re.compile(r"^\W*the (?:confrontation|clash|clashes|fighting|shootout|shoot-out|raid|operation|ambush|"
                       r"assault|incident|attack|strike|blast|explosion)s? (?:occurred|happened|took place)\b",
                       re.I)
_NON_STATE = re.compile(r"\b(?:militants?|rebels?|insurgents?|jihadists?|extremists?|fighters|guerrillas?|separatists?)\b", re.I)
_MILITARY_BODY = re.compile(r"\b(?:defen[cs]e ministry|ministry of defen[cs]e|general staff|armed forces|army|military|"
                            r"defen[cs]e forces|command)\b", re.I)  # who reports its own side's actions
_OWN_FORCES = re.compile(r"\b(?:its|their|our) (?:own )?(?:forces|troops|army|military|soldiers|units|fighters)\b", re.I)
_UNNAMED_PLACE = re.compile(r"\b(?:a|one|another|two|three|several) (?:\w+ )?(?:villages?|towns?|settlements?|"
                            r"communit(?:y|ies)|localit(?:y|ies)|cit(?:y|ies)|hamlets?)\b", re.I)


@dataclass
class Extractors:
    """The shared, read-only resources of extraction, loaded once per process."""

    geocoder: Geocoder
    actors: ActorLexicon
    cues: CueLexicon

    @classmethod
    def default(cls) -> "Extractors":
        return cls(Geocoder.default(), ActorLexicon.default(), CueLexicon.default())


@dataclass
class _Mention:
    """An event mention before it becomes an Event: the sentence(s) and the resolved pieces."""

    sentences: list[Sentence]
    cls: Classification
    place: Place
    place_span: tuple[int, int]
    when: date | None
    precision: str | None
    date_span: tuple[int, int] | None
    actor1: Actor | None = None
    actor2: Actor | None = None
    actor_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    shared_toll: bool = False          # one toll for several places: it belongs to none of them alone
    toll_sentence: Sentence | None = None  # a later sentence giving this place's own toll


def reference_date(article: Article) -> date | None:
    try:
        return date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return None


def extract_events(article: Article, ex: Extractors) -> list[Event]:
    """All events of one article, merged within the article, each with its evidence and provenance."""
    text = article.text
    ref = reference_date(article)
    sentences = split_sentences(text)
    mentions = ex.geocoder.find_mentions(text)
    country = _article_country(mentions)
    countries = countries_in_play(mentions)
    mentions_by_sentence = _bucket(mentions, sentences)
    has_body = any(_is_body(s) for s in sentences)
    mentions_out: list[_Mention] = []
    last_date: tuple[date, str, int] | None = None  # (date, precision, sentence index) carried forward
    for s in sentences:
        dates = [d for d in _shift(find_dates(s.text, ref), s.start) if d.start >= s.start + dateline_end(s.text)]
        when_here = _sentence_date(s, dates, mentions_out)
        if when_here is not None:
            last_date = (when_here[0], when_here[1], s.index)
        headline_style = _is_headline(s, sentences)
        if headline_style and has_body:
            continue  # a headline repeats the body's event; it frames, it is not evidence of its own
        hits = ex.cues.hits(s.text)
        cls = ex.cues.classify(s.text, hits)
        found = ex.actors.find(s.text, country, year=ref.year if ref else None)
        own = event_places(s.text, s.start, _outside_actors(mentions_by_sentence.get(s.index, []), found, s),
                           countries)
        if cls is None:
            cls = _unspecified_attack(hits, s, sentences, ex.cues, found)
        elif cls.sub_event_type == "Attack" and not hits.has("a_close_violence") and _military(found, cls):
            cls = _unspecified_attack(hits, s, sentences, ex.cues, found) or cls
        if cls is None:
            if not _casualty_followup(mentions_out, s, own, when_here):
                _maybe_extend(mentions_out, s, when_here)
            continue
        cls = _with_neighbour_weapons(cls, s, sentences, ex.cues)
        explicit_day = any(d.precision == "day" for d in dates)
        ok, _why = is_reportable(s.text, hits, cls.trigger, explicit_day)
        cue_spans = tuple(sp for g, spans in hits.spans.items() if g.startswith(("a_", "w_")) for sp in spans)
        r = roles(s.text, cls.trigger, cue_spans)
        if r.modifier:  # "in occupied Enerhodar, faced a car bomb": the participle describes, another cue acts
            other = ex.cues.classify(s.text, _without(hits, cls.trigger))
            if other is not None:
                cls = other
                r = roles(s.text, cls.trigger, cue_spans)
        if not ok or r.modal or r.negated or not r.has_verb or (r.modifier and not explicit_day):
            continue
        if not (r.past or dates or headline_style or ref is None):
            continue  # present-tense statements without a date are descriptions, not reports of an event
        if r.perfect and not dates and s.index > _first_body_index(sentences) + 2:
            continue  # "attacks have damaged infrastructure", far from the lead and undated: a summary
        places = [pm for pm in own if _in_clause(pm, s, r.clause)] or own
        if not places:
            places = _institution_region(s, mentions_by_sentence.get(s.index, []), ex.geocoder)
        follow = None
        if not places:
            follow = _placing_followup(s, sentences, mentions_by_sentence, countries)
            if follow is not None:
                places = follow[1]
        if not places:
            region = _paragraph_region(s, sentences, mentions_by_sentence, countries)
            if region is not None:
                places = [region]
            elif ref is None and not _continues(mentions_out, s):
                # an undated snippet: ACLED's place and date minimums cannot be judged, so the event is kept
                # with what the text gives (no place) rather than lost
                places = [PlaceMention(s.start, s.start, "", None)]
            else:
                _maybe_extend(mentions_out, s, when_here)
                continue
        when, precision, dspan = _event_date(s, when_here, last_date, ref, sentences)
        for pm in places:
            m = _Mention([s] if follow is None else [s, follow[0]], cls, pm.place, (pm.start, pm.end), when, precision,
                         dspan, shared_toll=len(places) > 1)
            _assign_actors(m, s, found, ex.actors, country)
            mentions_out.append(m)
    _infer_unnamed_attackers(mentions_out)
    events = [_to_event(article, m, text, ex) for m in mentions_out]
    events = [e for e in events if e is not None]
    return _merge_within_article(events)


def _in_clause(pm: PlaceMention, s: Sentence, clause: list[tuple[int, int]]) -> bool:
    a, b = pm.start - s.start, pm.end - s.start
    return not clause or any(x <= a and b <= y for x, y in clause)


def _outside_actors(mentions: list[PlaceMention], actors: list[ActorMention], s: Sentence) -> list[PlaceMention]:
    """A place inside an actor's name ("the Kiev regime", "Kharkiv police") says who, not where."""
    spans = [(s.start + a.start, s.start + a.end) for a in actors]
    return [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)]


def _article_country(mentions: list[PlaceMention]) -> str | None:
    counts: dict[str, int] = {}
    for m in mentions:
        if m.place and m.place.country and not is_demonym(m.name):
            counts[m.place.country] = counts.get(m.place.country, 0) + (3 if names_country(m) else 1)
    return max(counts, key=counts.get) if counts else None


def _bucket(mentions: list[PlaceMention], sentences: list[Sentence]) -> dict[int, list[PlaceMention]]:
    out: dict[int, list[PlaceMention]] = {}
    i = 0
    for m in sorted(mentions, key=lambda m: m.start):
        while i < len(sentences) and sentences[i].end <= m.start:
            i += 1
        if i < len(sentences) and sentences[i].start <= m.start < sentences[i].end:
            out.setdefault(i, []).append(m)
    return out


def _shift(dates: list[DateMention], offset: int) -> list[DateMention]:
    return [DateMention(d.start + offset, d.end + offset, d.text, d.date, d.precision, d.relative, d.reporting)
            for d in dates]


def _is_headline(s: Sentence, sentences: list[Sentence]) -> bool:
    """Headlines, captions, navigation: no closing punctuation, and either near the top or in title case."""
    if s.text.rstrip().endswith((".", "\"", "”", "!", "?", ":")) or len(s.text.split()) >= 25:
        return False
    words = [w for w in s.text.split() if w[:1].isalpha()]
    title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
    return s.index < 4 or title_case


def _institution_region(s: Sentence, mentions: list[PlaceMention], geocoder: Geocoder) -> list[PlaceMention]:
    for place in institution_regions(s.text, s.start, mentions):
        region = geocoder.region(place.admin1, place.country)
        if region is not None:
            return [PlaceMention(s.start, s.start, region.name, region)]
    return []


def _placing_followup(s: Sentence, sentences: list[Sentence], by_sentence: dict[int, list[PlaceMention]],
                      countries: set[str]) -> tuple[Sentence, list[PlaceMention]] | None:
    """"Troops killed 19 gunmen in a shootout. The confrontation occurred in Culiacan...": the next sentence,
    when it goes on about the same event, says where it was."""
    if s.index + 1 >= len(sentences):
        return None
    nxt = sentences[s.index + 1]
    if not _ABOUT_IT.search(nxt.text):
        return None
    places = event_places(nxt.text, nxt.start, by_sentence.get(nxt.index, []), countries)
    return (nxt, places) if places else None


def _paragraph_region(s: Sentence, sentences: list[Sentence], by_sentence: dict[int, list[PlaceMention]],
                      countries: set[str]) -> PlaceMention | None:
    """A region named just before in the paragraph frames a sentence that names no place of its own."""
    for prev in reversed(sentences[max(0, s.index - 2):s.index]):
        if prev.paragraph != s.paragraph:
            break
        for m in event_places(prev.text, prev.start, by_sentence.get(prev.index, []), countries):
            if m.place.geo_precision == 3:
                return m
    return None


def _sentence_date(s: Sentence, dates: list[DateMention], previous: list["_Mention"]
                   ) -> tuple[date, str, tuple[int, int] | None] | None:
    """The date a sentence gives its event: an event date over a statement date, or "the same day" chained."""
    event_dates = [d for d in dates if not d.reporting]
    if event_dates:
        d = event_dates[0]
        return d.date, d.precision, (d.start, d.end)
    if dates:  # only the day something was said: the event happened then or shortly before
        d = dates[0]
        return d.date, "week" if d.precision == "day" else d.precision, (d.start, d.end)
    for a in find_anaphoric_dates(s.text):
        last = next((m for m in reversed(previous) if m.when is not None), None)
        if last is not None:
            return last.when + timedelta(days=a.offset_days), last.precision or "day", (s.start + a.start, s.start + a.end)
    return None


def _event_date(s: Sentence, here, last_date, ref: date | None,
                sentences: list[Sentence]) -> tuple[date | None, str | None, tuple[int, int] | None]:
    if here is not None:
        return here
    if last_date is not None and s.index - last_date[2] <= 3:
        return last_date[0], last_date[1], None
    if ref is None:
        return None, None, None
    lead = s.index <= _first_body_index(sentences) + 2
    return ref, "day" if lead else "week", None


def _is_body(s: Sentence) -> bool:
    return s.text.rstrip().endswith((".", "\"", "”")) and len(s.text.split()) >= 8


def _first_body_index(sentences: list[Sentence]) -> int:
    return next((s.index for s in sentences if _is_body(s)), 0)


def _casualty_followup(mentions: list[_Mention], s: Sentence, places: list[PlaceMention], here) -> bool:
    """A toll at a new place right after an event ("6 dead in the Chuhuiv community") is the same kind of
    event there: daily summaries list places and tolls without repeating the verb."""
    if not mentions or not places:
        return False
    last = mentions[-1]
    if s.index - last.sentences[-1].index > 3:
        return False
    toll = count_fatalities(s.text)
    if toll is None or toll.value == 0 and count_injured(s.text) is None:
        return False
    recent = [m for m in mentions if m.place is not None and s.index - m.sentences[-1].index <= 4]
    named = [m for m in recent for pm in places if pm.place.name == m.place.name]
    claimed = [m for m in named if m.shared_toll and m.toll_sentence is None]
    for m in claimed:  # "A man was killed in Bilozerka": that place's own toll, after a list sentence
        m.toll_sentence = s
    if claimed:
        return True
    if any(pm.place.name == m.place.name for pm in places for m in mentions if m.place is not None):
        return False
    when, precision, dspan = here if here is not None else (last.when, last.precision, None)
    for pm in places:
        mentions.append(_Mention([s], last.cls, pm.place, (pm.start, pm.end), when, precision, dspan,
                                 actor1=last.actor1, actor2=last.actor2))
    return True


def _with_neighbour_weapons(cls: Classification, s: Sentence, sentences: list[Sentence],
                            cues: CueLexicon) -> Classification:
    """"Russian attacks killed one resident. One shell hit the yard...": the weapon named in the next or
    previous sentence of the paragraph says what kind of attack it was."""
    if cls.sub_event_type not in ("Attack",) or any(cls.hits.has(g) for g in _WEAPONS):
        return cls
    for n in (s.index + 1, s.index - 1):
        if 0 <= n < len(sentences) and sentences[n].paragraph == s.paragraph:
            nh = cues.hits(sentences[n].text)
            for g, sub in _WEAPONS.items():
                if nh.has(g):
                    return Classification(sub, cls.trigger, cls.hits)
    return cls


def _without(hits: CueHits, span: tuple[int, int]) -> CueHits:
    """The cue hits of a sentence less those at `span`."""
    return CueHits({g: [sp for sp in spans if sp != span] for g, spans in hits.spans.items()})


def _military(found: list[ActorMention], cls: Classification) -> bool:
    """The force named last before the trigger (the one acting) is an army, at home or abroad."""
    before = [a for a in found if a.start <= cls.trigger[0] and a.actor.side != "CIV"
              and a.actor.inter not in ("Civilians", "Protesters")]
    return bool(before) and before[-1].actor.inter in ("State forces", "External/Other forces") \
        and "police" not in before[-1].text.lower()


def _unspecified_attack(hits: CueHits, s: Sentence, sentences: list[Sentence], cues: CueLexicon,
                        found: list[ActorMention]) -> Classification | None:
    """"Russian forces struck the village" / "attacks killed one resident": an army's attack with no weapon
    named. The weapon named in a neighbouring sentence decides; else ACLED's usual reading of an army's
    unspecified attack on a place, remote shelling."""
    span = hits.first("a_strike_verb")
    if span is None or hits.has("m_disaster"):
        return None
    base = Classification("Shelling/artillery/missile attack", span, hits)
    neighbour = _with_neighbour_weapons(Classification("Attack", span, hits), s, sentences, cues)
    if neighbour.sub_event_type != "Attack":
        return neighbour
    if _military(found, base):
        return base
    if _armed_group(found, base):  # gunmen, militants, a rebel group: at close range, on people or a place
        return Classification("Attack", span, hits)
    return None


def _armed_group(found: list[ActorMention], cls: Classification) -> bool:
    before = [a for a in found if a.start <= cls.trigger[0] and a.actor.side != "CIV"
              and a.actor.inter not in ("Civilians", "Protesters")]
    return bool(before) and before[-1].actor.inter in ("Rebel group", "Political militia", "Identity militia")


def _maybe_extend(mentions: list[_Mention], s: Sentence, here=None) -> None:
    """A sentence right after an event that only adds its consequence joins that event's evidence; when it
    dates the event ("The incident happened late last month.") and the event had no date of its own, that
    date is the event's."""
    if not mentions:
        return
    last = mentions[-1]
    prev = last.sentences[-1]
    adjacent = s.index == prev.index + 1 and (s.paragraph == prev.paragraph or _CONSEQUENCE.match(s.text))
    if not adjacent or not (_CONSEQUENCE.match(s.text) or count_fatalities(s.text) is not None):
        return
    for m in mentions:
        if m.sentences[-1].index == prev.index:
            m.sentences.append(s)
            if here is not None and m.date_span is None:
                m.when, m.precision, m.date_span = here


def _assign_actors(m: _Mention, s: Sentence, found: list[ActorMention], lex: ActorLexicon,
                   country: str | None) -> None:
    trig = m.cls.trigger[0]
    r = roles(s.text, m.cls.trigger)

    def inside(a: ActorMention, spans: list[tuple[int, int]]) -> bool:
        return any(a.start >= x and a.end <= y for x, y in spans)

    # the subject of a passive ("30 Ukrainian soldiers were eliminated") is the one hit, not the one acting
    armed = [a for a in found if a.actor.side != "CIV" and a.actor.inter != "Civilians" and not inside(a, r.patient)]
    by_grammar = [a for a in armed if inside(a, r.agent)]
    before = [a for a in armed if a.start <= trig]
    after = [a for a in found if a.start >= trig]
    by_agent = [a for a in after if re.search(r"\bby\s+(?:the\s+)?$", s.text[max(0, a.start - 12):a.start], re.I)]
    actor1 = (by_grammar or by_agent or before[-1:] or [None])[0]
    others = [a for a in found if actor1 is None or a.actor != actor1.actor]
    patients = [a for a in others if inside(a, r.patient)]
    actor2 = (patients or [a for a in others if a.start >= trig] or others or [None])[0]
    sub = m.cls.sub_event_type
    if sub in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"):
        m.actor1 = lex.protesters(country)
        police = [a for a in found if a.actor.inter == "State forces"]
        m.actor2 = police[0].actor if police and sub != "Peaceful protest" else None
        return
    if sub in ("Violent demonstration", "Mob violence"):
        m.actor1 = lex.rioters(country)
        m.actor2 = actor2.actor if actor2 and actor2.actor.inter != "Rioters" else None
        return
    if actor1 is not None:
        m.actor1 = actor1.actor
        m.actor_spans["actor1"] = (s.start + actor1.start, s.start + actor1.end)
    if actor2 is not None:
        m.actor2 = actor2.actor
        m.actor_spans["actor2"] = (s.start + actor2.start, s.start + actor2.end)
    elif m.cls.hits.has("t_civilian") and m.cls.sub_event_type not in ("Disrupted weapons use",):
        m.actor2 = lex.civilians(_country_of(m, country))
    if m.actor1 is None:
        m.actor1 = lex.unidentified(_country_of(m, country))


def _infer_unnamed_attackers(mentions: list[_Mention]) -> None:
    """"Five communities were shelled": when every strike of the article whose attacker is named was made by
    the same force, a strike reported with no attacker in the same article is taken to be that force's too."""
    remote = [m for m in mentions if m.cls.sub_event_type in _REMOTE]
    named = {m.actor1 for m in remote if m.actor1 is not None and m.actor1.side not in ("UNKNOWN", "CIV")}
    if len(named) != 1:
        return
    (force,) = named
    for m in remote:
        if m.actor1 is None or m.actor1.side == "UNKNOWN":
            m.actor1 = force


def _country_of(m: _Mention, article_country: str | None) -> str | None:
    return (m.place.country if m.place else None) or article_country


def _continues(mentions: list[_Mention], s: Sentence) -> bool:
    """A sentence right after the last event's sentence with no place of its own goes on about that event."""
    return bool(mentions) and mentions[-1].sentences[-1].index == s.index - 1 and _CONSEQUENCE.match(s.text) is not None


def _resolved_sub(m: _Mention, text: str) -> str:
    sub = m.cls.sub_event_type
    if sub not in _PLACEHOLDERS:
        return sub
    a = m.actor1
    inter = a.inter if a and a.side != "UNKNOWN" else None
    if a is not None and a.side == "UNKNOWN" and "actor1" in m.actor_spans and _NON_STATE.search(
            text[slice(*m.actor_spans["actor1"])]):
        inter = a.inter  # unnamed, but plainly not a state's: "militants", "rebels", "insurgents"
    return resolve_with_actors(sub, inter, a.country if a else None,
                               m.place.country if m.place else None, bool(a))


def _to_event(article: Article, m: _Mention, text: str, ex: Extractors) -> Event | None:
    start, end = m.sentences[0].start, m.sentences[-1].end
    if m.toll_sentence is not None:
        end = max(end, m.toll_sentence.end)
    evidence = text[start:end]
    if m.when is None and reference_date(article) is not None:
        return None
    if m.precision == "year":
        return None  # less than a month-level date: ACLED does not code it
    first = m.sentences[0]
    fat = count_fatalities(evidence)
    if m.shared_toll and not (fat is not None and fat.value == 0):  # "no casualties" holds for every place
        fat = count_fatalities(m.toll_sentence.text) if m.toll_sentence else None
        if fat is not None:
            fat = type(fat)(fat.value, fat.start + m.toll_sentence.start - start, fat.end + m.toll_sentence.start - start,
                            fat.text)
    if fat is not None and fat.cumulative:
        fat = None  # a running total is not this event's toll
    cut = dateline_end(first.text)  # "Dec. 10, 2024 - Russia's Defence Ministry said": not "2024 - Russia's..."
    attr = find_attribution(first.text[cut:], context=_context(m, text))
    if attr.start is not None:
        attr.start, attr.end = attr.start + cut, attr.end + cut
    if (m.actor1 is None or m.actor1.side == "UNKNOWN") and attr.claimed_by and (
            _OWN_FORCES.search(first.text) or _MILITARY_BODY.search(attr.claimed_by)):
        m.actor1 = _claimant_forces(attr.claimed_by, ex.actors, m.place.country if m.place else None) or m.actor1
    sub = _resolved_sub(m, text)
    p = m.place or Place(name="", latitude=None, longitude=None, geo_precision=None, feature="")
    ev = Event(
        event_type=ex.cues.event_type(sub), sub_event_type=sub,
        event_date=m.when.isoformat() if m.when else None, date_precision=m.precision,
        actor1=m.actor1.name if m.actor1 else None, inter1=m.actor1.inter if m.actor1 else None,
        actor2=m.actor2.name if m.actor2 else None, inter2=m.actor2.inter if m.actor2 else None,
        actor1_side=m.actor1.side if m.actor1 else None, actor2_side=m.actor2.side if m.actor2 else None,
        country=p.country, admin1=p.admin1, admin2=p.admin2, location=p.name or None,
        latitude=p.latitude, longitude=p.longitude, geo_precision=p.geo_precision, geonameid=p.geonameid,
        fatalities=fat.value if fat else None,
        claimed_by=attr.claimed_by, certainty=attr.certainty,
    )
    ev.interaction = interaction(ev.inter1, ev.inter2)
    ev.fatalities_min = ev.fatalities_max = ev.fatalities
    ev.sources = [Source(article.id, evidence, start, end, article.url, article.published, article.source,
                         article.published_basis if article.published else None)]
    ev.provenance = _provenance(m, text, fat, attr, start, article.id)
    ev.notes = write_notes(ev, p)
    ev.event_id = event_id(article.id, ev)
    return ev


def _claimant_forces(claimant: str, lex: ActorLexicon, country: str | None) -> Actor | None:
    """"Russia's Defence Ministry said its forces captured...": the forces are the claimant's state's."""
    for word in re.findall(r"[A-Z][\w'’]+", claimant):
        for a in lex.find(f"{word} forces", country):
            if a.actor.inter in ("State forces", "External/Other forces"):
                return a.actor
    return None


def _context(m: _Mention, text: str) -> str:
    """The paragraph around the evidence: a quote's speaker is often named after it ('..., he said.')."""
    s = m.sentences[0]
    return text[max(0, s.start - 400):m.sentences[-1].end + 400]


def _provenance(m: _Mention, text: str, fat, attr, base: int, article_id: str) -> list[Provenance]:
    s = m.sentences[0]
    spans = {"event_type": (s.start + m.cls.trigger[0], s.start + m.cls.trigger[1])}
    if m.place is not None:
        spans["location"] = m.place_span
    if m.date_span:
        spans["event_date"] = m.date_span
    spans.update(m.actor_spans)
    if fat is not None:
        spans["fatalities"] = (base + fat.start, base + fat.end)
    if attr.claimed_by and attr.start is not None:
        spans["claimed_by"] = (s.start + attr.start, s.start + attr.end)
    return [Provenance(f, text[a:b], a, b, article_id) for f, (a, b) in spans.items()]


def event_id(article_id: str, ev: Event) -> str:
    key = "|".join(str(x) for x in (article_id, ev.sub_event_type, ev.location, ev.event_date, ev.actor1,
                                    ev.sources[0].char_start if ev.sources else ""))
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _merge_within_article(events: list[Event]) -> list[Event]:
    """One event per type x place x day within an article; region-level echoes of a precise event go."""
    out: list[Event] = []
    for ev in events:
        twin = next((o for o in out if o.event_type == ev.event_type and o.location == ev.location
                     and o.event_date == ev.event_date and (o.actor1_side == ev.actor1_side
                                                           or "UNKNOWN" in (o.actor1_side, ev.actor1_side))), None)
        if twin is None:
            out.append(ev)
            continue
        for f in ("fatalities", "claimed_by", "actor2", "inter2", "actor2_side"):
            if getattr(twin, f) is None and getattr(ev, f) is not None:
                setattr(twin, f, getattr(ev, f))
        if twin.actor1_side == "UNKNOWN" and ev.actor1_side != "UNKNOWN":
            twin.actor1, twin.inter1, twin.actor1_side = ev.actor1, ev.inter1, ev.actor1_side
        if _PRECISION_RANK.get(ev.date_precision or "year", 3) < _PRECISION_RANK.get(twin.date_precision or "year", 3):
            twin.date_precision = ev.date_precision
        if len(ev.sources[0].evidence) > len(twin.sources[0].evidence) and _is_title_like(twin.sources[0].evidence):
            twin.sources = ev.sources
    precise = [e for e in out if (e.geo_precision or 3) < 3]
    kept = []
    for ev in out:
        slack = 1 if _is_title_like(ev.sources[0].evidence) else 0
        if ev.geo_precision == 3 and not _UNNAMED_PLACE.search(ev.sources[0].evidence) and any(
                p.event_type == ev.event_type and p.admin1 == ev.admin1 and _days_apart(p, ev) <= slack
                and (ev.fatalities is None or ev.fatalities == p.fatalities) for p in precise):
            continue
        kept.append(ev)
    return kept


def _days_apart(a: Event, b: Event) -> int:
    if not a.event_date or not b.event_date:
        return 0 if a.event_date == b.event_date else 99
    return abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)


def _is_title_like(evidence: str) -> bool:
    return not evidence.rstrip().endswith((".", "\"", "”"))
