"""Actor resolver: phrases of a news text -> ACLED-style actors with a side.

The dictionaries are compiled by `sitrep.events.actor_lexicon`; this module resolves each match against the
article's country: the same words ("the army", "the enemy", "militants", "occupation forces") name different
actors in different wars.

Overlaps are settled by "longest match wins", then by specificity (conflict-specific words, named groups,
demonym phrases, generic words). Sides: RUS / UKR only for actors of the Russia-Ukraine war and only in articles
about that war; CIV for civilians and protesters; UNKNOWN for unidentified attackers; OTHER for everyone else.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from sitrep.events.actor_lexicon import Actor, ActorMention, ActorTables, Entry, State, packaged_actor_files
from sitrep.events.phrase_sets import alt_regex, is_acronym, phrase_key, scan_phrases

__all__ = ["INTER_CODES", "Actor", "ActorLexicon", "ActorMention", "interaction"]

INTER_CODES = {"State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4,
               "Rioters": 5, "Protesters": 6, "Civilians": 7, "External/Other forces": 8}
# A capital or country name right after these words is a place, not an actor ("in Kyiv", "support Ukraine").
_PREPOSITIONS = {"in", "near", "to", "from", "of", "over", "around", "outside", "toward", "towards", "on", "at",
                 "across", "into", "inside", "within", "northern", "southern", "eastern", "western", "central",
                 "visit", "visited", "with", "and", "against", "by", "for", "about", "between", "the", "support",
                 "supported", "supporting", "capture", "capturing", "captured", "seize", "seized", "invade",
                 "invaded", "invading", "attack", "attacked", "attacking", "threaten", "threatens", "liberate",
                 "reach", "reached", "entered", "left", "fled", "via", "through", "under", "beyond", "than"}
# ... and before these ("Moscow time", "Russia oil refinery", "Kharkiv, Ukraine.").
_METONYM_STOP = re.compile(r"\s*(?:time\b|oil\b|refinery\b|war\b|region\b|oblast\b|city\b|[-–—(]\s*\w)|[.,;]",
                           re.I)
# A metonym is an actor as a clause's subject: at the start, after punctuation or one of these words.
_SUBJECT_CUES = {"after", "as", "when", "while", "since", "because", "but", "that", "where", "which", "though",
                 "although", "before", "until", "once", "also", "if", "whereas", "then"}
# Police who "said" / "reported" are the source of the report, not a party to the event.
_REPORTING = re.compile(r"\s+(?:also\s+|later\s+|earlier\s+)?(?:said|say|says|reported|reports|report|told|stated|added|"
                        r"announced|confirmed|noted|wrote|posted|informed|spokes\w*)\b", re.I)


_MEMBERS_OF = re.compile(r"\s+(?:from|of|belonging to|loyal to|linked to|affiliated with|allied to)\s+(?:the\s+)?", re.I)


# "militant group al Shabaab", "the jihadist group JNIM": the description and the name it gives
_GROUP_NAMED = re.compile(r"\s+(?:group|organi[sz]ation|movement|outfit|faction|alliance)\s+(?:the\s+)?", re.I)


def _named_for_the_unnamed(chosen: list[tuple[int, int, Actor]], text: str) -> list[tuple[int, int, Actor]]:
    """"gunmen from Islamic State West Africa Province", "fighters loyal to X", "militant group al Shabaab": the
    unnamed phrase is the named group's members or its description; the group acts (one mention over both spans)."""
    out: list[tuple[int, int, Actor]] = []
    for s, e, a in chosen:
        prev = out[-1] if out else None
        if prev is not None and prev[2].side == "UNKNOWN" and a.side not in ("UNKNOWN", "CIV") and \
                (_MEMBERS_OF.fullmatch(text[prev[1]:s]) or _GROUP_NAMED.fullmatch(text[prev[1]:s])):
            out[-1] = (prev[0], e, a)
            continue
        out.append((s, e, a))
    return out


class ActorLexicon(ActorTables):
    """Finds actor phrases in text and resolves them against the article's country. Build with `default()`."""

    @classmethod
    def default(cls) -> "ActorLexicon":
        """The lexicon of the packaged YAML files, loaded and compiled once per process."""
        return _default_lexicon()

    # --- public API ----------------------------------------------------------------------------------
    def find(self, text: str, country: str | None = None, year: int | None = None) -> list[ActorMention]:
        """Every actor phrase of `text`, longest match first, resolved for an article about `country`.

        `year` (optional) picks the ACLED regime period of state actors ("Somalia (2017-2022)"); the latest
        period otherwise.
        """
        ctry = self.canonical_country(country)
        original, text = text, text.replace("’", "'").replace("‘", "'")  # same length: offsets hold
        cands: list[tuple[int, int, int, Actor]] = []  # start, end, priority (lower wins a tie), actor
        for conflict in self._conflicts:
            if not (ctry in conflict.countries or (ctry is None and conflict.default)):
                continue
            for s, e, (only, entry) in scan_phrases(conflict.phrases, text):
                if only is None or ctry in only or (ctry is None and conflict.default):
                    if actor := self._resolve(entry, ctry, year):
                        cands.append((s, e, 0, actor))
        cands += [(s, e, 1, a) for s, e, v in scan_phrases(self._named, text) if (a := self._resolve(v, ctry, year))]
        cands += self._demonym_matches(text, ctry, year)
        cands += self._generic_matches(text, ctry, year)
        ranked = [(e - s, s, e, p, a) for s, e, p, a in cands]  # (length that competes, start, end, priority, actor)
        for m in self._civ_re.finditer(text):
            # a civilian phrase competes by its noun alone: "10 volunteers" must not beat VDP's "volunteers"
            core = m.end() - (m.start("noun") if m.group("noun") else m.start())
            ranked.append((core, m.start(), m.end(), 4, self.civilians(ctry)))
        chosen: list[tuple[int, int, Actor]] = []
        for _, s, e, _, actor in sorted(ranked, key=lambda c: (-c[0], c[3], c[1])):
            if all(e <= cs or s >= ce for cs, ce, _ in chosen):
                chosen.append((s, e, actor))
        chosen = _named_for_the_unnamed(sorted(chosen), text)
        return [ActorMention(s, e, original[s:e], self._localize(a, ctry)) for s, e, a in chosen
                if not (a.name.startswith("Police Forces") and _REPORTING.match(text, e))]

    def civilians(self, country: str | None) -> Actor:
        return self._typed("Civilians", "CIV", "Civilians", country)

    def protesters(self, country: str | None) -> Actor:
        return self._typed("Protesters", "CIV", "Protesters", country)

    def rioters(self, country: str | None) -> Actor:
        return self._typed("Rioters", "OTHER", "Rioters", country)

    def unidentified(self, country: str | None) -> Actor:
        return self._typed("Unidentified Armed Group", "UNKNOWN", "Political militia", country)

    def _typed(self, label: str, side: str, inter: str, country: str | None) -> Actor:
        """"<label> (<ACLED country name>)"; Actor.country is the gazetteer's name, as places carry it."""
        ctry = self.canonical_country(country)
        return Actor(f"{label} ({ctry})" if ctry else label, side, inter, self._geo.get(ctry, ctry) if ctry else None)

    def state_actor(self, country: str | None, kind: str = "military", year: int | None = None) -> Actor | None:
        """A state's actor of `kind` (military, police, government, navy, ...); None when country is unknown."""
        ctry = self.canonical_country(country)
        if ctry is None:
            return None
        state = self._states.get(ctry) or State(country=ctry, of_name=ctry)
        return state.actor(kind, year)

    def from_text(self, phrase: str, country: str | None) -> Actor:
        """An actor for any phrase: a known one when the lexicon finds it, else a new actor named as the text
        names it, its type guessed from cue words ("militia", "rebels", "army", "police", "gang")."""
        ctry = self.canonical_country(country)
        clean = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip().strip("\"'“”‘’.,;:()"), flags=re.I)
        clean = re.sub(r"['’]s$", "", clean).strip()
        if not re.search(r"\w", clean):
            return self.unidentified(ctry)
        for m in self.find(clean, ctry):
            if m.end - m.start >= 0.6 * len(clean):
                return m.actor
        if clean.islower():
            clean = " ".join(w[:1].upper() + w[1:] for w in clean.split())
        low = clean.lower()
        dem = next((c for d, c in self._demonyms.items() if re.search(rf"(?<![\w\-]){re.escape(d.lower())}(?![\w\-])",
                                                                        low)), None)
        if dem and any(re.search(rf"\b{c}\b", low) for c in self._generic["state_unit_cues"]):
            base = self._states[dem].actor("military")
            own = alt_regex([d for d, c in self._demonyms.items() if c == dem])
            rest = re.sub(rf"(?i)(?<![\w\-])(?:{own})", "", clean)
            rest = re.sub(r"\s+", " ", rest).strip(" ,-")
            return self._localize(replace(base, name=f"{base.name} {rest}".strip()), ctry)
        inter = "Political militia"
        for label, cues in self._generic["inter_cues"]:
            if any(re.search(rf"(?<![\w\-]){re.escape(c)}(?![\w\-])", low) for c in cues):
                inter = label
                break
        side = "CIV" if inter in ("Civilians", "Protesters") else "OTHER"
        if ctry and re.search(r"\b(?:ethnic|communal) militia\b", low):  # ACLED: "Fulani Ethnic Militia (Mali)"
            clean = f"{clean[:1].upper()}{clean[1:].replace(' ethnic militia', ' Ethnic Militia')} ({ctry})"
            clean = clean.replace(" communal militia", " Communal Militia")
        return Actor(clean, side, inter, self._geo.get(ctry, ctry) if ctry else None)

    # --- matching helpers ----------------------------------------------------------------------------
    def _state_for(self, ctry: str | None) -> State | None:
        if ctry is None:
            return None
        return self._states.get(ctry) or State(country=ctry, of_name=ctry)

    def _resolve(self, value: Any, ctry: str | None, year: int | None) -> Actor | None:
        if isinstance(value, Entry):
            if value.actor is not None:
                actor = value.actor
                if "{country}" in actor.name:
                    name = actor.name.replace("{country}", ctry) if ctry else actor.name.replace(" ({country})", "")
                    actor = replace(actor, name=name, country=actor.country or (self._geo.get(ctry, ctry) if ctry else None))
                return actor
            state = self._state_for(ctry) if value.state == "{country}" else self._states.get(value.state)
            return state.actor(value.kind, year) if state else None
        return None

    def _demonym_matches(self, text: str, ctry: str | None, year: int | None):
        out = []
        for m in self._dem_re.finditer(text):
            dem = m.group("dem")
            kind = self._noun_kind.get(phrase_key(m.group("noun")))
            if dem.lower() in self._prefixes:
                state = self._state_for(ctry)
                if kind in ("civilians", "protesters", "rioters", "government"):
                    continue  # "state administration", "military administration": offices that report
                if not self._weak_ok(ctry) and phrase_key(m.group("noun")) in self._event_nouns:
                    continue  # "military attack" in a two-sided war says nothing of whose
            else:
                name = self._demonyms.get(dem) or self._demonyms.get(dem.lower())  # acronyms keyed as written
                state = self._states.get(name) if name else None
            if state is None or kind is None or (state.kinds is not None and kind not in state.kinds):
                continue
            out.append((m.start(), m.end(), 2, state.actor(kind, year)))
        for m in self._of_re.finditer(text):
            state = self._states.get(self._names_of.get(phrase_key(m.group("state")), ""))
            kind = self._noun_kind.get(phrase_key(m.group("noun")))
            if state and kind and (state.kinds is None or kind in state.kinds):
                out.append((m.start(), m.end(), 2, state.actor(kind, year)))
        for m in self._unit_re.finditer(text):
            dem = m.group("dem")
            state = self._states.get(self._demonyms.get(dem.lower(), "")) if dem else self._state_for(ctry)
            if state is not None and (not dem or not is_acronym(dem)):
                base = state.actor("military", year)
                out.append((m.start(), m.end(), 2, replace(base, name=f"{base.name} {m.group('unit')}")))
        if self._metonyms:
            for m in self._met_re.finditer(text):
                before = re.findall(r"\w+|[^\w\s]", text[max(0, m.start() - 20):m.start()])
                if before and before[-1][0].isalnum() and before[-1].lower() not in _SUBJECT_CUES:
                    continue
                if _METONYM_STOP.match(text, m.end()):
                    continue
                out.append((m.start(), m.end(), 5, self._states[self._metonyms[m.group("met")]].actor("military", year)))
        return out

    def _generic_matches(self, text: str, ctry: str | None, year: int | None):
        weak_ok = self._weak_ok(ctry)
        out = []
        for s, e, (cat, kind) in scan_phrases(self._generic_set, text):
            if cat.startswith("state"):
                state = self._state_for(ctry)
                if state is None or (cat == "state-weak" and not weak_ok):
                    continue
                actor = state.actor(kind, year)
            elif cat == "protester":
                actor = self.protesters(ctry)
            elif cat == "rioter":
                actor = self.rioters(ctry)
            elif cat == "unidentified":
                actor = self.unidentified(ctry)
            elif cat == "islamist":
                actor = self._typed("Islamist Militants", "OTHER", "Rebel group", ctry)
            else:
                actor = self._typed("Unidentified Gang", "OTHER", "Political militia", ctry)
            out.append((s, e, 3, actor))
        return out

    def _weak_ok(self, ctry: str | None) -> bool:
        """False in a two-sided war's countries, where bare "troops" may be either side's."""
        return all(c.weak_state_words for c in self._conflicts if ctry in c.countries or
                   (ctry is None and c.default))

    def _localize(self, actor: Actor, ctry: str | None) -> Actor:
        """Adjust an actor to the article's country: RUS / UKR only inside that war's countries; a state's
        forces acting abroad are External/Other forces (ACLED's rule)."""
        home = self.canonical_country(actor.country)
        if actor.side in ("RUS", "UKR") and ctry is not None:
            state = self._states.get(home or "")
            war = state.war_countries if state else frozenset()
            if war and ctry not in war:
                actor = replace(actor, side="OTHER")
        if actor.inter == "State forces" and ctry and home and home != ctry:
            actor = replace(actor, inter="External/Other forces")
        return actor


def interaction(inter1: str | None, inter2: str | None) -> str | None:
    """ACLED-style interaction label: the two actor types in ACLED code order (State forces first, External/Other
    forces last) joined by "-", e.g. "State forces-Civilians"; "Rebel group only" when one side is missing;
    None when both are."""
    types = [t for t in (inter1, inter2) if t]
    if not types:
        return None
    if len(types) == 1:
        return f"{types[0]} only"
    a, b = sorted(types, key=lambda t: INTER_CODES.get(t, 9))
    return f"{a}-{b}"


@lru_cache(maxsize=1)
def _default_lexicon() -> ActorLexicon:
    return ActorLexicon(packaged_actor_files())
