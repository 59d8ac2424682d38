"""Death and injury counts from wire-report sentences (ACLED-style, deaths only, most conservative figure).

Rule based over a small tokenizer, so it is fast (well under 1 ms a sentence) and every figure points back at
the phrase that supports it. Lexicons: `sitrep/data/lexicons/casualties.yaml` and `numbers.yaml`.

Decisions (documented because ACLED leaves room):
- Modifiers keep the stated figure: "at least 5" = 5, "more than 100" = 100, "nearly 300" = 300, "up to 10" = 10.
  Ranges take the lower figure: "between 5 and 10" = 5, "two or three" = 2, "5-10" = 5.
- Vague quantities: several / a few / a handful = 3, a couple = 2, a dozen / dozens = 12, scores = 20,
  hundreds = 100, thousands = 1000; "a family of five" = 5.
- Several statements in one text are added ("killing a 72-year-old woman ... also killed a 50-year-old woman" = 2,
  "four soldiers and 10 volunteers" = 14, "two were killed ... two more died" = 4), but a figure restated in other
  words counts once ("three killed ... three civilian residents were killed" = 3), and a stated toll ("death toll
  rose to 12", "the number of dead reached 7") overrides the sum. A running total ("since February 2022", "so
  far") is never added to one event's figure and is flagged `cumulative`.
- Named victims count one each ("Elvino Dias and his aide Paulo Guambe, who were shot dead" = 2); ages in
  apposition ("Daw Ni Dain, 60, was killed") are not counts.
- Subset clauses ("including two teachers", "among them three children") are not added.
- "killed or wounded 50" (deaths not separable): None, as for "not stated" (devset rule 4), never 0.
- Value 0 only when the text says nobody died ("no casualties", "no one was hurt", "survived", "unhurt") or
  reports injuries only; None when deaths or injuries are not mentioned, or deaths are mentioned without a figure,
  or the toll is said to be unknown ("casualties are being verified", "no immediate reports of casualties").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.data import load_yaml

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d])|\d+\.\d+|\w+(?:[-'’]\w+)*|[^\w\s]")
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
           "dec"}
_AUX = {"were", "was", "have", "has", "had", "been", "are", "is", "be", "being", "reportedly", "reported", "also",
        "all", "later", "confirmed", "subsequently", "immediately", "both", "who", "that", "allegedly", "then",
        "now", "as", "people", '"', "“", "”", "'", ",", "others", "more", "in", "total", "of", "them"}
_DEMONYM = re.compile(r"(?:ans|is|ese|ites|ers|ks|hs)$")  # capitalised plurals: Palestinians, Somalis, Sudanese
_SINGULAR_DET = {"a", "an", "another", "one", "her", "his", "their", "its", "single"}
_PLURAL_SINGULAR_EXCEPTIONS = {"police", "personnel", "staff", "crew", "people", "men", "women", "children"}


@dataclass
class FatalityCount:
    value: int
    start: int
    end: int
    text: str  # span of the supporting phrase in the given text
    cumulative: bool = False  # a running total ("since February 2022", "so far", "in total"): not one event's


@dataclass(frozen=True)
class _Tok:
    low: str
    start: int
    end: int
    cap: bool = False


@dataclass(frozen=True)
class _Statement:
    value: int
    start: int
    end: int
    key: str
    toll: bool = False
    weak: bool = False


@lru_cache(maxsize=1)
def _lex() -> dict:
    """Casualty and number lexicons with phrases pre-split into token tuples."""
    lex = dict(load_yaml("lexicons/casualties.yaml"))
    lex["numbers"] = load_yaml("lexicons/numbers.yaml")
    for key in ("death_passive_phrases", "death_active_phrases", "injury_passive_phrases"):
        lex[key + "_t"] = _index(tuple(_words(p)) for p in lex[key])
    lex["modifiers_t"] = _index(tuple(p.split()) for p in lex["numbers"]["modifiers"])
    for key in ("zero_patterns", "unknown_patterns", "ambiguous_patterns", "injury_patterns"):
        lex[key + "_re"] = [re.compile(p, re.I) for p in lex[key]]
    for key in ("death_passive", "death_active", "injury_passive", "injury_active", "person_nouns",
                "non_person_nouns", "subset_words", "weak_death_nouns", "number_of_heads"):
        lex[key] = frozenset(lex[key])
    lex["org_words"] = frozenset({"forces", "force", "army", "ministry", "police", "service", "guard", "staff",
                                  "command", "brigade", "government", "administration", "council", "office",
                                  "news", "agency", "media", "times", "post", "independent", "pravda", "kremlin"})
    lex["noun_breaks"] = lex["death_passive"] | lex["injury_passive"] | _AUX
    lex["death_mentions"] = lex["death_passive"] | lex["death_active"] | {"fatal", "fatally", "death"}
    return lex


def _index(phrases) -> dict[str, list[tuple[str, ...]]]:
    """Phrases keyed by their first word, longest first, so a lookup at a token is one dict access."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in sorted(phrases, key=len, reverse=True):
        out.setdefault(p[0], []).append(p)
    return out


def _words(text: str) -> list[str]:
    return [m.group(0).lower() for m in _TOKEN.finditer(text)]


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(0).lower(), m.start(), m.end(), m.group(0)[:1].isupper()) for m in _TOKEN.finditer(text)]


def _phrase_at(toks: list[_Tok], i: int, phrases: dict[str, list[tuple[str, ...]]]) -> int:
    """Length in tokens of the longest phrase starting at token i, 0 if none."""
    if i >= len(toks):
        return 0
    for p in phrases.get(toks[i].low, ()):
        if tuple(t.low for t in toks[i:i + len(p)]) == p:
            return len(p)
    return 0


def _word_number(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """Parse 'twenty-five', 'two hundred and fifty', '1,234', '12 thousand' at i -> (value, next index)."""
    nums = _lex()["numbers"]
    units, tens, scales = nums["units"], nums["tens"], nums["scales"]
    total, current, j, seen = 0, 0, i, False
    while j < len(toks):
        w = toks[j].low
        parts = w.split("-")
        if _DIGITS.match(w) and not seen:
            current, seen = int(w.replace(",", "")), True
        elif w in units and not (seen and current % 10):
            current += units[w]
            seen = True
        elif w in tens and not (seen and current % 100):
            current += tens[w]
            seen = True
        elif len(parts) == 2 and parts[0] in tens and parts[1] in units:
            current += tens[parts[0]] + units[parts[1]]
            seen = True
        elif w in scales and seen:
            total, current = total + current * scales[w], 0
        elif w == "and" and seen and j + 1 < len(toks) and (toks[j + 1].low in units or toks[j + 1].low in tens) \
                and j > i and toks[j - 1].low in scales:
            pass
        else:
            break
        j += 1
    return (total + current, j) if seen else None


def _is_bad_number(toks: list[_Tok], i: int, j: int) -> bool:
    """Times, percentages, dates, ages, years: numbers that never count people."""
    prev = toks[i - 1].low if i > 0 else ""
    nxt = toks[j].low if j < len(toks) else ""
    nxt2 = toks[j + 1].low if j + 1 < len(toks) else ""
    if nxt in {":", "/", "%", "percent"} or (nxt == "per" and nxt2 == "cent") or nxt in _MONTHS or prev in _MONTHS:
        return True
    if prev in {"no", "#", "number", "route", "unit", "brigade", "regiment", "battalion", "at", "since", "in"} \
            and _DIGITS.match(toks[i].low):
        return prev not in {"at", "in"} or len(toks[i].low) == 4 or nxt in {"a", "p", "am", "pm", "hours"}
    if any(t.low in {"aged", "ages", "age"} for t in toks[max(0, i - 4):i]):
        return True
    if prev == "," and nxt in {",", ")"} and i >= 2 and j == i + 1 and (
            toks[i - 2].cap or toks[i - 2].low in _lex()["person_nouns"]):
        return True  # an age in apposition: "Daw Ni Dain, 60, was killed"
    w = toks[i].low
    return bool(_DIGITS.match(w) and len(w) == 4 and 1900 <= int(w) <= 2100)


def _quantity(toks: list[_Tok], i: int) -> tuple[int, int, bool] | None:
    """Parse a (possibly modified or vague) quantity at i -> (value, next index, singular-determiner)."""
    lex = _lex()
    nums = lex["numbers"]
    j = i
    while True:
        n = _phrase_at(toks, j, lex["modifiers_t"])
        if not n:
            break
        j += n
    if j + 1 < len(toks) and toks[j].low in {"another", "a", "her", "his", "their", "its"} and _word_number(toks, j + 1) \
            and toks[j + 1].low not in {"a", "an"}:
        j += 1  # "another 3 people"
    if j < len(toks) and toks[j].low == "between":
        a = _word_number(toks, j + 1)
        if a and a[1] < len(toks) and toks[a[1]].low == "and" and _word_number(toks, a[1] + 1):
            return a[0], _word_number(toks, a[1] + 1)[1], False
        return None
    if j >= len(toks):
        return None
    w = toks[j].low
    nxt = toks[j + 1].low if j + 1 < len(toks) else ""
    if w in {"a", "an"} and nxt in {"dozen", "few", "couple", "handful", "hundred", "thousand", "score", "pair"}:
        value = nums["dozen"] if nxt == "dozen" else nums["scales"].get(nxt) or nums["vague"].get(nxt, 20)
        k = j + 2
    elif w in nums["vague"] and w not in {"few", "couple", "pair", "handful"}:
        value, k = nums["vague"][w], j + 1
        if k < len(toks) and toks[k].low == "dozen":
            value, k = value * nums["dozen"], k + 1
    elif w in {"he", "she"} and nxt in {"was", "had", "has", "later", "died"}:
        return 1, j + 1, False  # "he was killed", "she later died"
    elif w in _SINGULAR_DET:
        if w == "one" and nxt not in lex["person_nouns"] and not nxt.endswith("-old"):
            parsed = _word_number(toks, j)
            return (parsed[0], parsed[1], False) if parsed else None
        return 1, j + 1, True
    elif w == "family" and nxt == "of":
        parsed = _word_number(toks, j + 2)
        return (parsed[0], parsed[1], False) if parsed else None
    else:
        parsed = _word_number(toks, j)
        if not parsed or _is_bad_number(toks, j, parsed[1]):
            return None
        value, k = parsed
        if k < len(toks) and toks[k].low == "dozen":
            value, k = value * nums["dozen"], k + 1
        if k + 1 < len(toks) and toks[k].low in {"to", "or", "-", "–"} and (i == 0 or toks[i - 1].low != "from"):
            other = _word_number(toks, k + 1)
            if other and not _is_bad_number(toks, k + 1, other[1]):
                value, k = min(value, other[0]), other[1]
    if k < len(toks) and toks[k].low == "of" and (w in nums["vague"] or w in {"a", "an"}):
        k += 1
    return value, k, False


def _noun(toks: list[_Tok], k: int, singular: bool) -> tuple[str, int] | None:
    """After a quantity: ('person'|'none'|'bad', index after the noun phrase)."""
    lex = _lex()
    j = k
    while j < len(toks) and j < k + 5:
        w = toks[j].low
        if w in lex["non_person_nouns"] and not (j + 1 < len(toks) and toks[j + 1].low in lex["person_nouns"]):
            return "bad", j + 1  # "25 drones"; but "a village chief", "two car drivers"
        if w not in lex["person_nouns"] and toks[j].cap and _DEMONYM.search(w):
            return ("person", j + 1) if not singular else None  # "15 Palestinians", "12 Somalis"
        if w in lex["person_nouns"]:
            while j + 1 < len(toks) and toks[j + 1].low in lex["person_nouns"] and toks[j + 1].low != "others":
                j += 1
            w = toks[j].low
            plural = w.endswith("s") or w in _PLURAL_SINGULAR_EXCEPTIONS
            if singular and (plural or w == "family"):
                return None
            return "person", j + 1
        if not re.match(r"^[\w'’-]+$", w) or w in lex["noun_breaks"]:
            break
        j += 1
    return (None if singular else ("none", k))


def _in_subset(toks: list[_Tok], i: int) -> bool:
    """Is token i inside an 'including ...' / 'among them ...' clause of its comma segment?"""
    subset = _lex()["subset_words"]
    for j in range(i - 1, max(-1, i - 12), -1):
        w = toks[j].low
        if w in {",", ".", ";", "(", ")"}:
            return False
        if w in subset and (w != "among" or (j + 1 < len(toks) and toks[j + 1].low in {"them", "whom", "the"})):
            return True
    return False


def _find(toks: list[_Tok], kind: str) -> list[_Statement]:
    """All count statements for kind 'death' or 'injury'."""
    lex = _lex()
    passive = lex[f"{kind}_passive"]
    passive_ph = lex[f"{kind}_passive_phrases_t"]
    active = lex[f"{kind}_active"]
    active_ph = lex.get(f"{kind}_active_phrases_t", {})
    stop = (lex["injury_passive"] | lex["injury_active"]) if kind == "death" else (lex["death_passive"] | lex["death_active"])
    out: list[_Statement] = []
    pending: list[tuple[int, int]] = []  # coordinated counts waiting for their verb: (value, start token)
    i = 0
    while i < len(toks):
        # B: active verb + count ("killing 3", "killed three civilians", "lost four soldiers")
        n = _phrase_at(toks, i, active_ph) or (1 if toks[i].low in active or
                                                (kind == "death" and toks[i].low in lex["loss_verbs"]) else 0)
        if kind == "death" and toks[i].low in lex["lives_verbs"]:
            q = _quantity(toks, i + 1)
            if q and q[1] < len(toks) and toks[q[1]].low == "lives":
                out.append(_stmt(toks, i, q[1] + 1, q[0], (i + 1, q[1] + 1)))
                i = q[1] + 1
                continue
        if n and i + n < len(toks) and toks[i + n].low not in {"by", "or", "in"}:
            stmts = _active_counts(toks, i, i + n, toks[i].low in lex["loss_verbs"])
            if stmts:
                out.extend(stmts)
                i = i + n
                continue
        named = _named_victims(toks, i, passive, passive_ph) if toks[i].cap else None
        if named:
            out.append(_stmt(toks, i, named[1], named[0], (i, named[2])))
            i = named[1]
            continue
        q = _quantity(toks, i)
        if q is None or _in_subset(toks, i):
            i += 1
            continue
        value, k, singular = q
        noun = _noun(toks, k, singular)
        if noun is None or noun[0] == "bad":
            pending.clear()
            i += 1
            continue
        found = _passive_after(toks, noun[1], passive, passive_ph, stop, strict=noun[0] == "none")
        if found == "coord":
            pending.append((value, i))
            i = noun[1]
            continue
        if found is None:
            pending.clear()
            if kind == "death" and noun[0] == "person" and toks[noun[1] - 1].low in lex["weak_death_nouns"] \
                    and noun[1] - 1 > k - 1:
                out.append(_stmt(toks, i, noun[1], value, weak=True))
            i += 1
            continue
        end = found
        total = value + sum(v for v, _ in pending)
        first = pending[0][1] if pending else i
        pending.clear()
        extra = _along_with(toks, end)  # "was killed along with a 37-year-old man"
        if extra:
            total, end = total + extra[0], extra[1]
        out.append(_stmt(toks, first, end, total, (first, noun[1])))
        i = end
    return out


_FUNCTION = {"the", "a", "an", "in", "on", "at", "as", "after", "before", "when", "while", "since", "during",
             "according", "but", "and", "meanwhile", "earlier", "later", "this", "that", "these", "those", "it",
             "he", "she", "they", "we", "i", "his", "her", "their", "our", "its", "some", "many", "all", "no",
             "mr", "mrs", "ms", "dr", "president", "governor", "mayor", "minister", "general", "colonel"}
_INTRANSITIVE = {"died", "perished", "succumbed", "drowned"}
_PASSIVE_AUX = {"was", "were", "had", "has", "have", "been", "reportedly", "also", "later", "both"}


def _name_run(toks: list[_Tok], i: int) -> int:
    """End of a 2-4 token capitalised personal name starting at i ('Elvino Dias'), or 0."""
    lex = _lex()
    if (i > 0 and toks[i - 1].cap and toks[i - 1].low not in _FUNCTION) or toks[i].low in _FUNCTION:
        return 0
    j = i
    while j < len(toks) and j - i < 4 and (toks[j].cap or toks[j].low in {"al", "bin", "de", "van", "von"}):
        w = toks[j].low
        nums = lex["numbers"]
        if w in _MONTHS or w in lex["non_person_nouns"] or w in lex["org_words"] or not w.isalpha() and "-" not in w \
                or w in nums["units"] or w in nums["tens"] or w in nums["vague"] or w in lex["person_nouns"]:
            return 0
        j += 1
    return j if j - i >= 2 else 0


def _named_victims(toks: list[_Tok], i: int, passive: frozenset, phrases: dict) -> tuple[int, int, int] | None:
    """'Elvino Dias and his agent Paulo Guambe, who were shot dead' -> (2, end, end of the names)."""
    j = _name_run(toks, i)
    if not j:
        return None
    count = 1
    while j + 1 < len(toks) and toks[j].low == "and":
        k = j + 1
        if toks[k].low in {"his", "her", "their", "a", "an"}:
            noun = _noun(toks, k + 1, True)
            if not noun or noun[0] != "person":
                break
            k = noun[1]
            k = _name_run(toks, k) or k
        elif _name_run(toks, k):
            k = _name_run(toks, k)
        else:
            break
        count, j = count + 1, k
    names_end = j
    if j < len(toks) and toks[j].low == ",":
        j += 1
    if j < len(toks) and toks[j].low == "who":
        j += 1
    aux = False
    while j < len(toks) and toks[j].low in _PASSIVE_AUX:
        aux, j = True, j + 1
    n = _phrase_at(toks, j, phrases)
    w = toks[j].low if j < len(toks) else ""
    if n and (aux or w == "lost"):
        return count, j + n, names_end
    if w in passive and (aux or w in _INTRANSITIVE):
        after = toks[j + 1].low if j + 1 < len(toks) else ""
        if after in {"or", "and/or"}:
            return None
        return count, j + 1, names_end
    return None


def _along_with(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """Victims added after the verb: 'along with a 37-year-old man', 'together with two others'."""
    if j + 2 < len(toks) and toks[j].low in {"along", "together"} and toks[j + 1].low == "with":
        q = _quantity(toks, j + 2)
        noun = _noun(toks, q[1], q[2]) if q else None
        if q and noun and noun[0] == "person":
            return q[0], noun[1]
    return None


def _passive_after(toks: list[_Tok], j: int, passive: frozenset, phrases: dict, stop: frozenset,
                   strict: bool) -> int | str | None:
    """Look for the victim-subject verb after a count's noun phrase: end index, 'coord', or None."""
    lex = _lex()
    limit = j + (3 if strict else 12)
    while j < len(toks) and j < limit:
        w = toks[j].low
        n = _phrase_at(toks, j, phrases)
        if n or w in passive:
            end = j + (n or 1)
            after = toks[end].low if end < len(toks) else ""
            after2 = toks[end + 1].low if end + 1 < len(toks) else ""
            if after in {"or", "and/or"} or (after == "and" and after2 in stop):
                return None  # "killed or wounded": not separable
            if (w in lex["death_active"] or w in lex["injury_active"]) and end < len(toks):
                q = _quantity(toks, end)
                if q and (_noun(toks, q[1], q[2]) or ("bad",))[0] != "bad":
                    return None  # "three soldiers killed two civilians": the subject is the killer
            return end
        if w in stop or w in {".", ";", "among", "but", "while", "after", "before", "when"}:
            return None
        if w in {"and", ","} and j + 1 < len(toks) and _quantity(toks, j + 1) and not _in_subset(toks, j + 1):
            return "coord" if not strict or w == "and" else None
        if w == "including" or (w == "," and j + 1 < len(toks) and toks[j + 1].low == "including"):
            close = next((m for m in range(j + 2, min(len(toks), j + 14)) if toks[m].low == ","), None)
            if close is None:  # "19 people including five children were killed": skip to the verb
                close = next((m for m in range(j + 2, min(len(toks), j + 10)) if toks[m].low in passive), None)
                if close is None or toks[close - 1].low in stop:
                    return None
                close -= 1
            limit += close - j
            j = close + 1
            continue
        if strict and w not in _AUX:
            return None
        if _DIGITS.match(w) and not _is_bad_number(toks, j, j + 1):
            return None
        j += 1
    return None


def _active_counts(toks: list[_Tok], verb: int, i: int, loss: bool) -> list[_Statement]:
    """Counts after an active verb, with coordination: 'killed a woman and her two children' = 3."""
    total, j, first_end = 0, i, None
    if j < len(toks) and toks[j].low in {"the", "off"} and _quantity(toks, j + 1):
        j += 1
    while True:
        q = _quantity(toks, j)
        if not q:
            break
        noun = _noun(toks, q[1], q[2])
        if noun is None or noun[0] == "bad" or (loss and noun[0] != "person"):
            break
        if noun[0] == "person" and toks[noun[1] - 1].low == "lives" and toks[verb].low in _lex()["loss_verbs"]:
            break
        total += q[0]
        j = first_end = noun[1]
        if j + 1 < len(toks) and toks[j].low in {"and", ","} and _quantity(toks, j + 1):
            j += 1
            continue
        break
    if first_end is None:
        return []
    return [_stmt(toks, verb, first_end, total, (i, first_end))]


def _stmt(toks: list[_Tok], i: int, end: int, value: int, key_range: tuple[int, int] | None = None,
          weak: bool = False) -> _Statement:
    """A statement spanning tokens i..end, keyed so that a restatement of the same victims counts once.

    Figures ("three civilians" ... "three residents were killed") are keyed by value: wire copy restates a
    toll in other words. Individuals ("a 72-year-old woman", "Oleksiy Kovalev") are keyed by their words, and
    "also", "another", "more" mark an addition, which is never merged.
    """
    a, b = key_range or (i, end)
    words = [t.low for t in toks[a:b]]
    around = {t.low for t in toks[max(0, i - 3):end]}
    individual = bool(words) and (words[0] in _SINGULAR_DET - {"one"} or toks[a].cap and not _DIGITS.match(words[0])
                                  and words[0] not in _lex()["numbers"]["units"])
    additive = bool(around & _ADDITIVE)
    key = " ".join(words) if individual or additive else f"={value}"
    if additive:
        key += f"@{toks[i].start}"
    return _Statement(value, toks[i].start, toks[end - 1].end, key, False, weak)


_ADDITIVE = {"also", "another", "more", "further", "additional", "other", "others", "separately"}


def _tolls(toks: list[_Tok]) -> list[_Statement]:
    """'death toll rose to 12', 'bringing the number of dead to 7'."""
    lex = _lex()
    out = []
    for i, t in enumerate(toks):
        is_toll = t.low in lex["toll_words"]
        is_number_of = t.low == "number" and i + 1 < len(toks) and toks[i + 1].low == "of" and any(
            x.low in lex["number_of_heads"] for x in toks[i + 2:i + 5])
        if not (is_toll or is_number_of):
            continue
        for j in range(i + 1, min(len(toks), i + 10)):
            if toks[j].low in {".", ";"}:
                break
            if toks[j - 1].low == "from":
                continue
            q = _quantity(toks, j)
            if q and not q[2] and (_noun(toks, q[1], False) or ("",))[0] != "bad":
                out.append(_Statement(q[0], t.start, toks[q[1] - 1].end, "", toll=True))
                break
    return out


def _combine(stmts: list[_Statement]) -> _Statement | None:
    if not stmts:
        return None
    tolls = [s for s in stmts if s.toll]
    if tolls:
        return max(tolls, key=lambda s: s.value)
    strong = [s for s in stmts if not s.weak] or stmts
    seen: dict[str, _Statement] = {}
    for s in strong:
        seen.setdefault(s.key or f"#{s.start}", s)
    uniq = list(seen.values())
    return _Statement(sum(s.value for s in uniq), min(s.start for s in uniq), max(s.end for s in uniq), "")


_CUMULATIVE = re.compile(
    r"(?i)\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\b|\bsince\s+(?:the\s+)?(?:full-scale\s+)?"
    r"(?:war|invasion|conflict|fighting)\b|\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?:(?-i:[A-Z])[a-z]+\.?\s+)?"
    r"(?:\d{1,2},?\s+)?(?:19|20)\d\d\b|\bsince\s+(?:the\s+)?(?-i:[A-Z])[a-z]+\.?\s+\d{1,2}\b|\bsince\s+(?:January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b|\bso\s+far\b|\bto\s+date\b|"
    r"\bin\s+total\b|\b(?:a\s+)?total\s+(?:of|number)\b|\boverall\b|\bcumulative\b|\bthis\s+year\b")


_SENT_END = re.compile(r"[.!?][\"”’]?(?:\s+(?=[A-Z\"“])|(?=[A-Z]))|\n")


def _is_cumulative(text: str, start: int, end: int) -> bool:
    """Does the sentence around the figure present it as a running total?"""
    bounds = [m.end() for m in _SENT_END.finditer(text, 0, start)]
    a = bounds[-1] if bounds else 0
    nxt = _SENT_END.search(text, end)
    return bool(_CUMULATIVE.search(text[a:nxt.start() if nxt else len(text)]))


def _matches(patterns: list[re.Pattern], text: str) -> list[re.Match]:
    return [m for p in patterns for m in p.finditer(text)]


def _outside(stmts: list[_Statement], spans: list[re.Match]) -> list[_Statement]:
    """Drop statements inside a 'no one was hurt' phrase."""
    return [s for s in stmts if not any(m.start() <= s.start < m.end() for m in spans)]


# stems of every casualty word in the lexicons: a sentence without any of them is skipped at once
_GATE = re.compile(r"(?i)kill|dead|death|die|lives|life|bod(?:y|ies)|toll|casualt|injur|wound|hurt|victim|elimin|"
                   r"neutrali|liquid|murder|execut|massac|perish|slain|surviv|unharm|unscath|hospital|lost|fatal|"
                   r"shot|behead|drown|corps|martyr|harm|maim|condition|number\s+of")


def count_fatalities(text: str) -> FatalityCount | None:
    """Deaths stated in `text` (most conservative figure), 0 if it says nobody died / only injuries, else None."""
    if not text or not _GATE.search(text):
        return None
    lex = _lex()
    toks = _tokens(text)
    zero = _matches(lex["zero_patterns_re"], text)
    stmts = _outside(_find(toks, "death") + _tolls(toks), zero)
    running = [s for s in stmts if _is_cumulative(text, s.start, s.end)]
    single = [s for s in stmts if s not in running]
    best = _combine(single or running)  # a running total is never added to one event's deaths
    if best is not None and best.value > 0:
        return FatalityCount(best.value, best.start, best.end, text[best.start:best.end], not single)
    if _matches(lex["unknown_patterns_re"], text) or _matches(lex["ambiguous_patterns_re"], text):
        return None
    covered = [(m.start(), m.end()) for m in zero]
    death_words = lex["death_mentions"]
    if any(t.low in death_words and not any(a <= t.start < b for a, b in covered) for t in toks):
        return None  # deaths mentioned without a usable figure
    if zero:
        m = min(zero, key=lambda m: m.start())
        return FatalityCount(0, m.start(), m.end(), m.group(0))
    injury_words = lex["injury_passive"] | lex["injury_active"]
    hurt = next((t for t in toks if t.low in injury_words), None)
    if hurt is not None:
        return FatalityCount(0, hurt.start, hurt.end, text[hurt.start:hurt.end])
    hospital = _matches(lex["injury_patterns_re"], text)
    if hospital:
        return FatalityCount(0, hospital[0].start(), hospital[0].end(), hospital[0].group(0))
    return None


def count_injured(text: str) -> int | None:
    """Injured people stated in `text`; 0 if it says nobody was hurt; None if not stated."""
    if not text or not _GATE.search(text):
        return None
    lex = _lex()
    if _matches(lex["ambiguous_patterns_re"], text):
        return None
    toks = _tokens(text)
    best = _combine(_outside(_find(toks, "injury"), _matches(lex["zero_patterns_re"], text)))
    if best is not None and best.value > 0:
        return best.value
    if any(re.search(r"(?:injur|hurt|wound|harm|casualt|victim)", m.group(0), re.I)
           for m in _matches(lex["zero_patterns_re"], text)):
        return 0
    return None
