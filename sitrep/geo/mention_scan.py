"""Place-name candidates of a text, one reading each, before the article is resolved as a whole: runs of
capitalised tokens looked up in the gazetteer (longest first, exact names before spelling variants), extended by
descriptors ("Kherson region", "Nikopol district", "Pokrovska hromada", "outskirts of X"), plus demonyms and
abbreviated regions ("Ky.").

Person names and sentence-initial words are the false positives to avoid, so each reading carries flags that
`sitrep.geo.mentions` weighs: a title before the span, a capitalised word glued to it that is no place, or a
single word the text also uses in lower case make a reading "weak", and weak readings are kept only with a
locative cue ("in", "near", "shelling of") or support from the article's context. A given name
(first_names.txt) before a surname ("Vladimir Rogov"), a title inside the run ("Kherson Governor Oleksandr
Prokudin"), "X's office", bylines and photo credits ("Photo: Getty Images", "Author: ..."), organisation words
after a name ("Anadolu Agency") and English words read only through a spelling variant or an alternate name
("Speech", "Radio", "Week") block a reading outright, unless it is a well-known city.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.geo import descriptors
from sitrep.geo.lexicon import abbreviations as _abbreviations, credit_spans as _credit_spans, cues as _cues
from sitrep.geo.lexicon import organisation_spans
from sitrep.geo.lexicon import demonyms as _demonyms, english as _english, first_names as _first_names
from sitrep.geo.lexicon import not_places as _not_places
from sitrep.geo.resolve import COMPASS_COMPOUND, Context, Scored, retrieve, score
from sitrep.geo.translit import fold

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w’'\-]*|\d+")
_CONTRACTION = re.compile(r"[’'](ve|re|ll|m|d)$|n[’']t$", re.I)
_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "an", "at", "az", "de", "du", "des", "la", "le", "del", "da", "do",
              "dos", "das", "van", "von", "bin", "ibn", "upon", "on", "sur", "am", "di", "y", "e"}
_UPPER_PARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|an|at|az|ed|es)-[A-Z]")
_POSSESSIVE = re.compile(r"[’']s$")
_WATER = re.compile(r"\b(?:Sea|Ocean|Gulf|Strait|Straits|Channel|Bay|Lake|River)$")
_SUFFIX = re.compile(
    r"^[ \-]+(territorial community|urban territorial community|rural territorial community|community|hromada|"
    r"people['’]s republic|"
    r"region|oblast|raion|rayon|district|county|parish|province|governorate|state|krai|kray|municipality|township|territory|"
    r"local government area|LGA|"
    r"city|town|village)\b", re.I)
_LEVEL = {"people's republic": 1, "people’s republic": 1,   # "Donetsk People's Republic": the region's Russian name
          "territorial community": 3, "urban territorial community": 3, "rural territorial community": 3,
          "community": 3, "hromada": 3, "municipality": 3, "township": 3, "region": 1, "oblast": 1, "province": 1,
          "governorate": 1, "state": 1, "krai": 1, "kray": 1, "raion": 2, "rayon": 2, "district": 2, "county": 2,
          "parish": 2, "territory": 2, "local government area": 2, "lga": 2, "city": 4,
          "town": 4, "village": 4}
_SENTENCE_START = re.compile(r"(^|[.!?:;\n\"“«(]\s*|\n)$")
_MAX_WORDS = 5
_COMPASS = {"middle", "upper", "lower", "north", "south", "east", "west", "central", "northern", "southern", "eastern",
            "western", "greater", "new"}   # the first word of many regions' names ("Upper Nile", "Lower Shabelle")
_ABBREVIATED_SAINT = {"St", "Ste", "Mt", "Ft", "Pt"}
_SPEECH = {"said", "says", "told", "wrote", "reported", "added"}
# "said Mykolaiv was shelled": what follows the name makes it the place attacked, not the speaker
_PLACE_PREDICATE = re.compile(
    r"(?:(?:,|,?\sand)\s[A-Z][\w’'\-]+(?:\s[A-Z][\w’'\-]+)?)*"        # "said Beryslav and Tiahynka were ..."
    r"\s(?:(?:was|were|is|are|had been|has been|have been)\s(?:again\s|also\s|repeatedly\s|heavily\s)?"
    r"(?:hit|shelled|struck|attacked|bombed|targeted|liberated|captured|recaptured|occupied|surrounded|"
    r"encircled|stormed|under fire|under attack|under shelling)\b|came under\b)")
_KIN_AFTER = re.compile(r"\s+(?:family|families|clan|clans|tribe|household)\b")
_ACRONYM_PLURAL = re.compile(r"^[A-Z]{2,}s$")     # "UAVs", "MPs": things, not places


@dataclass
class RawMention:
    """One reading of a span: its candidates, ranked, and the flags `sitrep.geo.mentions` weighs."""

    start: int
    end: int
    phrase: descriptors.Phrase
    ranked: list[Scored]
    weak: bool       # a person's title before it: only with a cue and support
    cue: bool
    demonym: str | None = None
    glued: bool | str = False   # non-place words glued to it ("Paris Hilton", "Washington Post", "RIA Melitopol")
    contained: bool = False  # narrowed by the region/country written right after it ("London, Kentucky")
    surname: bool = False  # the last word of a capitalised run ("Marty Walsh"): a person's name
    # "given": a given name before a surname, never a place; True / "possessive": after a given name or a title
    # in its run, or "X's office": only a well-known city (a country too, for "Russia's deputy minister")
    person: bool | str = False
    # a sentence-initial hamlet or spelling variant, or a word the text also writes in lower case: only with a
    # locative cue or the support of the article's other places
    initial: bool = False


def _abbreviated_regions(geo, text: str) -> list[RawMention]:
    pattern, table = _abbreviations()
    out = []
    for m in pattern.finditer(text):
        region, cc = table[m.group(1)]
        cands = [c for c in retrieve(geo.gaz, region, levels={1}, fuzzy=False, skeletons=False) if c.entry.cc == cc]
        if cands:
            out.append(RawMention(m.start(), m.end(), descriptors.Phrase(region, 1, False, ""),
                                  score(cands, Context(country=cc), 1), False, True))
    return out


def _groups(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised tokens separated by single spaces (particles allowed inside)."""
    groups: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    last_end = -10
    for m in _TOKEN.finditer(text):
        tok = m.group()
        cap = (tok[0].isupper() or bool(_UPPER_PARTICLE.match(tok))) and not _CONTRACTION.search(tok)
        particle = tok in _PARTICLES
        joined = (m.start() - last_end == 1 and text[last_end] == " ") or \
            (cur and cur[-1][2] in _ABBREVIATED_SAINT and text[last_end:m.start()] == ". ")   # "St. Louis"
        if cap or (particle and cur and joined):
            if cur and not joined:
                groups.append(cur)
                cur = []
            if cap or cur:
                cur.append((m.start(), m.end(), tok))
        else:
            if cur:
                groups.append(cur)
            cur = []
        last_end = m.end()
    if cur:
        groups.append(cur)
    out = []
    for g in groups:
        while g and g[-1][2] in _PARTICLES:
            g = g[:-1]
        if g:
            out.append(g)
    return out


_DATELINE_AFTER = re.compile(r"(,|\s*[—–]|\s+-{1,2})\s")


_JOINERS = {"of", "the"}


def _joined_by_of(gaz, text: str, groups: list[list[tuple[int, int, str]]]) -> list[list[tuple[int, int, str]]]:
    """"Democratic Republic of Congo", "Isle of Man": two capitalised runs joined by "of (the)" are one run when
    together they are a name of the gazetteer (possessive or not: "the Democratic Republic of the Congo's east");
    apart, the second would be read alone ("Congo", another country)."""
    out: list[list[tuple[int, int, str]]] = []
    for g in groups:
        prev = out[-1] if out else None
        gap = text[prev[-1][1]:g[0][0]] if prev else ""
        if prev and gap in (" of ", " of the ") and any(
                retrieve(gaz, _POSSESSIVE.sub("", text[prev[-k][0]:g[j - 1][1]]), fuzzy=False, skeletons=False)
                for k in range(1, min(3, len(prev)) + 1) for j in range(1, min(3, len(g)) + 1)):
            joiners = [(m.start() + prev[-1][1], m.end() + prev[-1][1], m.group()) for m in re.finditer(r"\w+", gap)]
            out[-1] = prev + joiners + g
        else:
            out.append(g)
    return out


def _dateline(text: str, start: int, end: int, name: str) -> bool:
    """"BANTAM — A Danbury mason...", "KYIV, Ukraine -": the upper-case place name a report opens with."""
    return name.isupper() and len(name) > 2 and bool(_DATELINE_AFTER.match(text, end)) and \
        (start == 0 or text[max(0, start - 2):start].strip(" ") in ("", "\n", ".", "\n\n") or
         text[start - 1] == "\n")


def _street_after(rest: list, street_words) -> bool:
    """"Heroiv Ukrainy Street": a street word after one more glued capitalised word."""
    return len(rest) >= 2 and rest[1][0] <= rest[0][1] + 1 and rest[1][2].lower() in street_words


_ABBREVIATED_TITLE = re.compile(r"\b(Gov|Gen|Sen|Rep|Lt|Col|Capt|Sgt|Cmdr|Dr|Mr|Mrs|Ms|Prof)\.\s+$")


_WORD_BEFORE = re.compile(r"([^\W\d_][\w’'\-]*)[^\w.!?]{0,3}$")


def _prev_word(text: str, start: int) -> str:
    t = _ABBREVIATED_TITLE.search(text[max(0, start - 10):start])
    if t:
        return t.group(1).lower()        # "Veracruz Gov. Cuitlahuac Garcia": a title, abbreviated
    m = _WORD_BEFORE.search(text[max(0, start - 40):start])   # not across a "."
    return m.group(1).lower() if m else ""


def scan_candidates(geo, text: str, country: str | None, demonyms: bool, fuzzy: bool) -> list[RawMention]:
    """Every candidate reading of `text` in order, ranked without the article's context (only `country`)."""
    gaz = geo.gaz
    stop = _not_places()
    cues = _cues()
    dem = _demonyms()
    base_ctx = Context(country=None, countries={country} if country else set())
    lower_words = None
    out: list[RawMention] = []
    seen: dict[tuple, list[Scored]] = {}
    surnames: set[str] = set()
    given = _first_names()
    titles = cues["run_titles"]
    credits = _credit_spans(text)
    orgs = organisation_spans(text)
    abbrevs = _abbreviated_regions(geo, text) if ", " in text else []
    groups = _groups(text)
    if " of " in text:
        groups = _joined_by_of(gaz, text, groups)
    for g in groups:
        if credits and any(a <= g[0][0] < b for a, b in credits):
            continue
        if abbrevs:
            g = [t for t in g if not any(a.start <= t[0] < a.end for a in abbrevs)]
            if not g:
                continue
        i = 0
        out_in_group = False
        titled: int | None = None   # worked out when the run holds a candidate (most runs hold none)
        while i < len(g):
            found = None
            for loose in (False, True):     # exact names of any length first, then spelling variants
                for n in range(min(_MAX_WORDS, len(g) - i), 0, -1):
                    toks = g[i:i + n]
                    if toks[0][2] in _PARTICLES or toks[-1][2] in _PARTICLES or \
                            toks[0][2] in _JOINERS or toks[-1][2] in _JOINERS:
                        continue
                    units_only = False
                    if loose and n > 1 and (fold(toks[0][2]) in stop or fold(toks[0][2]) in dem):
                        if fold(toks[0][2]) in dem or fold(toks[0][2]) not in _COMPASS:
                            continue    # "Russian UAV" is no spelling of Rusaniv
                        units_only = True   # "Middle Shabelle" (Middle Shabeelle): a region's spelling, not a village's
                    start, end = toks[0][0], toks[-1][1]
                    name = _POSSESSIVE.sub("", text[start:end])
                    end = start + len(name)
                    key = fold(name)
                    if not key or (n == 1 and (key in stop or _ACRONYM_PLURAL.match(name))) or key.isdigit():
                        continue
                    if n == 1 and key in dem:
                        if demonyms and not loose:
                            found = (n, start, end, name, None, dem[key])
                            break
                        continue
                    if loose:
                        cands = retrieve(gaz, name, fuzzy=fuzzy and n == 1, skeletons=len(key) >= 4)
                        if units_only:
                            cands = [c for c in cands if c.entry.level in (1, 2)]
                    else:
                        cands = retrieve(gaz, name, fuzzy=False, skeletons=False)
                    if len(key.replace(" ", "")) <= 2:
                        # "Ko Than Win Naing": a two-letter word is no other name of Kyiv; only a place so named
                        cands = [c for c in cands if c.entry.level == 0 or fold(c.entry.name) == key]
                    if len(key.replace(" ", "")) <= 4 and name.isupper() and not _dateline(text, start, end, name):
                        # "US", "UK" yes; "SA", "AMLO" no; "KYIV, Ukraine -" yes
                        cands = [c for c in cands if c.entry.level == 0]
                    if cands:
                        found = (n, start, end, name, cands, None)
                        break
                if found is not None:
                    break
            if found is not None and found[0] == 1 and found[5] is None and i + 1 < len(g):
                found = _whole_variant(gaz, text, g, i, stop) or found
            if found is None:
                i += 1
                continue
            if found[5] is None and i + found[0] < len(g) and _UPPER_PARTICLE.match(g[i + found[0]][2]) and \
                    not well_known_city(found[4]):
                i += found[0] + 1   # "Tal al-Sultan", "Khan al-Ahmar": the name runs on; its head is no place
                continue
            if orgs and found[5] is None and any(a <= found[1] and found[2] <= b and (a, b) != found[1:3]
                                                 for a, b in orgs):
                countries = [c for c in found[4] if c.entry.level == 0]   # "Boko Haram": not Haram, Norway
                if not countries:
                    i += found[0]
                    continue
                found = (*found[:4], countries, None)
            if found[5] is None and _WATER.search(found[3]) and text[max(0, found[1] - 4):found[1]].lower() == "the " \
                    and not _SUFFIX.match(text[found[2]:found[2] + 40]):
                i += found[0]   # "a ship in the Red Sea": the sea, not Sudan's Red Sea state
                continue
            if found[5] is not None:
                out_in_group = True
            n, start, end, name, cands, demcc = found
            level, near = None, False
            m = _SUFFIX.match(text[end:end + 40])
            if m and demcc is None and _LEVEL[m.group(1).lower()] == 4 and \
                    re.match(r"\s+of\s+(?:the\s+)?[A-Z]", text[end + m.end():end + m.end() + 12]):
                # "the Bryansk village of Navlya": the name is the region's, the village is the one named after
                m = None
                if any(c.entry.level == 1 for c in cands):
                    cands = [c for c in cands if c.entry.level == 1]
            if m and demcc is None:
                level = _LEVEL[m.group(1).lower()]
                if level == 2 and m.group(1).lower() == "territory" and not any(c.entry.level == 2 for c in cands):
                    level = 1    # "Krasnodar Territory" is a krai; "Lubero territory" a second-level unit of Congo
                end += m.end()
                if not any(c.entry.level == level for c in cands):   # "Zaporozhye region": the unit's spelling
                    cands = retrieve(gaz, name, fuzzy=False, force_skeletons=True) or cands
            before = text[max(0, start - 40):start].lower()
            if level is None and demcc is None and re.search(r"\b(?:city|town|village|port) of\s+(?:the\s+)?$", before) \
                    and any(c.entry.level == 4 for c in cands):
                level = 4    # "the city of Marib": the city, not the governorate of its name
            if re.search(r"(near|outskirts of|outside|around|vicinity of|(north|south|east|west)(-?(east|west))? of|"
                         r"km from|direction of|suburbs? of)\s+(the\s+)?$", before):
                near = True
            prev = _prev_word(text, start)
            cue = prev in cues["locative_cues"] or level is not None or _dateline(text, start, end, name)
            weak = prev in cues["person_titles"] and not (prev in _SPEECH and _PLACE_PREDICATE.match(text, end))
            glued = surname = person = initial = False
            if prev in cues.get("org_before", ()) and text[max(0, start - 1):start] == " ":
                glued = "outlet"     # "RIA Melitopol": a news outlet, not the city
            elif i >= 2 and g[i - 1][2] in _PARTICLES and not out_in_group and \
                    not retrieve(gaz, g[i - 2][2], fuzzy=False, skeletons=False):
                glued = True         # "Comuneros del Sur", "Frente de Liberación": the end of a name, no place
            later = {t[2].lower() for t in g[i + n:]}
            if titled is None:   # the run is a person's name from this token on: after a title before it or in it
                titled = 0 if _prev_word(text, g[0][0]) in titles else next(
                    (k + 1 for k, t in enumerate(g) if t[2].lower() in titles), len(g) + 1)
            named = i >= titled and not later & (titles | cues["institution_words"])  # not "Chief Kanawha Judge"
            after_given = any(t[2].lower() in given for t in g[:i])   # "Jason Terrell Jones" too
            if demcc is None and (named or after_given):
                # "Governor Vitaliy Kim"; "Vladimir Rogov", "Elvino Dias", "Abraham Lincoln" (only a city of a
                # million stays a place after a given name)
                person = True if named else "surname"
            if demcc is None and _KIN_AFTER.match(text, end):
                person = person or "possessive"      # "the house of the Bustan family": a family's name
            if demcc is None and re.match(r"[’']s\s+(\w+)", text[end:end + 30]) and \
                    re.match(r"[’']s\s+(\w+)", text[end:end + 30]).group(1).lower() in cues["person_things"]:
                person = person or "possessive"      # "Balitsky's office", not "Russia's office"
            if n < len(g) and demcc is None:
                rest_after = g[i + n:]
                nxt = rest_after[0][2].lower() if rest_after else ""
                if rest_after and rest_after[0][0] <= end + 1 and not _SUFFIX.match(" " + rest_after[0][2]):
                    if nxt in cues["street_words"] or _street_after(rest_after, cues["street_words"]):
                        glued = "street"     # "Patrick Street", "Kharkiv Highway", "Heroiv Ukrainy Street"
                    elif nxt in cues["org_words"] and nxt not in cues["institution_words"]:
                        glued = "org"
                    elif fold(rest_after[0][2]) not in stop:
                        glued = "institution" if nxt in cues["institution_words"] else True
                        if glued is True and i == 0 and len(g) - n >= 2 and cands and all(
                                c.entry.level == 4 and c.entry.population < 50_000 for c in cands) and \
                                not retrieve(gaz, rest_after[0][2], fuzzy=False, skeletons=False):
                            person = person or "surname"   # "Aung San Suu Kyi": a name running on, no place
                    if n == 1 and fold(name) in given and glued != "org" and \
                            nxt not in cues["institution_words"] and nxt not in cues["feature_words"] and \
                            not _big_place(gaz, rest_after[0][2]):      # not "Austin Texas"
                        person = "given"   # "Vladimir Putin", "Donald Trump": a given name, whatever it names
                before_toks = [t for t in g[:i] if fold(t[2]) not in stop and t[2] not in _PARTICLES | _JOINERS]
                first_name = bool(before_toks) and not before_toks[-1][2].isupper()
                small = not cands or all(c.entry.level == 4 and c.entry.population < 100_000 for c in cands)
                if first_name and small and (not out_in_group or any(r.person for r in out if r.start >= g[0][0])):
                    surname = True
                    surnames.add(fold(name))
            compass = n == 1 and demcc is None and level is None and _compass_region(name, cands)
            if compass:
                cands = [c for c in cands if c.kind == "skeleton" and c.entry.level in (1, 2)]   # not "Sector 5"
            if n == 1 and demcc is None and level is None and name[1:].islower() and name.lower() in _english() and \
                    not any(c.kind == "exact" and (fold(c.entry.name) == fold(name) or c.entry.population >= 100_000)
                            for c in cands) and not compass:
                # "Speech", "Radio", "Week": an English word, not a spelling variant or an alternate name
                glued = "word"
            elif n == 1 and _SENTENCE_START.search(text[max(0, start - 3):start]):
                if lower_words is None:
                    lower_words = set(re.findall(r"\b[a-z][a-z’'\-]+\b", text))
                if name.lower() in lower_words or (demcc is None and name.lower() in _english() and all(
                        c.entry.level == 4 and c.entry.population < 20_000 for c in cands)):
                    glued = True      # "Lent 2025: ...", "Snow fell": a word that starts a sentence
                elif demcc is None and (all(c.entry.level == 4 and c.entry.population < 10_000 for c in cands)
                                        or not any(c.kind == "exact" for c in cands)):
                    # "Snow in Edmonton", "Anadolu ...": a word that starts a sentence, not a hamlet or a
                    # spelling variant, unless the rest of the article is about its area ("Kosunka came under fire")
                    initial = True
            elif n == 1 and demcc is None and level is None and not name.isupper() and \
                    all(c.entry.level >= 2 for c in cands) and not well_known_city(cands):
                if lower_words is None:
                    lower_words = set(re.findall(r"\b[a-z][a-z’'\-]+\b", text))
                if name.lower() in lower_words:
                    initial = True    # "the Research Centre ... research": a word of the text, capitalised
            if n == 1 and demcc is None and level is None and fold(name) in given and not person and \
                    all(c.entry.level >= 2 for c in cands) and not well_known_city(cands):
                initial = True        # "Oleh said": a given name alone
            if demcc is not None:
                ent = gaz.find(0, demcc[1:]) if demcc.startswith("@") else gaz.country(demcc)
                ranked = [Scored(hit=_as_hit(ent), kind="exact", base=1.0)] if ent else []
                out.append(RawMention(start, end, descriptors.Phrase(name, 0, False, ""), ranked, False, True, demcc))
            else:
                phrase = descriptors.Phrase(name, level, near, "")
                sk = (name, level)
                if sk not in seen:
                    seen[sk] = geo_rank(cands, base_ctx, level)
                out.append(RawMention(start, end, phrase, seen[sk], weak, cue, None, glued, surname, person=person,
                                      initial=initial))
                out_in_group = True
                if person and person != "given" and " " not in name and \
                        (after_given or fold(name) not in given) and not well_known_city(seen[sk]):
                    surnames.add(fold(name))     # "Rogov" alone later: the same person
            i += n
    if abbrevs:
        out = sorted(out + abbrevs, key=lambda r: r.start)
    for r in out:   # "Walsh" alone after "Marty Walsh": the person again
        if r.demonym is None and not r.surname and " " not in r.phrase.core and fold(r.phrase.core) in surnames:
            r.surname = True
    return out


def _compass_region(name: str, cands: list[Scored]) -> bool:
    """"Southwest": a first-level region written as one word (South-West, Cameroon), not the English word."""
    key = fold(name)
    return bool(COMPASS_COMPOUND.match(key)) and any(
        c.entry.level == 1 and fold(c.entry.name).replace(" ", "") == key for c in cands)


def _whole_variant(gaz, text: str, g: list[tuple[int, int, str]], i: int, stop) -> tuple | None:
    """"the village of Novi Virky": a settlement spelled otherwise under the whole run ("Novi Vyrky") beats an
    exact reading of its first word alone ("Novi", another name of some Nove)."""
    for n in range(min(_MAX_WORDS, len(g) - i), 1, -1):
        toks = g[i:i + n]
        if toks[-1][2] in _PARTICLES or toks[-1][2] in _JOINERS or any(fold(t[2]) in stop for t in toks):
            continue
        start = toks[0][0]
        name = _POSSESSIVE.sub("", text[start:toks[-1][1]])
        cands = [c for c in retrieve(gaz, name, fuzzy=False, skeletons=True) if c.entry.level == 4]
        if cands:
            return (n, start, start + len(name), name, cands, None)
    return None


def _as_hit(e):
    from sitrep.geo.store import Hit

    return Hit(e, "")


def geo_rank(cands: list[Scored], ctx: Context, level: int | None) -> list[Scored]:
    """Rank candidates in `ctx`; a descriptor's level ("region", "district") keeps the units of that level."""
    if level == 1 and any(c.entry.level == 1 for c in cands):
        # (and a district of a country with no region of that name: news calls Congo's Beni territory "the Beni region")
        regions_in = {c.entry.cc for c in cands if c.entry.level == 1}
        cands = [c for c in cands if c.entry.level == 1 or (c.entry.level == 2 and c.entry.cc not in regions_in)]
    elif level in (2, 3) and any(c.entry.level in (2, 3) for c in cands):
        cands = [c for c in cands if c.entry.level in (2, 3, 4)]
    return score([Scored(c.hit, c.kind, c.base) for c in cands], ctx, level)



def _big_place(gaz, word: str) -> bool:
    """A country, a region or a big city by its own name."""
    return any(c.entry.level <= 1 or c.entry.population >= 200_000
               for c in retrieve(gaz, word, fuzzy=False, skeletons=False))


def well_known_city(ranked: list[Scored], population: int = 200_000) -> bool:
    """A name that stays a place even as a surname or after a title ("Jack London" aside): a big city."""
    return any(c.kind == "exact" and c.entry.level in (1, 4) and c.entry.population >= population
               and c.own_name for c in ranked)   # its own name, not "Mamo"
