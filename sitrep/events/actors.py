"""Actor dictionaries and resolver: phrases of a news text -> ACLED-style actors with a side.

The knowledge lives in `sitrep/data/actors/*.yaml` (one file per conflict plus `generic.yaml`); this module
only compiles it into a few regular expressions, once, and resolves each match against the article's country:
the same words ("the army", "the enemy", "militants", "occupation forces") name different actors in different
wars. State forces are never listed one by one: a demonym table ("Russian", "Myanmar's", "Burkinabe") times a
force-noun table ("troops", "drones", "police") gives "Military Forces of Russia (2000-)", "Police Forces of ...".

Overlaps are settled by "longest match wins", then by specificity (conflict-specific words, named groups,
demonym phrases, generic words). Sides: RUS / UKR only for actors of the Russia-Ukraine war and only in articles
about that war; CIV for civilians and protesters; UNKNOWN for unidentified attackers; OTHER for everyone else.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

INTER_CODES = {"State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4,
               "Rioters": 5, "Protesters": 6, "Civilians": 7, "External/Other forces": 8}
_KIND_NAME = {
    "military": "Military Forces of {of} ({period})", "navy": "Military Forces of {of} ({period}) Navy",
    "air_force": "Military Forces of {of} ({period}) Air Force",
    "national_guard": "Military Forces of {of} ({period}) National Guard",
    "police": "Police Forces of {of} ({period})", "government": "Government of {of} ({period})",
    "civilians": "Civilians ({country})", "protesters": "Protesters ({country})", "rioters": "Rioters ({country})",
}
_KIND_INTER = {"civilians": "Civilians", "protesters": "Protesters", "rioters": "Rioters"}
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
# A demonym phrase followed by these is a claimant's title, not an actor ("Russian military bloggers").
_TITLE_WORDS = ("ministry|minister|ministers|spokesman|spokesperson|spokeswoman|sources?|bloggers?|analysts?|"
                "experts?|correspondents?|media|channels?|news|department|officials?|commentators?|reporters?|"
                "journalists?|historians?|observers?|watchdog|prosecutors?|investigators?|ombudsman")
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")


@dataclass(frozen=True)
class Actor:
    """An ACLED-style actor. side is the scoring side (RUS, UKR, CIV, OTHER, UNKNOWN)."""

    name: str
    side: str
    inter: str
    country: str | None = None


@dataclass
class ActorMention:
    """A span of text naming an actor; offsets index the text given to ActorLexicon.find."""

    start: int
    end: int
    text: str
    actor: Actor


@dataclass
class _State:
    """A state whose forces the demonym x force-noun table names; periods are ACLED regime periods."""

    country: str
    of_name: str
    side: str = "OTHER"
    geo_name: str = ""    # the gazetteer's name of the country, for Actor.country ("Palestinian Territory")
    periods: list[tuple[int, int | None]] = field(default_factory=list)
    kinds: set[str] | None = None
    names: dict[str, str] = field(default_factory=dict)
    war_countries: frozenset[str] = frozenset()

    def actor(self, kind: str, year: int | None = None) -> Actor:
        """The actor of this state's `kind` (military, police, civilians, ...) in `year` (latest when None)."""
        period = self.period(year)
        template = self.names.get(kind) or _KIND_NAME[kind]
        name = template.format(of=self.of_name, period=period, country=self.country)
        if not period:
            name = name.replace(" ()", "")
        side = "CIV" if kind in ("civilians", "protesters") else self.side
        return Actor(name, side, _KIND_INTER.get(kind, "State forces"), self.geo_name or self.country)

    def period(self, year: int | None) -> str:
        if not self.periods:
            return ""
        chosen = self.periods[-1]
        if year is not None:
            for start, end in self.periods:
                if start <= year and (end is None or year < end):
                    chosen = (start, end)
        return f"{chosen[0]}-{chosen[1] if chosen[1] is not None else ''}"


@dataclass
class _Entry:
    """A dictionary entry: a fixed actor, or a state's kind resolved at find time."""

    actor: Actor | None = None
    state: str | None = None
    kind: str = "military"


@dataclass
class _PhraseSet:
    """Literal phrases compiled to two regexes (acronyms case-sensitive), each phrase keyed to a value."""

    ci: re.Pattern[str] | None
    cs: re.Pattern[str] | None
    values: dict[str, list[Any]]
    exact: dict[str, list[Any]]


@dataclass
class _Conflict:
    countries: frozenset[str]
    default: bool
    weak_state_words: bool
    phrases: _PhraseSet   # values: (only_in countries or None, entry)


def _key(phrase: str) -> str:
    return re.sub(r"[\s\-'’.]", "", phrase).lower()


def _is_acronym(phrase: str) -> bool:
    return " " not in phrase and sum(ch.isupper() for ch in phrase) >= 2 and phrase != phrase.title()


_FLEX = {" ": r"[\s\-]+", "-": r"[\s\-]?", "'": r"['’]?", "’": r"['’]?"}


def _alt(phrases: list[str]) -> str:
    """One regex alternation for many phrases, as a character trie (Python's re does not optimise long
    alternations); spaces and hyphens match each other and apostrophes are optional."""
    trie: dict = {}
    for phrase in set(phrases):
        node = trie
        for ch in phrase.replace("’", "'"):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [(_FLEX.get(ch) or re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body


def _phrase_set(pairs: list[tuple[str, Any]], prefixes: list[str] = (), suffixes: list[str] = (),
                stop: str = "") -> _PhraseSet:
    """Compile phrases; optional group prefixes / suffixes ("paramilitary RSF", "M23 rebels") stay in the span;
    `stop`: words that may not follow ("police station")."""
    values: dict[str, list[Any]] = {}
    exact: dict[str, list[Any]] = {}
    ci_words, cs_words = [], []
    for phrase, value in pairs:
        if _is_acronym(phrase):
            exact.setdefault(re.sub(r"[\s\-'’.]", "", phrase), []).append(value)
            cs_words.append(phrase)
        else:
            values.setdefault(_key(phrase), []).append(value)
            ci_words.append(phrase)
    pre = rf"(?i:(?:(?:{_alt(list(prefixes))})\s+){{0,2}})" if prefixes else ""
    suf = rf"(?i:\s+(?:{_alt(list(suffixes))}))?" if suffixes else ""

    def build(words: list[str], flags: int) -> re.Pattern[str] | None:
        if not words:
            return None
        after = rf"(?!\s+(?i:{stop})\b)" if stop else ""
        return re.compile(rf"(?<![\w\-])(?i:(?:the|a|an)\s+)?{pre}(?P<core>{_alt(words)}){suf}(?![\w\-]){after}",
                          flags)

    return _PhraseSet(build(ci_words, re.I), build(cs_words, 0), values, exact)


def _scan(pset: _PhraseSet, text: str):
    """Yield (start, end, value) for each match of a phrase set."""
    for pattern, table, keyer in ((pset.ci, pset.values, _key),
                                  (pset.cs, pset.exact, lambda s: re.sub(r"[\s\-'’.]", "", s))):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            for value in table.get(keyer(m.group("core")), ()):
                yield m.start(), m.end(), value


def _load_yaml(name: str) -> dict:
    path = resources.files("sitrep.data").joinpath("actors", name)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:  # a broken data file is a packaging bug: name it
        raise ValueError(f"sitrep/data/actors/{name}: invalid YAML: {exc}") from None


class ActorLexicon:
    """Finds actor phrases in text and resolves them against the article's country. Build with `default()`."""

    def __init__(self, files: dict[str, dict]):
        files = dict(files)
        generic = files.pop("generic.yaml")
        self._states: dict[str, _State] = {}
        self._aliases: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._names_of: dict[str, str] = {}
        self._metonyms: dict[str, str] = {}
        self._names_of_src: list[str] = []
        self._geo: dict[str, str] = {}   # ACLED country name -> gazetteer name, where they differ
        war_files = [d for d in files.values() if d.get("side_countries")]
        war = frozenset(c for d in war_files for c in d["side_countries"])
        for data in [generic, *files.values()]:
            for country, spec in (data.get("states") or {}).items():
                self._add_state(country, spec, war if data.get("side_countries") else frozenset())
        self._generic = generic
        self._build_generic(generic)
        self._named = _phrase_set(self._entries(generic.get("actors", []))
                                  + [p for d in files.values() for p in self._entries(d.get("actors", []))],
                                  generic["group_prefixes"], generic["group_suffixes"])
        self._conflicts = [self._conflict(d) for d in files.values()]

    # --- loading -------------------------------------------------------------------------------------
    @classmethod
    def default(cls) -> "ActorLexicon":
        """The lexicon of the packaged YAML files, loaded and compiled once per process."""
        return _default_lexicon()

    def _add_state(self, country: str, spec: dict, war: frozenset[str]) -> None:
        self._geo[country] = spec.get("geonames", country)
        state = _State(country=country, of_name=spec.get("of_name", country), side=spec.get("side", "OTHER"),
                       geo_name=spec.get("geonames", country),
                       periods=[(p[0], p[1]) for p in spec.get("periods", [])],
                       kinds=set(spec["kinds"]) if spec.get("kinds") else None, names=spec.get("names", {}),
                       war_countries=war if spec.get("side") else frozenset())
        self._states[country] = state
        for alias in [country, spec.get("iso2", ""), *spec.get("aliases", [])]:
            if alias:
                self._aliases[alias.lower()] = country
        for dem in spec.get("demonyms", []):
            self._demonyms[dem if _is_acronym(dem) else dem.lower()] = country
        for name in spec.get("names_of", []):
            self._names_of[_key(name)] = country
            self._names_of_src.append(name)
        for name in spec.get("metonyms", []):
            self._metonyms[name] = country

    def _entries(self, items: list[dict]) -> list[tuple[str, _Entry]]:
        pairs = []
        for item in items:
            if "state" in item:
                entry = _Entry(state=item["state"], kind=item.get("kind", "military"))
            else:
                country = self.canonical_country(item.get("country"))
                entry = _Entry(actor=Actor(item["name"], item.get("side", "OTHER"), item.get("inter", "Rebel group"),
                                           self._geo.get(country, country) if country else None))
            pairs += [(str(p), entry) for p in item["patterns"]]
        return pairs

    def _conflict(self, data: dict) -> _Conflict:
        g = self._generic
        pairs = []
        for item in data.get("contextual", []):
            only = frozenset(self.canonical_country(c) for c in item["only_in"]) if item.get("only_in") else None
            pairs += [(phrase, (only, entry)) for phrase, entry in self._entries([item])]
        return _Conflict(frozenset(self.canonical_country(c) for c in data.get("countries", [])),
                         bool(data.get("default")), data.get("weak_state_words", True),
                         _phrase_set(pairs, g["group_prefixes"], g["group_suffixes"]))

    def _build_generic(self, g: dict) -> None:
        nouns = {n: kind for kind, words in g["force_nouns"].items() for n in words}
        self._noun_kind = {_key(n): k for n, k in nouns.items()}
        self._prefixes = {p.lower() for p in g["generic_state_prefixes"]}
        dem = _alt(list(self._demonyms) + list(g["generic_state_prefixes"]))
        mods = _alt(g["modifiers"])
        noun = _alt(list(nouns))
        self._event_nouns = {_key(n) for n in g["event_nouns"]}
        self._dem_re = re.compile(rf"(?<![\w\-])(?:the\s+)?(?P<dem>{dem})(?:\s+(?:{mods})){{0,3}}\s+"
                                  rf"(?P<noun>{noun})(?![\w\-])(?!\s+(?:{_TITLE_WORDS})\b)", re.I)
        states = _alt(self._names_of_src)
        self._of_re = re.compile(rf"(?<![\w\-])(?:the\s+)?(?P<noun>{_alt(g['of_nouns'])})\s+of\s+(?:the\s+)?"
                                 rf"(?P<state>{states})"
                                 rf"(?![\w\-])", re.I)
        dems = _alt(list(self._demonyms))
        self._unit_re = re.compile(
            rf"(?<![\w\-])(?i:the\s+)?(?:(?i:(?P<dem>{dems}))\s+)?(?P<unit>\d{{1,3}}(?:st|nd|rd|th)\s+"
            rf"(?:(?:[A-Z][\w'\-]*|of|and)\s+){{0,5}}(?i:{_alt(g['unit_nouns'])}))(?![\w\-])")
        if self._metonyms:
            self._met_re = re.compile(rf"(?<![\w\-])(?P<met>{_alt(list(self._metonyms))})(?!['’\w\-])")
        pairs: list[tuple[str, tuple[str, str]]] = []
        for tier, kinds in g["state_words"].items():
            pairs += [(w, (f"state-{tier}", kind)) for kind, words in kinds.items() for w in words]
        for cat in ("protester", "rioter", "unidentified", "islamist", "gang"):
            pairs += [(w, (cat, cat)) for w in g[f"{cat}_words"]]
        self._generic_set = _phrase_set(pairs, stop=_TITLE_WORDS + "|chiefs?|commissioners?|academy|"
                                        "headquarters|uniforms?")
        adj = _alt(g["civilian_adjectives"])
        civ = _alt(g["civilian_nouns"])
        self._civ_re = re.compile(
            rf"(?<![\w\-])(?:(?:a|an|the)\s+)?(?:(?:(?:\d{{1,3}}|{_NUMBER_WORDS})[\s\-]+(?:years?|months?)[\s\-]+old"
            rf"(?:\s+(?:{adj}))?(?:\s+(?:{civ}))?)|(?:(?:(?:{adj}|\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}})\s+){{0,2}}(?P<noun>{civ})))(?![\w\-])", re.I)

    # --- public API ----------------------------------------------------------------------------------
    def canonical_country(self, country: str | None) -> str | None:
        """ACLED country name for a name, alias or ISO code ("UA", "Palestinian Territory", "DRC")."""
        if not country:
            return None
        return self._aliases.get(country.strip().lower(), country.strip())

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
            for s, e, (only, entry) in _scan(conflict.phrases, text):
                if only is None or ctry in only or (ctry is None and conflict.default):
                    if actor := self._resolve(entry, ctry, year):
                        cands.append((s, e, 0, actor))
        cands += [(s, e, 1, a) for s, e, v in _scan(self._named, text) if (a := self._resolve(v, ctry, year))]
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
        return [ActorMention(s, e, original[s:e], self._localize(a, ctry)) for s, e, a in sorted(chosen)
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
        state = self._states.get(ctry) or _State(country=ctry, of_name=ctry)
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
            rest = re.sub(rf"(?i)(?<![\w\-])(?:{_alt([d for d, c in self._demonyms.items() if c == dem])})", "", clean)
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
    def _state_for(self, ctry: str | None) -> _State | None:
        if ctry is None:
            return None
        return self._states.get(ctry) or _State(country=ctry, of_name=ctry)

    def _resolve(self, value: Any, ctry: str | None, year: int | None) -> Actor | None:
        if isinstance(value, _Entry):
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
            kind = self._noun_kind.get(_key(m.group("noun")))
            if dem.lower() in self._prefixes:
                state = self._state_for(ctry)
                if kind in ("civilians", "protesters", "rioters", "government"):
                    continue  # "state administration", "military administration": offices that report
                if not self._weak_ok(ctry) and _key(m.group("noun")) in self._event_nouns:
                    continue  # "military attack" in a two-sided war says nothing of whose
            else:
                name = self._demonyms.get(dem) or self._demonyms.get(dem.lower())  # acronyms keyed as written
                state = self._states.get(name) if name else None
            if state is None or kind is None or (state.kinds is not None and kind not in state.kinds):
                continue
            out.append((m.start(), m.end(), 2, state.actor(kind, year)))
        for m in self._of_re.finditer(text):
            state = self._states.get(self._names_of.get(_key(m.group("state")), ""))
            kind = self._noun_kind.get(_key(m.group("noun")))
            if state and kind and (state.kinds is None or kind in state.kinds):
                out.append((m.start(), m.end(), 2, state.actor(kind, year)))
        for m in self._unit_re.finditer(text):
            dem = m.group("dem")
            state = self._states.get(self._demonyms.get(dem.lower(), "")) if dem else self._state_for(ctry)
            if state is not None and (not dem or not _is_acronym(dem)):
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
        for s, e, (cat, kind) in _scan(self._generic_set, text):
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
    folder = resources.files("sitrep.data").joinpath("actors")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))
    return ActorLexicon({name: _load_yaml(name) for name in names})
