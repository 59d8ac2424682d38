"""Where an event is when its sentence names no place of its own, and which of a sentence's places count.

The place linker (`place_link`) chooses among the places a sentence and its neighbours name. These are the
fallbacks for sentences it leaves without one: a regional institution that acted ("the Kherson regional
administration said"), the next sentence that says where ("The confrontation occurred in ..."), the region or
town the paragraph is about. Also here: the country a sentence's or article's places lie in.
"""
from __future__ import annotations

import re

from sitrep.events.actors import ActorMention
from sitrep.events.places import event_places, institution_regions, is_demonym, names_country
from sitrep.geo import Geocoder
from sitrep.geo.place import PlaceMention
from sitrep.nlp.sentences import Sentence


def in_clause(pm: PlaceMention, s: Sentence, clause: list[tuple[int, int]]) -> bool:
    a, b = pm.start - s.start, pm.end - s.start
    return not clause or any(x <= a and b <= y for x, y in clause)


def outside_actors(mentions: list[PlaceMention], actors: list[ActorMention], s: Sentence) -> list[PlaceMention]:
    """A place inside an actor's name ("the Kiev regime", "Kharkiv police") says who, not where."""
    spans = [(s.start + a.start, s.start + a.end) for a in actors]
    return [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)]


def article_country(mentions: list[PlaceMention]) -> str | None:
    """The country the article is most about. A dateline ("BANGKOK, June 30 -") is where the reporter files
    from, often a neighbour of the war it reports: it counts least."""
    counts: dict[str, float] = {}
    for m in mentions:
        if m.place and m.place.country and not is_demonym(m.name):
            weight = 0.5 if m.name.isupper() and len(m.name) > 3 else 3 if names_country(m) else 1
            counts[m.place.country] = counts.get(m.place.country, 0) + weight
    return max(counts, key=counts.get) if counts else None


def sentence_country(mentions: list[PlaceMention]) -> str | None:
    """The one country a sentence's places lie in ("In Mali, jihadists attacked ..." in a world round-up), else
    None: its actors are that country's."""
    for pool in (mentions, [m for m in mentions if not names_country(m)]):   # "eastern Congo ... North Kivu"
        found = {m.place.country for m in pool if m.place is not None and m.place.country}
        if len(found) == 1:
            return found.pop()
    return None


def places_by_sentence(mentions: list[PlaceMention], sentences: list[Sentence]) -> dict[int, list[PlaceMention]]:
    out: dict[int, list[PlaceMention]] = {}
    i = 0
    for m in sorted(mentions, key=lambda m: m.start):
        while i < len(sentences) and sentences[i].end <= m.start:
            i += 1
        if i < len(sentences) and sentences[i].start <= m.start < sentences[i].end:
            out.setdefault(i, []).append(m)
    return out


def institution_region(s: Sentence, mentions: list[PlaceMention], geocoder: Geocoder) -> list[PlaceMention]:
    for place in institution_regions(s.text, s.start, mentions):
        region = geocoder.region(place.admin1, place.country)
        if region is not None:
            return [PlaceMention(s.start, s.start, region.name, region)]
    return []


def placing_followup(s: Sentence, sentences: list[Sentence], by_sentence: dict[int, list[PlaceMention]],
                     countries: set[str]) -> tuple[Sentence, list[PlaceMention]] | None:
    """"Troops killed 19 gunmen in a shootout. The confrontation occurred in Culiacan...": the next sentence,
    when it goes on about the same event, says where it was."""
    if s.index + 1 >= len(sentences):
        return None
    nxt = sentences[s.index + 1]
    said = _ABOUT_IT.search(nxt.text) or _THE_ATTACKERS.match(nxt.text)
    named = _THE_ATTACK_ON.match(nxt.text)      # "The attack on Masagawa, 300 km north of Mogadishu, came ..."
    if not said and not named:
        return None
    places = event_places(nxt.text, nxt.start, by_sentence.get(nxt.index, []), countries)
    if named:
        places = [pm for pm in places if pm.start - nxt.start == named.end()]
    elif said.start() > 0:   # "the diocese said the attack which occurred in Segue ...": the place said of it
        places = [pm for pm in places if 0 <= pm.start - nxt.start - said.end() <= 40]
    return (nxt, places) if places else None


_UNNAMED_SETTLEMENT = re.compile(r"\b(?i:a|one|another)\s+(?:(?i:small|tiny|nearby|frontline|front-line|remote|"
                                 r"border)\s+|[A-Z][a-z]+\s+)?(?i:village|town|settlement|hamlet|locality)\b")
# "in a raid of four villages in Zamfara State": several settlements left unnamed, each named after
_UNNAMED_SETTLEMENTS = re.compile(r"\b(?i:two|three|four|five|six|seven|eight|nine|ten|several|a number of|\d+)\s+"
                                  r"(?:(?i:small|nearby|remote|border|neighbouring|neighboring)\s+)?"
                                  r"(?i:villages|towns|settlements|hamlets|localities|communities)\b")
# ("a Somali village": a demonym may stand before it)


def named_later(s: Sentence, places: list[PlaceMention], sentences: list[Sentence],
                by_sentence: dict[int, list[PlaceMention]], countries: set[str]) -> tuple[Sentence, list[PlaceMention]] | None:
    """"Its forces have captured a small village in the Donetsk region ... were now in control of Pobeda": the
    settlement a region-level report leaves unnamed, named in the next sentences inside that region."""
    regions = {(pm.place.country_code, pm.place.admin1) for pm in places if pm.place is not None}
    if not places or not all(pm.place is not None and pm.place.is_area and pm.place.geo_precision == 3
                             for pm in places):
        return None
    before = sentences[s.index - 1].text if s.index > 0 else ""
    several = bool(_UNNAMED_SETTLEMENTS.search(s.text))
    if not (several or _UNNAMED_SETTLEMENT.search(s.text) or _UNNAMED_SETTLEMENT.search(before)):
        return _introduced_later(s, regions, sentences, by_sentence, countries)
    for nxt in sentences[s.index + 1:s.index + 6]:
        towns = _towns_of(nxt, regions, by_sentence, countries)
        if several and len(towns) >= 2:
            return nxt, towns       # "The attacked villages were Gobirawa, Rini, Gora and Madoti Dankule"
        if towns and not several:
            return nxt, towns[:1]
    return None


def _introduced_later(s: Sentence, regions: set, sentences: list[Sentence], by_sentence: dict[int, list[PlaceMention]],
                      countries: set[str]) -> tuple[Sentence, list[PlaceMention]] | None:
    """"A car bomb in the Luhansk region killed an official ... wreckage strewn across the street in Starobilsk, a
    town in the Luhansk region": the one town of that region the next sentences introduce is where it was."""
    for nxt in sentences[s.index + 1:s.index + 4]:
        towns = _towns_of(nxt, regions, by_sentence, countries)
        if towns:
            intro = _INTRODUCED.match(nxt.text, towns[0].end - nxt.start)
            return (nxt, towns[:1]) if len(towns) == 1 and intro else None
    return None


def _towns_of(nxt: Sentence, regions: set, by_sentence: dict[int, list[PlaceMention]],
              countries: set[str]) -> list[PlaceMention]:
    """The settlements a sentence names inside the given (country code, admin1) regions."""
    return [pm for pm in event_places(nxt.text, nxt.start, by_sentence.get(nxt.index, []), countries)
            if not pm.place.is_area and (pm.place.country_code, pm.place.admin1) in regions]


_INTRODUCED = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:town|village|city|settlement|hamlet|locality)\s+(?:in|of|near)\b")


def unnamed_settlement(text: str) -> bool:
    """"a village was struck", "a Somali village": the sentence says a settlement without naming it."""
    return bool(_UNNAMED_SETTLEMENT.search(text))


def only_region(mentions: list[PlaceMention], countries: set[str]) -> PlaceMention | None:
    """The region an article is all about, when every place it names lies in that one region ("On Saturday, the
    governor said four civilians died when a village was struck" in a report on Bryansk region): an event with
    no place of its own is there. None when the article ranges over two regions or more."""
    placed = [m for m in mentions if m.place is not None and m.place.admin1 and m.place.country in countries]
    regions = {(m.place.country_code, m.place.admin1) for m in placed}
    if len(regions) != 1:
        return None
    return next((m for m in placed if m.place.is_area and m.place.geo_precision == 3), None)


def paragraph_region(s: Sentence, sentences: list[Sentence], by_sentence: dict[int, list[PlaceMention]],
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
        districts = {(m.place.name, m.place.admin1) for m in places if m.place.is_area and m.place.geo_precision == 2}
        if prev.index == s.index - 1 and not towns and len(districts) == 1:
            # "Five people were killed in Jiribam district ... One person was shot dead in his sleep": its district
            return next(m for m in places if m.place.is_area and m.place.geo_precision == 2)
        for m in places:
            if m.place.geo_precision == 3 and m.place.is_area:
                return m
    return None


_ABOUT_IT = re.compile(r"(?:^\W*|\b)the (?:confrontation|clash|clashes|fighting|shootout|shoot-out|raid|operation|ambush|"
                       r"assault|incident|attack|strike|blast|explosion)s?,? (?:which |that )?(?:occurred|occured|happened|took place)\b",
                       re.I)


# "The “terrorists” targeted a military detachment between Markoye and Tokabangou", "Friday's attack targeted a
# village named Binedama": the attackers or the attack of the sentence before, at the place where they struck
_THE_ATTACKERS = re.compile(r"\W*(?:(?:at dawn|at night|overnight|early (?:on )?\w+day|on \w+day|later|then),\s+)?"
                            r"(?:the\W+(?:attackers|assailants|gunmen|terrorists|militants|jihadists|insurgents|"
                            r"rebels|fighters|raiders|bandits|militiamen)|(?:the|\w+day['’]s)\s+(?:attack|assault|raid|"
                            r"strike|ambush|massacre|killings?))\W*\s+(?:\w+\s+){0,2}?(?:targeted|attacked|stormed|"
                            r"struck|raided|ambushed|hit|opened fire|set fire|overran|besieged)\b", re.I)
_THE_ATTACK_ON = re.compile(r"\W*the\s+(?:(?:deadly|latest|overnight|dawn|night)\s+)?(?:attack|assault|raid|ambush|"
                            r"massacre|strike|bombing)\s+(?:on|in|at)\s+(?:the\s+)?(?:(?:village|town|city|base|camp)\s+"
                            r"(?:of\s+)?)?", re.I)
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪]|\d{1,2}[.)])\s+")
