"""The dashboard's server-side aggregation and the filter parser, without a server."""
from __future__ import annotations

import pytest
from fastapi import HTTPException

from sitrep.api.aggregate import MAX_POINTS, Row, RowCache, map_view, timeline
from sitrep.api.filters import parse_query
from sitrep.api.pages import evidence_segments


def rows(n: int) -> list[Row]:
    return [Row(f"e{i}", f"2024-03-{1 + i % 28:02d}", "Battles" if i % 2 else "Protests", 48 + (i % 100) / 50,
                30 + (i % 97) / 20, i % 3, f"P{i}", "Ukraine", "Kharkiv") for i in range(n)]


def test_few_events_are_sent_as_points():
    view = map_view(rows(10), None, 5)
    assert view["mode"] == "points" and len(view["points"]) == 10


def test_many_events_are_binned_into_cells_that_add_up():
    data = rows(MAX_POINTS * 3)
    view = map_view(data, None, 4)
    assert view["mode"] == "cells" and len(view["cells"]) < len(data)
    assert sum(c["n"] for c in view["cells"]) == len(data)
    assert sum(c["fatalities"] for c in view["cells"]) == sum(r.fatalities for r in data)


def test_map_keeps_only_the_viewport():
    view = map_view(rows(50), (29.0, 47.0, 30.5, 49.0), 8)
    assert view["points"] and all(p["lon"] <= 30.5 for p in view["points"])


def test_timeline_counts_per_day_and_type():
    t = timeline(rows(4))
    assert t["total"] == 4 and t["types"] == {"Protests": 2, "Battles": 2}
    assert {k: v for k, v in t["days"][0].items() if k != "fatalities"} == {"date": "2024-03-01", "counts": {"Protests": 1}}


def test_row_cache_reuses_until_cleared():
    cache, calls = RowCache(), []
    load = lambda: calls.append(1) or rows(3)  # noqa: E731
    first = cache.get(("k",), load)
    assert cache.get(("k",), load) is first and len(calls) == 1
    cache.clear()
    cache.get(("k",), load)
    assert len(calls) == 2


@pytest.mark.parametrize("params", [{"limit": "0"}, {"limit": "-1"}, {"limit": "x"}, {"since": "tomorrow"},
                                    {"bbox": "1,2"}, {"foo": "1"}, {"q": "x" * 201}])
def test_parser_rejects_bad_values(params):
    with pytest.raises(HTTPException) as err:
        parse_query(params)
    assert 400 <= err.value.status_code < 500


def test_parser_keeps_good_values():
    q = parse_query({"since": "2024-03-01", "bbox": "30,45,40,52", "limit": "20", "q": " shelling "})
    assert (q.since, q.bbox, q.limit, q.q) == ("2024-03-01", (30.0, 45.0, 40.0, 52.0), 20, "shelling")


def test_evidence_segments_cut_at_offsets_or_find_the_sentence():
    text = "One. Two killed. Three."
    assert evidence_segments(text, 5, 16, "Two killed.") == (
        [(False, "One. "), (True, "Two killed."), (False, " Three.")], True)
    segs, exact = evidence_segments(text, 0, 3, "Two killed.")
    assert exact and segs[1] == (True, "Two killed.")
    assert evidence_segments(text, 0, 3, "absent") == ([(False, text)], False)
