"""Second looks at a sentence's classification that need more than its cue hits: the weapon a neighbouring
sentence names, who fires (gunmen attack, an army shells), and an army's strike with no weapon named.
"""
from __future__ import annotations

import re
from functools import lru_cache

from sitrep.data import load_yaml
from sitrep.events.actor_roles import NON_STATE, OWN_FORCES, is_armed_group, is_military
from sitrep.events.actors import ActorMention
from sitrep.events.classify import Classification, CueHits, CueLexicon
from sitrep.nlp.fatalities import count_fatalities
from sitrep.nlp.sentences import Sentence


_WEAPONS = {"w_ied": "Remote explosive/landmine/IED", "w_air": "Air/drone strike",
            "w_artillery": "Shelling/artillery/missile attack"}


def with_neighbour_weapons(cls: Classification, s: Sentence, sentences: list[Sentence],
                           cues: CueLexicon) -> Classification:
    """"Russian attacks killed one resident. One shell hit the yard...": the weapon named in the next or
    previous sentence of the paragraph says what kind of attack it was; so it does for an explosion of unstated
    cause ("A powerful explosion occurred in Melitopol. An official was inside the car that exploded.")."""
    unstated = cls.sub_event_type == "Shelling/artillery/missile attack" and not cls.hits.has("w_shelling_act")
    if (cls.sub_event_type != "Attack" and not unstated) or any(cls.hits.has(g) for g in _WEAPONS):
        return cls
    for n in (s.index + 1, s.index - 1):
        if n == s.index + 1 and n < len(sentences) and _ANOTHER_INCIDENT.match(sentences[n].text):
            continue    # "In a separate incident, a drone struck ...": another attack, another weapon
        if 0 <= n < len(sentences) and (sentences[n].paragraph == s.paragraph or _one_sentence_lead(s, sentences, n)):
            nh = cues.hits(sentences[n].text)  # (memoised per sentence text by the lexicon)
            if nh.has("a_battle"):
                continue    # "The ambush ... attacked an army patrol with assault rifles and mortars": a fight
            for g, sub in _WEAPONS.items():
                if nh.has(g):
                    return Classification(sub, cls.trigger, cls.hits)
    if unstated and _BLAST.search(s.text) and _OFFICE_HOLDER.search(s.text):
        # "A local collaborator was killed in an explosion in Melitopol": a blast of unstated cause that kills an
        # office holder, no shell or drone named nearby, is a planted bomb
        return Classification("Remote explosive/landmine/IED", cls.trigger, cls.hits)
    return cls


_BLAST = re.compile(r"\b(?:explosions?|blasts?)\b", re.I)
_OFFICE_HOLDER = re.compile(r"\b(?:collaborators?|officials?|head|chief|commander|mayor|deputy|politician|judge|"
                            r"administrator|governor|prosecutor|lawmaker|MP|councillor|councilor)\b")


_ANOTHER_INCIDENT = re.compile(r"^\W*(?:in\s+(?:a|another)\s+(?:separate\s+)?(?:incident|attack|development)|separately|"
                               r"meanwhile|elsewhere|in\s+other\s+(?:news|developments)|(?:the\s+)?(?:following|next)\s+day|"
                               r"a\s+day\s+later)\b", re.I)


def spread_over_places(cls: Classification, hits: CueHits, found: list[ActorMention], settlements: int) -> Classification:
    """"Russians killed 5 residents of Donetsk Oblast: two in Antonivka and one each in Siversk and Chasiv Yar":
    an army's killings spread over several settlements in a day, with no close-range act named, are remote fire."""
    if cls.sub_event_type == "Attack" and settlements >= 2 and not hits.has("a_close_violence") and \
            not any(hits.has(g) for g in _WEAPONS) and is_military(found, cls):
        return Classification("Shelling/artillery/missile attack", cls.trigger, cls.hits)
    return cls


def _one_sentence_lead(s: Sentence, sentences: list[Sentence], n: int) -> bool:
    """Wire copy gives its lead a paragraph of its own; the paragraph after it goes on about the same attack."""
    alone = all(x.paragraph != s.paragraph for x in sentences[max(0, s.index - 1):s.index + 2] if x is not s)
    return alone and n == s.index + 1 and s.index <= 3


def gunfire_of_armed_group(cls: Classification, hits: CueHits, found: list[ActorMention]) -> Classification:
    """"The bandits opened fire on the farmers": gunmen firing at people is an attack at close range, not
    shelling (which "Russian troops fired on the village" is)."""
    if cls.sub_event_type == "Shelling/artillery/missile attack" and hits.has("a_fire_at") and not (
            hits.has("w_artillery") or hits.has("w_shelling_act")) and is_armed_group(found, cls):
        return Classification("Attack", cls.trigger, cls.hits)
    return cls


_PLUPERFECT_RELATIVE = re.compile(r"\b(?:who|which|that)\s+had\s+(?:been\s+)?(?:\w+ly\s+)?$", re.I)


def without_pluperfect_clauses(hits: CueHits, text: str) -> CueHits:
    """"resistance groups attacked troops who had occupied the village": an act in a pluperfect relative clause
    tells the background of the noun it describes; the sentence's event is another cue's, when it has one."""
    inside = {sp for g, spans in hits.spans.items() if g.startswith("a_") for sp in spans
              if _PLUPERFECT_RELATIVE.search(text[max(0, sp[0] - 40):sp[0]])}
    if not inside or not any(sp not in inside for g, spans in hits.spans.items() if g.startswith("a_") for sp in spans):
        return hits
    return CueHits({g: [sp for sp in spans if sp not in inside] for g, spans in hits.spans.items()})


def without(hits: CueHits, span: tuple[int, int]) -> CueHits:
    """The cue hits of a sentence less those at `span`."""
    return CueHits({g: [sp for sp in spans if sp != span] for g, spans in hits.spans.items()})


def _group_attacked(found: list[ActorMention], s: Sentence, span: tuple[int, int]) -> bool:
    """An armed group is the object right after the strike verb ("attacked (militant group) al Shabaab")."""
    return any(a.start >= span[1] and (a.actor.inter in NON_STATE or a.actor.side == "UNKNOWN") and
               re.fullmatch(r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}", s.text[span[1]:a.start]) for a in found)


def unspecified_attack(hits: CueHits, s: Sentence, sentences: list[Sentence], cues: CueLexicon,
                       found: list[ActorMention]) -> Classification | None:
    """"Russian forces struck the village" / "attacks killed one resident": an army's attack with no weapon
    named. The weapon named in a neighbouring sentence decides; else ACLED's usual reading of an army's
    unspecified attack on a place, remote shelling."""
    span = hits.first("a_strike_verb")
    if span is None or hits.has("m_disaster"):
        return None
    base = Classification("Shelling/artillery/missile attack", span, hits)
    neighbour = with_neighbour_weapons(Classification("Attack", span, hits), s, sentences, cues)
    if neighbour.sub_event_type != "Attack":
        return neighbour
    inside = [a for a in found if span[0] <= a.start and a.end <= span[1]]
    if _UNDER_FIRE.search(s.text[span[0]:span[1]]) and inside and \
            inside[-1].actor.inter in ("State forces", "External/Other forces"):
        return _by_its_usual_means(base, found, s)   # "the community was under Russian fire": an army's fire
    if _forces_targeted(s, sentences) and not _STATE_ATTACKER.search(s.text[:span[0]]):
        # "Twenty soldiers were killed in an attack by terrorists", "militants attacked a police post": an
        # armed group (named or not) against a state's forces, no weapon named: ACLED's armed clash. The army
        # named here is the one hit, not the one firing.
        return Classification("Armed clash", span, hits)
    if is_military(found, base) and _group_attacked(found, s, span):
        return Classification("Armed clash", span, hits)    # "the army attacked militant group al Shabaab": a fight
    if is_military(found, base) or OWN_FORCES.search(s.text[:span[0]]):   # "the ministry said its forces hit"
        return _by_its_usual_means(base, found, s)
    by_group = [a for a in found if a.start > span[1] and re.fullmatch(
        r"\s+(?:(?:staged|carried\s+out|launched|mounted|perpetrated|led)\s+)?by\s+(?:the\s+)?(?:suspected\s+)?"
        r"(?:(?:[\w-]+\s+){1,3}(?:from|of)\s+(?:the\s+)?)?", s.text[span[1]:a.start], re.I)]
    if is_armed_group(found, base) or is_armed_group(by_group, Classification("Attack", (len(s.text), 0), hits)):
        # gunmen, militants, a rebel group (also "an attack by gunmen"): at close range, on people or a place
        strike = STRIKE_NOUN.search(s.text)     # ... unless the text calls it a strike: "an RSF strike on the camp"
        return Classification("Shelling/artillery/missile attack", strike.span(), hits) if strike \
            else Classification("Attack", span, hits)
    strike = STRIKE_NOUN.search(s.text)
    if strike and (hits.has("t_civilian") or count_fatalities(s.text) is not None):
        # "The strike hit Kakhovka, killing three": a strike of unnamed delivery, ACLED's missile/shelling
        return Classification("Shelling/artillery/missile attack", strike.span(), hits)
    on_place = _STRIKES_ON_PLACE.search(s.text)
    if on_place:
        # "Local authorities also reported strikes on Dnipro and Mykolayiv": strikes on a named place, no one named
        return Classification("Shelling/artillery/missile attack", on_place.span("noun"), hits)
    onslaught = ATTACK_NOUN.search(s.text)
    if onslaught and hits.has("t_civilian") and count_fatalities(s.text) is not None:
        # "Seven people were killed in an attack in central Mali": people killed by an unnamed attacker with
        # no weapon named, ACLED's attack on civilians by an unidentified armed group
        return Classification("Attack", onslaught.span("noun"), hits)
    return _shelling_told_before(s, sentences, cues, span, hits)


_STRIKE_WORD = re.compile(r"\b(?:strikes?|struck)\b", re.I)


@lru_cache(maxsize=1)
def _strike_means() -> dict[str, str]:
    return load_yaml("lexicons/strike_means.yaml") or {}


def _by_its_usual_means(base: Classification, found: list[ActorMention], s: Sentence) -> Classification:
    """"An Israeli strike hit tents": a strike with no weapon named, by forces that strike from the air (see
    data/lexicons/strike_means.yaml), is an air strike; an army's otherwise is shelling or missile fire."""
    acting = [a for a in found if a.start <= base.trigger[0] and a.actor.inter in ("State forces", "External/Other forces")]
    if not acting or not _STRIKE_WORD.search(s.text):
        return base
    means = _strike_means().get(acting[-1].actor.country or "")
    return Classification(means, base.trigger, base.hits) if means else base


def _forces_targeted(s: Sentence, sentences: list[Sentence]) -> bool:
    """A state's forces are the target: said here, or said just before of the camp or base this sentence names
    ("six soldiers were killed in a raid on a military base ... The gunmen attacked the Sabon Gari camp")."""
    if FORCES_TARGETED.search(s.text):
        return True
    return bool(_POST_NOUN.search(s.text)) and s.index > 0 and bool(FORCES_TARGETED.search(sentences[s.index - 1].text))


def _shelling_told_before(s: Sentence, sentences: list[Sentence], cues: CueLexicon, span: tuple[int, int],
                          hits: CueHits) -> Classification | None:
    """"Russian troops shelled five communities ... The communities of A, B and C came under attack": a
    sentence that only says places came under attack goes on about the shelling told just before it."""
    if not _CAME_UNDER.search(s.text[span[0]:span[1]]):
        return None
    for prev in reversed(sentences[max(0, s.index - 3):s.index]):
        before = cues.hits(prev.text)
        if before.has("w_shelling_act") or before.has("w_artillery") or _UNDER_FIRE.search(prev.text):
            return Classification("Shelling/artillery/missile attack", span, hits)
        if before.has("w_air"):
            return Classification("Air/drone strike", span, hits)
    return None


_FORCE_WORDS = r"soldiers|troops|servicemen|policemen|police(?:\s+officers)?|gendarmes|security\s+(?:forces|personnel)|" \
               r"army|military|peacekeepers|border\s+guards|peshmerga|gendarmerie|national\s+guard|guardsmen|militiamen"
_FORCES = rf"(?:{_FORCE_WORDS})"
_POST = r"(?:post|base|position|checkpoint|camp|station|convoy|patrol|barracks|outpost|garrison)s?"
FORCES_TARGETED = re.compile(
    rf"\b{_FORCES}\s+(?:[^\s.]+\s+){{0,4}}(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|attacked|"
    rf"ambushed|targeted)\b"
    rf"|\b(?:attack(?:ed|s|ing)?|raid(?:ed|s|ing)?|ambush(?:ed|ing)?|storm(?:ed|ing)?|target(?:ed|ing)?|assault(?:ed|s)?|"
    rf"overran)\s+(?:on\s+|against\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}(?:police|military|army|security|"
    rf"gendarmerie)\s+{_POST}\b"
    rf"|\battacks?\s+(?:on|against)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}(?:{_FORCE_WORDS}|forces)\b"   # "an attack on Peshmerga"
    rf"|\b(?:killing|killed|kill)\s+(?:at\s+least\s+)?(?:\d+|[a-z]+)\s+(?:[\w-]+\s+)?(?:soldiers|troops|policemen|"
    rf"police\s+officers|gendarmes|servicemen)\b"
    rf"|\b(?:left|leaving)\s+(?:at\s+least\s+)?(?:\d+|[a-z]+)\s+(?:[\w-]+\s+)?(?:{_FORCE_WORDS})\s+(?:dead|killed)\b"
    rf"|\b(?:military|army|police)\s+{_POST}\s+(?:[^\s.]+\s+){{0,10}}(?:were|was)\s+(?:\w+\s+)?(?:attacked|targeted|"
    rf"overrun|raided|stormed)\b", re.I)
_POST_NOUN = re.compile(rf"\b{_POST}\b", re.I)
# a state's forces acting before the trigger ("Russian troops attacked Ukrainian positions") keep their reading
_STATE_ATTACKER = re.compile(r"\b(?:Russian|Ukrainian|Israeli|Sudanese army|junta|the army|the military|troops of)\b"
                             r"(?:\s+\w+){0,3}\s+(?:attacked|struck|hit|targeted|raided|stormed)\b", re.I)
_STRIKES_ON_PLACE = re.compile(r"\b(?P<noun>strikes?) (?:on|against|targeting) (?:the )?(?:(?:city|town|village|port) of )?"
                               r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                               r"April|May|June|July|August|September|October|November|December)\b)[A-Z]")
_UNDER_FIRE = re.compile(r"\b(?:came|come|comes|was|were) under (?:\w+ ){0,2}fire\b", re.I)
_CAME_UNDER = re.compile(r"\b(?:came|come|comes|coming) under\b|\b(?:was|were) (?:\w+ )?(?:attacked|hit|struck|targeted|under)\b",
                         re.I)
ATTACK_NOUN = re.compile(r"\b(?:an?|another|deadly|terrorist|armed|overnight|night|fresh|new|"   # not "the attack": told before
                         r"the\s+(?:latest|deadliest|most\s+recent))\s+"                   # ... but "the latest attack" is new
                         r"(?:\w+\s+)?(?P<noun>attacks?|assaults?|raids?|ambush(?:es)?)\b", re.I)
STRIKE_NOUN = re.compile(r"\b(?:the|an?|another|one|second|latest|overnight|russian|ukrainian|israeli|missile)\s+"
                          r"(?:\w+\s+)?strikes?\b(?=\s+(?:\w+\s+){0,2}(?:hit|struck|killed|destroyed|damaged|"
                          r"wounded|injured|on|in|near)\b)", re.I)
