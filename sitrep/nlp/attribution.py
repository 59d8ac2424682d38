"""Who a sentence says reported or claimed an event, and how sure the outlet is (claimed / reported / disputed).

Pattern rules over the sentence, no parse: "according to X", "citing X", "reported by X", "X said/claimed/wrote",
"..., said X", "X, a human rights group, said", "X, who claimed". The claimant keeps a person's name when a title
or appositive gives one ("the head of the Kharkiv RSA, Oleh Syniehubov" -> "Oleh Syniehubov"), else the body
("The Ukrainian police" -> "Ukrainian police"). Pronouns, bare surnames and generic heads ("the ministry") are
completed from `context` (the paragraph or article) when it names them. Cue words: lexicons/attribution.yaml.

certainty: "disputed" when the sentence or context denies or doubts it ("denied", "could not be independently
verified"); "claimed" when the claimant is a party (ministries, armies, governors, officials, armed groups, the
Kremlin) or uses a claim verb ("claimed", "blamed"); otherwise "reported" (neutral sources, or the outlet's own
voice, where claimed_by is None). Where a sentence names both a source and the outlet relaying it ("X announced
this on Telegram, Ukrinform reports"), the source wins.

Best called with `context` = a window of the article that contains the sentence (say 400 characters either
side): the text before it completes pronouns, surnames and generic heads; the text after it names the speaker
of a quotation that runs on ('"Last night ... shells. Reports are being verified," he said.'; the span then
points past the sentence's end) and carries denials ("Kyiv denied ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.data import load_yaml
from sitrep.nlp.sentences import abbreviations


@dataclass
class Attribution:
    claimed_by: str | None        # who the text says reported/claimed it; None in the outlet's own voice
    certainty: str                # "reported" | "claimed" | "disputed"
    start: int | None             # span of the attribution phrase in the sentence
    end: int | None
    denied_by: str | None = None


@dataclass(frozen=True)
class _Cand:
    name: str        # normalised claimant
    full: str        # the whole phrase (title, appositive) used to classify it
    start: int
    end: int
    verb: str


_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|de|da|dos|van|von|la|le)(?:-[A-Z][\w’']*)?$")
_NAME = r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:al|el|bin|ibn|de|da|dos|van|von|la|le)(?:-[A-Z][\w’'-]*)?))*"
_LEAD_FILLERS = re.compile(r"^(?:(?:and|but|while|as|meanwhile|however|also|moreover|furthermore|separately|where|when|"
                           r"after|which|who|in\s+addition|besides|earlier|later|then|so|now)(?:\s*,?\s+|$))+", re.I)
_TRAIL_FILLERS = re.compile(r"(?:\s+(?:has|have|had|also|later|earlier|previously|separately|further|reportedly|"
                            r"again|already|first|then|had\s+earlier|on\s+[A-Z]\w+|late\s+[A-Z]\w+|"
                            r"early\s+[A-Z]\w+|in\s+a\s+\w+\s+statement|in\s+a\s+statement))+$")
_PREP_START = re.compile(r"^(?:in|on|at|during|after|before|for|with|according|from|by|of|to|amid|over|under|"
                         r"following|since|as\s+a\s+result)\b", re.I)
_BAD_SUBJECT = re.compile(r"^(?:which|that|this|there|what|who|whom|reports?|sources?\s+say|"
                          r"(?:preliminary|initial|updated|latest|available|official|the\s+latest)?\s*"
                          r"(?:data|information|figures|estimates|reports|statistics|details))$", re.I)
_NOUN_OR_VERB = {"claim", "claims", "report", "reports", "say", "notes", "states", "posts"}
_PLURAL_SUBJECTS = re.compile(r"(?:s|police|they|media|staff|military|army|Kyiv|Kiev|Moscow|Kremlin)$")


_STOP_FIRST = {"the", "in", "on", "at", "support", "by", "from", "with", "and", "but", "as", "for", "of", "to",
               "according", "said", "says", "head", "governor", "mayor", "minister", "chief"}


@lru_cache(maxsize=1)
def _lex() -> dict:
    lex = dict(load_yaml("lexicons/attribution.yaml"))
    for key in ("speech_verbs", "claim_verbs", "denial_verbs", "titles", "org_words", "generic_heads",
                "pronouns"):
        lex[key] = frozenset(w.lower() for w in lex[key])
    for key in ("party_cues", "neutral_cues", "media"):
        words = sorted(lex[key], key=len, reverse=True)
        lex[key + "_re"] = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)
    lex["doubt_re"] = re.compile("|".join(f"(?:{p})" for p in lex["doubt_patterns"]), re.I)
    verbs = "|".join(sorted(lex["speech_verbs"] | lex["denial_verbs"], key=len, reverse=True))
    lex["verb_re"] = re.compile(rf"\b({verbs})\b")
    lex["intro_re"] = re.compile(r"\b(according\s+to|citing|reported\s+by|quoted\s+by|as\s+reported\s+by|"
                                 r"cited\s+by|per)\s+", re.I)
    lex["by_re"] = re.compile(r"\b(?:statements?|claims?|remarks|assertions?|announcements?|allegations?|reports?)[\"”’]?\s+"
                              r"(?:made\s+)?by\s+((?:the\s+)?[^,.;:!?\"“”]{2,60}?)(?=\s+(?:about|that|on|of|in)\b|[,.;:!?\"“”]|$)")
    lex["with_re"] = re.compile(r"\bwith\s+((?:the\s+)?[^,.;:!?\"“”]{2,60}?)\s+(?:blaming|saying|claiming|"
                                r"reporting|accusing|alleging|insisting|stating)\b")
    lex["inverted_re"] = re.compile(r"(?:[,”\"’]|\bas)\s*(said|says|added|wrote|reported|stated|noted)\s+"
                                    r"(?!that\b|it\b|in\b|on\b)((?:the\s+)?[^,.;:!?\"“”]{2,80})")
    return lex


_OWNER = re.compile(r"^(?:(?:the\s+)?(?:press\s+service|press\s+office|media\s+office|spokes(?:man|woman|person)|"
                    r"telegram\s+channel|headquarters)\s+of\s+(?:the\s+)?(.+)|(.+?)(?:’s|'s)\s+(?:press\s+service|"
                    r"press\s+office|office|spokes(?:man|woman|person)|telegram\s+channel))$", re.I)


def _clean(phrase: str) -> str:
    """Trim fillers and articles: 'and the Ukrainian police also' -> 'Ukrainian police'."""
    phrase = re.sub(r"\s+", " ", phrase)
    phrase = re.sub(r"\s*\([^)]*\)?\s*$", "", phrase.strip(" ,;:\"“”'’")).strip(" ,;:\"“”'’()")
    phrase = _TRAIL_FILLERS.sub("", phrase)
    phrase = _LEAD_FILLERS.sub("", phrase)
    phrase = re.sub(r"^(?:the|The|a|an|A|An)\s+(?=[a-z])|^(?:the|The)\s+", "", phrase).strip(" ,")
    phrase = re.sub(r"^(?:claims?|reports?|allegations?|statements?|assertions?)\s+(?:that\s+|which\s+)?(?=[A-Z])", "",
                    phrase)
    phrase = re.sub(r"^(?:(?:a|an|the|its|their|his|her)\s+)?(?:\w+\s+)?(?:statement|report|post|message|update|"
                    r"data|information|figures|briefing|video)\s+(?:from|by|of|issued\s+by|published\s+by)\s+"
                    r"(?:the\s+)?", "", phrase)
    owner = _OWNER.match(phrase)
    if owner:  # "the press service of the Southern Defense Forces", "Zelensky's office" -> the owner
        phrase = re.sub(r"^(?:the|The)\s+", "", owner.group(1) or owner.group(2))
    return phrase


def _person_of(phrase: str) -> str:
    """Prefer a person's name in a titled phrase: 'Dnipropetrovsk Oblast Governor Serhii Lysak' -> 'Serhii Lysak'."""
    lex = _lex()
    app = re.search(rf",\s+({_NAME})$", phrase)
    if app and len(app.group(1).split()) <= 4 and not any(
            w.lower() in lex["org_words"] for w in app.group(1).split()):
        return app.group(1)  # "the head of the Kharkiv RSA, Oleh Syniehubov"
    words = phrase.split()
    for i in range(len(words) - 2, -1, -1):
        if re.sub(r"(?:’s|'s)$|[,’']", "", words[i].lower()) in lex["titles"]:
            rest = words[i + 1:]
            while rest and rest[0].lower() in abbreviations():
                rest = rest[1:]           # "spokesperson Maj. Gen. Lul Ruai Koang": the ranks are titles too
            if 1 <= len(rest) <= 4 and all(w[0].isupper() or _PARTICLE.match(w) for w in rest) and \
                    not any(w.lower().strip(",’'") in lex["org_words"] for w in rest):
                return " ".join(rest)
            break
    return phrase


_NICKNAME = re.compile(r"(?<=[A-Za-z]) [“\"][A-Z][^“”\".,!?]{0,40}[”\"](?= of\b| [a-z]+\s*$|,|\s*$)")


_DAY_OR_MONTH = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:January|February|March|April|May|June|"
                           r"July|August|September|October|November|December)\b")


def _subject(left: str) -> tuple[str, str, int] | None:
    """The claimant phrase ending `left` (text before a reporting verb) -> (name, full phrase, start offset)."""
    # blank out quoted nicknames ('Brigade “Oleksa Dovbush” of ...'), keeping offsets
    left = _NICKNAME.sub(lambda m: " " * len(m.group(0)), left)
    cut = max(left.rfind(c) for c in '“”";:«»\n') + 1
    m = None
    for m in re.finditer(r"[.!?](?:\s+|(?=[A-Z]))|\b(?:that|who|which|whom|while|but|and\s+(?=[a-z]))\s+", left):
        pass
    relative = m is not None and m.group(0).strip() in {"who", "which", "whom", "that"}
    closed = relative and ("," in left[m.end():] or not left[m.end():].strip())  # ", a businessman who lives in X,"
    if m and m.end() > cut and not closed:
        cut = max(cut, m.end())  # "the blast, which residents said" -> "residents"
    rel = re.search(r",?\s*\b(?:who|which)\s*$", left[cut:])
    if rel:  # "... chief Valery Gerasimov, who claimed" -> the antecedent
        ante = re.search(rf"({_NAME})\s*$", left[:cut + rel.start()])
        if not ante:
            return None
        return _person_of(ante.group(1)), ante.group(1), ante.start(1)
    segs = [s for s in re.split(r",\s*", left[cut:])]
    while segs and (not _clean(segs[-1]) or _PREP_START.match(_clean(segs[-1]) or "x")):
        segs.pop()
    if not segs:
        return None
    last = _clean(segs[-1])
    full = last
    role = re.match(r"^(?:(a|an|the)\s+)?([a-z]+)", segs[-1].strip())
    if role and (role.group(1) or role.group(2) in _lex()["titles"]) and len(segs) > 1 and \
            re.match(rf"^{_NAME}$", _clean(segs[-2])) and not _PREP_START.match(_clean(segs[-2]) or "x") and \
            not _DAY_OR_MONTH.search(segs[-2]):   # "Colonel Alain Kiwewa, administrator of Lubero, told"
        full = _clean(segs[-2]) + ", " + segs[-1].strip()
        last = _clean(segs[-2])   # "Emergency Lawyers, a human rights organization, said"
    elif len(segs) > 1 and re.match(rf"^{_NAME}$", last) and len(last.split()) <= 4:
        full = segs[-2].strip() + ", " + last  # "the head of the Kharkiv RSA, Oleh Syniehubov, said"
    if not last or len(last.split()) > 10 or _BAD_SUBJECT.match(last) or \
            re.search(r"(?i)n[’']t\b|\bnot\b|\bto\b|\b(?:would|could|should|may|might|must|will|can)\b", last):
        return None
    if not (last[0].isupper() or last[0].isdigit() or _lex()["party_cues_re"].search(last) or _lex()["neutral_cues_re"].search(last)
            or last.lower() in _lex()["generic_heads"] or re.match(r"^(?:local|officials?|police|residents|witnesses|sources?|he|she|it|"
                                             r"they|him|her|a|an|security|military|emergency|health|ukrainian|"
                                             r"russian|state|regional|government|medics|doctors|rescuers)\b",
                                             last, re.I)):
        return None
    start = left.rfind(last) if last in left else cut
    return _person_of(last), full, start


_PHRASE_STOP = re.compile(r"[.;:!?()\"“”]|,\s+(?!(?:[A-Z][\w’'-]*\s*){1,4}(?:[,.;]|$))|\s+(?:on|in|who|which|that|"
                          r"and\s+(?:the\s+)?[a-z]+ed)\b")


def _ends_abbreviation(text: str, stop: re.Match) -> bool:
    """"according to spokesperson Maj. Gen. Lul Ruai Koang": the full stop of a title is no end of the name."""
    if stop.group() != ".":
        return False
    word = re.search(r"[\w.]+$", text[:stop.end()])
    token = (word.group() if word else "") + re.match(r"[\w.]*", text[stop.end():]).group()   # "U.N."
    return token.lower() in abbreviations()


def _plausible(name: str) -> bool:
    """A claimant starts with a capital, or names a source kind ("officials", "local residents")."""
    lex = _lex()
    return bool(name[0].isupper() or lex["party_cues_re"].search(name) or lex["neutral_cues_re"].search(name)
                or name.lower() in lex["generic_heads"] or name.lower() in lex["pronouns"])


def _candidates(sentence: str) -> list[_Cand]:
    lex = _lex()
    out: list[_Cand] = []
    for m in lex["intro_re"].finditer(sentence):
        rest = sentence[m.end():]
        stop = next((x for x in _PHRASE_STOP.finditer(rest) if not _ends_abbreviation(rest, x)), None)
        phrase = rest[:stop.start()] if stop else rest
        full = phrase
        nxt = re.match(rf",\s+({_NAME})\s*(?:[,.;]|$)", rest[len(phrase):]) if stop else None
        if nxt and len(nxt.group(1).split()) <= 4:
            phrase = nxt.group(1)     # "according to the head of the RSA, Oleh Syniehubov"
            full = full + ", " + phrase
        name = _clean(phrase)
        if name and len(name.split()) <= 12 and not _BAD_SUBJECT.match(name) and _plausible(name):
            out.append(_Cand(_person_of(name), full, m.start(), m.end() + len(full), m.group(1).lower()))
    for m in lex["verb_re"].finditer(sentence):
        left = sentence[:m.start()]
        if re.search(r"\b(?:was|were|been|be|is|are|being|not)\s+$", left) or \
                re.search(r"\bwith\s+(?:[\w-]+\s+){1,4}$", left):
            continue  # passive "were reported"; "with many junta casualties reported": what is reported
        if re.search(r"(?i)\b(?:the|a|an|this|that|these|those|its|his|her|their|such|no|any|unconfirmed|earlier|"
                     r"initial|first|new|latest|[Rr]ussia’s|[Rr]ussia's)\s+$", left) and m.group(1).lower() in {
                         "claim", "claims", "report", "reports", "notes", "posts", "say", "states"}:
            continue  # a noun: "the claim could not be verified"
        prev = re.search(r"([\w’'-]+)\s+(?:(?:also|earlier|later|previously|reportedly|now|again|still|further|"
                         r"repeatedly|often|already)\s+)*$", left)
        if m.group(1).lower() in _NOUN_OR_VERB and prev and not (
                prev.group(1)[0].isupper() or _PLURAL_SUBJECTS.search(prev.group(1))):
            continue  # "brings a surprising report"
        subj = _subject(left)
        if subj:
            out.append(_Cand(subj[0], subj[1], subj[2], m.end(), m.group(1).lower()))
    for m in lex["with_re"].finditer(sentence):
        name = _clean(m.group(1))
        if name:
            out.append(_Cand(_person_of(name), m.group(1), m.start(), m.end(), "claims"))
    for m in lex["by_re"].finditer(sentence):
        name = _clean(m.group(1))
        if name and (name[0].isupper() or lex["party_cues_re"].search(name)):
            out.append(_Cand(_person_of(name), m.group(1), m.start(), m.end(1), "claims"))
    for m in lex["inverted_re"].finditer(sentence):
        name = _clean(re.split(r"\s+(?:on|in|late|early|at|that)\s+|\s+(?=told\b)", m.group(2))[0])
        if name and (name[0].isupper() or name.lower().split()[0] in {"officials", "police", "residents", "witnesses"}):
            app = re.match(r",\s+(?:a|an|the)\s+[^.;:!?]{2,80}", sentence[m.end(2):])
            full = m.group(2) + (app.group(0) if app else "")
            out.append(_Cand(_person_of(name), full, m.start(1), m.end(2), m.group(1).lower()))
    return out


@lru_cache(maxsize=64)
def _context_candidates(ctx: str) -> tuple[_Cand, ...]:
    """Candidates of a context, cached: the extractor asks once per sentence of the same paragraph."""
    return tuple(_candidates(ctx))


def _from_context(name: str, context: str, before: int) -> str:
    """Complete a pronoun, bare surname or generic head from the context that precedes the sentence."""
    lex = _lex()
    ctx = context[:before] if before > 0 else context
    low = name.lower()
    earlier = [c for c in _context_candidates(context) if c.name.lower() not in lex["pronouns"] and
               (before <= 0 or c.end <= before)]
    if low in lex["pronouns"]:
        if low in {"he", "she", "him", "her"}:  # a person: a capitalised run not ending in an organisation word
            found = [c for c in earlier if re.match(rf"^{_NAME}$", c.name) and
                     c.name.split()[-1].lower() not in lex["org_words"] and not lex["party_cues_re"].fullmatch(c.name)]
            found = found or earlier
        else:
            found = earlier
        return found[-1].name if found else name
    is_known = lex["party_cues_re"].fullmatch(name) or lex["media_re"].fullmatch(name) or \
        lex["neutral_cues_re"].fullmatch(name)
    if re.fullmatch(r"[A-Z][\w’'-]+", name) and not is_known:  # bare surname -> full name
        full = re.findall(rf"\b([A-Z][\w’'-]+\s+{re.escape(name)})\b", context)
        full = [f for f in full if f.split()[0].lower() not in lex["titles"] | lex["org_words"] | _STOP_FIRST]
        return full[0] if full else name
    head = low.split()[-1] if low.split() else ""
    if len(low.split()) == 1 and head in lex["generic_heads"]:
        if head in lex["titles"]:
            m = list(re.finditer(rf"(?i:\b{re.escape(head)})\s+({_NAME})", ctx))
            if m:
                return m[-1].group(1)
        m = list(re.finditer(rf"((?:(?-i:[A-Z])[\w’'-]*\s+|(?:health|defen[cs]e|interior|foreign|emergency|security|"
                             rf"press|military|regional|local|state)\s+){{1,4}}){re.escape(head)}\b", ctx, re.I))
        if m:
            return _clean(m[-1].group(0))
        if earlier and head in {"group", "organization", "organisation", "agency", "source", "statement"}:
            return earlier[-1].name  # "the group said": the last source named before
    return name


def _denier(text: str) -> str | None:
    lex = _lex()
    for m in lex["verb_re"].finditer(text):
        if m.group(1).lower() in lex["denial_verbs"] - {"insisted"} or (
                m.group(1).lower() == "insisted" and re.match(r"\s+it\s+had\s+(?:nothing|not|never)", text[m.end():])):
            subj = _subject(text[:m.start()])
            if subj:
                return subj[0]
    m = re.search(r"\b(?:denied|rejected|dismissed)\s+by\s+((?:the\s+)?[^,.;]{2,60})", text)
    return _clean(m.group(1)) if m else None


def _classify(c: _Cand, context: str) -> str:
    lex = _lex()
    if lex["party_cues_re"].search(c.full):
        return "claimed"
    if lex["neutral_cues_re"].search(c.full):
        return "reported"
    if c.verb in lex["claim_verbs"]:
        return "claimed"
    surname = c.name.split()[-1] if c.name.split() else ""
    if context and surname:
        for m in re.finditer(rf"\b{re.escape(surname)}\b", context):
            window = context[max(0, m.start() - 80):m.start()]
            if lex["party_cues_re"].search(window.split(".")[-1]):
                return "claimed"
    return "reported"


def _quote_speaker(sentence: str, context: str, pos: int) -> list[_Cand]:
    """A sentence inside a quotation: the speaker named after the closing quote ('...," he said.').

    Offsets stay relative to the sentence start, so they point past its end into the following text.
    """
    opened = sentence.count("“") + sentence.count('"') - sentence.count("”")
    if not sentence.lstrip().startswith(("“", '"')) or opened % 2 == 0 and "”" in sentence:
        return []
    rest = context[pos + len(sentence):pos + len(sentence) + 1500]
    close = re.search(r"[”\"]", rest)
    if not close:
        return []
    tail = re.search(r"[.!?](?:\s|$)|\n|$", rest[close.end():])
    snippet = context[pos:pos + len(sentence) + close.end() + tail.end()]
    return [c for c in _candidates(snippet) if c.start >= len(sentence) and
            c.verb not in _lex()["denial_verbs"] - {"insisted"}]


def find_attribution(sentence: str, context: str = "") -> Attribution:
    """Claimant and certainty for one sentence (or evidence string); `context` is the surrounding text."""
    if not sentence:
        return Attribution(None, "reported", None, None)
    context = context or ""
    lex = _lex()
    cands = [c for c in _candidates(sentence) if c.verb not in lex["denial_verbs"] - {"insisted"}]
    pos = context.find(sentence) if context else -1
    window = context[max(0, pos - 300):pos + len(sentence) + 300] if pos >= 0 else context
    doubt = bool(lex["doubt_re"].search(sentence) or (window and lex["doubt_re"].search(window)))
    denied_by = _denier(sentence) or (_denier(context[pos + len(sentence):pos + len(sentence) + 400])
                                      if pos >= 0 else None)
    if not cands and pos >= 0:
        cands = _quote_speaker(sentence, context, pos)
    if not cands:
        return Attribution(None, "disputed" if doubt else "reported", None, None, denied_by)
    non_media = [c for c in cands if not lex["media_re"].fullmatch(c.name)]
    best = min(non_media or cands, key=lambda c: c.start)
    name = _from_context(best.name, context, pos) if context else best.name
    if name.lower() in lex["pronouns"]:
        name = None
    certainty = "disputed" if doubt else _classify(_Cand(name or best.name, best.full, best.start, best.end,
                                                        best.verb), context)
    return Attribution(name, certainty, best.start, best.end, denied_by)

