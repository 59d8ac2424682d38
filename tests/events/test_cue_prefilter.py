"""The cue prefilter skips only groups that could not match: its hits equal the full pass of every group."""
from pathlib import Path

from sitrep.events.classify import CueLexicon
from sitrep.events.cue_prefilter import CuePrefilter, pattern_prefixes
from sitrep.nlp.sentences import split_sentences

ARTICLES = Path(__file__).parent / "articles"


def test_prefixes_are_read_off_the_pattern():
    assert pattern_prefixes(r"air ?strikes?") == {"air st", "airstr"}
    assert pattern_prefixes(r"(?:fighter |military )?jets?") == {"fighte", "milita", "jet", "jets"}
    assert pattern_prefixes(r"car[- ]bomb") == {"car-bo", "car bo"}
    assert pattern_prefixes(r"FAB-\d+") == {"FAB-"}          # a digit class ends the prefix
    assert pattern_prefixes(r"\d+-year-old") is None          # may start with anything: always tried


def test_a_group_without_its_prefixes_is_not_a_candidate():
    pf = CuePrefilter.build({"a_strike": ["air ?strikes?"], "w_mine": ["(?:land ?)?mines?"], "t_any": [r"\w+ers"]})
    assert pf.candidates("An airstrike hit the depot.") == {"a_strike", "t_any"}
    assert pf.candidates("Nothing happened.") == {"t_any"}
    assert pf.candidates("A landmine and AIR STRIKES.") == {"a_strike", "w_mine", "t_any"}
    assert pf.candidates("the sub-mine") == {"t_any"}          # not at a word start: the cue regex agrees
    kill = CuePrefilter.build({"a_kill": ["kill(?:ed|s)?"]})
    assert kill.candidates("\u212aILLED") is None            # the Kelvin sign matches k: the filter cannot tell
    assert kill.candidates("Killed") == {"a_kill"} and kill.candidates("skilled") == set()


def _full_pass(lex: CueLexicon, sentence: str) -> dict:
    if not lex._any_cue.search(sentence):
        return {}
    spans = {name: [m.span() for m in rx.finditer(sentence)] for name, rx in lex.groups.items()}
    return {name: s for name, s in spans.items() if s}


def test_hits_equal_the_full_pass_on_real_sentences():
    lex = CueLexicon.default()
    sentences = [s.text for f in sorted(ARTICLES.glob("*.txt")) for s in split_sentences(f.read_text("utf-8"))]
    sentences += [s.upper() for s in sentences[:200]] + ["drone-old", "shelling-be", "ſhelled", "KILLED"]
    assert len(sentences) > 40
    for s in sentences:
        assert list(lex._hits.__wrapped__(lex, s).spans.items()) == list(_full_pass(lex, s).items()), s
