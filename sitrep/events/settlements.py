"""Settlements the text names but the gazetteer cannot pin down, kept under their own name.

ACLED codes the most precise place the text gives. Two kinds of settlement used to come out as their region:
- an ambiguous name (Ukraine has 119 Ivanivkas): the readings inside the region the text puts it in (the same
  sentence, then the paragraph, then the article's main region) decide; one reading left is the place itself,
  several are the settlement's name at the coordinates of the region (geo_precision 3) or raion they share (2);
- a name no gazetteer knows, said to be a settlement by the words around it ("the village of X", "Shag Alnom
  village", "the El Salini base", "in X, a frontline town"): kept under its own name, at the coordinates of the
  district or region the text gives for it, with a note saying so. A name in a settlement frame that resolves
  only to a look-alike in another country is one of these too.
So is a name the text puts inside a region it names right after ("in Boni in Mali's Mopti region"). The names
the words around them call a settlement come from `sitrep.events.settlement_names`; here it is decided which
the gazetteer already knows, and where the others lie (the unit written after or before them, a list's region,
the paragraph's, the article's).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from sitrep.events.bearings import COMPASS, DISTANCE_UNIT
from sitrep.events.places import APPOSITIVE_GAP, LIST_GAP, dateline_end, is_country_level, names_country
from sitrep.events.settlement_names import NAME, UNIT_AFTER, frame_names, plausible_name
from sitrep.geo import Geocoder
from sitrep.geo.lexicon import english
from sitrep.geo.place import Place, PlaceMention
from sitrep.geo.translit import fold
from sitrep.nlp.sentences import Sentence

_BEFORE_CONTAINER = re.compile(rf"(?:\b(?:in|at|near|outside|around) |(?P<opening>^|\n))(?P<name>{NAME})"
                               rf"(?=,? (?:in |of )?(?:the )?[A-Z])")


_NAMES_LISTED = re.compile(rf"(?:(?:,|,? and) {NAME})+(?=,)")
_CAPITAL_AFTER = re.compile(r"[’']s\s+capital\b")


def _contained_names(text: str, ctx: "_RegionContext") -> list[tuple[int, int]]:
    """"in Boni in Mali's Mopti region", "near Kasanga, Tanganyika province": a name the text puts inside a
    region it names right after is a place in that region."""
    out = []
    for m in _BEFORE_CONTAINER.finditer(text):
        a, b = m.span("name")
        if UNIT_AFTER.match(text, b):
            continue    # "Valuysky urban district": a unit's name, not a settlement's
        if m.group("opening") is not None and (" " in text[a:b] or text[a:b].lower() in english()):
            continue    # "Markoye, in Oudalan province, is ...": one unknown word opening a line, not "Earlier, in"
        if plausible_name(text[a:b]) and ctx.container(text, b, ctx.sentence_of(a), capitals=False) is not None:
            out.append((a, b))
    return out


# between a name and the unit that holds it: "X, Kherson region", "X in the Mindat Township", "X (Donetsk Oblast)",
# "X, Valuysky urban district, Belgorod region" (a district the gazetteer lacks, seen through)
_KIND_OF_AFTER_REGION = re.compile(r"\s+(?:village|town|settlement|city|hamlet)\s+of\s+(?:the\s+)?")
_CONTAINER_GAP = re.compile(r",?\s*(?:[A-Z][\w'’\-]+ (?:urban |rural |municipal )?(?:district|raion|rayon|okrug),\s*)?"
                            r"(?:\(|(?:in|of|near)\s+)?(?:the\s+)?(?:[A-Z][\w'’\-]+(?:'s|’s)\s+)?(?:[a-z\-]+\s+){0,2}")


_AREA_OF = re.compile(r"\s+(?:area|locality|neighbou?rhood|part|outskirts)\s+of\s+(?:the\s+)?")   # "the Mir Ali area of"


def _in_play(place: Place | None, countries: set[str]) -> bool:
    return place is not None and (not countries or place.country in countries)


def _is_region(m: PlaceMention, countries: set[str]) -> bool:
    return _in_play(m.place, countries) and m.place.is_area and m.place.admin1 is not None


class _RegionContext:
    """Where the text puts a mention: the regions of its sentence, then its paragraph, then the article's."""

    def __init__(self, mentions: list[PlaceMention], sentences: list[Sentence], countries: set[str],
                 undecided: set[tuple[int, int]] = frozenset(), geocoder: Geocoder | None = None) -> None:
        self.geocoder = geocoder
        self.sentences = sentences
        self.countries = countries
        # the regions the text names as regions ("in Zamfara State"), not those of its towns' readings
        self.named = {(m.place.country_code, m.place.admin1) for m in mentions
                      if _is_region(m, countries) and m.place.geo_precision == 3}
        # a name a frame calls a settlement, read in a region the text never names while it names others: whether
        # it is that namesake is being decided, so it is no context for its neighbours
        self.undecided = {(m.start, m.end) for m in mentions if (m.start, m.end) in undecided and m.place is not None
                          and self.named and (m.place.country_code, m.place.admin1) not in self.named}
        self.by_sentence: dict[int, list[PlaceMention]] = {}
        j = 0
        for m in sorted(mentions, key=lambda m: m.start):
            while j < len(sentences) and sentences[j].end <= m.start:
                j += 1
            if j < len(sentences):
                self.by_sentence.setdefault(j, []).append(m)
        # (a dateline's city says where the reporter files from, not where the story is)
        self.datelines = [(t.start, t.start + dateline_end(t.text)) for t in sentences[:8]]
        counts = Counter(m.place.admin1 for m in mentions
                         if _in_play(m.place, countries) and m.place.admin1 and not m.place.readings
                         and not self.in_dateline(m))
        top = counts.most_common(2)
        self.main = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None

    def in_dateline(self, m: PlaceMention) -> bool:
        return any(a <= m.start < b for a, b in self.datelines)

    def sentence_of(self, pos: int) -> int | None:
        return next((s.index for s in self.sentences if s.start <= pos < s.end), None)

    def container(self, text: str, end: int, idx: int | None, capitals: bool = True) -> Place | None:
        """"X in the Mindat Township", "X, Kherson region": the unit written right after the name, or after the
        list the name opens ("X, Y and Z in Kherson Oblast": the region holds all three)."""
        here = self.by_sentence.get(idx, []) if idx is not None else []
        end = self._list_end(text, end, here)
        names_on = _NAMES_LISTED.match(text, end)     # "Laboule and Thomassin, two neighbourhoods in ...": unknown too
        end = names_on.end() if names_on else end
        for m in here:
            apposed = 0 <= m.start - end <= 80 and APPOSITIVE_GAP.fullmatch(text[end:m.start])
            if apposed and _in_play(m.place, self.countries) and m.place.admin1 and not is_country_level(m.place):
                return m.place      # a settlement too: "a neighbourhood in the town of Mamfe"
            if apposed and is_country_level(m.place) and _CAPITAL_AFTER.match(text, m.end) and self.geocoder is not None:
                capital = self.geocoder.capital(m.place.country)    # "two neighbourhoods in Haiti's capital"
                if capital is not None:
                    return capital
            if 0 <= m.start - end <= 40 and (_CONTAINER_GAP.fullmatch(text[end:m.start]) or
                                             _AREA_OF.fullmatch(text[end:m.start])):
                if _is_region(m, self.countries):
                    return m.place
                region = self._region_of_its_capital(m) if capitals else None
                if region is not None:
                    return region
        return None

    def _region_of_its_capital(self, m: PlaceMention) -> Place | None:
        """"captured Zelenyi Hai and Dobropillia in Zaporizhzhia": a city that gave its name to its region, named
        as the container of villages, stands for the region."""
        p = m.place
        if self.geocoder is None or p is None or p.is_area or not p.admin1 or fold(p.admin1) != fold(p.name) or \
                not _in_play(p, self.countries):
            return None
        return self.geocoder.region(p.admin1, p.country)

    def region_before(self, text: str, start: int) -> Place | None:
        """"the Bryansk village of Rakovka": the region named just before, as an adjective of the village."""
        here = self.by_sentence.get(self.sentence_of(start), [])
        for m in here:
            if m.end <= start and _is_region(m, self.countries) and m.place.geo_precision == 3 and \
                    _KIND_OF_AFTER_REGION.fullmatch(text[m.end:start]):
                return m.place
        return None

    @staticmethod
    def _list_end(text: str, end: int, here: list[PlaceMention]) -> int:
        """The end of the coordinated list of settlements that starts at `end` (", Y and Z"), else `end`."""
        for m in sorted(here, key=lambda m: m.start):
            if m.start < end or m.place is None or m.place.is_area:
                continue
            if not LIST_GAP.fullmatch(text[end:m.start]):
                break
            end = m.end
        return end

    def regions(self, idx: int | None, pos: int = 0) -> list[list[str]]:
        """Candidate admin1 names, nearest context first: the regions the sentence names (nearest first), the
        regions of its other places, those of the sentences around it, the article's. A dateline's city is not
        context."""
        if idx is None:
            return [[self.main]] if self.main else []
        s = self.sentences[idx]
        here = [m for m in self.by_sentence.get(idx, []) if m.start >= s.start + dateline_end(s.text)
                and _in_play(m.place, self.countries) and m.place.admin1 and not m.place.readings
                and (m.start, m.end) not in self.undecided]
        out: list[list[str]] = []
        areas = sorted((m for m in here if m.place.is_area), key=lambda m: abs(m.start - pos))
        for group in (areas, here):
            if group:
                out.append([m.place.admin1 for m in group])
        # then the sentences around it, those before it first, nearest first (wire copy gives each sentence its
        # own paragraph; the text sets the scene before it names a place: "the capital Khartoum" in the sentence
        # after Zamzam's does not place Zamzam)
        near = sorted((p for p in self.sentences[max(0, idx - 3):idx + 2] if p.index != idx),
                      key=lambda p: (p.index > idx, abs(p.index - idx)))
        around = [m.place.admin1 for p in near for m in self.by_sentence.get(p.index, [])
                  if m.start >= p.start + dateline_end(p.text) and (m.start, m.end) not in self.undecided
                  and _in_play(m.place, self.countries) and m.place.admin1 and not m.place.readings]
        if around:
            out.append(around)
        if self.main:
            out.append([self.main])
        return out


def settle(text: str, sentences: list[Sentence], mentions: list[PlaceMention], geocoder: Geocoder,
           countries: set[str]) -> list[PlaceMention]:
    """The article's place mentions with ambiguous and unknown settlements named, not lost to their region."""
    framed = set(frame_names(text))
    ctx = _RegionContext(mentions, sentences, countries, framed, geocoder)
    out = [_reading_in_region(_inside_container(m, text, ctx, geocoder), ctx, geocoder) for m in mentions]
    out = _lists_in_one_region(out, text, geocoder)
    spans = sorted(framed | set(_contained_names(text, ctx)))
    named: dict[str, Place] = {}
    alike: set[str] = set()      # names whose only reading the gazetteer has is a namesake elsewhere
    for a, b in spans:
        over = [m for m in out if m.start < b and a < m.end]
        if any(_is_region(m, countries) and m.place.geo_precision < 3 for m in over):
            continue        # "the Kupiansk district": a district the gazetteer knows
        if any(names_country(m) for m in over):
            continue        # "a village in Burkina Faso's north": the country, not a village's name
        idx = ctx.sentence_of(a)
        # (a reading of part of the name is not of the name: "a village, Yar Katsina," is no Katsina)
        known = [m for m in over if _in_play(m.place, countries) and not m.place.is_area and m.end - m.start >= b - a]
        unit = _far_from_its_reference(text, b, out, geocoder) or ctx.container(text, b, idx) or \
            _region(ctx, idx, a, geocoder)
        if known and not (unit is not None and all(_look_alike(m.place, unit, ctx) for m in known)):
            continue        # the gazetteer knows it (or one of its readings fits the text's region)
        if known:
            alike.add(text[a:b])
        unit = unit or _only_country([m for m in out if m.name not in named], ctx)   # (not the names kept so far)
        if unit is None:
            continue
        name = text[a:b]
        place = replace(unit, name=name, feature="P", geonameid=None, population=0, candidates=[], readings=[],
                        centroid=None, geo_precision=2 if unit.geo_precision in (1, 2) else 3,
                        note=f"{name} is not in the gazetteer: coordinates of {unit.name}, named in the text")
        out = [m for m in out if m not in over]
        out.append(PlaceMention(a, b, name, place))
        named[name] = place
    return sorted(_named_again(text, named, out, countries, alike), key=lambda m: m.start)


_FAR_BEARING = re.compile(rf",?\s+(?:about |some |around |roughly |nearly )?(?P<km>\d+)\s*(?P<unit>{DISTANCE_UNIT})"
                          rf"\s+(?:\(\d+\s+\w+\)\s+)?(?:{COMPASS}\s+)?"
                          r"(?:of|from)\s+(?:the\s+)?(?:(?:town|city|capital)\s+(?:of\s+)?)?")


def _far_from_its_reference(text: str, end: int, mentions: list[PlaceMention], geocoder: Geocoder) -> Place | None:
    """"Masagawa, about 300 kilometers north of Mogadishu": the place a name is measured from, far off, says the
    country it is in and not its region; so the name is kept at its country (precision 3)."""
    m = _FAR_BEARING.match(text, end)
    if m is None or int(m.group("km")) * (1.6 if m.group("unit") == "miles" else 1) < 40:
        return None
    ref = next((o for o in mentions if o.start == m.end() and o.place is not None and o.place.country), None)
    if ref is None and text[m.end():m.end() + 7].lower().startswith("capital"):
        # "130km southwest of the capital": the capital of the country last named
        ref = next((o for o in sorted(mentions, key=lambda o: -o.start) if o.end <= end and o.place is not None
                    and o.place.country), None)
    country = ref.place.country if ref is not None else None
    place = geocoder.geocode(country) if country else None
    return place if place is not None and is_country_level(place) else None


def _look_alike(p: Place, unit: Place, ctx: _RegionContext) -> bool:
    """"The attacked villages were Gobirawa, Rini, Gora ..." in a report on Zamfara State: the one Gora the
    gazetteer knows, a hamlet in Katsina, a region the text never names, is a namesake, not the village."""
    return p.population < 20_000 and not p.readings and unit.admin1 is not None and p.admin1 != unit.admin1 \
        and (unit.country_code, unit.admin1) in ctx.named and (p.country_code, p.admin1) not in ctx.named


def _only_country(mentions: list[PlaceMention], ctx: _RegionContext) -> Place | None:
    """"Nzakoundou, the village attacked Thursday" in a report that names no region of the Central African
    Republic: the village keeps its name, at the coordinates of the one country the text is about (precision 3,
    said in its note), rather than the event being lost for want of a region."""
    named = [m.place for m in mentions if m.place is not None and is_country_level(m.place)]
    if not named and ctx.geocoder is not None:   # "BEIRUT, May 10 (AFP) - ... a strike on Deir Billa": the dateline's
        named = [c for c in (ctx.geocoder.geocode(m.place.country) for m in mentions
                             if m.place is not None and m.place.country and ctx.in_dateline(m))
                 if c is not None and is_country_level(c)]
    counts = Counter(p.country_code for p in named).most_common(2)
    # "in Burkina Faso's volatile north ... a border area between Mali, Niger and Burkina Faso": the country the
    # text names most is the one it is about
    top = counts[0][0] if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]) else None
    countries = {p.country_code: p for p in named if p.country_code == top}
    if len(countries) != 1 or any(m.place is not None and not is_country_level(m.place) and
                                  _in_play(m.place, ctx.countries) and not ctx.in_dateline(m) for m in mentions):
        return None     # a region or town of the text would have held it
    return next(iter(countries.values()))


def _named_again(text: str, named: dict[str, Place], mentions: list[PlaceMention],
                 countries: set[str], alike: set[str]) -> list[PlaceMention]:
    """A settlement the text placed once ("Markoye, in Oudalan province") is that settlement wherever the text
    names it again ("between Markoye and Tokabangou"), also where a namesake abroad was read."""
    out = list(mentions)
    for name, place in named.items():
        # not "Pibor's Pochalla county" or "Pibor Administrative Area": a possessive, or a longer name running on
        # (the look-behind only catches a three-letter capitalised word before it: "New Pibor")
        for m in re.finditer(rf"(?<![\w-])(?<![A-Z][a-z]{{2}} ){re.escape(name)}(?![\w-])(?![’']s\b| [A-Z])", text):
            over = [o for o in out if o.start < m.end() and m.start() < o.end]
            if any(_in_play(o.place, countries) and not (name in alike and o.name == name) for o in over):
                continue
            out = [o for o in out if o not in over] + [PlaceMention(m.start(), m.end(), name, place)]
    return out


def _inside_container(m: PlaceMention, text: str, ctx: _RegionContext, geocoder: Geocoder) -> PlaceMention:
    """"Petrivka in Ukraine's Donetsk region" read as a Petrivka elsewhere: read it again inside that region."""
    p = m.place
    if p is None or (p.is_area and not p.readings):
        return m
    idx = ctx.sentence_of(m.start)
    unit = ctx.container(text, m.end, idx, capitals=False) or ctx.region_before(text, m.start)
    by_capital = unit is None      # "in Zaporizhzhia": the city stands for its region only to find a reading there
    unit = unit or ctx.container(text, m.end, idx)
    if unit is None or unit.geo_precision not in (2, 3) or unit.admin1 is None:
        return m
    if p.readings and unit.geo_precision != 3:
        return m        # an ambiguous name: its readings inside the unit decide (`_reading_in_region`)
    if (unit.admin1, unit.admin2 if unit.geo_precision == 2 else None) == \
            (p.admin1, p.admin2 if unit.geo_precision == 2 else None):
        return m
    if unit.geo_precision == 2 and unit.admin1 == p.admin1 and not unit.admin2:
        return m
    kind = "region" if unit.geo_precision == 3 else "district"
    again = geocoder.geocode(f"{m.name}, {unit.name} {kind}", country=unit.country_code)
    if again is not None and (again.admin1 == unit.admin1 or any(r.admin1 == unit.admin1 for r in again.readings)):
        return replace(m, place=again)   # "Staritsa in the Kharkov region": Starytsia, not Staritsa in Tver
    if by_capital:
        return m
    # "the village of Dolgoye, Valuysky district", "the Bryansk village of Rakovka": a namesake elsewhere, even
    # abroad, is not it; the text says where it is
    place = replace(unit, name=m.name, feature="P", geonameid=None, population=0, candidates=[], readings=[],
                    centroid=None, note=f"no {m.name} in {unit.name} in the gazetteer: coordinates of {unit.name}")
    return replace(m, place=place)


def _lists_in_one_region(mentions: list[PlaceMention], text: str, geocoder: Geocoder) -> list[PlaceMention]:
    """"The communities of Bilopillia, Novoslobodsk, Krasnopilsk, Sumy and Khotyn": a list whose other members
    all lie in one region holds the member read elsewhere too; it is read again inside that region."""
    ordered = sorted(mentions, key=lambda m: m.start)
    runs: list[list[PlaceMention]] = []
    for m in ordered:
        if runs and runs[-1][-1].place is not None and LIST_GAP.fullmatch(text[runs[-1][-1].end:m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    fixed: dict[int, PlaceMention] = {}
    for run in runs:
        for m in run:
            others = {(o.place.country_code, o.place.admin1) for o in run if o is not m and o.place is not None}
            p = m.place
            if len(run) < 3 or p is None or p.is_area or len(others) != 1:
                continue
            cc, admin1 = next(iter(others))
            if admin1 is None or (p.country_code, p.admin1) == (cc, admin1):
                continue
            again = geocoder.geocode(f"{m.name}, {admin1} region", country=cc)
            if again is not None and again.admin1 == admin1 and not again.is_area:
                fixed[id(m)] = replace(m, place=again)
    return [fixed.get(id(m), m) for m in mentions]


def _region(ctx: _RegionContext, idx: int | None, pos: int, geocoder: Geocoder) -> Place | None:
    for names in ctx.regions(idx, pos):
        country = next((m.place.country for ms in ctx.by_sentence.values() for m in ms
                        if m.place is not None and m.place.admin1 == names[0]), None)
        region = geocoder.region(names[0], country)
        if region is not None and _in_play(region, ctx.countries):
            return region
    return None


def _reading_in_region(m: PlaceMention, ctx: _RegionContext, geocoder: Geocoder) -> PlaceMention:
    """An ambiguous settlement read inside the region the text puts it in."""
    p = m.place
    if p is None or not p.readings:
        return m
    idx = ctx.sentence_of(m.start)
    for names in ctx.regions(idx, m.start):
        inside = [r for r in p.readings if r.admin1 in names]
        if not inside:
            continue
        admin1 = inside[0].admin1
        inside = [r for r in inside if r.admin1 == admin1]
        name = _name_of(inside[0].name, m.name)
        if len(inside) == 1:
            r = inside[0]
            region = geocoder.region(admin1, r.country_code)
            place = Place(name, r.latitude, r.longitude, region.country if region else p.country, r.country_code,
                          r.admin1, r.admin2, r.precision, None, "P",
                          note=f"{len(p.readings)} places named {name}; the one in {admin1}, the region the text names")
            return replace(m, place=place)
        raions = {r.admin2 for r in inside}
        unit = None
        if len(raions) == 1 and None not in raions:
            unit = geocoder.geocode(f"{raions.pop()}", country=inside[0].country_code)
            unit = unit if unit is not None and unit.is_area else None
        unit = unit or geocoder.region(admin1, inside[0].country_code)
        if unit is None:
            continue
        place = replace(unit, name=name, feature="P", geonameid=None, population=0, readings=[],
                        centroid=None, geo_precision=2 if unit.geo_precision == 2 and unit.admin2 else 3,
                        note=f"{len(inside)} places named {name} in {admin1}: coordinates of {unit.name}")
        return replace(m, place=place)
    return m


def _name_of(gazetteer_name: str, written: str) -> str:
    """The gazetteer's spelling of the name the text wrote, unless the reading came through another name
    ("Ivanivka" matched as an old name of a place now called otherwise)."""
    from rapidfuzz.distance import DamerauLevenshtein

    from sitrep.geo import descriptors

    phrase = descriptors.parse(written)
    core = phrase.core if phrase else written
    return gazetteer_name if DamerauLevenshtein.distance(fold(gazetteer_name), fold(core)) <= 2 else core
