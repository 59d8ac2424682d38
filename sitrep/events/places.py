"""Which of the places named in a sentence are where the event happened.

A sentence names the event's places together with their containers ("Kurylivka in the Kupiansk District of the
Kharkiv region") and with places that only qualify someone ("the head of the Kharkiv Regional State
Administration"). ACLED codes the most precise place; one event per place when a sentence lists several.
"""
from __future__ import annotations

import re

from functools import lru_cache

from sitrep.data import load_yaml
from sitrep.events.bearings import COMPASS
from sitrep.geo.place import Place, PlaceMention
from sitrep.geo.translit import fold


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(d.lower() for d in load_yaml("lexicons/demonyms.yaml")["demonyms"])


def is_demonym(word: str) -> bool:
    w = word.strip().lower().removesuffix("'s").removesuffix("’s")
    return w in _demonyms() or (w.endswith("s") and w[:-1] in _demonyms())


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("lexicons/place_stopwords.yaml")["words"])


def is_generic_phrase(name: str) -> bool:
    """"Regional State", "Getty", "Photo": words of the page, not a place."""
    words = re.findall(r"[\w'’]+", name.lower())
    return not words or all(w in _stopwords() for w in words)


def is_country_level(place: Place) -> bool:
    """A whole country is less than ACLED's region-level minimum for an event's place; a village the text names
    in a country whose region it does not say is still that village (its region left for the analyst)."""
    return place.admin1 is None and place.feature != "P"

# A place name followed by one of these words names an institution, not where something happened.
_INSTITUTION_AFTER = re.compile(
    r"^(?:'s|’s)?(?:[^\w,]{0,2}|,\s+(?=(?-i:[A-Z])))(?:(?:regional|oblast|city|district|state|military|civil|civilian|municipal|village|town|"
    r"local|provincial|health|interior|defen[cs]e|emergency|rescue)\s+){0,4}"
    r"(?:administrations?|councils?|governors?|authorit(?:y|ies)|police|prosecutors?|courts?|mayor|offices?|regime|"
    r"government|junta|"
    r"emergency services|department|directorate|ministry|military administration|agency|service|RMA|OVA|MVA|"
    r"front|front\s*line|frontline|front-line|military\s+group(?:ing)?|group\s+of\s+forces|operational\s+group)\b", re.I)   # "on the Zaporizhzhia front": a sector, not a place
_PERSON_AFTER = re.compile(r"^(?:'s|’s)\s+(?:\w+\s+)?(?:office|home|house|car|residence|family|wife|husband|son|daughter|"
                           r"body|death|killing|murder|arrest|lawyer|party|supporters|spokesman|aide|bodyguards?)\b", re.I)
_NATURAL_AFTER = re.compile(r"^\s+(?:River|Sea|Ocean|Lake|Mountains?|Valley|Bay|Gulf|Strait|Desert|Peninsula|Basin|Delta|"
                            r"Independent|Post|Times|Herald|Tribune|Telegraph|Journal|Gazette|Observer|Insider|Today|"
                            r"Review|Daily|Dispatch|Pravda)\b")   # a river, or an outlet named after a city
_QUALIFIER_BEFORE = re.compile(r"\b(?:hub|capital|centre|center|seat|heart|part|province|territory|region|district)\s+of\s+"
                               r"(?:the\s+)?(?:[A-Z][\w'’-]+(?:'s|’s)\s+)?$")
# ("in the direction of X village - two hits": a border report's locative, not a heading)
_ORIGIN_BEFORE = re.compile(r"\b(?:from|toward|towards|(?<!in the )direction of|fled to|evacuated to|moved to)\s+(?:the\s+)?"
                            r"(?:(?:town|city|village|settlement|region|territory|direction)\s+of\s+)?$", re.I)


# what stands between two members of a list of places: "A, B and C", "A or B"
LIST_GAP = re.compile(r"(?:\s*\[[^\]]{1,200}\])?(?:,\s*|,?\s+(?:and|or)\s+)")   # (an editor's "[...]" aside between)


def is_container(a: Place, b: Place) -> bool:
    """True when `a` is a region or district that contains the more precise place `b`."""
    if a is b or a.country_code != b.country_code or not a.admin1 or a.admin1 != b.admin1:
        return False
    if a.geo_precision == 3 and a.is_area:
        return b.geo_precision < 3 or not b.is_area
    if a.feature == "A" and b.feature != "A":
        return a.admin2 is not None and (b.admin2 == a.admin2 or b.admin2 == a.name)
    return False


def district_read_as_its_town(m: PlaceMention, o: PlaceMention) -> bool:
    """"the village of Chornolozka, Krasnohrad district": a district the gazetteer knows only by its town (the
    raion renamed, the town kept) still holds the villages of its district."""
    return bool(_DISTRICT_WORD.search(m.name)) and m.place.feature == "P" and m.place.admin2 is not None and \
        o.place is not None and o.place.admin2 == m.place.admin2 and m.place.name != o.place.name


_DISTRICT_WORD = re.compile(r"\b(?:district|raion|rayon)\b", re.I)


_REGION_WORD = re.compile(r"\b(?:region|oblast|province|state|governorate|district|county|raion|hromada|"
                          r"township|prefecture|department|territory)\b", re.I)


def names_country(m: PlaceMention) -> bool:
    """"Ukraine" is the country, whatever village of a similar name the gazetteer also knows."""
    return m.place is not None and (is_country_level(m.place) or fold(m.name) == fold(m.place.country or ""))


# a first-level region named as such concerns its country; "Pale township" read in Bosnia does not
_FIRST_LEVEL_WORD = re.compile(r"\b(?:region|oblast|province|state|governorate|prefecture|department|territory)\b",
                               re.I)


def countries_in_play(mentions: list[PlaceMention]) -> set[str]:
    """The countries an article is about: those it names, names a region of or names the people of, and the
    most mentioned one (when nothing is named, or it is mentioned at least twice).

    A village that resolves to another continent (an ordinary word that is also a place name somewhere) is
    then not taken for the event's place.
    """
    named: set[str] = set()
    counts: dict[str, int] = {}
    for m in mentions:
        if m.place is None or not m.place.country or is_generic_phrase(m.name):
            continue
        if is_demonym(m.name):          # "Malian soldiers": the article concerns Mali
            named.add(m.place.country)
            continue
        counts[m.place.country] = counts.get(m.place.country, 0) + 1
        if names_country(m) or (_FIRST_LEVEL_WORD.search(m.name) and m.place.geo_precision == 3):
            named.add(m.place.country)
    if counts:
        most = max(counts.values())
        for top in (c for c, n in counts.items() if n == most):   # (a tie: each of them)
            if not named or most >= 2:   # a single look-alike abroad does not make its country concerned
                named.add(top)
    return named


_DATELINE = re.compile(
    r"^\W{0,3}[A-Z][A-Z.'’\- ]{2,40}(?:,\s*[A-Z][\w.'’\- ]{1,40}?){0,2}\s*(?:,\s*\w{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\(\w{2,12}(?:,\s*\w{2,12}){0,2}\)|/\w{2,12}/)?\s*(?:[-–—:.]|$)")   # "(AFP, NYTIMES)"


_DATE_ONLY_DATELINE = re.compile(r"^\W{0,3}(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|"
                                 r"\d{4}-\d{2}-\d{2})\s*(?:\(\w{2,12}\))?\s*[-–—:]")


# "Beirut, May 14 (IANS)": a city in mixed case, the day and the agency
_MIXED_DATELINE = re.compile(r"^\W{0,3}[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2},\s*(?:[A-Z][a-z]+,\s*)?"
                             r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*\(\w{2,12}\)\s*[-–—:]?")


# "Pemba (MOZTIMES) -", "Mogadishu, Somalia -": a city in mixed case with its agency or its country, then a dash
_AGENCY_DATELINE = re.compile(r"^\W{0,3}[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2}(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?"
                              r"\s*\([A-Za-z]{2,12}\)\s*[-–—:]")
# "Kangpokpi: As many as five people ...": the city and a colon opening the article's first line
_COLON_DATELINE = re.compile(r"^\W{0,3}[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2}:\s+(?=[A-Z])")
_COUNTRY_DATELINE = re.compile(r"^\W{0,3}[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2}(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?"
                               r"\s+[–—]\s")   # "Maputo — Terrorists murdered ...": the city alone before a long dash


def dateline_end(sentence_text: str) -> int:
    """End of a dateline ("KHARTOUM, June 3 (Reuters) -", "Nov. 2, 2024 -", "Beirut, May 14 (IANS)"): the
    reporter's city and the publication day, not the event's place and day."""
    m = _DATELINE.match(sentence_text) or _DATE_ONLY_DATELINE.match(sentence_text) or \
        _MIXED_DATELINE.match(sentence_text) or _AGENCY_DATELINE.match(sentence_text) or \
        _COUNTRY_DATELINE.match(sentence_text) or _COLON_DATELINE.match(sentence_text)
    return m.end() if m else 0


_GOVERNMENT_SPEAKS = re.compile(r"^(?:['’]s\s+\w+\s+)?\s+(?:has\s+|had\s+|have\s+)?(?:said|says|claimed|claims|announced|"
                               r"reported|accused|denied|denies|insisted|warned|stated|responded|retaliated)\b")


_SPEAKER_BEFORE = re.compile(r"\b(?:officials?|authorities|sources?|residents|police|journalists|reporters?|"
                             r"correspondents?|witnesses|activists|doctors|medics|officers?|diplomats?)\s+"
                             r"(?:(?:in|from|based in)\s+)(?:the\s+)?(?:(?:[A-Z][\w'’-]+(?:,| and|, and)\s+)+)?$")
_SAID_AFTER = re.compile(r"^(?:(?:,| and|, and) [A-Z][\w'’-]+)*\s+(?:said|say|says|told|reported|confirmed)\b")


def event_places(sentence_text: str, sentence_start: int, mentions: list[PlaceMention],
                 countries: set[str] | None = None) -> list[PlaceMention]:
    """The mentions of this sentence that locate the event: resolved, not institutions, not containers."""
    own = []
    skip_until = sentence_start + dateline_end(sentence_text)
    for m in mentions:
        if m.start < skip_until:
            continue
        if m.place is None or names_country(m) or is_demonym(m.name) or is_generic_phrase(m.name):
            continue
        if countries is not None and m.place.country not in countries:
            continue
        local_start, local_end = m.start - sentence_start, m.end - sentence_start
        if _TAKEN_TO.search(sentence_text[max(0, local_start - 40):local_start]):
            continue  # "with all the casualties evacuated to the capital Niamey": where the wounded went
        after = sentence_text[local_end:local_end + 60]
        before = sentence_text[max(0, local_start - 40):local_start]
        if _INSTITUTION_AFTER.match(after):
            continue  # "the Kherson Regional Military Administration said": who speaks, not where it happened
        if _GOVERNMENT_SPEAKS.match(after) and (m.place.population or 0) >= 500_000 and not m.place.is_area:
            continue  # "Moscow said its forces had killed ...", "Kyiv says": a government, not a place
        if _ORIGIN_BEFORE.search(before) or _NATURAL_AFTER.match(after) or _PERSON_AFTER.match(after):
            continue
        if _SPEAKER_BEFORE.search(before) and _SAID_AFTER.match(after):
            continue  # "officials in Sanaa and Aden said": where the speakers are, not where it happened
        if own and _QUALIFIER_BEFORE.search(before):
            continue  # "Kirumba, the economic hub of Congo's Lubero territory": Lubero only qualifies Kirumba
        own.append(m)
    own = [m for m in own if not _outside_its_region(m, own)]
    # "a school in Marib's Hareb district": the possessive's owner holds the place after it
    own = [m for m in own if not any(o is not m and 0 <= o.start - m.end <= 3 and
                                     re.fullmatch(r"['’]s\s", sentence_text[m.end - sentence_start:o.start - sentence_start])
                                     for o in own)]
    own = [m for m in own if not _named_as_container(m, own, sentence_text, sentence_start)
           and not _named_as_reference(m, own, sentence_text, sentence_start)]
    kept = [m for m in own if not any(is_container(m.place, o.place) or district_read_as_its_town(m, o)
                                      for o in own if o is not m)]
    out, seen = [], set()
    for m in kept:
        key = (m.place.name, round(m.place.latitude, 2), round(m.place.longitude, 2))
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


# "Egbekaw, a neighbourhood in the town of Mamfe", "Tangur, a quiet village in Bokkos Local Government Area":
# the appositive says which place holds the name before it (a settlement, a district or a region)
APPOSITIVE_GAP = re.compile(r",\s+(?:a|an|the|two|three|several)\s+(?:[a-z\-]+\s+){0,2}(?:village|town|city|settlement|"
                            r"hamlet|locality|commune|communit(?:y|ies)|suburb|neighbou?rhood|district|area|quarter|"
                            r"villages|towns|settlements|localities|neighbou?rhoods)\s+(?:in|of|near|outside|on the outskirts of)"
                            r"\s+(?:the\s+)?(?:(?:town|city|village|district|region|province|state)\s+of\s+)?", re.I)


_IN_BETWEEN = re.compile(r"^[^,;.:]{0,40}?\bin (?:the )?(?:[a-z-]+ ){0,2}$")


def _named_as_container(m: PlaceMention, mentions: list[PlaceMention], sentence_text: str, offset: int) -> bool:
    """"the Nuseirat refugee camp in central Gaza": a place named after "in" behind another place holds it
    (unless the place before holds it: "the Mopti region said the attack in Segue village"); so does one
    an appositive names ("Egbekaw, a neighbourhood in the town of Mamfe")."""
    for o in mentions:
        if o is not m and o.end <= m.start and m.start - o.end <= 80 and not is_container(o.place, m.place):
            gap = sentence_text[o.end - offset:m.start - offset]
            if (m.start - o.end <= 60 and _IN_BETWEEN.match(gap)) or APPOSITIVE_GAP.fullmatch(gap):
                return True
    return False


# "Harir airbase outside Erbil", "Nohao, near the town of Bittou": the second place says where the first is
_REFERENCE_BETWEEN = re.compile(r"^[’']?\s*(?:(?:air\s*base|airbase|base|airfield|airport|village|town|camp|"
                                r"district|area|settlement),?\s+)?,?\s*(?:just\s+)?(?:outside|near|close\s+to|not\s+far\s+from|"
                                rf"{COMPASS}\s+of)\s+"
                                r"(?:the\s+)?(?:(?:town|city|village|regional\s+capital|capital)\s+of\s+)?$", re.I)


# "the RSF has intensified efforts to seize El-Fasher": a place an attempt or a plan aims at is not where the
# act told beside it happened
_AIMED_AT = re.compile(r"\b(?:efforts?|attempts?|bid|plans?|push|drive|tr(?:y|ies|ied|ying)|sought|seeking|seeks?|aims?|"
                       r"aiming|hopes?|hoping|vow(?:s|ed)?|threat(?:en(?:s|ed)?)?|intends?)\s+to\s+(?:[\w-]+\s+){1,2}"
                       r"(?:the\s+)?(?:(?:town|city|village|capital)\s+of\s+)?$", re.I)


def without_aims(places: list[PlaceMention], s) -> list[PlaceMention]:
    """The places of a sentence less those it only says someone aims at, unless nothing else is left."""
    kept = [pm for pm in places if not _AIMED_AT.search(s.text[max(0, pm.start - s.start - 50):pm.start - s.start])]
    return kept or places


_TAKEN_TO = re.compile(r"\b(?:evacuated|taken|transported|rushed|flown|airlifted|transferred)\s+to\s+(?:a\s+hospital\s+in\s+)?"
                       r"(?:the\s+)?(?:(?:regional\s+)?(?:capital|city|town)\s+(?:of\s+)?)?$", re.I)


def without_references(places: list[PlaceMention], s) -> list[PlaceMention]:
    """The places of a sentence less those that only locate another ("Harir airbase outside Erbil") and the
    cities in an outlet's name ("told the Kyiv Independent")."""
    return [m for m in places if m.place is None or not (
        _named_as_reference(m, [p for p in places if p.place is not None], s.text, s.start)
        or (s.start <= m.end <= s.end and _NATURAL_AFTER.match(s.text[m.end - s.start:])))]


def _named_as_reference(m: PlaceMention, mentions: list[PlaceMention], sentence_text: str, offset: int) -> bool:
    """A place named right after another settlement as its landmark locates that settlement; it is not a second
    place of the event."""
    for o in mentions:
        if o is not m and o.end <= m.start and m.start - o.end <= 40 and not o.place.is_area and \
                not is_container(o.place, m.place) and _REFERENCE_BETWEEN.match(sentence_text[o.end - offset:m.start - offset]):
            return True
    return False


def _outside_its_region(m: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """"Petrivka in Ukraine's Donetsk region" read as a Petrivka of another region: the gazetteer chose wrong,
    and the region named right after is the most precise place the text supports."""
    if m.place.geo_precision == 3:
        return False
    regions = [r for r in mentions if r.place.geo_precision == 3 and r.place.is_area and r.place.admin1 and 0 < r.start - m.end <= 60
               and r.place.country_code == m.place.country_code]
    return bool(regions) and all(r.place.admin1 != m.place.admin1 for r in regions)


def institution_regions(sentence_text: str, sentence_start: int, mentions: list[PlaceMention]) -> list[Place]:
    """Places that only name an institution ("Kherson Regional Military Administration"): their region still
    frames an event that names no other place."""
    out = []
    for m in mentions:
        if m.place is not None and m.place.admin1:
            after = sentence_text[m.end - sentence_start:m.end - sentence_start + 60]
            if _INSTITUTION_AFTER.match(after) and not _NATIONAL_POWER_AFTER.match(after):
                out.append(m.place)     # (not "the Kyiv regime": a country's government frames no region)
    return out


_NATIONAL_POWER_AFTER = re.compile(r"^(?:'s|’s)?\s*(?:regime|government|junta)\b", re.I)

