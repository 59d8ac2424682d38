"""The actor dictionaries compiled: `sitrep/data/actors/*.yaml` (one file per conflict plus `generic.yaml`) ->
states, aliases, demonyms and a few regular expressions, built once per process.

The knowledge lives in the YAML files; this module only compiles it. State forces are never listed one by one:
a demonym table ("Russian", "Myanmar's", "Burkinabe") times a force-noun table ("troops", "drones", "police")
gives "Military Forces of Russia (2000-)", "Police Forces of ...". Matching and resolving against an article's
country is `sitrep.events.actors.ActorLexicon`, built on these tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources

import yaml

from sitrep.data import parse_yaml

from sitrep.events.phrase_sets import PhraseSet, alt_regex, is_acronym, phrase_key, phrase_set

_KIND_NAME = {
    "military": "Military Forces of {of} ({period})", "navy": "Military Forces of {of} ({period}) Navy",
    "air_force": "Military Forces of {of} ({period}) Air Force",
    "national_guard": "Military Forces of {of} ({period}) National Guard",
    "police": "Police Forces of {of} ({period})", "government": "Government of {of} ({period})",
    "civilians": "Civilians ({country})", "protesters": "Protesters ({country})", "rioters": "Rioters ({country})",
}
_KIND_INTER = {"civilians": "Civilians", "protesters": "Protesters", "rioters": "Rioters"}
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
class State:
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
class Entry:
    """A dictionary entry: a fixed actor, or a state's kind resolved at find time."""

    actor: Actor | None = None
    state: str | None = None
    kind: str = "military"


@dataclass
class Conflict:
    countries: frozenset[str]
    default: bool
    weak_state_words: bool
    phrases: PhraseSet   # values: (only_in countries or None, entry)


def load_actor_file(name: str) -> dict:
    path = resources.files("sitrep.data").joinpath("actors", name)
    try:
        return parse_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:  # a broken data file is a packaging bug: name it
        raise ValueError(f"sitrep/data/actors/{name}: invalid YAML: {exc}") from None


def packaged_actor_files() -> dict[str, dict]:
    """Every packaged actor file by name (`generic.yaml`, one per conflict), in name order."""
    folder = resources.files("sitrep.data").joinpath("actors")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))
    return {name: load_actor_file(name) for name in names}


class ActorTables:
    """The compiled dictionaries: states with their aliases and demonyms, phrase sets and regexes.

    `sitrep.events.actors.ActorLexicon` adds the matching; build that one (with `ActorLexicon.default()`).
    """

    def __init__(self, files: dict[str, dict]):
        files = dict(files)
        generic = files.pop("generic.yaml")
        self._states: dict[str, State] = {}
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
        self._named = phrase_set(self._entries(generic.get("actors", []))
                                 + [p for d in files.values() for p in self._entries(d.get("actors", []))
                                    if not _common_noun_of_one_country(p)],
                                 generic["group_prefixes"], generic["group_suffixes"])
        self._conflicts = [self._conflict(d) for d in files.values()]

    def _add_state(self, country: str, spec: dict, war: frozenset[str]) -> None:
        self._geo[country] = spec.get("geonames", country)
        state = State(country=country, of_name=spec.get("of_name", country), side=spec.get("side", "OTHER"),
                      geo_name=spec.get("geonames", country),
                      periods=[(p[0], p[1]) for p in spec.get("periods", [])],
                      kinds=set(spec["kinds"]) if spec.get("kinds") else None, names=spec.get("names", {}),
                      war_countries=war if spec.get("side") else frozenset())
        self._states[country] = state
        for alias in [country, spec.get("iso2", ""), *spec.get("aliases", [])]:
            if alias:
                self._aliases[alias.lower()] = country
        for dem in spec.get("demonyms", []):
            self._demonyms[dem if is_acronym(dem) else dem.lower()] = country
        for name in spec.get("names_of", []):
            self._names_of[phrase_key(name)] = country
            self._names_of_src.append(name)
        for name in spec.get("metonyms", []):
            self._metonyms[name] = country

    def _entries(self, items: list[dict]) -> list[tuple[str, Entry]]:
        pairs = []
        for item in items:
            if "state" in item:
                entry = Entry(state=item["state"], kind=item.get("kind", "military"))
            else:
                country = self.canonical_country(item.get("country"))
                entry = Entry(actor=Actor(item["name"], item.get("side", "OTHER"), item.get("inter", "Rebel group"),
                                           self._geo.get(country, country) if country else None))
            pairs += [(str(p), entry) for p in item["patterns"]]
        return pairs

    def _conflict(self, data: dict) -> Conflict:
        g = self._generic
        pairs = []
        for item in data.get("contextual", []):
            only = frozenset(self.canonical_country(c) for c in item["only_in"]) if item.get("only_in") else None
            pairs += [(phrase, (only, entry)) for phrase, entry in self._entries([item])]
        # a named group's common-noun patterns ("hunters", "vigilantes" for Nigeria's CJTF) hold in its country only
        pairs += [(phrase, (frozenset({self.canonical_country(entry.actor.country)}), entry)) for phrase, entry in self._entries(data.get("actors", []))
                  if _common_noun_of_one_country((phrase, entry))]
        return Conflict(frozenset(self.canonical_country(c) for c in data.get("countries", [])),
                         bool(data.get("default")), data.get("weak_state_words", True),
                         phrase_set(pairs, g["group_prefixes"], g["group_suffixes"]))

    def _build_generic(self, g: dict) -> None:
        nouns = {n: kind for kind, words in g["force_nouns"].items() for n in words}
        self._noun_kind = {phrase_key(n): k for n, k in nouns.items()}
        self._prefixes = {p.lower() for p in g["generic_state_prefixes"]}
        dem = alt_regex(list(self._demonyms) + list(g["generic_state_prefixes"]))
        mods = alt_regex(g["modifiers"])
        noun = alt_regex(list(nouns))
        self._event_nouns = {phrase_key(n) for n in g["event_nouns"]}
        self._dem_re = re.compile(rf"(?<![\w\-])(?:the\s+)?(?P<dem>{dem})(?:\s+(?:{mods})){{0,3}}\s+"
                                  rf"(?P<noun>{noun})(?![\w\-])(?!\s+(?:{_TITLE_WORDS})\b)", re.I)
        states = alt_regex(self._names_of_src)
        self._of_re = re.compile(rf"(?<![\w\-])(?:the\s+)?(?P<noun>{alt_regex(g['of_nouns'])})\s+of\s+(?:the\s+)?"
                                 rf"(?P<state>{states})"
                                 rf"(?![\w\-])", re.I)
        dems = alt_regex(list(self._demonyms))
        self._unit_re = re.compile(
            rf"(?<![\w\-])(?i:the\s+)?(?:(?i:(?P<dem>{dems}))\s+)?(?P<unit>\d{{1,3}}(?:st|nd|rd|th)\s+"
            rf"(?:(?:[A-Z][\w'\-]*|of|and)\s+){{0,5}}(?i:{alt_regex(g['unit_nouns'])}))(?![\w\-])")
        if self._metonyms:
            self._met_re = re.compile(rf"(?<![\w\-])(?P<met>{alt_regex(list(self._metonyms))})(?!['’\w\-])")
        pairs: list[tuple[str, tuple[str, str]]] = []
        for tier, kinds in g["state_words"].items():
            pairs += [(w, (f"state-{tier}", kind)) for kind, words in kinds.items() for w in words]
        for cat in ("protester", "rioter", "unidentified", "islamist", "gang"):
            pairs += [(w, (cat, cat)) for w in g[f"{cat}_words"]]
        self._generic_set = phrase_set(pairs, stop=_TITLE_WORDS + "|chiefs?|commissioners?|academy|"
                                       "headquarters|uniforms?")
        adj = alt_regex(g["civilian_adjectives"])
        civ = alt_regex(g["civilian_nouns"])
        self._civ_re = re.compile(
            rf"(?<![\w\-])(?:(?:a|an|the)\s+)?(?:(?:(?:\d{{1,3}}|{_NUMBER_WORDS})[\s\-]+(?:years?|months?)[\s\-]+old"
            rf"(?:\s+(?:{adj}))?(?:\s+(?:{civ}))?)|(?:(?:(?:{adj}|\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}})\s+){{0,2}}(?P<noun>{civ})))(?![\w\-])", re.I)

    def canonical_country(self, country: str | None) -> str | None:
        """ACLED country name for a name, alias or ISO code ("UA", "Palestinian Territory", "DRC")."""
        if not country:
            return None
        return self._aliases.get(country.strip().lower(), country.strip())


def _common_noun_of_one_country(pair: tuple[str, "Entry"]) -> bool:
    phrase, entry = pair
    return phrase.islower() and entry.actor is not None and entry.actor.country is not None
