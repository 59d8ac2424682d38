"""Every place mention in an article: capitalised spans looked up in the gazetteer (longest first), extended by
descriptors ("Kherson region", "Nikopol district", "Pokrovska hromada", "outskirts of X"), then resolved together:
the unambiguous mentions (countries, regions, the only place of a name) give the article's context (its
countries, oblasts, raions, points), and every mention is re-ranked with it. No statistical NER: fast enough
(a few ms per article) to run on every text.

The candidates and their flags (a person's name, a sentence-initial word, a word glued to an organisation)
come from `sitrep.geo.mention_scan`; `_keep` here decides with them. "GLASGOW, Ky." holds Glasgow in Kentucky,
and the article's later "Glasgow" with it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from sitrep.geo.lexicon import english as _english
from sitrep.geo.mention_scan import RawMention, geo_rank, scan_candidates, well_known_city
from sitrep.geo.place import PlaceMention
from sitrep.geo.resolve import ANCHOR_MARGIN, Context, Scored, retrieve, rivals, score
from sitrep.geo.translit import fold

__all__ = ["context_from_text", "find_mentions", "geo_rank"]


def _article_context(raws: list[RawMention], hint: str | None) -> Context:
    """The countries, regions, districts and points the article's unambiguous mentions give. A hamlet does not
    make an article about its country: when countries, regions or big cities are named, a lone small place
    abroad of them ("Kone village" read in New Caledonia in a report on Myanmar) lends no context."""
    ctx = Context(countries={hint} if hint else set())
    counts: dict[str, int] = {hint: 3} if hint else {}
    anchors = []
    outright = {r.ranked[0].entry.cc for r in raws if r.ranked and r.ranked[0].entry.level == 0 and not r.weak}
    for r in raws:
        if not r.ranked or r.weak or r.glued or r.initial:
            continue
        best = r.ranked[0]
        if rivals(r.ranked, ANCHOR_MARGIN) or (best.kind != "exact" and best.entry.level > 1):
            continue
        if outright and best.entry.cc not in outright and any(
                c.kind == "exact" and c.entry.cc in outright for c in r.ranked[1:]):
            continue    # "DR Congo's Beni region": Bolivia's Beni department vouches for nothing
        own_name = best.own_name
        if best.entry.level == 4 and best.entry.population < 100_000 and not own_name:
            continue    # a village found under another of its names is no anchor: the text spelled it otherwise
        if best.entry.level == 4 and not own_name and any(c.kind == "exact" and c.entry.cc != best.entry.cc
                                                          for c in r.ranked[1:]):
            continue    # "Slavyansk": Sloviansk's Russian name and Slavyansk-na-Kubani's short one; it vouches for neither
        anchors.append((best.entry, own_name))
    strong = {e.cc for e, own in anchors if e.cc and (e.level <= 1 or (own and e.population >= 100_000))} | \
        ctx.countries     # not "Salisbury", an old name of Harare
    places_of: dict[str, set[int]] = {}
    for e, _ in anchors:
        places_of.setdefault(e.cc, set()).add(e.id)
    strong |= {cc for cc, ids in places_of.items() if len(ids) >= 2}   # small places that agree on a country
    # a hamlet alone does not put the article in its region: "Kolesnykivka" read in Luhansk in a Kharkiv report
    # would otherwise vouch for its own reading; regions named, towns, or two hamlets that agree do
    named = {(e.cc, e.admin1) for e, _ in anchors if e.level <= 2}
    hamlets = Counter((e.cc, e.admin1) for e, _ in anchors if e.level == 4 and e.population < 5_000)
    for e, _ in anchors:
        if strong and e.cc not in strong:
            continue
        if e.cc:
            ctx.countries.add(e.cc)
            counts[e.cc] = counts.get(e.cc, 0) + 1
        lone = e.level == 4 and e.population < 5_000 and hamlets[(e.cc, e.admin1)] < 2 and \
            (e.cc, e.admin1) not in named
        if e.level >= 1 and e.admin1 and not lone:
            ctx.admin1.add((e.cc, e.admin1))
        if e.level == 1 and e.admin1:
            ctx.regions_named.add((e.cc, e.admin1))
        if e.level == 2 and e.admin2:
            ctx.admin2.add(e.admin2)
        if e.level == 3 and e.hromada:
            ctx.hromadas.add(e.hromada)
        if e.level == 4 and e.precision == 1:
            pt = (round(e.lat, 2), round(e.lon, 2))
            if pt not in ctx.points:
                ctx.points.append(pt)
        elif e.level in (1, 2):
            ctx.areas.append((e.clat if e.clat is not None else e.lat, e.clon if e.clon is not None else e.lon))
    top = max(counts.values(), default=1)
    ctx.country_weight = {cc: 0.15 + 0.15 * n / top for cc, n in counts.items()}
    return ctx


def _apply_containers(geo, text: str, raws: list[RawMention]) -> None:
    """"Edmonton, Alberta", "London, Kentucky", "Vasylivka (Zaporizhzhia Oblast)": the region or country written
    right after a name holds it; keep the candidates inside it."""
    for a, b in zip(raws, raws[1:]):
        if not a.ranked or not b.ranked or a.demonym:
            continue
        gap = text[a.end:b.start]
        if _district_first(a, b, gap):
            continue
        if gap == " in " and a.ranked[0].entry.level == 4 and b.ranked[0].entry.level == 4 and \
                all(c.entry.cc != b.ranked[0].entry.cc for c in a.ranked):
            a.ranked = []   # "a house in Tal in Rafah": a place inside a town is in the town's country
            continue
        said_in = a.phrase.level is not None and gap in (" in ", " in the ", " of ")   # "Pale township in/of Sagaing"
        if gap not in (", ", " (", ",\n", " - ") and not said_in:
            continue
        unit = b.ranked[0].entry
        if said_in and unit.level > 1:   # "Pale township of Sagaing": the region, not its capital city
            unit = next((c.entry for c in b.ranked if c.entry.level == 1), unit)
        if unit.level > 1:
            continue
        pool = retrieve(geo.gaz, a.phrase.core, fuzzy=False, force_skeletons=True) if unit.level == 1 else a.ranked
        inside = [c for c in pool if c.entry.cc == unit.cc and (unit.level == 0 or c.entry.admin1 == unit.admin1)
                  and c.entry.id != unit.id]
        if inside:
            a.ranked, a.contained, a.cue = inside, True, True
        elif said_in and all(c.entry.cc != unit.cc for c in a.ranked):
            a.ranked = []    # no such unit in that region: a namesake abroad is not it (the text's frame keeps it)


_PLURAL_UNIT = re.compile(r"\s+(regions|oblasts|provinces|governorates|states|districts|raions|townships|counties)\b",
                          re.I)
_PLURAL_LEVEL = {"regions": 1, "oblasts": 1, "provinces": 1, "governorates": 1, "states": 1, "districts": 2,
                 "raions": 2, "townships": 3, "counties": 2}
_LIST_GAPS = (", ", " and ", ", and ", " or ")


def _plural_units(text: str, raws: list[RawMention]) -> None:
    """"over the Poltava, Sumy and Kyiv regions": a plural unit after a list makes each name of it that unit
    (the regions, not their capital cities)."""
    for k, r in enumerate(raws):
        m = _PLURAL_UNIT.match(text, r.end)
        if not m or r.demonym or r.phrase.level is not None:
            continue
        level = _PLURAL_LEVEL[m.group(1).lower()]
        members = [r]
        for prev in reversed(raws[:k]):
            if text[prev.end:members[-1].start] not in _LIST_GAPS or prev.demonym or prev.phrase.level is not None:
                break
            members.append(prev)
        if len(members) < 2:
            continue
        for x in members:
            if any(c.entry.level == level for c in x.ranked):
                x.phrase = replace(x.phrase, level=level)
                x.ranked = [c for c in x.ranked if c.entry.level == level]
                x.cue = True
        r.end = m.end()


_REGIONS_OF = r"(?:regions|oblasts|provinces|governorates)\s+(?:of|including|such as|like|:)"
_UNITS_OF_BEFORE = re.compile(r"\b(?:(?:communities|hromadas|municipalities|territorial communities)\s+of|"
                              rf"{_REGIONS_OF})\s+(?:the\s+)?$", re.I)
_REGIONS_BEFORE = re.compile(rf"\b{_REGIONS_OF}\s+(?:the\s+)?$", re.I)


def _units_before_list(text: str, raws: list[RawMention]) -> None:
    """"The hromadas of Seredyna-Buda, Velyka Pysarivka and Khotin came under fire", "the communities of Nikopol
    and Marhanets": each name of the list is the community (hromada), not its centre."""
    k = 0
    while k < len(raws):
        r = raws[k]
        if not _UNITS_OF_BEFORE.search(text[max(0, r.start - 40):r.start]):
            k += 1
            continue
        members = [r]
        for nxt in raws[k + 1:]:
            if text[members[-1].end:nxt.start] not in _LIST_GAPS:
                break
            members.append(nxt)
        regions = bool(_REGIONS_BEFORE.search(text[max(0, r.start - 40):r.start]))
        for x in members:
            if x.demonym is not None or x.phrase.level is not None or not x.ranked:
                continue
            if regions:     # "drones over Russian regions including Moscow, Leningrad, Belgorod": the regions
                if any(c.entry.level == 1 for c in x.ranked):
                    x.phrase = replace(x.phrase, level=1)
                    x.ranked = [c for c in x.ranked if c.entry.level == 1]
                    x.cue = True
            elif x.ranked[0].entry.level == 4:   # read as "Khotin hromada": the community of the town
                x.phrase = replace(x.phrase, level=3)
                x.cue = True
        k += len(members)


_DISTRICT_FIRST_GAPS = (", ", ", the village of ", ", the town of ", ", village of ", ", town of ", ", the city of ")


def _district_first(a: RawMention, b: RawMention, gap: str) -> bool:
    """"Chuhuiv district, Rubizhne village", "Kupyansk district, the town of Kupyansk": the district a summary
    names first holds the settlement after it (one of five Rubizhnes). True when it narrowed `b`."""
    if a.phrase.level != 2 or b.phrase.level not in (None, 4) or gap not in _DISTRICT_FIRST_GAPS:
        return False
    unit = a.ranked[0].entry
    if unit.level not in (2, 4) or not unit.admin2:
        return False
    inside = [c for c in b.ranked if c.entry.level == 4 and c.entry.cc == unit.cc and c.entry.admin2 == unit.admin2]
    if not inside or len(inside) == len(b.ranked):
        return False
    b.ranked, b.contained, b.cue = inside, True, True
    return True


def _variant_abroad(r: RawMention, ctx: Context) -> bool:
    """"the villages of Krasnooktyabrsky and Volfino" in a report whose regions are all Russia's: a spelling
    variant of a village over the border (Volfyne, Sumy) is a look-alike, not the place; the text named the
    country whose regions it names; nor is a variant in a country the article is not about at all. Exact names
    and big places keep their reading."""
    if not r.ranked:
        return False
    best = r.ranked[0]
    e = best.entry
    if best.kind == "exact" or e.level == 0:
        return False
    if ctx.countries and e.cc not in ctx.countries and (e.level != 4 or e.population < 100_000):
        return True     # "the Horn of Africa" is no spelling of Hoorn in a report on Somalia, "Alnom" none of Alania's
    if e.population >= 100_000:
        return False
    return e.level == 4 and bool(ctx.admin1) and not any(cc == e.cc for cc, _ in ctx.admin1)


def _hamlet_abroad(r: RawMention, ctx: Context, names_in: dict[str, set[str]]) -> bool:
    """"the regions of Northwest and Southwest" in a report on Cameroon, "Ma Gyi Sauk village" in one on Myanmar: a
    hamlet or county of that exact name in a country the article never names and no other of its places lies in
    (Northwest, North Carolina; Sauk County, Wisconsin) is a look-alike, not the place."""
    if not r.ranked or not ctx.countries:
        return False
    e = r.ranked[0].entry
    small = (e.level == 4 and e.precision == 1 and e.population < 5_000) or (e.level in (2, 3) and
                                                                            e.population < 100_000)
    return small and e.cc not in ctx.countries and not names_in.get(e.cc, set()) - {fold(r.phrase.core)}


def _names_by_country(raws: list[RawMention]) -> dict[str, set[str]]:
    """The names whose reading makes a country's presence plain (a region, a town of 20,000), per country: they
    vouch for a hamlet of the same country ("Danbury" for "Bantam")."""
    out: dict[str, set[str]] = {}
    for r in raws:
        if not r.ranked or not _keep(r):
            continue
        e = r.ranked[0].entry
        if e.cc and r.ranked[0].kind == "exact" and (e.level <= 1 or (e.level == 4 and e.population >= 20_000)):
            out.setdefault(e.cc, set()).add(fold(r.phrase.core))
    return out


def context_from_text(geo, text: str) -> Context:
    """What a free-text context says (the oblast, raion, country, other places)."""
    raws = scan_candidates(geo, text, None, False, fuzzy=False)
    return _article_context(raws, None)


def _support_from_others(r: RawMention, ctx: Context) -> float:
    best = r.ranked[0]
    again = score([Scored(best.hit, best.kind, best.base)], ctx, r.phrase.level)
    return again[0].support if again else 0.0


def _keep(r: RawMention, others=None) -> bool:
    """Whether a reading is a place mention. `others()` gives the support the rest of the article lends it
    (asked only for weak readings: a name must not vouch for itself)."""
    if not r.ranked:
        return False
    if r.demonym:
        return True
    best = r.ranked[0]
    e = best.entry
    if others is not None and (r.weak or r.initial or best.kind != "exact"
                               or (e.level == 4 and e.population < 1000)):
        best = Scored(best.hit, best.kind, best.base, best.score, others())
    strong = e.level <= 1 or e.population >= 100_000 or best.support >= 0.3
    if r.weak and not (r.cue and (strong or best.support > 0)):
        return False
    if r.surname and e.level > 1:
        return False
    if r.person == "given" or (r.person and not well_known_city(r.ranked, 1_000_000 if r.person == "surname"
                                                                 else 200_000)
                               and not (r.person == "possessive" and e.level == 0)):
        return False
    if r.glued == "org" and not (best.kind == "exact" and (e.level <= 2 or e.population >= 5_000)):
        return False
    if r.glued and not (e.level <= 1 or r.cue or (r.glued in ("institution", "org") and strong)):
        return False
    if r.glued in ("street", "outlet") or (r.glued == "word" and r.phrase.level is None):
        return False
    if r.initial and not (r.cue or best.support >= 0.4):   # more than its country alone lends
        return False
    if best.kind != "exact" and not (r.cue or best.support >= 0.3 or r.phrase.level is not None):
        return False
    if e.level == 4 and e.population < 1000 and not (r.cue or best.support > 0 or r.phrase.level):
        return False
    return True


def find_mentions(geo, text: str, country_hint: str | None = None, demonyms: bool = False,
                  fuzzy: bool = True, best_guess: bool = False) -> list[PlaceMention]:
    """Place mentions of `text`. best_guess=True (geoparse): an ambiguous name gets its most likely reading
    (still geo_precision 3, the candidates and a note) instead of the unit all readings share."""
    if not isinstance(text, str) or not text.strip():
        return []
    from sitrep.geo.geocoder import country_code

    hint = country_code(country_hint) if country_hint else None
    raws = scan_candidates(geo, text, hint, demonyms, fuzzy)
    _plural_units(text, raws)
    _units_before_list(text, raws)
    _apply_containers(geo, text, raws)
    held: dict[str, list[Scored]] = {}
    for r in raws:
        if r.contained:
            r.ranked = geo_rank(r.ranked, Context(), r.phrase.level)
            held.setdefault(fold(r.phrase.core), r.ranked)
    for r in raws:   # "GLASGOW, Ky. ... in Glasgow": the place the article said once, every time
        if held and not r.contained and r.demonym is None and r.phrase.level is None and r.ranked:
            same = held.get(fold(r.phrase.core))
            if same and r.ranked[0].entry.level >= 2:
                r.ranked, r.contained = same, True
    full = _article_context(raws, hint)
    full.refuse_far = not best_guess
    names_in = _names_by_country(raws)
    others: dict[str, Context] = {}

    def ctx_without(name_key: str) -> Context:
        """The article's context minus the mention itself: a name must not vouch for itself."""
        if name_key not in others:
            others[name_key] = _article_context([x for x in raws if fold(x.phrase.core) != name_key], hint) \
                if any(fold(x.phrase.core) == name_key for x in raws) else full
            others[name_key].refuse_far = full.refuse_far
        return others[name_key]

    out: list[PlaceMention] = []
    resolved: dict[tuple, object] = {}
    reranked: dict[tuple, list[Scored]] = {}
    ctx = full
    for r in raws:
        if r.demonym is None and r.contained:
            r.ranked = geo_rank(r.ranked, ctx, r.phrase.level)
        elif r.demonym is None:
            rk = (r.phrase.core, r.phrase.level)
            if rk not in reranked:
                if ctx.admin1 and r.ranked and not any((c.entry.cc, c.entry.admin1) in ctx.admin1 for c in r.ranked) \
                        and r.phrase.core.lower() not in _english() \
                        and not any(c.kind == "exact" and c.entry.population >= 100_000 for c in r.ranked):
                    # "Bank" is no variant of Babenky; "Kiev" (Kyiv) no spelling of Kivai, a Bryansk hamlet
                    r.ranked = retrieve(geo.gaz, r.phrase.core, fuzzy=False, ctx=ctx) or r.ranked
                reranked[rk] = geo_rank(r.ranked, ctx, r.phrase.level)
            r.ranked = reranked[rk]
        if r.demonym is None and not r.contained and (_variant_abroad(r, ctx) or _hamlet_abroad(r, ctx, names_in)):
            continue
        if not _keep(r, lambda r=r: _support_from_others(r, ctx_without(fold(r.phrase.core)))):
            continue
        key = (fold(r.phrase.core), r.phrase.level, r.phrase.near, r.ranked[0].entry.id if r.contained else 0)
        if key not in resolved:
            resolved[key] = geo.to_place(r.ranked[0].entry, 3, r.ranked[0].entry.note) if r.demonym \
                else geo.resolve(r.phrase, ctx, ranked=r.ranked, best_guess=best_guess)
        place = resolved[key]
        if place is not None:
            out.append(PlaceMention(r.start, r.end, text[r.start:r.end], place))
    return out
