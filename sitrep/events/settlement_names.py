"""Names the words around them call a settlement, found before any gazetteer is asked: "the village of X",
"X village", "the El Salini base", "in X, a frontline town", "the RSF attacked Hilat Hamid", "a village named X",
"an Israeli strike on Deir Billa". The frame words live in sitrep/data/geo/settlement_frames.yaml;
`sitrep.events.settlements` decides which of these names the gazetteer already knows.
"""
from __future__ import annotations

import re
from functools import lru_cache

from sitrep.data import load_yaml
from sitrep.events.actors import ActorLexicon
from sitrep.events.places import is_demonym
from sitrep.geo.lexicon import cues, english, first_names, not_places
from sitrep.geo.translit import fold

WORD = r"(?:[A-Z][\w’'\-]*[\w]|[A-Z])"
_PARTICLE = r"(?:al|el|ad|ar|as|ash|an|at|ed|es|de|du|la|le|del|di|da|wa|bin|ibn)"
NAME = rf"(?:(?:Al|El|Ad|Ar|As|Ash|An|At)[\-\s])?{WORD}(?:[\s\-](?:{_PARTICLE}[\s\-])?{WORD}){{0,3}}"
_LOCATIVE = r"(?:in|at|near|on|of|from|outside|around|into|to|the|and|,)"
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

_SENTENCE_OPENERS = {"on", "in", "at", "by", "from", "since", "after", "before", "during", "last", "this", "next",
                     "early", "late", "earlier", "later", "overnight", "meanwhile", "yesterday", "today"}


@lru_cache(maxsize=1)
def _frames() -> tuple[re.Pattern, ...]:
    words = load_yaml("geo/settlement_frames.yaml")

    def alt(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(words[key], key=len, reverse=True))

    kind_of = re.compile(rf"\b(?:{alt('kind_of')}) of (?:the )?(?P<name>{NAME})"
                         rf"(?P<more>(?:(?:,| and|, and) (?!the\b){NAME})*)")
    # "in Plateau state's X village"; "in North Darfur's Tora area" (an area named after a region's possessive)
    kind_after = re.compile(rf"\b{_LOCATIVE} (?:the )?(?:(?P<owner>{NAME}) (?:state|region|province|district|county)['’]s )?"
                            rf"(?P<name>{NAME}) (?:{alt('kind_after')})s?\b(?! of [A-Z])"
                            rf"|\b{_LOCATIVE} {NAME}['’]s (?P<area>{NAME}) (?:area|locality|district)\b")
    # "in X, a town in ...", or any "X, the village attacked Thursday" (not "X, the village chief")
    appositive = re.compile(rf"(?:\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]n) (?P<name>{NAME}),? (?:a|an|the) (?:[\w\-]+ ){{0,2}}"
                            rf"(?:{alt('appositive')})\b|\b(?P<bare>{NAME}), the (?:{alt('appositive')})"
                            rf"(?! (?:chief|head|elder|leader|council|mayor|administrator|official|headman)s?\b)\b)")
    target = re.compile(rf"\b(?:{alt('target_verbs')}) (?P<name>{NAME})(?![’'\w])(?! (?:{alt('not_after_target')})\b)")
    named = re.compile(rf"\b(?:{alt('kind_named')}) (?:named|called|known as) [“\"‘']?(?P<name>{NAME})")   # 'called “Wabar”'
    # "the attacked villages were A, B and C", "several villages in the Ruwenzori sector, including A, B and C"
    listed = re.compile(rf"\b(?:{alt('kind_listed')})(?: (?:[a-z]+ ){{0,2}}(?:were|are|include|included|including|"
                        rf"namely|such as)|(?: [^.;:\n]{{1,60}}?)?,? (?:including|such as|namely|notably))[:]? "
                        rf"(?P<name>{NAME})(?P<more>(?:(?:,| and|, and) (?!the\b){NAME})*)")
    event_on = re.compile(rf"\b(?:{alt('event_nouns')})[\"”’']? (?:on (?:[A-Z][a-z]+day|the night of \w+ \d+) )?"
                          rf"(?:(?:against|on|targeting) (?:[a-z]+ ){{1,2}}(?=in ))?"      # "attacks against buildings in X"
                          rf"(?:on|in|at|near) (?:the )?(?:(?:village|town|city|area) of )?(?P<name>{NAME})(?![’'\w])"
                          rf"(?! (?:{alt('not_after_target')})\b)")
    victims = re.compile(rf"\b(?:{alt('victim_verbs')}) (?:(?:at least|about|some|more than) )?(?:\d+|[a-z]+) "
                         rf"(?:[a-z]+ )?(?:people|civilians|villagers|residents|soldiers|men|women|children|persons) "
                         rf"(?:in|at) (?P<name>{NAME})(?![’'\w])")
    # "in Bulamarer, 130km southwest of the capital": a name a distance is measured from is a place
    bearing = re.compile(rf"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]n) (?P<name>{NAME}),? (?:about |some |around |roughly |nearly )?"
                         rf"\d+\s*(?:km|kilometres|kilometers|miles)\b")
    # "the attackers stormed a village, Yar Katsina, in Bungudu Local Government Area": the name set off by commas
    renamed = re.compile(rf"\b(?:an?|another|the) (?:[a-z-]+ )?(?:village|town|community|settlement|hamlet|locality), "
                         rf"(?P<name>{NAME}),")
    # "a suicide bombing in the Mir Ali area of North Waziristan": a locality inside the unit named after it
    area_of = re.compile(rf"\b(?:in|near|around|at) the (?P<name>{NAME}) (?:area|locality|neighbou?rhood) of (?:the )?[A-Z]")
    # "In Solhan, local sources said they had recovered 160 bodies": a name a sentence opens with as its scene
    scene = re.compile(rf"(?:^|(?<=\n)|(?<=[.!?] ))In (?P<name>{NAME}), (?!(?:{alt('not_after_target')})\b)")
    return kind_of, kind_after, appositive, target, named, event_on, victims, listed, bearing, scene, area_of, renamed


@lru_cache(maxsize=4096)
def _names_an_actor(name: str) -> bool:
    return bool(ActorLexicon.default().find(name))


def plausible_name(name: str) -> bool:
    """A name of a place, not a person, a weekday or a capitalised common word."""
    low = fold(name)
    first = low.split()[0] if low.split() else ""
    if len(name) < 3 or is_demonym(name.split()[0]) or low in not_places() or first in ("the", "a") or \
            any(w in _MONTHS for w in low.split()) or first in _SENTENCE_OPENERS:
        return False     # "On Friday, the community of X": a date that opens the sentence
    if re.search(r"['’]s\b", name):          # "Mali's Mopti": a possessive, not a name
        return False
    if re.search(r"(?i)-(?:occupied|held|controlled|backed|installed|annexed|led|run|allied)\b", name):
        return False                          # "Russian-occupied Crimea": who holds it, not a name
    if first in cues()["person_titles"] or first in cues()["run_titles"]:
        return False                          # "..., Governor Ivan Fedorov reported": a person with a title
    if name.isupper() and len(name) <= 5:      # "NATO", "RSF": organisations
        return False
    words = re.findall(r"[\w’']+", name)
    if len(words) == 1 and (words[0].lower() in english() or words[0].lower() in first_names()):
        return False
    # ("Min Ma village", "Saw Lon": short syllables of Burmese or Chinese names are no English phrase)
    return not all(w.lower() in english() and len(w) >= 4 for w in words)


_POSSESSIVE_END = re.compile(r"['’]s$")


def frame_names(text: str) -> list[tuple[int, int]]:
    """Spans of names the words around them call a settlement."""
    spans: list[tuple[int, int]] = []
    kind_of, kind_after, appositive, target, named, event_on, victims, listed, bearing, scene, area_of, renamed = \
        _frames()
    for m in [*kind_of.finditer(text), *listed.finditer(text)]:
        spans.append(m.span("name"))
        kind = m.group(0)[:m.start("name") - m.start()].split(" of ")[0].split()[0]
        if m.group("more") and (kind.endswith("s") or m.group("more").startswith(" and ")):
            # "the villages of A, B and C"; not "the town of Runirgod, Abdifatah Mohamed, a police officer"
            base = m.start("more")
            for n in re.finditer(NAME, m.group("more")):
                spans.append((base + n.start(), base + n.end()))
    spans += [m.span("name") if m.group("name") else m.span("area") for m in kind_after.finditer(text)]
    for pattern in (appositive, target, named, victims, bearing, scene, area_of, renamed):
        spans += [m.span("name") if m.group("name") else m.span("bare") for m in pattern.finditer(text)]
    spans += [m.span("name") for m in event_on.finditer(text) if not _names_an_actor(m.group("name"))]  # not "on Hamas"
    return sorted({s for s in spans if (plausible_name(text[s[0]:s[1]]) or _proper_in(text, text[s[0]:s[1]]))
                   and not _acronym_of_an_actor(text[s[0]:s[1]])       # "near the SSPDF barracks": an army's
                   and not UNIT_AFTER.match(text, s[1])       # "the village of X, Valuysky district": a unit
                   and not _UNIT_WORD_END.search(text[s[0]:s[1]])    # "shelling in Kharkiv Oblast": a region
                   and not _POSSESSIVE_END.search(text[s[0]:s[1]])})   # "an attack on Haiti's capital"


def _acronym_of_an_actor(name: str) -> bool:
    return name.isupper() and " " not in name and (len(name) <= 6 or _names_an_actor(name))


def _proper_in(text: str, name: str) -> bool:
    """A one-word name that is also an English word ("Segue village") is the name of a place when the article
    always writes it with a capital, at least twice inside a sentence: then it is a proper noun here."""
    if " " in name or not name[:1].isupper() or len(name) < 4:
        return False
    if re.search(rf"\b{re.escape(name.lower())}\b", text):
        return False
    inside = re.findall(rf"[a-z,(] {re.escape(name)}\b", text)
    return len(inside) >= 2 and not is_demonym(name) and name.lower() not in not_places() \
        and name.lower() not in _MONTHS and name.lower() not in first_names()


_UNIT_WORD_END = re.compile(r"\b(?:oblast|region|province|district|township|state|governorate|raion|rayon|county|"
                            r"territory|prefecture|department|municipality|community|hromada|woreda|zone|kebele|"
                            r"sector|chiefdom|groupement|upazila|tehsil|LGA)$", re.I)
UNIT_AFTER = re.compile(r"\s+(?:urban |rural |municipal )?(?:district|raion|rayon|okrug|region|oblast|province|county|"
                         r"governorate|state|territory)\b", re.I)
