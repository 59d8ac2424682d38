"""From one article to its event mentions: one per action type x actors x place x day (ACLED's unit).

Per sentence: classify the action from cues, drop forecasts/habits/denials, find where (the sentence's own
places, else its paragraph's region), when (the sentence's date, else the date carried from the sentence
before, else the publication date), who acts and who is hit, how many died and who says so. A sentence that
adds only a toll or a consequence ("As a result, three residents were killed") extends the event before it.
Each field keeps the span that supports it (`Event.provenance`).

The stages live beside this module: `classify` (cues -> sub-event type), `modality` (is it a reported event),
`places`, `dating`, `actor_roles`, `assemble` (-> `Event`) and `within_article` (one event per type, place, day).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sitrep.events.actor_roles import OWN_FORCES, assign_actors, infer_unnamed_attackers, is_armed_group, is_military
from sitrep.events.actors import ActorLexicon, ActorMention
from sitrep.events.assemble import to_event
from sitrep.events.classify import Classification, CueHits, CueLexicon
from sitrep.events.clauses import place_clauses
from sitrep.events.dating import event_date_for, first_body_index, is_body, is_headline, sentence_date, shift_dates
from sitrep.events.mention import EventMention, reference_date
from sitrep.events.modality import is_reportable
from sitrep.events.places import (countries_in_play, dateline_end, event_places, institution_regions, is_demonym,
                                  names_country)
from sitrep.events.place_link import Candidate, PlaceModel, candidates, link
from sitrep.events.settlements import settle
from sitrep.events.within_article import merge_within_article
from sitrep.geo import Geocoder
from sitrep.geo.place import PlaceMention
from sitrep.model import Article, Event
from sitrep.nlp.dates import find_dates
from sitrep.nlp.fatalities import count_fatalities, count_injured
from sitrep.nlp.grammar import prefetch, roles
from sitrep.nlp.sentences import Sentence, split_sentences

__all__ = ["Extractors", "extract_events", "reference_date"]

_WEAPONS = {"w_ied": "Remote explosive/landmine/IED", "w_air": "Air/drone strike",
            "w_artillery": "Shelling/artillery/missile attack"}

_CONSEQUENCE = re.compile(r"^\W*(?:as a result|consequently|the (?:attack|strike|shelling|blast|explosion|incident)s?|"
                          r"(?:this|it) (?:happened|occurred|took place)|"
                          r"(?:he|she|they) (?:was|were|died)|in the attack|the victims?)\b", re.I)

_ABOUT_IT = re.compile(r"^\W*the (?:confrontation|clash|clashes|fighting|shootout|shoot-out|raid|operation|ambush|"
                       r"assault|incident|attack|strike|blast|explosion)s? (?:occurred|happened|took place)\b",
                       re.I)


@dataclass
class Extractors:
    """The shared, read-only resources of extraction, loaded once per process."""

    geocoder: Geocoder
    actors: ActorLexicon
    cues: CueLexicon
    place_model: PlaceModel | None = None   # None: the rules of places.py alone (how the model's data is made)
    place_log: list[PlaceDecision] | None = None  # when a list, every place decision is recorded (fitting)

    @classmethod
    def default(cls) -> "Extractors":
        return cls(Geocoder.default(), ActorLexicon.default(), CueLexicon.default(), PlaceModel.default())


@dataclass
class PlaceDecision:
    """The candidates of one event sentence, as `place_fit` reads them."""

    article_id: str
    sentence: Sentence
    sub_event_type: str
    candidates: list[Candidate]

def extract_events(article: Article, ex: Extractors) -> list[Event]:
    """All events of one article, merged within the article, each with its evidence and provenance."""
    text = article.text
    ref = reference_date(article)
    sentences = split_sentences(text)
    mentions = ex.geocoder.find_mentions(text)
    country = _article_country(mentions)
    countries = countries_in_play(mentions)
    mentions = settle(text, sentences, mentions, ex.geocoder, countries)
    mentions_by_sentence = _bucket(mentions, sentences)
    has_body = any(is_body(s) for s in sentences)
    lead_end = first_body_index(sentences) + 2
    all_hits = [ex.cues.hits(s.text) for s in sentences]
    has_cue = [any(g.startswith(("a_", "w_")) for g in h.spans) for h in all_hits]
    # one batched parse of the sentences a rule classifies (the others are parsed on demand, if ever asked)
    prefetch(_classified(sentences, all_hits, ex))
    mentions_out: list[EventMention] = []
    last_date: tuple[date, str, int] | None = None  # (date, precision, sentence index) carried forward
    for s in sentences:
        dates = [d for d in shift_dates(find_dates(s.text, ref), s.start) if d.start >= s.start + dateline_end(s.text)]
        when_here = sentence_date(s, dates, mentions_out)
        if when_here is not None:
            last_date = (when_here[0], when_here[1], s.index)
        headline_style = is_headline(s, sentences)
        if headline_style and has_body:
            continue  # a headline repeats the body's event; it frames, it is not evidence of its own
        hits = all_hits[s.index]
        cls = ex.cues.classify(s.text, hits)
        here = _sentence_country(mentions_by_sentence.get(s.index, [])) or country
        found = [a for a in ex.actors.find(s.text, here, year=ref.year if ref else None)
                 if not _CONTROLLER_BEFORE.search(s.text[max(0, a.start - 40):a.start])]
        own = event_places(s.text, s.start, _outside_actors(mentions_by_sentence.get(s.index, []), found, s),
                           countries)
        if cls is None:
            cls = _unspecified_attack(hits, s, sentences, ex.cues, found)
        elif cls.sub_event_type == "Attack" and not hits.has("a_close_violence") and (
                is_military(found, cls) or _STRIKE_NOUN.search(s.text)):
            cls = _unspecified_attack(hits, s, sentences, ex.cues, found) or cls
        if cls is None:
            if not _casualty_followup(mentions_out, s, own, when_here, ex.actors, found):
                _maybe_extend(mentions_out, s, when_here)
            continue
        cls = _with_neighbour_weapons(_gunfire_of_armed_group(cls, hits, found), s, sentences, ex.cues)
        explicit_day = any(d.precision == "day" for d in dates)
        day_frame = last_date is not None and last_date[1] == "day" and s.index - last_date[2] <= 3
        ok, _why = is_reportable(s.text, hits, cls.trigger, explicit_day, day_frame)
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
        if r.perfect and not dates and s.index > lead_end:
            continue  # "attacks have damaged infrastructure", far from the lead and undated: a summary
        if r.perfect and _SINCE.search(s.text):
            continue  # "the city has been occupied since February 2022": a state that lasts, not an event
        cands = candidates(s, cls.trigger, r.clause, sentences, mentions_by_sentence, countries, lead_end, has_cue,
                           [(a.start, a.end) for a in found])
        if ex.place_log is not None:
            ex.place_log.append(PlaceDecision(article.id, s, cls.sub_event_type, cands))
        if ex.place_model is not None:
            places = [c.mention for c in link(cands, ex.place_model)]
        else:
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
        when, precision, dspan = event_date_for(s, when_here, last_date, ref, lead_end)
        for pc in place_clauses(s, places, ex.cues):
            pm = pc.place
            told = _told_before(mentions_out, pm, pc.cls or cls, ex.cues) if when_here is None else None
            w = (told.when, told.precision, told.date_span) if told is not None else (when, precision, dspan)
            m = EventMention([s] if follow is None else [s, follow[0]], pc.cls or cls, pm.place, (pm.start, pm.end),
                             *w, shared_toll=len(places) > 1, toll_sentence=pc.clause)
            assign_actors(m, s, found, ex.actors, here)
            _carry_pronoun_subject(m, s, mentions_out)
            mentions_out.append(m)
    infer_unnamed_attackers(mentions_out)
    events = [to_event(article, m, text, ex) for m in mentions_out]
    events = [e for e in events if e is not None]
    return merge_within_article(events)

def _classified(sentences: list[Sentence], hits: list[CueHits], ex: Extractors) -> list[str]:
    return [s.text for s, h in zip(sentences, hits) if h.spans and ex.cues.classify(s.text, h) is not None]


def prefetch_articles(articles: list[Article], ex: Extractors) -> None:
    """Parse the event sentences of several articles in one batch before extracting them one by one: spaCy
    parses a batch of a dozen sentences a third faster than the one or two of a single article."""
    todo: list[str] = []
    for a in articles:
        sentences = split_sentences(a.text)
        todo += _classified(sentences, [ex.cues.hits(s.text) for s in sentences], ex)
    prefetch(todo)


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

def _told_before(mentions: list[EventMention], pm: PlaceMention, cls: Classification,
                 cues: CueLexicon) -> EventMention | None:
    """"The communities of A, B and C were shelled over the past day. ... In B, mortars hit (three
    explosions).": an undated sentence on a place the article already has an event of that kind at tells
    more of that event, on its day."""
    if pm.place is None:
        return None
    kind = cues.event_type_of.get(cls.sub_event_type, cls.sub_event_type)   # placeholders are their own kind
    return next((m for m in reversed(mentions) if m.place is not None and m.place.name == pm.place.name
                 and m.place.admin1 == pm.place.admin1 and m.place.is_area == pm.place.is_area
                 and cues.event_type_of.get(m.cls.sub_event_type, m.cls.sub_event_type) == kind), None)


def _sentence_country(mentions: list[PlaceMention]) -> str | None:
    """The one country a sentence's places lie in ("In Mali, jihadists attacked ..." in a world round-up), else
    None: its actors are that country's."""
    for pool in (mentions, [m for m in mentions if not names_country(m)]):   # "eastern Congo ... North Kivu"
        found = {m.place.country for m in pool if m.place is not None and m.place.country}
        if len(found) == 1:
            return found.pop()
    return None


def _bucket(mentions: list[PlaceMention], sentences: list[Sentence]) -> dict[int, list[PlaceMention]]:
    out: dict[int, list[PlaceMention]] = {}
    i = 0
    for m in sorted(mentions, key=lambda m: m.start):
        while i < len(sentences) and sentences[i].end <= m.start:
            i += 1
        if i < len(sentences) and sentences[i].start <= m.start < sentences[i].end:
            out.setdefault(i, []).append(m)
    return out

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
    """A region named just before in the paragraph frames a sentence that names no place of its own; so does
    the one settlement of the sentence right before ("Residents of Kupiansk reported fighting.\n- A bomb hit a
    school"): the paragraph goes on about that town."""
    for prev in reversed(sentences[max(0, s.index - 2):s.index]):
        if prev.paragraph != s.paragraph and not (_BULLET.match(s.text) and prev.index == s.index - 1):
            break       # a bullet ("- A bomb hit a school") belongs to the line above it
        places = event_places(prev.text, prev.start, by_sentence.get(prev.index, []), countries)
        towns = {(m.place.name, m.place.admin1) for m in places if not m.place.is_area}
        if prev.index == s.index - 1 and len(towns) == 1:
            return next(m for m in places if not m.place.is_area)
        for m in places:
            if m.place.geo_precision == 3 and m.place.is_area:
                return m
    return None

def _casualty_followup(mentions: list[EventMention], s: Sentence, places: list[PlaceMention], here,
                       lex: ActorLexicon, found: list[ActorMention]) -> bool:
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
    # "A 54-year-old man was killed in Orikhiv": the toll is of civilians
    names_civilians = any(a.actor.side == "CIV" or a.actor.inter == "Civilians" for a in found)
    victims = lex.civilians(_country_of_places(places)) if last.actor2 is None and names_civilians else last.actor2
    for pm in places:
        mentions.append(EventMention([s], last.cls, pm.place, (pm.start, pm.end), when, precision, dspan,
                                 actor1=last.actor1, actor2=victims))
    return True


def _country_of_places(places: list[PlaceMention]) -> str | None:
    return next((pm.place.country for pm in places if pm.place is not None and pm.place.country), None)


def _with_neighbour_weapons(cls: Classification, s: Sentence, sentences: list[Sentence],
                            cues: CueLexicon) -> Classification:
    """"Russian attacks killed one resident. One shell hit the yard...": the weapon named in the next or
    previous sentence of the paragraph says what kind of attack it was."""
    if cls.sub_event_type not in ("Attack",) or any(cls.hits.has(g) for g in _WEAPONS):
        return cls
    for n in (s.index + 1, s.index - 1):
        if 0 <= n < len(sentences) and sentences[n].paragraph == s.paragraph:
            nh = cues.hits(sentences[n].text)  # (memoised per sentence text by the lexicon)
            for g, sub in _WEAPONS.items():
                if nh.has(g):
                    return Classification(sub, cls.trigger, cls.hits)
    return cls

def _gunfire_of_armed_group(cls: Classification, hits: CueHits, found: list[ActorMention]) -> Classification:
    """"The bandits opened fire on the farmers": gunmen firing at people is an attack at close range, not
    shelling (which "Russian troops fired on the village" is)."""
    if cls.sub_event_type == "Shelling/artillery/missile attack" and hits.has("a_fire_at") and not (
            hits.has("w_artillery") or hits.has("w_shelling_act")) and is_armed_group(found, cls):
        return Classification("Attack", cls.trigger, cls.hits)
    return cls


def _without(hits: CueHits, span: tuple[int, int]) -> CueHits:
    """The cue hits of a sentence less those at `span`."""
    return CueHits({g: [sp for sp in spans if sp != span] for g, spans in hits.spans.items()})

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
    if is_military(found, base) or OWN_FORCES.search(s.text[:span[0]]):   # "the ministry said its forces hit"
        return base
    if is_armed_group(found, base):  # gunmen, militants, a rebel group: at close range, on people or a place
        return Classification("Attack", span, hits)
    strike = _STRIKE_NOUN.search(s.text)
    if strike and (hits.has("t_civilian") or count_fatalities(s.text) is not None):
        # "The strike hit Kakhovka, killing three": a strike of unnamed delivery, ACLED's missile/shelling
        return Classification("Shelling/artillery/missile attack", strike.span(), hits)
    return None


_SINCE = re.compile(r"\b(?:occupied|controlled|held|besieged|blockaded|under (?:\w+ )?(?:occupation|control|siege))\b"
                    r"[^.;]{0,40}\bsince\b", re.I)
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪]|\d{1,2}[.)])\s+")
# "the part of Kherson region held by Russian forces": who holds the place, not who acted
_CONTROLLER_BEFORE = re.compile(r"\b(?:held|controlled|occupied|run|administered|governed) by (?:the )?$|"
                                r"\bunder (?:the )?(?:control|occupation|rule) of (?:the )?$", re.I)
_STRIKE_NOUN = re.compile(r"\b(?:the|a|another|one|second|latest|overnight|russian|ukrainian|israeli|missile)\s+"
                          r"(?:\w+\s+)?strikes?\b(?=\s+(?:\w+\s+){0,2}(?:hit|struck|killed|destroyed|damaged|"
                          r"wounded|injured|on|in|near)\b)", re.I)

_PRONOUN_SUBJECT = re.compile(r"^\W*(?:(?:it|they|he|she)|the (?:group|rebels|militants|fighters|militia|movement|"
                              r"insurgents|jihadists|army|military|forces|troops|gang))\b(?! (?:is|was|were|are) "
                              r"(?:reported|said|believed|unclear))", re.I)

_STATE_NOUN = re.compile(r"\b(?:army|military|forces|troops)\b")


def _carry_pronoun_subject(m: EventMention, s: Sentence, previous: list[EventMention]) -> None:
    """"M23 captured Kirumba. It also seized Kanyabayonga.": the pronoun's actor is the last event's."""
    if (m.actor1 is not None and m.actor1.side != "UNKNOWN") or not _PRONOUN_SUBJECT.match(s.text):
        return
    said = _PRONOUN_SUBJECT.match(s.text).group(0).lower()
    last = next((p for p in reversed(previous) if p.actor1 is not None and p.actor1.side != "UNKNOWN"), None)
    if last is not None and _STATE_NOUN.search(said) and last.actor1.inter not in ("State forces",
                                                                                  "External/Other forces"):
        return  # "Al Shabaab stormed the base. The army recaptured it.": the army is not the group
    if last is not None and s.index - last.sentences[-1].index <= 2:
        m.actor1 = last.actor1
        if m.actor2 is None:
            m.actor2 = last.actor2


def _maybe_extend(mentions: list[EventMention], s: Sentence, here=None) -> None:
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

def _continues(mentions: list[EventMention], s: Sentence) -> bool:
    """A sentence right after the last event's sentence with no place of its own goes on about that event."""
    return bool(mentions) and mentions[-1].sentences[-1].index == s.index - 1 and _CONSEQUENCE.match(s.text) is not None
