"""Held-out style transliteration and historical-name cases (tests/geo/translit_cases.csv) resolve within 15 km."""
import csv
import math
from pathlib import Path

import pytest

CASES = [r for r in csv.DictReader(l for l in (Path(__file__).parent / "translit_cases.csv").open(encoding="utf-8")
                                   if not l.startswith("#"))]


def km(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_there_are_enough_cases():
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[c["query"] for c in CASES])
def test_variant_spelling_resolves_within_15_km(geo, case):
    place = geo.geocode(case["query"], context=case["context"] or None)
    assert place is not None, case["query"]
    d = km((place.latitude, place.longitude), (float(case["lat"]), float(case["lon"])))
    assert d <= 15, f"{case['query']} -> {place.name} ({place.admin1}) {d:.0f} km off"
