"""The hand-coded gold articles under tests/events/gold are well formed (their scores are measured, not tested)."""
import json
from pathlib import Path

import pytest

from sitrep.data import load_yaml

GOLD = Path(__file__).parent / "gold"
SIDES = {"RUS", "UKR", "CIV", "OTHER", "UNKNOWN"}


def _golds():
    return sorted(GOLD.glob("*.json"))


def test_there_are_at_least_fifteen_articles_with_their_texts():
    assert len(_golds()) >= 15
    assert all(p.with_suffix(".txt").exists() for p in _golds())


@pytest.mark.parametrize("path", _golds(), ids=lambda p: p.stem)
def test_every_event_is_a_valid_acled_coding_with_its_evidence_in_the_text(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    taxonomy = load_yaml("taxonomy.yaml")["event_types"]
    assert gold["id"] == path.stem and gold["published"]
    for ev in gold["events"]:
        assert ev["evidence"] in text
        assert ev["sub_event_type"] in taxonomy[ev["event_type"]]["sub_event_types"]
        assert ev["actor1_side"] in SIDES and ev["actor2_side"] in SIDES | {None}
        assert ev["date_precision"] in ("day", "week", "month") and ev["geo_precision"] in (1, 2, 3)
        assert -90 <= ev["latitude"] <= 90 and -180 <= ev["longitude"] <= 180
