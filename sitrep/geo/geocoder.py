"""The library entry point: `Geocoder.default().geocode(name, context, country)`, `.region(admin1)`,
`.find_mentions(text)`. Thin orchestration over descriptors.py (what the words say), resolve.py (candidates
and ranking) and mentions.py (spans in a text)."""
from __future__ import annotations

import dataclasses
import re
import sys
import threading
from functools import lru_cache

from sitrep.geo import descriptors
from sitrep.geo.index_state import ensure_index, stale_reason  # noqa: F401 (library entry points)
from sitrep.geo.lexicon import not_places as _not_places
from sitrep.geo.place import Place, PlaceMention, Reading
from sitrep.geo.resolve import Context, Scored, describe, retrieve, rivals, score
from sitrep.geo.store import Entry, Gazetteer, GazetteerError, default_index_path
from sitrep.geo.translit import fold, has_cyrillic, is_indexable

_DEFAULT_LOCK = threading.Lock()
_INSTITUTION = re.compile(
    r"^(.+?)\s+(?:(regional|oblast|region|district|raion|city|town|village|municipal)\s+)?"
    r"(?:(?:military|state|civil|civil-military|military-civil)\s+)*"
    r"(?:administration|council|police|prosecutor'?s office|government|governor'?s office|office)$", re.I)
_DEFAULT: dict[str, "Geocoder"] = {}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from sitrep.geo.sources import geonames_country_names

    return geonames_country_names()


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Lower-case English name or ISO code -> ISO code, for the `country` argument."""
    out = {}
    for cc, name in _country_names().items():
        out[cc.lower()] = cc
        out[fold(name)] = cc
    return out


def country_code(country: str | None) -> str | None:
    if not country:
        return None
    return _country_codes().get(country.strip().lower()) or _country_codes().get(fold(country))


class Geocoder:
    """Offline geocoder over the prebuilt gazetteer index."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._ctx_cache: dict[str, Context] = {}

    @classmethod
    def default(cls) -> "Geocoder":
        """The geocoder over the default index (built on first use); one per process and index path."""
        path = str(default_index_path())
        with _DEFAULT_LOCK:
            g = _DEFAULT.get(path)
            if g is None:
                ensure_index(path, progress=True)
                g = _DEFAULT[path] = cls(Gazetteer(path))
            return g

    @classmethod
    def open(cls, path) -> "Geocoder":
        return cls(Gazetteer(path))

    # -- public API ------------------------------------------------------------------------------------
    def geocode(self, name: str, context: str | None = None, country: str | None = None) -> Place | None:
        place = self._geocode(name, context, country)
        if place is None and isinstance(name, str):
            m = _INSTITUTION.match(name.strip())
            if m and fold(m.group(1)) not in _not_places():
                # "Kherson Regional Military Administration": at most the region it is named for
                unit = (m.group(2) or "").lower()
                tail = " region" if unit in ("regional", "oblast", "region") else \
                    " district" if unit in ("district", "raion") else ""
                place = self._geocode(m.group(1) + tail, context, country)
        return place

    def _geocode(self, name: str, context: str | None = None, country: str | None = None) -> Place | None:
        phrase = descriptors.parse(name) if isinstance(name, str) else None
        if phrase is None or not is_indexable(phrase.core):
            return None
        ctx = self.context(" ".join(t for t in (phrase.context, context or "") if t))
        cc = country_code(country)
        if country and not cc:
            return None
        if cc is None and len(ctx.countries) == 1 and ctx.admin1:
            # "Bahdo, Galgaduud": the context names a region of one country; a look-alike abroad is refused
            cc = next(iter(ctx.countries))
        ctx = dataclasses.replace(ctx, country=cc)
        if phrase.core.islower() and not has_cyrillic(phrase.core):
            # variant spellings are for proper names: "shelling" must not become a village one letter away
            ranked = self.ranked(phrase, ctx, fuzzy=False, skeletons=False)
            return self.resolve(phrase, ctx, ranked=ranked)
        return self.resolve(phrase, ctx)

    def capital(self, country: str | None) -> Place | None:
        """The capital city of `country` (name or ISO code), for "Haiti's capital", "the Sudanese capital"."""
        from sitrep.geo.sources import capital_names

        name = capital_names().get(country_code(country) or "")
        return self._geocode(name, country=country) if name else None

    def region(self, admin1: str, country: str | None = None) -> Place | None:
        phrase = descriptors.parse(admin1) if isinstance(admin1, str) else None
        if phrase is None or not is_indexable(phrase.core):
            return None
        cc = country_code(country)
        whole = descriptors.clean(admin1) or ""
        ranked = score(retrieve(self.gaz, whole, levels={1}), Context(country=cc), 1) if whole else []
        ranked = ranked or score(retrieve(self.gaz, phrase.core, levels={1}), Context(country=cc), 1)
        if not ranked:
            return None
        return self.to_place(ranked[0].entry, 3, ranked[0].entry.note)

    def find_mentions(self, text: str, country_hint: str | None = None, demonyms: bool = False,
                      best_guess: bool = False) -> list[PlaceMention]:
        """Every place mention of an article, resolved with the article as context (see mentions.py)."""
        from sitrep.geo.mentions import find_mentions

        return find_mentions(self, text, country_hint=country_hint, demonyms=demonyms, best_guess=best_guess)

    # -- internals used by mentions.py and commands.py ------------------------------------------------
    def context(self, text: str) -> Context:
        if not text:
            return Context()
        ctx = self._ctx_cache.get(text)
        if ctx is None:
            from sitrep.geo.mentions import context_from_text

            ctx = context_from_text(self, text)
            if len(self._ctx_cache) > 5000:
                self._ctx_cache.clear()
            self._ctx_cache[text] = ctx
        return ctx

    def ranked(self, phrase: descriptors.Phrase, ctx: Context, fuzzy: bool = True,
               skeletons: bool = True) -> list[Scored]:
        cands = retrieve(self.gaz, phrase.core, fuzzy=fuzzy, skeletons=skeletons, ctx=ctx)
        want = phrase.level
        if want is not None and skeletons and not any(c.entry.level == want for c in cands):
            cands = retrieve(self.gaz, phrase.core, fuzzy=fuzzy, ctx=ctx, force_skeletons=True) or cands
        if want == 1 and any(c.entry.level == 1 for c in cands):
            cands = [c for c in cands if c.entry.level == 1]
        elif want in (2, 3) and any(c.entry.level in (2, 3) for c in cands):
            cands = [c for c in cands if c.entry.level in (2, 3, 4)]
        elif want is not None and want != 1:
            cands = [c for c in cands if c.entry.level >= 2] or cands
        return score(cands, ctx, want)

    def resolve(self, phrase: descriptors.Phrase, ctx: Context, ranked: list[Scored] | None = None,
                fuzzy: bool = True, best_guess: bool = False) -> Place | None:
        ranked = self.ranked(phrase, ctx, fuzzy=fuzzy) if ranked is None else ranked
        if not ranked:
            return None
        best = ranked[0]
        e = best.entry
        precision = e.precision
        if phrase.level == 1 and e.level == 4:
            precision = max(precision, 2)          # "Bara region": around the town
        if phrase.level in (2, 3) and e.level == 4:
            precision = max(precision, 2)
        if phrase.near:
            precision = max(precision, 2)
        rv = rivals(ranked)
        if rv and phrase.level is None:
            town = _capital_of_its_namesake_unit([best, *rv])
            if town is not None:     # "Jenin": the city, not the governorate named after it
                best, rv, e = town, [], town.entry
                precision = e.precision
        if rv and best_guess:
            listed = [describe(c.entry) for c in [best, *rv][:10]]
            return self.to_place(e, 3, f"ambiguous: {len(rv) + 1} places named {phrase.core!r} fit; the most "
                                 f"likely is given", listed)
        if rv:
            return self.fallback([best, *rv], phrase.core)
        return self.to_place(e, precision, e.note)

    def fallback(self, cands: list[Scored], name: str) -> Place:
        """The smallest unit all candidates share, with geo_precision 3 and the candidates named."""
        entries = [c.entry for c in cands]
        listed = [describe(e) for e in entries[:10]]
        more = f" and {len(entries) - 10} more" if len(entries) > 10 else ""
        ccs = {e.cc for e in entries}
        unit: Entry | None = None
        if len(ccs) == 1:
            cc = entries[0].cc
            a1 = {e.admin1 for e in entries}
            a2 = {e.admin2 for e in entries}
            if len(a1) == 1 and len(a2) == 1 and None not in a2 and cc == "UA":
                unit = self.gaz.find(2, a2.pop(), cc)
            if unit is None and len(a1) == 1 and None not in a1:
                unit = self.gaz.find(1, a1.pop(), cc)
            if unit is None and cc:
                unit = self.gaz.country(cc)
        note = f"ambiguous: {len(entries)} places named {name!r} fit ({'; '.join(listed)}{more})"
        readings = [Reading(e.name, e.lat, e.lon, e.cc, e.admin1, e.admin2, e.precision) for e in entries if e.level == 4]
        if unit is None:
            e = entries[0]
            place = self.to_place(e, max(e.precision, 3), note + "; the most likely was kept", listed)
        else:
            place = self.to_place(unit, 3, note + f"; fell back to {unit.name}", listed)
        place.readings = readings
        return place

    def to_place(self, e: Entry, precision: int, note: str | None, candidates: list[str] | None = None) -> Place:
        country = _country_names().get(e.cc or "", None)
        return Place(
            name=e.name, latitude=round(e.lat, 5), longitude=round(e.lon, 5), country=country,
            country_code=e.cc, admin1=e.admin1 if e.level >= 1 else None, admin2=e.admin2 if e.level >= 2 else None,
            geo_precision=min(3, max(1, precision)), geonameid=e.geonameid, feature="P" if e.level == 4 else "A",
            population=e.population, candidates=list(candidates or []), note=note,
            centroid=(e.clat, e.clon) if e.clat is not None else None)


def _capital_of_its_namesake_unit(cands: list[Scored]) -> Scored | None:
    """The one settlement among rival readings that lies inside every rival unit (region, district) of its name."""
    units = [c for c in cands if c.entry.level in (1, 2)]
    towns = [c for c in cands if c.entry.level == 4 and units and all(
        u.entry.cc == c.entry.cc and u.entry.admin1 == c.entry.admin1 for u in units)]
    return towns[0] if len(towns) == 1 else None


def open_default() -> Geocoder | None:
    """The default geocoder, or None with a one-line reason on stderr (for CLI code paths)."""
    try:
        return Geocoder.default()
    except GazetteerError as e:
        print(str(e), file=sys.stderr)
        return None
