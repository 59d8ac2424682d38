"""From one article to its event mentions: one per action type x actors x place x day (ACLED's unit).

Per sentence: classify the action from cues, drop forecasts/habits/denials, find where (the sentence's own
places, else its paragraph's region), when (the sentence's date, else the date carried from the sentence
before, else the publication date), who acts and who is hit, how many died and who says so. A sentence that
adds only a toll or a consequence ("As a result, three residents were killed") extends the event before it.
Each field keeps the span that supports it (`Event.provenance`).

The stages live beside this module: `classify` (cues -> sub-event type), `modality` (is it a reported event),
`places`, `place_link` (which place), `place_fallbacks` (when the sentence names none), `reclassify`,
`followups` (sentences that go on about an event), `dating`, `actor_roles`, `assemble` (-> `Event`) and
`within_article` (one event per type, place, day).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from sitrep.events.actor_roles import ANY_REMOTE, ARMED, assign_actors, infer_unnamed_attackers, is_military, is_source
from sitrep.events.actors import Actor, ActorLexicon
from sitrep.events.anaphora import capitals_acting, definite_place
from sitrep.events.assemble import to_event
from sitrep.events.backstory import backstory_date, split_backstory
from sitrep.events.claimants import carry_claimants
from sitrep.events.classify import CueHits, CueLexicon
from sitrep.events.clauses import clause_places, own_tolls, place_clauses
from sitrep.events.dating import (a_trend_after_a_day, caption_paragraphs, dates_a_running_toll, dates_the_war,
                                  event_date_for, first_body_index, in_relative_clause, is_body, is_headline,
                                  is_timestamp, later_days, sentence_date, shift_dates)
from sitrep.events.followups import (REPORT_REACH, carry_pronoun_subject, casualty_followup, closes_the_report,
                                     continues, dates_the_last, maybe_extend,
                                     names_the_last_event, places_the_lead, reprises_the_last, responsibility_claimed,
                                     told_before, tolls_of_places_told, updates_a_told_toll)
from sitrep.events.mention import EventMention, reference_date
from sitrep.events.modality import is_reportable
from sitrep.events.place_fallbacks import (article_country, in_clause, institution_region, named_later,
                                           only_region, outside_actors, paragraph_region, places_by_sentence,
                                           placing_followup, sentence_country, unnamed_settlement)
from sitrep.events.place_link import Candidate, PlaceModel, candidates, link
from sitrep.events.places import (countries_in_play, dateline_end, event_places, is_country_level, without_aims,
                                  without_references)
from sitrep.events.reclassify import (STRIKE_NOUN, gunfire_of_armed_group, spread_over_places, unspecified_attack,
                                      with_neighbour_weapons, without, without_pluperfect_clauses)
from sitrep.events.settlements import settle
from sitrep.events.within_article import merge_within_article, without_echoed_areas
from sitrep.geo import Geocoder
from sitrep.geo.place import PlaceMention
from sitrep.model import Article, Event
from sitrep.nlp.dates import find_dates, offset_after_at
from sitrep.nlp.fatalities import count_fatalities
from sitrep.nlp.grammar import prefetch, roles
from sitrep.nlp.sentences import Sentence, split_sentences

__all__ = ["Extractors", "extract_events", "reference_date"]


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

# the kind of strike a headline's weapon names, first match wins
_HEADLINE_WEAPONS = (("w_air", "Air/drone strike"), ("w_artillery", "Shelling/artillery/missile attack"),
                     ("w_shelling_act", "Shelling/artillery/missile attack"))


def extract_events(article: Article, ex: Extractors) -> list[Event]:
    """All events of one article, merged within the article, each with its evidence and provenance."""
    text = article.text
    ref = reference_date(article)
    sentences, backstory = split_backstory(split_sentences(text))
    all_hits = [ex.cues.hits(s.text) for s in sentences]
    has_cue = [any(g.startswith(("a_", "w_")) for g in h.spans) for h in all_hits]
    if not any(has_cue):
        return []   # no action or weapon word anywhere (a third of general news): no event to place or date
    mentions = ex.geocoder.find_mentions(text)
    country = article_country(mentions)
    countries = countries_in_play(mentions)
    mentions = settle(text, sentences, mentions, ex.geocoder, countries)
    mentions_by_sentence = places_by_sentence(mentions, sentences)
    has_body = any(is_body(s) for s in sentences)
    one_region = only_region(mentions, countries)
    wire = one_sentence_paragraphs(sentences)
    lead_end = first_body_index(sentences) + 2
    # one batched parse of the sentences a rule classifies (the others are parsed on demand, if ever asked)
    prefetch(_classified(sentences, all_hits, ex))
    mentions_out: list[EventMention] = []
    last_date: tuple[date, str, int] | None = None  # (date, precision, sentence index) carried forward
    placing: set[int] = set()   # sentences that only said where the event before them was
    captions = caption_paragraphs(sentences) if has_body else set()
    unplaced: EventMention | None = None   # an event told with no place below its country, its places to come
    headline_forces: list[tuple[Actor, str]] = []  # who fires with what, as a headline names it ("Junta airstrikes")
    for s in sentences:
        if s.paragraph in captions or is_timestamp(s):
            continue  # a picture's caption: its date is the picture's, its words frame the story
        dates = [d for d in shift_dates(find_dates(s.text, ref), s.start) if d.start >= s.start + dateline_end(s.text)
                 and not in_relative_clause(s, d, all_hits[s.index]) and not dates_a_running_toll(s, d)]
        offsets = s.index + 1 not in backstory    # (a "came two days after" whose back-story is read apart)
        when_here = sentence_date(s, dates, mentions_out, offsets=offsets)
        if when_here is not None and dates_the_war(s, when_here[2]):
            # (the war's start dates nothing; the sentence's other dates may: "..., officials said on Sunday")
            dates = [d for d in dates if (d.start, d.end) != when_here[2]]
            when_here = sentence_date(s, dates, mentions_out, offsets=offsets) if dates else None
        if when_here is None and s.index in backstory:   # "... came days after Al-Shabab attacked Bulamarer"
            news = last_date[0] if last_date is not None and last_date[2] == s.index - 1 else \
                (mentions_out[-1].when if mentions_out else ref)
            when_here = backstory_date(backstory[s.index], news)
        if when_here is not None and not a_trend_after_a_day(when_here, last_date, s):
            last_date = (when_here[0], when_here[1], s.index)
        headline_style = is_headline(s, sentences)
        if headline_style and has_body:
            fired = next((sub for group, sub in _HEADLINE_WEAPONS if all_hits[s.index].has(group)), None) or \
                (ANY_REMOTE if all_hits[s.index].has("a_strike_verb") else None)   # "an attack by the AFU on ..."
            if fired:
                # (who fires, not who says: "Eight injured in new Kharkiv strike, mayor says")
                headline_forces += [(a.actor, fired) for a in ex.actors.find(s.text, country)
                                    if a.actor.side not in ("UNKNOWN", "CIV") and a.actor.inter in ARMED
                                    and not is_source(a, s.text)]
            continue  # a headline repeats the body's event; it frames, it is not evidence of its own
        if s.index in placing or reprises_the_last(mentions_out, s):
            continue  # "The attackers targeted a detachment near X": the event before it, placed
        if dates_the_last(mentions_out, s, when_here):
            continue  # "The attack, which occurred in the early hours of Sunday, saw insurgents arrive ...": its day
        hits = all_hits[s.index]
        if not has_cue[s.index] and (not mentions_out or s.index - mentions_out[-1].sentences[-1].index >
                                     (REPORT_REACH if closes_the_report(s) else 3)):
            # no action or weapon named, no event just before for it to go on about: nothing to read, but the
            # tolls of places told further up ("17 dead in Rini and about 10 others in Gora") and the village a
            # lead left unnamed ("In Solhan, local sources said they had recovered 160 bodies")
            if not tolls_of_places_told(mentions_out, s, _settlements_in(s, mentions_by_sentence)):
                _placed_by_toll(unplaced, mentions_out, s, event_places(s.text, s.start, mentions_by_sentence.get(
                    s.index, []), countries), when_here, ex, [])
            continue
        cls = ex.cues.classify(s.text, without_pluperfect_clauses(hits, s.text))
        here = sentence_country(mentions_by_sentence.get(s.index, [])) or country
        found = [a for a in ex.actors.find(s.text, here, year=ref.year if ref else None)
                 if not _CONTROLLER_BEFORE.search(s.text[max(0, a.start - 40):a.start])]
        if responsibility_claimed(mentions_out, s, found):
            continue
        own = event_places(s.text, s.start, outside_actors(mentions_by_sentence.get(s.index, []), found, s),
                           countries)
        if cls is None:
            cls = unspecified_attack(hits, s, sentences, ex.cues, found)
        elif cls.sub_event_type == "Attack" and not hits.has("a_close_violence") and (
                is_military(found, cls) or STRIKE_NOUN.search(s.text)):
            cls = unspecified_attack(hits, s, sentences, ex.cues, found) or cls
        if cls is not None:
            cls = spread_over_places(cls, hits, found, len({(pm.place.name, pm.place.admin1) for pm in own
                                                            if pm.place is not None and not pm.place.is_area}))
        if cls is None:
            if tolls_of_places_told(mentions_out, s, _settlements_in(s, mentions_by_sentence)):
                continue
            if not casualty_followup(mentions_out, s, own, when_here or _newer_frame(last_date, mentions_out, s),
                                     ex.actors, found) and \
                    not _placed_by_toll(unplaced, mentions_out, s, own, when_here, ex, found):
                maybe_extend(mentions_out, s, when_here, wire)
            continue
        cls = with_neighbour_weapons(gunfire_of_armed_group(cls, hits, found), s, sentences, ex.cues)
        if updates_a_told_toll(mentions_out, s, cls, own):
            continue
        if names_the_last_event(mentions_out, s, cls, ex.cues):
            maybe_extend(mentions_out, s, when_here, wire)   # "As a result of the attack, a woman was injured"
            hurt = next((a.actor for a in found if a.actor.side == "CIV"), None)
            if mentions_out[-1].actor2 is None and hurt is not None:
                mentions_out[-1].actor2 = hurt
            continue
        explicit_day = any(d.precision == "day" for d in dates)
        day_frame = last_date is not None and last_date[1] == "day" and s.index - last_date[2] <= 3
        ok, _why = is_reportable(s.text, hits, cls.trigger, explicit_day, day_frame)
        cue_spans = tuple(sp for g, spans in hits.spans.items() if g.startswith(("a_", "w_")) for sp in spans)
        r = roles(s.text, cls.trigger, cue_spans)
        if r.modifier or r.aim:
            # "in occupied Enerhodar, faced a car bomb": the participle describes, another cue acts; "launched seven
            # missiles at Marib, as fighters intensified ground attacks to seize territory": the aim is no act
            other = ex.cues.classify(s.text, without(hits, cls.trigger))
            if other is not None:
                cls = other
                r = roles(s.text, cls.trigger, cue_spans)
        item = last_date is not None and bool(_REPORT_ITEM.match(s.text))   # "Krasnopillia hromada: mortar attack"
        but = _BUT.search(s.text, cls.trigger[1]) if (r.negated or r.modal or not ok) else None
        if but is not None:
            # "The army has not commented on the attacks, but it announced it had used drones to target ...":
            # the clause after "but" reports its own act
            later = ex.cues.classify(s.text, _hits_after(hits, but.end()))
            if later is not None:
                cls = later
                ok, _why = is_reportable(s.text, hits, cls.trigger, explicit_day, day_frame)
                r = roles(s.text, cls.trigger, cue_spans)
        if not ok or r.modal or r.negated or r.aim or not (r.has_verb or item) or (r.modifier and not explicit_day):
            continue
        if not (r.past or dates or headline_style or ref is None or item):
            continue  # present-tense statements without a date are descriptions, not reports of an event
        if r.perfect and not dates and s.index > lead_end:
            continue  # "attacks have damaged infrastructure", far from the lead and undated: a summary
        if _IN_SINCE_CLAUSE.search(s.text[max(0, cls.trigger[0] - 60):cls.trigger[0]]):
            continue  # "... have been reported since Russia occupied the city": the act dates a span, it is told before
        if r.perfect and (_SINCE.search(s.text) or _SINCE_THEN.search(s.text)):
            continue  # "the city has been occupied since February 2022": a state that lasts, not an event
        # (a back-story part's places are its own event's, not its neighbours')
        around = {i: pms for i, pms in mentions_by_sentence.items() if i not in backstory or i == s.index}
        cands = candidates(s, cls.trigger, r.clause, sentences, around, countries, lead_end, has_cue,
                           [(a.start, a.end) for a in found])
        if ex.place_log is not None:
            ex.place_log.append(PlaceDecision(article.id, s, cls.sub_event_type, cands))
        if ex.place_model is not None:
            places = _with_places_of_own_tolls(s, [c.mention for c in link(cands, ex.place_model)], cands)
        else:
            places = [pm for pm in own if in_clause(pm, s, r.clause)] or own
        places = clause_places(s, places, own, ex.cues)
        places = without_aims(without_references(capitals_acting(places, s, r.agent), s), s)
        if not places:
            places = institution_region(s, mentions_by_sentence.get(s.index, []), ex.geocoder)
        if _no_place_below_country(places):
            places = definite_place(s, sentences, mentions_by_sentence, here, ex.geocoder) or places
        follow = None
        if _no_place_below_country(places):
            follow = placing_followup(s, sentences, mentions_by_sentence, countries)
            if follow is not None:
                places = follow[1]
                placing.add(follow[0].index)
        if not places:
            region = paragraph_region(s, sentences, around, countries) or \
                (one_region if unnamed_settlement(s.text) else None)
            if region is not None:
                places = [region]
        if follow is None and places:
            follow = named_later(s, places, sentences, mentions_by_sentence, countries)
            if follow is not None:
                places = follow[1]
                placing.add(follow[0].index)
        if not places:
            if ref is None and not continues(mentions_out, s):
                # an undated snippet: ACLED's place and date minimums cannot be judged, so the event is kept
                # with what the text gives (no place) rather than lost
                places = [PlaceMention(s.start, s.start, "", None)]
            else:
                maybe_extend(mentions_out, s, when_here, wire)
                unplaced = EventMention([s], cls, None, (s.start, s.start),
                                        *event_date_for(s, when_here, last_date, ref, lead_end))
                assign_actors(unplaced, s, found, ex.actors, here)
                continue
        here_day = when_here if when_here is not None and when_here[1] == "day" else \
            (_date_of(follow, ref) or when_here)   # the placing sentence's day over a said-on day or a month
        when, precision, dspan = event_date_for(s, here_day, last_date, ref, lead_end)
        if dspan is not None and offset_after_at(text, dspan[0]):
            # "Sunday's attack in Apakolu came two days after they attacked Kazaraho": the event is after it
            places = [pm for pm in places if pm.start >= dspan[1]] or places
        split = own_tolls(s, places)
        for pc in place_clauses(s, places, ex.cues):
            pm = pc.place
            told = told_before(mentions_out, pm, pc.cls or cls, ex.cues) if when_here is None else None
            w = (told.when, told.precision, told.date_span) if told is not None else (when, precision, dspan)
            m = EventMention([s] if follow is None else [s, follow[0]], pc.cls or cls, pm.place, (pm.start, pm.end),
                             *w, shared_toll=len(places) > 1, toll_sentence=pc.clause,
                             own_toll=split.get((pm.start, pm.end)))
            assign_actors(m, s, found, ex.actors, here)
            carry_pronoun_subject(m, s, mentions_out)
            if len(places) == 1 and s.index not in backstory:   # (a back-story is another, earlier event)
                places_the_lead(m, unplaced, mentions_out, ex.cues)
            mentions_out.append(m)
            if s.index in backstory:    # told before the news it explains: what follows goes on about the news
                _before_the_news(mentions_out, s)
            if told is None and when_here is not None and dspan == when_here[2]:
                # "clashed near Debre Tabor on Tuesday and Wednesday": the same event on each day named
                mentions_out += [replace(m, sentences=list(m.sentences), when=d.date, precision=d.precision,
                                         date_span=(d.start, d.end), actor_spans=dict(m.actor_spans))
                                 for d in later_days(text, dates)]
    infer_unnamed_attackers(mentions_out, headline_forces)
    mentions_out = without_echoed_areas(mentions_out, ex.cues)
    events = [to_event(article, m, text, ex) for m in mentions_out]
    events = [e for e in events if e is not None]
    carry_claimants(events, text)
    return merge_within_article(events)

def _before_the_news(mentions: list[EventMention], s: Sentence) -> None:
    """Move the back-story event just added before the events of the sentence part it explains."""
    news = [i for i, m in enumerate(mentions[:-1]) if m.sentences[-1].index == s.index - 1]
    if news:
        mentions.insert(news[0], mentions.pop())


def _no_place_below_country(places: list[PlaceMention]) -> bool:
    return not places or all(is_country_level(pm.place) for pm in places if pm.place is not None)


def _newer_frame(last_date: tuple[date, str, int] | None, mentions: list[EventMention], s: Sentence):
    """""Today Belozerka was again under fire. ... In Veletenskoye, the invaders killed a woman": a day said
    after the last event, a sentence or three before this toll, is the toll's day (not that event's)."""
    if last_date is None or not mentions or last_date[2] <= mentions[-1].sentences[-1].index or \
            s.index - last_date[2] > 3:
        return None
    return last_date[0], last_date[1], None


_BUT = re.compile(r",?\s+but\s+|;\s+")


def _hits_after(hits: CueHits, pos: int) -> CueHits:
    """The cue hits of a sentence from `pos` on."""
    return CueHits({g: [sp for sp in spans if sp[0] >= pos] for g, spans in hits.spans.items()
                    if any(sp[0] >= pos for sp in spans)})


def _settlements_in(s: Sentence, by_sentence: dict[int, list[PlaceMention]]) -> list[PlaceMention]:
    return [pm for pm in by_sentence.get(s.index, []) if pm.place is not None and not pm.place.is_area]


def _with_places_of_own_tolls(s: Sentence, places: list[PlaceMention], cands: list[Candidate]) -> list[PlaceMention]:
    """"Shelling killed two civilians in Nikopol and one in Marhanets": a place the sentence gives its own
    toll beside the linked one is a place of the event too."""
    if not places:
        return places
    here = [c.mention for c in cands if c.source == "sentence" and not c.mention.place.is_area]
    split = own_tolls(s, here)
    if len(split) < 2 or not any((pm.start, pm.end) in split for pm in places):
        return places
    return places + [pm for pm in here if (pm.start, pm.end) in split and pm not in places]


def _date_of(follow: tuple[Sentence, list] | None, ref: date | None):
    """The day the sentence that placed an undated event gives ("... said Bonang, who represents Nzakoundou,
    the village attacked Thursday"): the event's day. A month there ("the military, which seized power in
    February 2021, said ...") tells of something else."""
    if follow is None:
        return None
    days = [d for d in shift_dates(find_dates(follow[0].text, ref), follow[0].start)
            if not d.reporting and d.precision == "day"]
    return (days[0].date, days[0].precision, (days[0].start, days[0].end)) if days else None


_SEVERAL_ATTACKS = re.compile(r"(?i)\b(?:two|three|four|five|several|separate|a series of|multiple|twin)\s+"
                              r"(?:\w+\s+)?(?:attacks|raids|strikes|assaults|ambushes)\b|\battacks\s+on\s+(?:\w+\s+)?villages\b")


def _placed_by_toll(unplaced: EventMention | None, mentions: list[EventMention], s: Sentence, places: list,
                    here, ex: Extractors, found: list) -> bool:
    """"Suspected jihadists killed 27 people in two attacks in northern Burkina Faso." / "At least 15 people were
    killed late on Sunday at Bourasso in Kossi province.": a lead told without a place below its country, then
    a toll at a place, is that event there (when no other event came between)."""
    if unplaced is None or not places or not 0 < s.index - unplaced.sentences[0].index <= 4:
        return False
    lead = unplaced.sentences[0].text
    one_village = unnamed_settlement(lead) and not _SEVERAL_ATTACKS.search(lead)
    if not _SEVERAL_ATTACKS.search(lead) and not one_village:
        return False    # only a lead that sums up attacks, or leaves its village unnamed, goes on to place them
    if any(m.sentences[-1].index > unplaced.sentences[0].index and m.when == unplaced.when for m in mentions):
        return False    # another event of its day came between (an earlier day's back-story does not count)
    towns = [pm for pm in places if pm.place is not None and not pm.place.is_area]
    if one_village and len(towns) == 1 and count_fatalities(s.text) is not None:
        # "killed 160 civilians in a village in Burkina Faso's north ... In Solhan, local sources said they
        # had recovered a total of 160 bodies": the village, named with its dead
        pm = towns[0]
        mentions.append(replace(unplaced, place=pm.place, place_span=(pm.start, pm.end),
                                actor_spans=dict(unplaced.actor_spans)))
        return True
    added = [unplaced]
    if not casualty_followup(added, s, places, here, ex.actors, found):
        return False
    mentions += added[1:]
    return True


def one_sentence_paragraphs(sentences: list[Sentence]) -> bool:
    """A wire report's layout: its paragraphs hold a sentence or two, so a paragraph break says nothing about
    whether the next sentence goes on about the same event."""
    sizes = Counter(s.paragraph for s in sentences)
    return len(sizes) >= 4 and len(sentences) <= 2 * len(sizes)


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


# an item of a daily report: a place as its label, then what happened there ("Shalyhyne hromada: artillery
# shelling (11 explosions).")
_REPORT_ITEM = re.compile(r"^\W{0,3}[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}(?: (?:hromada|community|district|raion|"
                          r"municipality|township|village|town|city|region|oblast))?:\s+\S")
_SINCE = re.compile(r"\b(?:occupied|controlled|held|besieged|blockaded|under (?:\w+ )?(?:occupation|control|siege))\b"
                    r"[^.;]{0,40}\bsince\b", re.I)
# "Several explosions have been reported since Russia occupied the city": a tally over time, not an event (but
# "have shelled the city since the morning" is one day's)
_IN_SINCE_CLAUSE = re.compile(r"\b(?:ever\s+)?since\s+(?:[\w'’-]+\s+){1,4}$", re.I)
_SINCE_THEN = re.compile(r"\bsince\s+(?!(?:the\s+|this\s+|early\s+|last\s+)?(?:morning|dawn|midnight|night|evening|"
                         r"afternoon|today|yesterday|overnight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                         r"Sunday)\b)(?:then\b|(?:the\s+)?[\w-]+\s+(?:\w+\s+)?(?:occupied|seized|captured|took|began|started|"
                         r"launched|invaded|declared))", re.I)
# "the part of Kherson region held by Russian forces": who holds the place, not who acted
_CONTROLLER_BEFORE = re.compile(r"\b(?:held|controlled|occupied|run|administered|governed) by (?:the )?$|"
                                r"\bunder (?:the )?(?:control|occupation|rule) of (?:the )?$", re.I)


