"""Every export loads unchanged: CSV and Parquet with pandas, GeoJSON against RFC 7946's structure."""
from __future__ import annotations

import json
import math

import pandas as pd
import pyarrow.parquet as pq
import pytest
from export_factory import sample_events

from sitrep.export import FORMATS, write_events
from sitrep.export.acled import ACLED_COLUMNS
from sitrep.model import Event

EXPECTED_ACLED = ("event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, "
                  "actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, "
                  "region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, "
                  "source_scale, notes, fatalities, tags, timestamp").split(", ")


def test_csv_has_acleds_columns_in_order_then_sitreps_and_loads_with_pandas(tmp_path):
    out = tmp_path / "events.csv"
    write_events(sample_events(), out, "csv")
    df = pd.read_csv(out)
    assert list(df.columns[:len(EXPECTED_ACLED)]) == EXPECTED_ACLED == list(ACLED_COLUMNS)
    assert "certainty" in df.columns and "fatalities_max" in df.columns
    row = df.iloc[0]
    assert (row.event_id_cnty, row.year, row.time_precision, row.iso, row.region) == ("ev-kharkiv-1", 2023, 1, 804, "Europe")
    assert row.source == "Ukrinform; Reuters" and row.civilian_targeting == "Civilian targeting"
    assert row.fatalities == 3 and row.fatalities_max == 5 and row.n_sources == 2
    assert '"officials" said, in, commas.' in row.evidence
    assert df.iloc[1].fatalities == 0 and df.iloc[1].time_precision == 3


def test_parquet_keeps_types_nested_sources_and_credits(tmp_path):
    out = tmp_path / "events.parquet"
    write_events(sample_events(), out, "parquet")
    df = pd.read_parquet(out)
    assert str(df.latitude.dtype) == "float64" and str(df.fatalities.dtype) == "int32"
    assert df.event_date.iloc[0].isoformat() == "2023-06-27"
    assert [s["source"] for s in df.sources.iloc[0]] == ["Ukrinform", "Reuters"]
    meta = pq.read_schema(out).metadata
    assert b"GeoNames" in meta[b"sitrep:attribution"] and b"KATOTTG" in meta[b"sitrep:attribution"]


def check_rfc7946(doc: dict) -> None:
    """The structural rules of RFC 7946 that apply to a FeatureCollection of Points."""
    assert doc["type"] == "FeatureCollection" and isinstance(doc["features"], list)
    assert "crs" not in doc  # removed from the spec (section 4)
    for f in doc["features"]:
        assert f["type"] == "Feature" and "properties" in f and "geometry" in f
        assert isinstance(f["properties"], dict) or f["properties"] is None
        if "id" in f:
            assert isinstance(f["id"], (str, int, float))
        g = f["geometry"]
        if g is None:
            continue
        assert g["type"] == "Point" and len(g["coordinates"]) in (2, 3)
        lon, lat = g["coordinates"][:2]
        assert all(isinstance(v, (int, float)) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_is_rfc7946_with_lon_lat_order_and_credits(tmp_path):
    out = tmp_path / "events.geojson"
    write_events(sample_events(), out, "geojson")
    doc = json.loads(out.read_text())
    check_rfc7946(doc)
    assert doc["features"][0]["geometry"]["coordinates"] == [36.2304, 49.9935]
    assert doc["features"][1]["geometry"] is None
    assert "GeoNames" in doc["attribution"] and "CC BY 4.0" in doc["licenses"]["GeoNames"] and "KATOTTG" in doc["attribution"]


def test_jsonl_round_trips_to_the_same_events(tmp_path):
    out = tmp_path / "events.jsonl"
    events = sample_events()
    write_events(events, out, "jsonl")
    back = [Event.from_dict(json.loads(line)) for line in out.read_text().splitlines()]
    assert back == events


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_events_still_writes_a_valid_empty_file(tmp_path, fmt):
    out = tmp_path / f"empty.{fmt}"
    write_events([], out, fmt)
    assert out.exists()
    if fmt == "csv":
        assert list(pd.read_csv(out).columns[:3]) == ["event_id_cnty", "event_date", "year"]
    elif fmt == "parquet":
        assert len(pd.read_parquet(out)) == 0
    elif fmt == "geojson":
        check_rfc7946(json.loads(out.read_text()))
    else:
        assert out.read_text() == ""


def test_text_formats_go_to_standard_output_when_no_file_is_given(capsys):
    write_events(sample_events(), None, "jsonl")
    assert len(capsys.readouterr().out.splitlines()) == 2
    with pytest.raises(ValueError):
        write_events(sample_events(), None, "parquet")


def test_a_failed_export_leaves_no_half_written_file(tmp_path, monkeypatch):
    out = tmp_path / "events.csv"
    out.write_text("previous export\n")
    import sitrep.export.acled as acled

    def boom(*a, **k):
        raise RuntimeError("simulated failure")
    monkeypatch.setattr(acled, "write_csv", boom)
    with pytest.raises(RuntimeError):
        write_events(sample_events(), out, "csv")
    assert out.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_print_table_writes_the_events_to_stderr(capsys):
    from sitrep.export.table import print_table
    print_table(sample_events())
    err = capsys.readouterr().err
    assert "Kharkiv" in err and "3 (3-5)" in err


def test_every_export_format_carries_the_csv_field_names(tmp_path):
    events = sample_events()
    write_events(events, tmp_path / "e.csv", "csv")
    write_events(events, tmp_path / "e.geojson", "geojson")
    write_events(events, tmp_path / "e.parquet", "parquet")
    csv_names = list(pd.read_csv(tmp_path / "e.csv").columns)
    doc = json.loads((tmp_path / "e.geojson").read_text())
    for feature in doc["features"]:
        assert set(csv_names) <= set(feature["properties"]), set(csv_names) - set(feature["properties"])
    assert set(csv_names) <= set(pq.read_table(tmp_path / "e.parquet").column_names)


def test_an_undated_event_claims_no_time_precision_or_timestamp(tmp_path):
    [ev, _] = sample_events()
    ev.event_date, ev.date_precision = None, None
    for s in ev.sources:
        s.published = None
    write_events([ev], tmp_path / "e.csv", "csv")
    row = pd.read_csv(tmp_path / "e.csv", keep_default_na=False).iloc[0]
    assert (row.time_precision, row.timestamp, row.year) == ("", "", "")


@pytest.mark.parametrize("payload", ['=HYPERLINK("http://x","y")', "+1+cmd", "-2+3", "@SUM(A1)"])
def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path, payload):
    [ev, _] = sample_events()
    ev.notes, ev.actor1 = payload, payload
    ev.longitude = -36.5  # a negative number stays a number
    write_events([ev], tmp_path / "e.csv", "csv")
    row = pd.read_csv(tmp_path / "e.csv").iloc[0]
    assert row.notes == "'" + payload and row.actor1 == "'" + payload
    assert row.longitude == -36.5
