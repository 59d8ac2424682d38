"""Who acted and who was hit: actors of an event mention from the sentence's actor mentions and its parse.

The grammatical agent of the trigger wins, then a "by ..." phrase, then the last armed actor before the
trigger; protests and riots take their crowd as actor1. Placeholders of the classifier (who takes territory,
who detains) are settled here with ACLED's rules.
"""
from __future__ import annotations

import re

from sitrep.events.actors import Actor, ActorLexicon, ActorMention
from sitrep.events.classify import (ARREST_OR_ABDUCTION, TERRITORY_CAPTURE, TERRITORY_REGAIN, Classification,
                                    resolve_with_actors)
from sitrep.events.mention import EventMention
from sitrep.nlp.grammar import passive_subjects, roles
from sitrep.nlp.sentences import Sentence

_PLACEHOLDERS = (TERRITORY_CAPTURE, TERRITORY_REGAIN, ARREST_OR_ABDUCTION)

_REMOTE = ("Shelling/artillery/missile attack", "Air/drone strike")

NON_STATE = ("Rebel group", "Political militia", "Identity militia")     # armed, and not a state's
ARMED = ("State forces", "External/Other forces", *NON_STATE)

_NON_STATE_WORDS = re.compile(r"\b(?:militants?|rebels?|insurgents?|jihadists?|extremists?|fighters|guerrillas?|separatists?)\b", re.I)

MILITARY_BODY = re.compile(r"\b(?:defen[cs]e ministry|ministry of defen[cs]e|general staff|armed forces|army|military|"
                            r"defen[cs]e forces|command)\b", re.I)  # who reports its own side's actions

_WEAPON_NOUN = re.compile(r"\b(?:bombs?|missiles?|drones?|shells?|shelling|artillery|rockets?|aircraft|jets?|warplanes?|"
                          r"strikes?|airstrikes?|UAVs?|helicopters?|attacks?|fire|bombardment)\b", re.I)  # a force named by what it fires
OWN_FORCES = re.compile(r"\b(?:its|their|our) (?:own )?(?:forces|troops|army|military|soldiers|units|fighters)\b", re.I)


_SAYS_AFTER = re.compile(r"^[\w\s'’-]{0,60}?\b(?:said|says|reported|reports|told|stated|wrote|announced|claimed|"
                         r"added|confirmed)\b", re.I)
_SOURCE_BEFORE = re.compile(r"\b(?:according to|citing|cited by|reported by)\s+(?:the\s+)?$", re.I)


def is_source(a: ActorMention, sentence: str) -> bool:
    """"..., the DPR mission said": who reports it is neither attacker nor target; nor is "the administration
    on Friday clarified that 11 people were killed"."""
    return bool(_SAYS_AFTER.match(sentence[a.end:a.end + 70]) and a.end > len(sentence) // 2) or bool(
        _SOURCE_BEFORE.search(sentence[max(0, a.start - 20):a.start])) or bool(
        _SAYS_THAT_AFTER.match(sentence[a.end:a.end + 80])) or bool(_REPORTS_RIGHT_AFTER.match(sentence, a.end))


# "The Defence Headquarters (DHQ) has confirmed the loss of six soldiers during a raid by ISWAP": who confirms reports
# (not "The army said it had repelled an M23 assault": who tells of its own act is its author)
_REPORTS_RIGHT_AFTER = re.compile(r"(?:\s*\([^)]{1,15}\))?\s+(?:has |have |had |also |later |on \w+ )?(?:confirmed|"
                                  r"said|says|reported|announced|stated|acknowledged)\b"
                                  r"(?!\s+(?:on\s+)?(?:\w+day\s+|yesterday\s+|today\s+)?(?:that\s+)?"
                                  r"(?:it|they|its|their|we|our|he|she)\b)", re.I)   # "announced Friday it had launched"


_SAYS_THAT_AFTER = re.compile(r"^[\w\s'’,()-]{0,50}?\b(?:said|says|reported|claimed|announced|clarified|confirmed|"
                              r"stated|tweeted|told\s+[\w\s]{1,30}?)\s+that\b", re.I)


_ATTACK_NOUN_AFTER = re.compile(r"\s+(?:(?:suicide|car|bomb|gun|drone|rocket|mortar)\s+)?(?:attacks?|assaults?|raids?|"
                                r"ambush(?:es)?|offensive|bombings?|incursions?)\b", re.I)
_CLAIMED_BY_BEFORE = re.compile(r"\b(?:claimed by|blamed (?:by (?:the )?(?:[\w-]+ ){1,3})?on|attributed (?:by (?:the )?(?:[\w-]+ ){1,3})?to|"
                                r"carried out by)\s+(?:[\w-]+\s+){0,4}$", re.I)   # "attributed by the authorities to"


_NAMED_AS = re.compile(r"\b(?:known as|called|named|dubbed|calling (?:itself|themselves))\b", re.I)


def is_military(found: list[ActorMention], cls: Classification) -> bool:
    """The force named last before the trigger (the one acting) is an army, at home or abroad."""
    before = [a for a in found if a.start <= cls.trigger[0] and a.actor.side != "CIV"
              and a.actor.inter not in ("Civilians", "Protesters")]
    return bool(before) and before[-1].actor.inter in ("State forces", "External/Other forces") \
        and "police" not in before[-1].text.lower()

def is_armed_group(found: list[ActorMention], cls: Classification) -> bool:
    before = [a for a in found if a.start <= cls.trigger[0] and a.actor.side != "CIV"
              and a.actor.inter not in ("Civilians", "Protesters")]
    return bool(before) and before[-1].actor.inter in NON_STATE

def assign_actors(m: EventMention, s: Sentence, found: list[ActorMention], lex: ActorLexicon,
                   country: str | None) -> None:
    trig = m.cls.trigger[0]
    r = roles(s.text, m.cls.trigger)

    def inside(a: ActorMention, spans: list[tuple[int, int]]) -> bool:
        return any(a.start >= x and a.end <= y for x, y in spans)

    # the subject of a passive ("30 Ukrainian soldiers were eliminated") is the one hit, not the one acting
    # (a weapon is never the one hit: "three guided bombs were dropped on Vilniansk")
    armed = [a for a in found if a.actor.side != "CIV" and a.actor.inter != "Civilians"
             and (not inside(a, r.patient) or _WEAPON_NOUN.search(a.text)) and not is_source(a, s.text)]
    by_grammar = [a for a in armed if inside(a, r.agent)]
    if any(_NAMED_AS.search(s.text[x:y]) for x, y in r.agent):
        # "Members of an alliance of armed groups known as the CPC assaulted the town": the name over the description
        by_grammar.sort(key=lambda a: a.actor.side == "UNKNOWN")
    # "Two members of the security forces ... were wounded, and stores were set on fire": the subject of
    # another verb's passive was hit by it; it did not act in the trigger's clause
    hit = passive_subjects(s.text)
    before = [a for a in armed if a.start <= trig and not inside(a, hit)]
    after = [a for a in found if a.start >= trig]
    by_agent = [a for a in after if re.search(r"\bby\s+(?:the\s+)?$", s.text[max(0, a.start - 12):a.start], re.I)]
    # "... were killed when Russian guided bombs struck": an armed force named after the trigger, not as its
    # target ("on/at/against ..."), is still the one acting
    acting_after = [a for a in armed if a.start > trig and _WEAPON_NOUN.search(a.text) and not re.search(
        r"\b(?:on|at|against|targeting|with|from|into|toward|towards)\s+(?:the\s+)?$", s.text[max(0, a.start - 14):a.start], re.I)]
    # "in a jihadist attack", "an RSF raid": the group named as the attack's author
    authored = [a for a in armed if _ATTACK_NOUN_AFTER.match(s.text, a.end)]
    # "..., which said the attacks have been claimed by JNIM": the claimant, when nothing else names the attacker
    claimed = [a for a in armed if _CLAIMED_BY_BEFORE.search(s.text[max(0, a.start - 60):a.start])]
    # "two militants were killed in an encounter with security forces": in a clash, the side met "with" is the
    # one that fought the side hit
    met_with = [a for a in armed if a.start > trig and m.cls.sub_event_type == "Armed clash"
                and re.search(r"\bwith\s+(?:the\s+)?$", s.text[max(0, a.start - 10):a.start])]
    # "clashes between Druze militias and Bedouin tribes": the two sides are named after the trigger, first one first
    pair = _between_pair(armed, s.text, trig)
    actor1 = (by_grammar or by_agent or pair[:1] or before[-1:] or claimed[:1] or acting_after[:1] or authored[:1]
              or met_with[:1] or [None])[0]
    others = [a for a in found if (actor1 is None or a.actor != actor1.actor) and not is_source(a, s.text)]
    patients = [a for a in others if inside(a, r.patient)]
    actor2 = ((pair[1:] if pair[:1] == [actor1] else []) or patients or [a for a in others if a.start >= trig] or others
              or [None])[0]
    sub = m.cls.sub_event_type
    if sub == "Disrupted weapons use":
        actor1, actor2 = _interceptor_and_owner(armed, actor1, actor2)
    if sub in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"):
        m.actor1 = lex.protesters(country)
        police = [a for a in found if a.actor.inter in ("State forces", "External/Other forces")
                  and not is_source(a, s.text)]     # "Ukraine's armed forces said Russian troops dispersed ..."
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
        m.actor2 = lex.civilians(country_of(m, country))
    if m.actor1 is None:
        m.actor1 = lex.unidentified(country_of(m, country))

_BETWEEN_AFTER = re.compile(r"^[^.;:]{0,60}?\bbetween\s+(?:the\s+)?$", re.I)
_AND_GAP = re.compile(r"\s+and\s+(?:the\s+)?", re.I)


def _between_pair(armed: list[ActorMention], text: str, trigger_start: int) -> list[ActorMention]:
    """The sides of "fighting between A and B" (one or both), when the trigger is followed by "between"."""
    after = [a for a in armed if a.start > trigger_start]
    for i, a in enumerate(after):
        if _BETWEEN_AFTER.match(text[trigger_start:a.start]):
            rest = after[i + 1:i + 2]
            if rest and _AND_GAP.fullmatch(text[a.end:rest[0].start]) and rest[0].actor != a.actor:
                return [a, rest[0]]
            return [a]
    return []


def _interceptor_and_owner(armed: list[ActorMention], actor1: ActorMention | None,
                           actor2: ActorMention | None) -> tuple[ActorMention | None, ActorMention | None]:
    """"Twelve Ukrainian drones were destroyed": whose drones they were is the side whose weapons were
    disrupted (actor2); the one who disrupted them is another force, or nobody named."""
    owners = [a for a in armed if _WEAPON_NOUN.search(a.text)]
    if not owners:
        return actor1, actor2
    owner = owners[0]
    interceptors = [a for a in armed if a.actor != owner.actor and not _WEAPON_NOUN.search(a.text)]
    return (interceptors[0] if interceptors else None), owner


_AIRBORNE = re.compile(r"\b(?:drones?|UAVs?|missiles?|rockets?|Shaheds?|aircraft|helicopters?|jets?|balloons?)\b", re.I)


def home_air_defence(m: EventMention, lex: ActorLexicon) -> Actor | None:
    """"Three drones were taken down over the Kharkiv region": who brings down drones over a country, when
    the text names nobody, is that country's military (ACLED codes the defender as actor1)."""
    if m.cls.sub_event_type != "Disrupted weapons use" or m.place is None or not m.place.country or \
            not any(_AIRBORNE.search(s.text) for s in m.sentences[:1]):
        return None
    home = lex.state_actor(m.place.country, "military", m.when.year if m.when else None)
    return home if home is not None and home != m.actor2 and home.side != "UNKNOWN" else None


# "a drone struck a fuel depot, the army said, without saying who launched it": the text says it does not know
_WHO_UNSAID = re.compile(r"\b(?:without (?:saying|specifying|naming) who|did not (?:say|specify) who|"
                         r"(?:it was )?(?:not|un)clear who|no (?:one|group) (?:has |had )?(?:yet )?claimed)\b", re.I)


ANY_REMOTE = "any remote attack"   # a headline's "attack by X" names no weapon: any strike of the body is X's


def infer_unnamed_attackers(mentions: list[EventMention],
                            headline_forces: list[tuple[Actor, str]] | None = None) -> None:
    """"Five communities were shelled": when every strike of the article whose attacker is named was made by
    the same force, a strike reported with no attacker in the same article is taken to be that force's too.
    With no attacker named in the body, the one force a headline names with its weapon ("Junta airstrikes on
    a Sagaing village") is the attacker."""
    _attacks_of_the_one_group(mentions)
    remote = [m for m in mentions if m.cls.sub_event_type in _REMOTE]
    named = {m.actor1 for m in remote if m.actor1 is not None and m.actor1.side not in ("UNKNOWN", "CIV")}
    # whose drones and missiles were shot down is who fires them
    named |= {m.actor2 for m in mentions if m.cls.sub_event_type == "Disrupted weapons use" and m.actor2 is not None
              and m.actor2.side not in ("UNKNOWN", "CIV") and m.actor2.inter in ("State forces", "External/Other forces")}
    if not named and headline_forces and len({a for a, _ in headline_forces}) == 1:
        force, kinds = headline_forces[0][0], {k for _, k in headline_forces}
        for m in remote:     # strikes of the kind the headline names, by the force it names
            if (m.cls.sub_event_type in kinds or ANY_REMOTE in kinds) and (m.actor1 is None or m.actor1.side == "UNKNOWN") and m.actor2 != force:
                m.actor1 = force
        return
    if len(named) == 1:
        (force,) = named
        for m in remote:
            if (m.actor1 is None or m.actor1.side == "UNKNOWN") and not _WHO_UNSAID.search(m.sentences[0].text):
                m.actor1 = force
                if m.actor2 == force:  # the same force cannot be both sides of its own strike
                    m.actor2 = None


_GROUP_ACTS = ("Attack", "Remote explosive/landmine/IED", "Suicide bomb")   # what armed groups do in person


def _attacks_of_the_one_group(mentions: list[EventMention]) -> None:
    """"Nine villagers were killed in an attack attributed to English-speaking separatists ... On November 6, 25
    civilians were killed in Egbekaw": when every attack or bombing whose author is named was made by one armed
    group, an attack or bombing of the same article with no author named is taken to be that group's."""
    attacks = [m for m in mentions if m.cls.sub_event_type in _GROUP_ACTS]
    named = {m.actor1 for m in attacks if m.actor1 is not None and m.actor1.side not in ("UNKNOWN", "CIV")}
    if len(named) != 1 or next(iter(named)).inter not in NON_STATE:
        return
    (group,) = named
    for m in attacks:
        if (m.actor1 is None or m.actor1.side == "UNKNOWN") and not _WHO_UNSAID.search(m.sentences[0].text) and \
                not _UNIDENTIFIED.search(m.sentences[0].text):
            m.actor1 = group


_UNIDENTIFIED = re.compile(r"\b(?:unidentified|unknown) (?:gunmen|assailants|attackers|men)\b", re.I)


def country_of(m: EventMention, article_country: str | None) -> str | None:
    return (m.place.country if m.place else None) or article_country



def resolved_sub_event_type(m: EventMention, text: str) -> str:
    sub = m.cls.sub_event_type
    if sub == "Attack" and m.actor2 is not None and m.actor2.inter in ARMED and m.actor1 != m.actor2:
        return "Armed clash"    # ACLED's attacks are on civilians: an attack on soldiers, police or a militia is a battle
    if sub == "Armed clash" and _civilians_right_after(m):
        return "Attack"         # "gunmen ambushed travellers": one armed side and its unarmed target
    if sub not in _PLACEHOLDERS:
        return sub
    a = m.actor1
    inter = a.inter if a and a.side != "UNKNOWN" else None
    if a is not None and a.side == "UNKNOWN" and "actor1" in m.actor_spans and _NON_STATE_WORDS.search(
            text[slice(*m.actor_spans["actor1"])]):
        inter = a.inter  # unnamed, but plainly not a state's: "militants", "rebels", "insurgents"
    return resolve_with_actors(sub, inter, a.country if a else None,
                               m.place.country if m.place else None, bool(a))

def _civilians_right_after(m: EventMention) -> bool:
    """The trigger's object, right after it, is civilians, and an armed actor did it."""
    span = m.actor_spans.get("actor2")
    if m.actor2 is None or m.actor2.side != "CIV" or span is None or m.actor1 is None or m.actor1.side == "CIV":
        return False
    s = m.sentences[0]
    gap = s.text[m.cls.trigger[1]:span[0] - s.start] if span[0] - s.start >= m.cls.trigger[1] else None
    # the direct object ("ambushed travellers", "attacked the villagers"), not "clashed with residents and police"
    return gap is not None and re.fullmatch(r"\s*(?:(?:the|a|an|some|several|\d+|[a-z]+-?[a-z]*)\s+)?", gap) is not None \
        and not re.search(r"\b(?:with|between|and)\b", gap + " " + s.text[slice(*m.cls.trigger)])

def claimant_forces(claimant: str, lex: ActorLexicon, country: str | None) -> Actor | None:
    """"Russia's Defence Ministry said its forces captured...": the forces are the claimant's state's."""
    for word in re.findall(r"[A-Z][\w'’]+", claimant):
        for a in lex.find(f"{word} forces", country):
            if a.actor.inter in ("State forces", "External/Other forces"):
                return a.actor
    return None
