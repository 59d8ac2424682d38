"""`sitrep ingest`, `sitrep export` and `sitrep token` end to end through the CLI (extraction stubbed)."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.model import Event, Source

ARTICLES = [
    {"id": "u1", "text": "Russian troops shelled Kharkiv, killing 3 civilians.", "published": "2023-06-28", "source": "Ukrinform"},
    {"id": "r1", "text": "A Russian missile hit Kharkiv, killing at least 4 people.", "published": "2023-06-28", "source": "Reuters"},
    {"id": "o1", "text": "Drones attacked Odesa port overnight.", "published": "2023-07-19", "source": "Reuters"},
]


def stub_extract(article):
    odesa = "Odesa" in article.text
    ev = Event(event_type="Explosions/Remote violence",
               sub_event_type="Air/drone strike" if odesa else "Shelling/artillery/missile attack",
               event_date="2023-07-18" if odesa else "2023-06-27", date_precision="day",
               actor1="Military Forces of Russia (2000-)", country="Ukraine", admin1="Odesa" if odesa else "Kharkiv",
               location="Odesa" if odesa else "Kharkiv", latitude=46.48 if odesa else 49.99,
               longitude=30.73 if odesa else 36.23, geo_precision=1,
               fatalities=None if odesa else int([w for w in article.text.split() if w.isdigit()][0]),
               notes=article.text, event_id=f"ev-{article.id}")
    ev.sources = [Source(article_id=article.id, evidence=article.text, char_start=0, char_end=len(article.text))]
    return [ev]


@pytest.fixture
def stored(tmp_path, monkeypatch):
    import sitrep.store.ingest as ingest
    monkeypatch.setattr(ingest, "_default_extractor", lambda: stub_extract)
    src = tmp_path / "articles.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n")
    db = str(tmp_path / "sitrep.db")
    result = CliRunner().invoke(app, ["ingest", str(src), "--db", db])
    assert result.exit_code == 0, result.output
    return db, src


def test_ingest_merges_and_a_second_ingest_changes_nothing(stored):
    db, src = stored
    again = CliRunner().invoke(app, ["ingest", str(src), "--db", db])
    assert again.exit_code == 0
    assert "3 already stored" in again.stderr
    out = CliRunner().invoke(app, ["export", "--db", db, "--format", "jsonl"])
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(events) == 2
    kharkiv = next(e for e in events if e["location"] == "Kharkiv")
    assert {s["article_id"] for s in kharkiv["sources"]} == {"u1", "r1"}


def test_export_filters_and_formats(stored, tmp_path):
    db, _ = stored
    out = tmp_path / "odesa.csv"
    res = CliRunner().invoke(app, ["export", "--db", db, "--format", "csv", "--out", str(out), "--admin1", "Odesa",
                                   "--since", "2023-07-01", "--event-type", "Explosions/Remote violence",
                                   "--country", "Ukraine"])
    assert res.exit_code == 0, res.output
    assert list(pd.read_csv(out).location) == ["Odesa"]
    pq = tmp_path / "all.parquet"
    assert CliRunner().invoke(app, ["export", "--db", db, "--format", "parquet", "--out", str(pq)]).exit_code == 0
    assert len(pd.read_parquet(pq)) == 2
    empty = tmp_path / "none.geojson"
    res = CliRunner().invoke(app, ["export", "--db", db, "--format", "geojson", "--out", str(empty), "--until", "2020-01-01"])
    assert res.exit_code == 0 and json.loads(empty.read_text())["features"] == []


def test_export_with_a_bad_date_or_a_foreign_database_is_one_clear_line(stored, tmp_path):
    db, _ = stored
    res = CliRunner().invoke(app, ["export", "--db", db, "--since", "yesterday"])
    assert res.exit_code == 2 and "not a date" in res.stderr and "Traceback" not in res.output
    junk = tmp_path / "junk.db"
    junk.write_text("hello")
    res = CliRunner().invoke(app, ["export", "--db", str(junk)])
    assert res.exit_code == 2 and "not a sitrep database" in res.stderr
    res = CliRunner().invoke(app, ["ingest", str(tmp_path / "articles.jsonl"), "--db", str(junk)])
    assert res.exit_code == 2 and "not a sitrep database" in res.stderr and junk.read_text() == "hello"


def test_token_create_prints_only_the_token_and_revoke_removes_it(stored):
    db, _ = stored
    res = CliRunner().invoke(app, ["token", "create", "olena", "--db", db])
    assert res.exit_code == 0
    token = res.stdout.strip()
    assert len(res.stdout.splitlines()) == 1 and len(token) > 30
    from sitrep.store import open_store
    with open_store(db) as store:
        assert store.check_token(token) == "olena"
    assert CliRunner().invoke(app, ["token", "revoke", "olena", "--db", db]).exit_code == 0
    assert CliRunner().invoke(app, ["token", "revoke", "olena", "--db", db]).exit_code == 1
