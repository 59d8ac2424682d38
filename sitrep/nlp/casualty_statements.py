"""Casualty statements in a token stream: "three soldiers were killed", "killing 3", "killed a woman and her
two children", "Elvino Dias and his aide Paulo Guambe, who were shot dead", "the death toll rose to 12".

Each statement is a figure with its span and a key saying which victims it counts, so that
`sitrep.nlp.fatalities` can add separate statements and count a restatement once; the decisions are
documented there. Figures are parsed by `sitrep.nlp.numbers`; the words are in
`sitrep/data/lexicons/casualties.yaml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.data import load_yaml
from sitrep.nlp.numbers import (DIGITS, MONTHS, SINGULAR_DET, Tok, index_phrases, is_bad_number, number_lexicon,
                                phrase_at, quantity, words)

_AUX = {"were", "was", "have", "has", "had", "been", "are", "is", "be", "being", "reportedly", "reported", "also",
        "all", "later", "confirmed", "subsequently", "immediately", "both", "who", "that", "allegedly", "then",
        "now", "as", "people", '"', "“", "”", "'", ",", "others", "more", "in", "total", "of", "them"}
_DEMONYM = re.compile(r"(?:ans|is|ese|ites|ers|ks|hs)$")  # capitalised plurals: Palestinians, Somalis, Sudanese
_PLURAL_SINGULAR_EXCEPTIONS = {"police", "personnel", "staff", "crew", "people", "men", "women", "children"}


@dataclass(frozen=True)
class Statement:
    """A figure and its character span; `key` names the victims (a restatement shares it), `toll` marks a
    stated total that overrides the sum, `weak` a verbless "12 dead", "five victims", used only when nothing
    firmer is said."""

    value: int
    start: int
    end: int
    key: str
    toll: bool = False
    weak: bool = False


@lru_cache(maxsize=1)
def casualty_lexicon() -> dict:
    """casualties.yaml (with numbers.yaml under "numbers"), phrases pre-split into token tuples, loaded once."""
    lex = dict(load_yaml("lexicons/casualties.yaml"))
    lex["numbers"] = number_lexicon()
    for key in ("death_passive_phrases", "death_active_phrases", "injury_passive_phrases"):
        lex[key + "_t"] = index_phrases(tuple(words(p)) for p in lex[key])
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


def _quantity(toks: list[Tok], i: int) -> tuple[int, int, bool] | None:
    """A quantity at token i, "one" and ages in apposition told apart with this lexicon's person nouns."""
    return quantity(toks, i, casualty_lexicon()["person_nouns"])


def _is_bad_number(toks: list[Tok], i: int, j: int) -> bool:
    return is_bad_number(toks, i, j, casualty_lexicon()["person_nouns"])


def _noun(toks: list[Tok], k: int, singular: bool) -> tuple[str, int] | None:
    """After a quantity: ('person'|'none'|'bad', index after the noun phrase)."""
    lex = casualty_lexicon()
    j = k
    names = 0    # "Four South Sudan People's Defence Forces (SSPDF) officers": a force's name stands before the noun
    while j < len(toks) and j < k + 5 + names:
        if toks[j].low == "(" and j + 2 < len(toks) and toks[j + 2].low == ")" and toks[j + 1].cap:
            j += 3
            names += 3
            continue
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
        if not re.match(r"^[\w'’-]+$", w) or w in lex["noun_breaks"] or w in _SPEECH or DIGITS.match(w):
            break   # "One inhabitant said 20 people were killed": the phrase ends at its verb or the next figure
        if toks[j].cap and names < 6:
            names += 1
        j += 1
    return (None if singular else ("none", k))


def _in_subset(toks: list[Tok], i: int) -> bool:
    """Is token i inside an 'including ...' / 'among them ...' clause of its comma segment?"""
    subset = casualty_lexicon()["subset_words"]
    for j in range(i - 1, max(-1, i - 12), -1):
        w = toks[j].low
        if w in {",", ".", ";", "(", ")"}:
            return False
        if w in subset and (w != "among" or (j + 1 < len(toks) and toks[j + 1].low in {"them", "whom", "the"})):
            return True
    return False


def find_statements(toks: list[Tok], kind: str) -> list[Statement]:
    """All count statements for kind 'death' or 'injury'."""
    lex = casualty_lexicon()
    passive = lex[f"{kind}_passive"]
    passive_ph = lex[f"{kind}_passive_phrases_t"]
    active = lex[f"{kind}_active"]
    active_ph = lex.get(f"{kind}_active_phrases_t", {})
    stop = (lex["injury_passive"] | lex["injury_active"]) if kind == "death" else (lex["death_passive"] | lex["death_active"])
    out: list[Statement] = []
    pending: list[tuple[int, int]] = []  # coordinated counts waiting for their verb: (value, start token)
    i = 0
    while i < len(toks):
        # B: active verb + count ("killing 3", "killed three civilians", "lost four soldiers")
        n = phrase_at(toks, i, active_ph) or (1 if toks[i].low in active or
                                                (kind == "death" and toks[i].low in lex["loss_verbs"]) else 0)
        if kind == "death" and toks[i].low in lex["lives_verbs"]:
            q = _quantity(toks, i + 1)
            if q and q[1] < len(toks) and toks[q[1]].low == "lives":
                out.append(_stmt(toks, i, q[1] + 1, q[0], (i + 1, q[1] + 1)))
                i = q[1] + 1
                continue
        if n and i + n < len(toks) and toks[i + n].low not in {"by", "or", "in"}:
            at = i + n
            if toks[at].low == "and" and at + 2 < len(toks) and toks[at + 1].low.endswith("ed") and \
                    toks[at + 1].low not in stop:
                at += 2     # "murdered and beheaded five people"; not "killed and wounded five"
            stmts = _active_counts(toks, i, at, toks[i].low in lex["loss_verbs"])
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


def _name_run(toks: list[Tok], i: int) -> int:
    """End of a 2-4 token capitalised personal name starting at i ('Elvino Dias'), or 0."""
    lex = casualty_lexicon()
    if (i > 0 and toks[i - 1].cap and toks[i - 1].low not in _FUNCTION) or toks[i].low in _FUNCTION:
        return 0
    j = i
    while j < len(toks) and j - i < 4 and (toks[j].cap or toks[j].low in {"al", "bin", "de", "van", "von"}):
        w = toks[j].low
        nums = lex["numbers"]
        if w in MONTHS or w in lex["non_person_nouns"] or w in lex["org_words"] or not w.isalpha() and "-" not in w \
                or w in nums["units"] or w in nums["tens"] or w in nums["vague"] or w in lex["person_nouns"]:
            return 0
        j += 1
    return j if j - i >= 2 else 0


def _named_victims(toks: list[Tok], i: int, passive: frozenset, phrases: dict) -> tuple[int, int, int] | None:
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
    n = phrase_at(toks, j, phrases)
    w = toks[j].low if j < len(toks) else ""
    if n and (aux or w == "lost"):
        return count, j + n, names_end
    if w in passive and (aux or w in _INTRANSITIVE):
        after = toks[j + 1].low if j + 1 < len(toks) else ""
        if after in {"or", "and/or"}:
            return None
        return count, j + 1, names_end
    return None


def _along_with(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """Victims added after the verb: 'along with a 37-year-old man', 'together with two others'."""
    if j + 2 < len(toks) and toks[j].low in {"along", "together"} and toks[j + 1].low == "with":
        q = _quantity(toks, j + 2)
        noun = _noun(toks, q[1], q[2]) if q else None
        if q and noun and noun[0] == "person":
            return q[0], noun[1]
    return None


_ADVERBS = frozenset({"later", "subsequently", "then", "reportedly", "also", "since"})


def _passive_after(toks: list[Tok], j: int, passive: frozenset, phrases: dict, stop: frozenset,
                   strict: bool) -> int | str | None:
    """Look for the victim-subject verb after a count's noun phrase: end index, 'coord', or None."""
    lex = casualty_lexicon()
    limit = j + (5 if strict else 12)
    while j < len(toks) and j < limit:
        w = toks[j].low
        n = phrase_at(toks, j, phrases)
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
        if strict and (w == "," or w in _ADVERBS or (len(w) > 4 and w.endswith("ly"))):
            limit += 1      # "One of them, unfortunately, had died", "one of them later died"
            j += 1
            continue
        if strict and w not in _AUX:
            return None
        if DIGITS.match(w) and not _is_bad_number(toks, j, j + 1):
            return None
        j += 1
    return None


def _active_counts(toks: list[Tok], verb: int, i: int, loss: bool) -> list[Statement]:
    """Counts after an active verb, with coordination: 'killed a woman and her two children' = 3."""
    total, j, first_end = 0, i, None
    if j < len(toks) and toks[j].low in {"the", "off"} and _quantity(toks, j + 1):
        j += 1
    elif j + 1 < len(toks) and toks[j].low == "the" and toks[j + 1].low in casualty_lexicon()["person_nouns"] and \
            not toks[j + 1].low.endswith("s") and toks[j + 1].low not in _PLURAL_SINGULAR_EXCEPTIONS and \
            (j + 2 >= len(toks) or toks[j + 2].low not in casualty_lexicon()["person_nouns"]):
        return [_stmt(toks, verb, j + 2, 1, (j, j + 2))]   # "a drone hit a car, killing the driver"
    while True:
        q = _quantity(toks, j)
        if not q:
            break
        noun = _noun(toks, q[1], q[2])
        if noun is None or noun[0] == "bad" or (loss and noun[0] != "person"):
            break
        if noun[0] == "person" and toks[noun[1] - 1].low == "lives" and \
                toks[verb].low in casualty_lexicon()["loss_verbs"]:
            break
        if first_end is not None and toks[j - 1].low == "," and _speaks(toks, noun[1]):
            break   # "killing 12 civilians, a local official (from the police) said": the speaker, not a victim
        total += q[0]
        j = first_end = noun[1]
        if j + 1 < len(toks) and toks[j].low in {"and", ","} and _quantity(toks, j + 1):
            j += 1
            continue
        break
    if first_end is None:
        return []
    return [_stmt(toks, verb, first_end, total, (i, first_end))]


def _speaks(toks: list[Tok], k: int) -> bool:
    """A reporting verb within a few words after a noun phrase, before any comma or full stop."""
    for t in toks[k:k + 5]:
        if t.low in _SPEECH:
            return True
        if t.low in {",", ".", ";", "and", "who", "which"}:
            return False
    return False


def _stmt(toks: list[Tok], i: int, end: int, value: int, key_range: tuple[int, int] | None = None,
          weak: bool = False) -> Statement:
    """A statement spanning tokens i..end, keyed so that a restatement of the same victims counts once.

    Figures ("three civilians" ... "three residents were killed") are keyed by value: wire copy restates a
    toll in other words. Individuals ("a 72-year-old woman", "Oleksiy Kovalev") are keyed by their words, and
    "also", "another", "more" mark an addition, which is never merged.
    """
    a, b = key_range or (i, end)
    words = [t.low for t in toks[a:b]]
    around = {t.low for t in toks[max(0, i - 3):end]}
    numbers = casualty_lexicon()["numbers"]
    individual = bool(words) and (words[0] in SINGULAR_DET - {"one"} or toks[a].cap and not DIGITS.match(words[0])
                                  and words[0] not in numbers["units"] and words[0] not in numbers["modifiers_t"])
    additive = bool(around & _ADDITIVE)
    key = " ".join(words) if individual else f"={value}"
    if additive:
        key += f"@{toks[i].start}"
    return Statement(value, toks[i].start, toks[end - 1].end, key, False, weak)


_SPEECH = {"said", "says", "told", "reported", "added", "confirmed", "stated", "wrote", "claimed", "estimated"}
_ADDITIVE = {"also", "another", "more", "further", "additional", "other", "others", "separately"}


def toll_statements(toks: list[Tok]) -> list[Statement]:
    """'death toll rose to 12', 'bringing the number of dead to 7'."""
    lex = casualty_lexicon()
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
                out.append(Statement(q[0], t.start, toks[q[1] - 1].end, "", toll=True))
                break
        else:
            if is_toll and (far := _figure_after_toll_verb(toks, i)):
                out.append(Statement(far[0], t.start, far[1], "", toll=True))
    return out


def _figure_after_toll_verb(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """(figure, end) of "the toll <anything up to 25 words> rises to N", when the toll word's own window gave none."""
    lex = casualty_lexicon()
    for j in range(i + 1, min(len(toks), i + 26)):
        if toks[j].low in {".", ";"}:
            return None
        if toks[j].low not in lex["toll_verbs"]:
            continue
        k = j + 1
        while k < len(toks) and toks[k].low in lex["toll_verb_fillers"]:
            k += 1
        q = _quantity(toks, k) if k < len(toks) else None
        if q and not q[2] and (_noun(toks, q[1], False) or ("",))[0] != "bad":
            return q[0], toks[q[1] - 1].end
    return None
