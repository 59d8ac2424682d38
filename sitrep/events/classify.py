"""Which ACLED sub-event type a sentence reports, from weapon, action and target cues.

The cues and the ordered rules that combine them live in `data/lexicons/event_cues.yaml`. Three outcomes
depend on who acts and are settled later with the actors (`resolve_with_actors`): who takes territory
(state forces retaking their own land, a non-state group, or a foreign army), and whether a detention is an
arrest by the state or an abduction by an armed group.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sitrep.data import load_yaml
from sitrep.events.cue_prefilter import CuePrefilter

TERRITORY_REGAIN = "TERRITORY_REGAIN"
TERRITORY_CAPTURE = "TERRITORY_CAPTURE"
ARREST_OR_ABDUCTION = "ARREST_OR_ABDUCTION"


@dataclass
class CueHits:
    """Cue groups found in one sentence, each with the spans that matched."""

    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def has(self, group: str) -> bool:
        return bool(self.spans.get(group))

    def first(self, group: str) -> tuple[int, int] | None:
        s = self.spans.get(group)
        return min(s) if s else None


@dataclass
class Classification:
    sub_event_type: str            # an ACLED sub-event type or one of the placeholders above
    trigger: tuple[int, int]       # span of the action cue in the sentence
    hits: CueHits


@dataclass(frozen=True)
class _Rule:
    sub: str
    all: tuple[str, ...]
    none: tuple[str, ...]
    any_text: re.Pattern | None


def _any_word(pattern: str) -> str:
    """A filler word of a cue ("fired (?:\\w+ ){0,3}on") may be hyphenated: "fired a Kh-35U cruise missile on"."""
    return pattern.replace(r"(?:\w+ )", r"(?:[\w’'-]+ )").replace(r"(?:\w+\s+)", r"(?:[\w’'-]+\s+)")


class CueLexicon:
    """Compiled cue groups and rules; build once (`CueLexicon.default()`) and share."""

    def __init__(self, spec: dict) -> None:
        spec = {**spec, "cues": {name: [_any_word(p) for p in pats] for name, pats in spec["cues"].items()}}
        self.groups = {name: re.compile(r"(?<![\w-])(?:" + "|".join(pats) + r")(?![\w]|-(?:be|old)\b)", re.IGNORECASE)
                       for name, pats in spec["cues"].items()}
        self.rules = [
            _Rule(r["sub"], tuple(r.get("all", [])), tuple(r.get("none", [])),
                  re.compile(r"\b(?:" + "|".join(r["any_text"]) + r")\b", re.I) if r.get("any_text") else None)
            for r in spec["rules"]
        ]
        # one pass over the sentence finds whether any action or weapon cue is there at all: most sentences of
        # an article have none, and then the other groups need not be tried
        self._any_cue = re.compile(r"(?<![\w-])(?:" + "|".join(p for name, pats in spec["cues"].items()
                                                               if name.startswith(("a_", "w_")) for p in pats)
                                   + r")(?![\w])", re.IGNORECASE)
        # ... and that pass, split by group, runs only for the groups whose prefixes the sentence has
        self._gates = {name: re.compile(r"(?<![\w-])(?:" + "|".join(pats) + r")(?![\w])", re.IGNORECASE)
                       for name, pats in spec["cues"].items() if name.startswith(("a_", "w_"))}
        self._prefilter = CuePrefilter.build(spec["cues"])
        tax = load_yaml("taxonomy.yaml")["event_types"]
        self.event_type_of = {sub: et for et, spec_ in tax.items() for sub in spec_["sub_event_types"]}

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "CueLexicon":
        return cls(load_yaml("lexicons/event_cues.yaml"))

    def hits(self, sentence: str) -> CueHits:
        return self._hits(sentence)

    @lru_cache(maxsize=1024)  # noqa: B019 - the lexicon lives as long as the process; a sentence's cues never change
    def _hits(self, sentence: str) -> CueHits:
        out = CueHits()
        maybe = self._prefilter.candidates(sentence)
        if maybe is None:   # the prefilter cannot tell: every group, as without it
            if not self._any_cue.search(sentence):
                return out
            maybe = self.groups.keys()
        elif not any(self._gates[name].search(sentence) for name in self._gates if name in maybe):
            return out      # no action or weapon cue: the same answer as `_any_cue`, from a few groups' regexes
        for name, rx in self.groups.items():
            if name in maybe:
                spans = [m.span() for m in rx.finditer(sentence)
                         if not (name.startswith("a_") and (_attributive(sentence, *m.span()) or
                                                             _inside_a_name(sentence, *m.span())))]
                if spans:
                    out.spans[name] = spans
        return out

    def classify(self, sentence: str, hits: CueHits | None = None) -> Classification | None:
        """The first rule whose cue groups are all present (and none of its excluded ones), or None."""
        hits = hits or self.hits(sentence)
        for rule in self.rules:
            if all(hits.has(g) for g in rule.all) and not any(hits.has(g) for g in rule.none):
                if rule.any_text is not None and not rule.any_text.search(sentence):
                    continue
                action_groups = [g for g in rule.all if g.startswith("a_")] or list(rule.all)
                trigger = min(hits.first(g) for g in action_groups if hits.first(g))
                return Classification(rule.sub, trigger, hits)
        return None

    def event_type(self, sub_event_type: str) -> str:
        return self.event_type_of[sub_event_type]


def resolve_with_actors(sub: str, taker_inter: str | None, taker_country: str | None,
                        place_country: str | None, sides_known: bool) -> str:
    """Settle the actor-dependent placeholders with ACLED's rules.

    Territory: state forces retaking their own country's ground -> Government regains territory; a non-state
    group taking it -> Non-state actor overtakes territory; a foreign state's army taking it -> Armed clash
    (ACLED codes the Russian capture of Ukrainian settlements so). Detention: by state forces -> Arrests,
    by anyone else -> Abduction/forced disappearance.
    """
    state = taker_inter in ("State forces", "External/Other forces")  # the latter: a state's army abroad
    own_ground = taker_inter == "State forces" and (None in (taker_country, place_country) or taker_country == place_country)
    if sub == TERRITORY_REGAIN:
        if state and not own_ground:
            return "Armed clash"   # a foreign army "liberating" a place is its capture (e.g. Russian MoD wording)
        return "Government regains territory" if state or not taker_inter else "Non-state actor overtakes territory"
    if sub == TERRITORY_CAPTURE:
        if not taker_inter:
            return "Armed clash"
        if state:
            return "Government regains territory" if own_ground else "Armed clash"
        return "Non-state actor overtakes territory"
    if sub == ARREST_OR_ABDUCTION:
        # a state's forces detain (at home or as occupiers: ACLED codes both as arrests); anyone else abducts
        return "Arrests" if state or taker_inter is None else "Abduction/forced disappearance"
    return sub


# "the recently liberated town of Runirgod", "the occupied territories": a participle before a place noun
# describes the place; the event it names was told elsewhere, if at all
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|this|that|these|those)\s+(?:\w+ly\s+)?$", re.I)
_PLACE_NOUN_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:towns?|villages?|city|cities|settlements?|areas?|territor(?:y|ies)|"
                               r"regions?|districts?|parts?|lands?|communit(?:y|ies)|localit(?:y|ies))\b", re.I)


# "in the centre of occupied Melitopol", "to liberated Kherson": before a name, after a preposition
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|of|from|near|to|at|into|around|across|outside|inside|towards?)\s+"
                                 r"(?:\w+ly\s+)?$", re.I)
_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z])[\w'’-]+")


def _inside_a_name(sentence: str, start: int, end: int) -> bool:
    """"the Sudan Liberation Movement", "the Patriotic Resistance Front": an action word written with a capital
    inside a run of capitalised words names an organisation, not an act (not so in a headline in title case)."""
    if not sentence[start:start + 1].isupper() or not sentence[:start].strip():
        return False
    before = re.search(r"([\w’'-]+)\s+$", sentence[:start])
    after = re.match(r"\s+([\w’'-]+)", sentence[end:])
    if not ((before and before.group(1)[0].isupper()) or (after and after.group(1)[0].isupper())):
        return False
    return sum(1 for w in re.findall(r"[\w’'-]{4,}", sentence) if w[0].islower()) >= 2   # a title-case headline has none


def _attributive(sentence: str, start: int, end: int) -> bool:
    word = re.match(r"[\w-]+", sentence[start:end])
    if not word or not word.group().endswith("ed"):
        return False
    before = sentence[max(0, start - 40):start]
    after = start + word.end()
    return (bool(_DETERMINER_BEFORE.search(before)) and bool(_PLACE_NOUN_AFTER.match(sentence, after))) or \
        (bool(_PREPOSITION_BEFORE.search(before)) and bool(_NAME_AFTER.match(sentence, after)))
