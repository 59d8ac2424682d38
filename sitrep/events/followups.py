"""Sentences that go on about an event already read: a toll at a new place, a consequence, a pronoun subject,
a detail sentence on a place already struck. Daily summaries and wire reports tell one event over several
sentences; these keep it one event (or one per place) instead of losing or repeating it.
"""
from __future__ import annotations

import re

from sitrep.events.actors import ActorLexicon, ActorMention
from sitrep.events.classify import Classification, CueLexicon
from sitrep.events.clauses import own_tolls
from sitrep.events.mention import EventMention
from sitrep.geo.place import PlaceMention
from sitrep.nlp.fatalities import count_fatalities, count_injured
from sitrep.nlp.sentences import Sentence


def told_before(mentions: list[EventMention], pm: PlaceMention, cls: Classification,
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


def tolls_of_places_told(mentions: list[EventMention], s: Sentence, places: list[PlaceMention]) -> bool:
    """"The attacked villages were Rini, Gora ... the council prayed for 17 dead people in Rini and about 10
    others in Gora": a later sentence that gives places of events already told a figure each is their tolls."""
    split = own_tolls(s, places)
    if len(split) < 2:
        return False
    told = []
    for pm in places:
        if (pm.start, pm.end) not in split:
            continue
        m = next((m for m in reversed(mentions) if m.place is not None and m.place.name == pm.place.name
                  and m.place.admin1 == pm.place.admin1), None)
        if m is None or m.own_toll is not None:
            return False
        told.append((m, split[(pm.start, pm.end)]))
    for m, toll in told:
        m.own_toll, m.toll_sentence = toll, s
    return True


def casualty_followup(mentions: list[EventMention], s: Sentence, places: list[PlaceMention], here,
                      lex: ActorLexicon, found: list[ActorMention]) -> bool:
    """A toll at a new place right after an event ("6 dead in the Chuhuiv community") is the same kind of
    event there: daily summaries list places and tolls without repeating the verb."""
    if not mentions or not places:
        return False
    last = mentions[-1]
    if s.index - last.sentences[-1].index > 3:
        return False
    toll = count_fatalities(s.text)
    if toll is None or toll.value == 0 and count_injured(s.text) is None or toll.cumulative:
        return False    # (a running total, "944 killed since the state of siege", is no new event)
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


_TOLL_WORD = re.compile(r"\btoll\b", re.I)


def updates_a_told_toll(mentions: list[EventMention], s: Sentence, cls: Classification,
                        places: list[PlaceMention]) -> bool:
    """"The death toll among civilians killed in an attack on Alchevsk rose to nine": an event noun inside a
    toll statement names an event the article already told there (or just before, when no place is named); the
    figure is that event's toll, and no new event."""
    toll = count_fatalities(s.text)
    if toll is None or toll.cumulative or not toll.start <= cls.trigger[0] < toll.end or \
            not _TOLL_WORD.search(toll.text):
        return False
    named = {(pm.place.name, pm.place.admin1) for pm in places if pm.place is not None}
    told = [m for m in reversed(mentions) if m.place is not None and s.index - m.sentences[-1].index <= 6 and
            ((m.place.name, m.place.admin1) in named or not named)]
    if not told:
        return False
    if told[0].toll_sentence is None and count_fatalities(" ".join(x.text for x in told[0].sentences)) is None:
        told[0].toll_sentence = s
    return True


def _country_of_places(places: list[PlaceMention]) -> str | None:
    return next((pm.place.country for pm in places if pm.place is not None and pm.place.country), None)


# "It also seized Kanyabayonga", "At Kazarahoyo, the attackers killed five": who acts is who acted just before
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:(?:at|in|on|near) [^,]{1,40},\s*)?(?:(?:it|they|he|she)|the (?:group|rebels|"
                              r"militants|fighters|militia|movement|insurgents|jihadists|army|military|forces|troops|"
                              r"gang|attackers|assailants|raiders))\b(?! (?:is|was|were|are) "
                              r"(?:reported|said|believed|unclear))", re.I)


_STATE_NOUN = re.compile(r"\b(?:army|military|forces|troops)\b")


def carry_pronoun_subject(m: EventMention, s: Sentence, previous: list[EventMention]) -> None:
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


def maybe_extend(mentions: list[EventMention], s: Sentence, here=None, wire: bool = False) -> None:
    """A sentence right after an event that only adds its consequence joins that event's evidence; when it
    dates the event ("The incident happened late last month.") and the event had no date of its own, that
    date is the event's. In a wire report (`wire`: a paragraph per sentence) the next paragraph is the next
    sentence of the story ("The gunmen attacked the village." / "We have counted about 25 bodies.")."""
    if not mentions:
        return
    last = mentions[-1]
    prev = last.sentences[-1]
    adjacent = s.index == prev.index + 1 and (s.paragraph == prev.paragraph or _CONSEQUENCE.match(s.text) or
                                              wire)
    # "... shelled the village of Belevitsa. ... 'There are no casualties,' he said.": a statement that nobody
    # was hurt, up to three sentences on, is said of the event before it; so are injuries alone ("Unfortunately,
    # one person was injured."): nobody died in it
    toll = count_fatalities(s.text)
    nobody = (bool(_NOBODY_HURT.search(s.text)) or (toll is not None and toll.value == 0)) and \
        0 < s.index - prev.index <= (REPORT_REACH if closes_the_report(s) else 3)
    dated_here = here is not None and here[2] is not None and bool(
        _HAPPENED.search(s.text[max(0, here[2][0] - s.start - 50):max(0, here[2][0] - s.start)]))
    if not (adjacent or nobody) or not (_CONSEQUENCE.match(s.text) or toll is not None or (adjacent and dated_here)):
        return
    # the event's date was only the day it was reported ("..., news platforms reported on Tuesday"): the day
    # the next sentence says it happened ("The explosives detonated ... on May 23") is its own
    undated = last.date_span is None or (last.precision == "week" and here is not None and here[1] == "day")
    if here is not None and here[0] != last.when and not (dated_here and undated):
        return    # "On 11 February, one person was killed ...": another day's toll, not this event's
    for m in mentions:
        if m.sentences[-1].index == prev.index or (nobody and _ALL_OF_THE_REPORT.search(s.text) and
                                                   m.when == last.when and 0 < s.index - m.sentences[-1].index <= 8):
            # "Pokrovsk hromada came under fire ... Lysak noted that there were no casualties": a report's
            # closing word that nobody was hurt is said of every attack it listed that day
            m.sentences.append(s)
            if dated_here and undated:
                m.when, m.precision, m.date_span = here


# the date a following sentence gives the event itself ("The incident happened late last month"), not one of
# something else it names ("The attacks came as ... the war that began in February 2022")
_HAPPENED = re.compile(r"\b(?:happened|occurred|took place|was carried out|were carried out|detonated|exploded|"
                       r"went off|blew up|was blown up|were blown up)\b[^.;]*$", re.I)


_NOBODY_HURT = re.compile(r"\b(?:no (?:casualties|victims|injuries|one was (?:hurt|injured|killed))|nobody was (?:hurt|"
                          r"injured|killed)|there (?:were|are|was) no (?:casualties|victims|injured)|without casualties|"
                          r"(?:people|civilians|residents) (?:were|was) not (?:hurt|injured|killed))\b", re.I)


REPORT_REACH = 6   # sentences a report's closing "there were no casualties" reaches back over (captions, credits)


def closes_the_report(s: Sentence) -> bool:
    """"Lysak noted that there were no casualties": a report's closing word on all it listed."""
    return bool(_ALL_OF_THE_REPORT.search(s.text))


_ALL_OF_THE_REPORT = re.compile(r"\b(?:there (?:were|was) no (?:casualties|victims|injured)|no casualties (?:were|have "
                                r"been) reported|(?:noted|said|added|reported) (?:that )?there (?:were|was) no|"
                                r"people (?:were|was) not (?:hurt|injured))\b", re.I)


def continues(mentions: list[EventMention], s: Sentence) -> bool:
    """A sentence right after the last event's sentence with no place of its own goes on about that event."""
    return bool(mentions) and mentions[-1].sentences[-1].index == s.index - 1 and _CONSEQUENCE.match(s.text) is not None


_CONSEQUENCE = re.compile(r"^\W*(?:as a result|consequently|the (?:attack|strike|shelling|blast|explosion|incident)s?|"
                          r"(?:this|it) (?:happened|occurred|took place)|"
                          r"(?:he|she|they) (?:was|were|died)|in the attack|the victims?)\b", re.I)


_WHEN_IT_HAPPENED = re.compile(r"^\W*the\s+(?:\w+\s+)?(?:attack|assault|raid|strike|bombing|blast|explosion|ambush|"
                               r"incident|massacre|offensive)s?,?\s+(?:which\s+)?(?:\w+\s+)?"
                               r"(?:occurred|happened|took\s+place|was\s+carried\s+out|began|started)\b", re.I)


def dates_the_last(mentions: list[EventMention], s: Sentence, here) -> bool:
    """"The attack, which occurred in the early hours of Sunday, saw insurgents arrive on motorcycles": the
    sentence right after an event that says when "the attack" happened dates that event, when it had only the
    day it was reported; it is no new event."""
    if not mentions or here is None or here[2] is None or not _WHEN_IT_HAPPENED.match(s.text):
        return False
    last = mentions[-1]
    if not 0 < s.index - last.sentences[-1].index <= 2 or last.date_span is not None:
        return False
    last.when, last.precision, last.date_span = here
    last.sentences.append(s)
    return True


_REPRISE = re.compile(r"^\W*the\s+(?:(?:deadly|latest|overnight|fresh|gang|rebel|militant)\s+)?(?:attack|assault|raid|"
                      r"offensive|incursion)\s+(?:on|in|against)\s+(?:the\s+)?[A-Z]", re.I)


def reprises_the_last(mentions: list[EventMention], s: Sentence) -> bool:
    """"Gangs attacked the capital early Tuesday ... The attack on Pétionville was led by the Viv Ansanm group":
    "the attack on X" right after an event goes on about that event (who led it, where exactly); it is no new
    event, unless it gives a toll of its own."""
    if not mentions or not _REPRISE.match(s.text) or count_fatalities(s.text) is not None:
        return False
    last = mentions[-1].sentences[-1].index
    return 0 < s.index - last <= 2


_RESPONSIBILITY = re.compile(r"\b(?:claimed|claims|has claimed|have claimed|took|has taken|accepted|admitted)\s+"
                             r"(?:the\s+)?responsibility\b", re.I)


def responsibility_claimed(mentions: list[EventMention], s: Sentence, found: list[ActorMention]) -> bool:
    """"A car bomb exploded outside the base ... Al Shabaab claimed responsibility for the attack": the group
    that claims the attack just told is its author (ACLED's actor1), when the report named none. No new event."""
    said = _RESPONSIBILITY.search(s.text)
    if not mentions or said is None:
        return False
    groups = [a for a in found if a.end <= said.start() and a.actor.side not in ("UNKNOWN", "CIV")
              and a.actor.inter not in ("Civilians", "Protesters")]
    recent = [m for m in mentions if 0 < s.index - m.sentences[-1].index <= 2]
    if not groups or not recent:
        return False
    for m in recent:
        if m.actor1 is None or m.actor1.side == "UNKNOWN":
            m.actor1 = groups[-1].actor
    return True


def places_the_lead(m: EventMention, unplaced: EventMention | None, mentions: list[EventMention],
                    cues: CueLexicon) -> None:
    """"Twenty-four civilians have been killed in an attack by separatist gunmen in Cameroon, the mayor said. /
    Separatists on Sunday attacked the village of Obonyi II": a wire lead told without a place below its
    country, then the first event after it, of its kind, at one place, is that event placed: the lead's toll
    and attacker are its own when its sentence gives none."""
    if unplaced is None or not 0 < m.sentences[0].index - unplaced.sentences[0].index <= 2:
        return
    lead = unplaced.sentences[0].index
    if any(o.sentences[-1].index > lead - 4 for o in mentions):
        return    # another event came just before or between: the unplaced toll may be that one's
    # (an attack on people and the assault or capture it is also told as are one kind here)
    if _fight_kind(cues, unplaced.cls.sub_event_type, captures=True) != \
            _fight_kind(cues, m.cls.sub_event_type, captures=True):
        return
    lead_toll = count_fatalities(unplaced.sentences[0].text)
    if lead_toll is None or lead_toll.value == 0 or lead_toll.cumulative or \
            count_fatalities(m.sentences[0].text) is not None:
        return
    m.lead = unplaced.sentences[0]
    if (m.actor1 is None or m.actor1.side == "UNKNOWN") and unplaced.actor1 is not None:
        m.actor1 = unplaced.actor1
    if m.actor2 is None:
        m.actor2 = unplaced.actor2


# ("the mosque attack", "the deadly market bombing": a word or two naming the event's target or kind between)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+(?:(?:same|deadly|brutal|latest)\s+)?(?:[a-z][\w-]*\s+)?$")
_EVENT_NOUN = re.compile(r"(?:massacre|attack|assault|raid|ambush|killings?|bombing|incident|violence|carnage|"
                         r"slaughter)s?$", re.I)
_PLACED_AFTER = re.compile(r"^\s+(?:on|in|at|near|against|targeting)\s+(?:the\s+)?(?:\w+\s+){0,2}[A-Z]")


def names_the_last_event(mentions: list[EventMention], s: Sentence, cls: Classification, cues: CueLexicon) -> bool:
    """"Mukohe said he had counted 21 bodies at the site of the massacre, some 30 km west of Oicha": the
    definite noun names the event just told (another witness's count, where its site is); no new event
    ("the attack on Petionville" places one, `reprises_the_last`)."""
    a, b = cls.trigger
    if not mentions or not _EVENT_NOUN.fullmatch(s.text[a:b]) or not _DEFINITE_BEFORE.search(s.text[:a]) or \
            _PLACED_AFTER.match(s.text[b:]):
        return False
    last = mentions[-1]
    generic = bool(_GENERIC_NOUN.fullmatch(s.text[a:b]))   # "confirmed the attack": whatever the attack was
    return 0 < s.index - last.sentences[-1].index <= 4 and \
        (generic or _fight_kind(cues, last.cls.sub_event_type) == _fight_kind(cues, cls.sub_event_type))


_GENERIC_NOUN = re.compile(r"(?:attack|assault|raid|incident|violence)s?$", re.I)


def _fight_kind(cues: CueLexicon, sub: str, captures: bool = False) -> str:
    """The event type, an attack on people counted with the armed clash it is often first read as (and, with
    `captures`, with the capture or recapture of a place)."""
    if captures and sub in ("TERRITORY_CAPTURE", "TERRITORY_REGAIN"):
        return "Battles"
    kind = cues.event_type_of.get(sub, sub)
    return "Battles" if kind == "Violence against civilians" else kind
