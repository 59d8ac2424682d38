"""Candidate retrieval and ranking: the heart of the geocoder.

A name's candidates come from its exact keys, then (when those find nothing of the wanted kind) its
transliteration skeleton, then one-edit fuzzy keys for Ukrainian names. Each candidate is scored by how well
the spelling matches, its population, the kind of unit asked for, and the context: the country asked for, the
oblast/raion/country named nearby, the other places of the article (distance). When the two best readings stay
close and far apart, nothing is picked silently: the answer falls back to the smallest unit they all share
(raion, region, country) with geo_precision 3 and the candidates listed in a note.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz.distance import DamerauLevenshtein, Indel

from sitrep.geo.store import Entry, Gazetteer, Hit
from sitrep.geo.translit import deletes1, fold, fold_all, skeleton

MARGIN = 0.08            # score gap (~6x population) under which two far-apart readings are "ambiguous"
ANCHOR_MARGIN = 0.12     # stricter: a mention lends its region to the rest of an article only when it is clear
SAME_PLACE_KM = 25.0
NAMESAKE_CAPITAL = 0.05
FAR_KM = 1500.0          # farther than this from every place the text names, a small place abroad is a namesake  # a town that gave its name to its region is the best-known place of that name
FOCUS = {"UA": 0.15, "RU": 0.05}   # the conflict's geography: a light prior, context outweighs it
CYRILLIC_ORIGIN = {"UA", "RU", "BY", "KZ", "KG", "TJ", "UZ", "TM", "MD", "GE", "AM", "AZ", "BG", "RS", "MK",
                   "ME", "BA", "MN"}


@dataclass
class Context:
    """What the surrounding text says about where we are."""
    countries: set[str] = field(default_factory=set)
    admin1: set[tuple[str, str]] = field(default_factory=set)     # (cc, admin1)
    admin2: set[str] = field(default_factory=set)
    hromadas: set[str] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    country: str | None = None                                     # hard filter (ISO code)
    country_weight: dict[str, float] = field(default_factory=dict)  # how much each country dominates
    regions_named: set[tuple[str, str]] = field(default_factory=set)  # (cc, admin1) the text names as regions
    areas: list[tuple[float, float]] = field(default_factory=list)     # where the countries and regions named lie
    refuse_far: bool = False   # drop small places abroad far from all the text names (events; not geoparse's guess)

    def empty(self) -> bool:
        return not (self.countries or self.admin1 or self.admin2 or self.points)


@dataclass
class Scored:
    hit: Hit
    kind: str        # exact / skeleton / fuzzy
    base: float = 0.0      # spelling match alone
    score: float = 0.0     # after population, kind of unit, context
    support: float = 0.0   # how much of the score came from context

    def __post_init__(self) -> None:
        self.score = self.score or self.base

    @property
    def entry(self) -> Entry:
        return self.hit.entry

    @property
    def own_name(self) -> bool:
        """Found under the place's own name, not another of its names ("Salisbury" for Harare)."""
        return self.hit.src.lstrip("=") == fold(self.hit.entry.name)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def near_km(lat: float, lon: float, points: list[tuple[float, float]]) -> float:
    """Distance to the nearest point, equirectangular (plenty for the < 200 km bands it feeds)."""
    c = math.cos(math.radians(lat))
    best = 1e18
    for plat, plon in points:
        dy, dx = plat - lat, (plon - lon) * c
        d = dy * dy + dx * dx
        if d < best:
            best = d
    return 111.2 * math.sqrt(best)


_MEMO_SIZE = 100_000   # retrievals remembered per gazetteer (a few hundred bytes each)


def retrieve(gaz: Gazetteer, name: str, levels: set[int] | None = None, fuzzy: bool = True,
             skeletons: bool = True, ctx: "Context | None" = None, force_skeletons: bool = False) -> list[Scored]:
    """All candidates of a name (see `_retrieve`), remembered per process: a text scans every capitalised run
    ("John", "U.S.", "President") and most recur across articles, each costing key folds, skeletons and
    one-edit fuzzy keys. Fresh `Scored` objects every call, since callers score them in place."""
    if ctx is not None:
        return _retrieve(gaz, name, levels, fuzzy, skeletons, ctx, force_skeletons)
    memo = gaz.__dict__.setdefault("_retrieved", {})
    key = (name, frozenset(levels) if levels is not None else None, fuzzy, skeletons, force_skeletons)
    found = memo.get(key)
    if found is None:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        found = memo[key] = tuple((c.hit, c.kind, c.base)
                                  for c in _retrieve(gaz, name, levels, fuzzy, skeletons, None, force_skeletons))
    return [Scored(hit, kind, base) for hit, kind, base in found]


def _retrieve(gaz: Gazetteer, name: str, levels: set[int] | None = None, fuzzy: bool = True,
              skeletons: bool = True, ctx: "Context | None" = None, force_skeletons: bool = False) -> list[Scored]:
    """All candidates of a name (any level unless `levels`), best spelling match per place.

    Skeleton readings are looked for when no exact name matches, or when none of the exact matches fits the
    context given (`ctx`: "Vasilyevka" near Zaporizhzhia when GeoNames spells only other Vasylivkas that way)."""
    keys = fold_all(name)
    best: dict[int, Scored] = {}

    def add(hits, kind, key):
        for h in hits:
            if levels is not None and h.entry.level not in levels:
                continue
            if kind == "exact":
                base = 1.15 if h.src.startswith("=") else 1.0    # curated historical / Russian-era name
                if skeleton(fold(h.entry.name)) == skeleton(key) != "":
                    base += 0.03    # "Kardashinka": Kardashynka itself, before Velyka Kardashynka's alternate
            else:
                dist = DamerauLevenshtein.distance(key.replace(" ", ""), h.src.replace(" ", ""))
                base = max(0.45, 0.92 - 0.07 * dist)
                if h.entry.cc not in CYRILLIC_ORIGIN:
                    if dist > 1:
                        continue    # romanisation drift is a Cyrillic-script problem; elsewhere spellings hold
                    base -= 0.15
            old = best.get(h.entry.id)
            if old is None or old.base < base:
                best[h.entry.id] = Scored(h, kind, base)

    for key in keys:
        add(gaz.hits(key), "exact", key)
        if COMPASS_COMPOUND.match(key):   # a region's name written as one word, read as a variant: not abroad
            add([h for h in gaz.hits(COMPASS_COMPOUND.sub(r"\1 \2", key)) if h.entry.level in (1, 2)],
                "skeleton", key)
    exact = bool(best)
    fits = exact and (ctx is None or any(_fits(c.entry, ctx) for c in best.values()))
    if skeletons and (force_skeletons or not fits):
        for key in keys:
            sk = skeleton(key)
            if sk and (len(sk) >= 3 or len(key) <= 5):
                add(gaz.hits("~" + sk, lambda src, key=key: Indel.normalized_similarity(key, src) >= 0.6),
                    "skeleton", key)
    if fuzzy and not exact and not any(c.base >= 0.85 for c in best.values()):
        for key in keys:
            k = key.replace(" ", "")
            if len(k) < 6:
                continue
            limit = 1 if len(k) < 9 else 2
            seen: set[tuple[int, str]] = set()   # per name of a place: one of its names may be one edit off
            dels = sorted(deletes1(k))             # in a fixed order, whatever the hash seed
            gaz.prefetch(["#" + d for d in dels])
            for d in dels:
                for h in gaz.hits("#" + d):
                    if (h.entry.id, h.src) in seen:
                        continue
                    seen.add((h.entry.id, h.src))
                    if DamerauLevenshtein.distance(k, h.src.replace(" ", "")) <= limit:
                        add([h], "fuzzy", key)
    return list(best.values())


# "Southwest" is Cameroon's South-West region written as one word: the gazetteer keys "south west"
COMPASS_COMPOUND = re.compile(r"^(north|south)(east|west)\b")


def _fits(e: Entry, ctx: Context) -> bool:
    if ctx.country and e.cc != ctx.country:
        return False
    if ctx.admin1:
        return (e.cc, e.admin1) in ctx.admin1
    return not ctx.countries or e.cc in ctx.countries


def score(cands: list[Scored], ctx: Context, want: int | None) -> list[Scored]:
    """Add population, kind-of-unit and context evidence to each candidate's spelling score; best first."""
    out = []
    namesakes: dict[str, int] = {}
    for c in cands:
        if c.entry.level == 4:
            namesakes[c.entry.cc] = namesakes.get(c.entry.cc, 0) + 1
    # "Oleksandrivka": dozens of villages of the country have it as their own name; a city it once named is not meant
    # regions whose capital of the same name is among the candidates
    # (its own name; or any name when the region itself is found only under another name: "Jenin", West Bank)
    capitals = {(c.entry.cc, c.entry.admin1, c.own_name) for c in cands
                if c.entry.level == 4 and c.kind == "exact" and c.entry.population >= 20_000}
    inside_named = any(c.entry.level == 4 and (c.entry.cc, c.entry.admin1) in ctx.admin1 for c in cands)
    regions_of = Counter(cc for cc, _ in ctx.admin1)   # a report that ranges over a country names three or more
    own_named: dict[str, int] = {}
    for c in cands:
        if c.own_name:
            own_named[c.entry.cc] = own_named.get(c.entry.cc, 0) + 1
    # a reading of this very name in a country the text is about: namesakes abroad (not its great cities) are not it
    at_home = bool(ctx.countries) and any(c.kind == "exact" and c.entry.level >= 1 and c.entry.cc in ctx.countries
                                          for c in cands)
    for c in cands:
        e = c.entry
        if ctx.country and e.cc != ctx.country:
            continue
        if at_home and e.cc not in ctx.countries and e.level >= 1 and (e.level < 4 or e.population < 1_000_000):
            continue        # "DR Congo's Beni region": the Congo's Beni, not Bolivia's Beni department
        if c.kind != "exact" and ctx.countries and e.cc not in ctx.countries:
            continue        # a spelling variant abroad, when the text says which countries it is about
        variant = c.kind != "exact" or not c.own_name
        if variant and c.kind == "exact" and own_named.get(e.cc, 0) >= 3 and e.level == 4:
            continue
        if variant and e.level == 4 and e.population < 20_000 and e.cc not in ctx.countries and \
                ctx.regions_named and all(cc != e.cc for cc, _ in ctx.regions_named):
            continue        # another spelling of a hamlet of a country the text never comes near
        if c.kind == "fuzzy" and ctx.admin1 and (e.cc, e.admin1) not in ctx.admin1:
            continue        # one letter off a village in a region the text never names: a look-alike
        if ctx.refuse_far and (ctx.points or ctx.areas) and ctx.countries and e.cc not in ctx.countries and \
                (e.level in (2, 3) or (e.level == 4 and e.population < 100_000)) and \
                near_km(e.lat, e.lon, ctx.points + ctx.areas) > FAR_KM:
            continue        # "Pale Township" in a report on Sagaing: not Pale of Bosnia, a country it never names
        # "Afgoye" (Afgooye, a town of 65,000): the one reading of a name spelled a letter or two off the town's
        # own is the town, whatever regions the text names
        respelled = len(cands) == 1 and 20_000 <= e.population and c.kind == "exact" and \
            DamerauLevenshtein.distance(c.hit.src.lstrip("="), fold(e.name)) <= 2
        doubtful = (variant and e.population < 100_000 and not respelled) or \
            (namesakes.get(e.cc, 0) >= 3 and e.population < 50_000)
        # "near Tykhyi and Vovchansk" in a Kharkiv report: a hamlet of that exact name far away (Zakarpattia) is
        # not it when a reading inside the region the text names is at hand
        doubtful = doubtful or (e.level == 4 and e.population < 5_000 and inside_named)
        # (not in a report that ranges over the country: Marib, Sanaa, Aden ... and "al-Mokha" is Mocha of Taiz)
        national = regions_of[e.cc] >= 3
        if doubtful and c.kind != "fuzzy" and e.level in (2, 3, 4) and not national and \
                any(cc == e.cc for cc, _ in ctx.regions_named) and (e.cc, e.admin1) not in ctx.admin1:
            continue        # "Nyaung Kone" of Sagaing read as a Nyaung Gon of Yangon, or one of many Oleksandrivkas
                            # in a region the text never names when it names the region it is about
        s = c.base
        pop = e.population if e.level == 4 else 200_000   # a region outranks towns, not cities, of its name
        if e.level == 0:
            pop = max(e.population, 1_000_000)
            if c.kind == "exact":
                s += 0.5          # "Mexico", "Kazakhstan": the country, not a city also called so
        s += 0.1 * math.log10(max(pop, 300) + 1)
        if e.precision == 2 and e.level == 4:
            s -= 0.03                      # a codifier village without its own coordinates
        if e.level == 4 and e.admin1 and c.own_name and fold(e.admin1) == fold(e.name) and \
                (not ctx.countries or e.cc in ctx.countries):
            s += NAMESAKE_CAPITAL          # "Gao": the capital of Gao region, not a Burkinabe town of 26,000
        if want is None:
            s += {0: 0.05, 1: 0.0, 2: -0.35, 3: -0.3, 4: 0.0}[e.level]
            if e.level == 1 and ((e.cc, e.admin1, True) in capitals or (
                    (e.cc, e.admin1, False) in capitals and not c.own_name)):
                s -= 0.1      # "shelled Kherson": the city; its oblast is written "Kherson region"
        elif e.level == want:
            s += 0.4
        elif want in (2, 3) and e.level == 4:
            s += 0.1
        s += FOCUS.get(e.cc or "", 0.0) if not ctx.countries else 0.0
        sup = 0.0
        if e.cc and e.cc in ctx.countries:
            sup += ctx.country_weight.get(e.cc, 0.15)
        if e.admin1 and (e.cc, e.admin1) in ctx.admin1:
            sup += 0.5
        if e.admin2 and e.admin2 in ctx.admin2:
            sup += 0.3
        if e.hromada and e.hromada in ctx.hromadas:
            sup += 0.2
        if ctx.points and e.level >= 2:
            d = near_km(e.lat, e.lon, ctx.points)
            sup += 0.2 if d < 30 else 0.12 if d < 80 else 0.05 if d < 200 else 0.0
        c.score, c.support = s + sup, sup
        out.append(c)
    out.sort(key=lambda c: (-c.score, -c.entry.population, c.entry.id))
    return out


def rivals(ranked: list[Scored], margin: float = MARGIN) -> list[Scored]:
    """Readings as good as the best one, but elsewhere (> SAME_PLACE_KM): a real ambiguity."""
    if len(ranked) < 2:
        return []
    best = ranked[0]
    out = []
    for c in ranked[1:]:
        if c.score < best.score - margin:
            break
        if c.entry.level != best.entry.level:
            continue
        if km((c.entry.lat, c.entry.lon), (best.entry.lat, best.entry.lon)) > SAME_PLACE_KM:
            out.append(c)
    return out


def describe(e: Entry) -> str:
    parts = [p for p in (e.admin2, e.admin1, e.cc) if p]
    return f"{e.name} ({', '.join(parts)})" if parts else e.name
