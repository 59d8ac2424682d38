"""`sitrep extract` on the bundled sample articles, run as a user runs it, against events coded by hand."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = json.loads((ROOT / "tests" / "fixtures" / "samples_expected.json").read_text())


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    out = tmp_path_factory.mktemp("e2e") / "events.jsonl"
    run = subprocess.run([sys.executable, "-m", "sitrep", "extract", str(ROOT / "samples"), "--out", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in out.read_text().splitlines()]


def _article_of(ev):
    return {s["article_id"] for s in ev["sources"]}


def _ids():
    from sitrep.ingest import read_inputs

    return {Path(a.origin.split(":")[0]).name: a.id for a in read_inputs([str(ROOT / "samples")])}


@pytest.mark.parametrize("want", EXPECTED["events"], ids=lambda w: f"{w['article']}:{w['sub_event_type']}:{w.get('location') or w.get('admin1')}")
def test_hand_coded_event_is_extracted(events, want):
    art = _ids()[want["article"]]
    found = [e for e in events if art in _article_of(e) and e["sub_event_type"] == want["sub_event_type"]
             and e["event_date"] == want["event_date"]
             and (("location" not in want) or e["location"] == want["location"])
             and (("admin1" not in want) or e["admin1"] == want["admin1"])]
    assert found, f"missing {want}"
    if "fatalities" in want:
        assert found[0]["fatalities"] == want["fatalities"]


def test_negative_article_yields_nothing(events):
    ids = _ids()
    for name in EXPECTED["negatives"]:
        assert not [e for e in events if ids[name] in _article_of(e)]


def test_every_event_has_evidence_at_its_offsets(events):
    from sitrep.ingest import read_inputs

    texts = {a.id: a.text for a in read_inputs([str(ROOT / "samples")])}
    for e in events:
        for s in e["sources"]:
            assert texts[s["article_id"]][s["char_start"]:s["char_end"]] == s["evidence"]


def test_no_unexpected_events(events):
    assert len(events) == len(EXPECTED["events"])
