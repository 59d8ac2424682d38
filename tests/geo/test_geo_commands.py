"""The CLI commands through typer's runner: geocode --json / --batch, geoparse, import errors."""
import json

import pytest

from typer.testing import CliRunner

from sitrep.cli import app

runner = CliRunner()


def test_geocode_json(index_path):
    r = runner.invoke(app, ["geocode", "Zaporozhye", "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert set(d) >= {"name", "latitude", "longitude", "country", "admin1", "admin2", "geo_precision", "geonameid",
                      "candidates"}
    assert d["admin1"] == "Zaporizhzhia" and d["country"] == "Ukraine"


def test_geocode_unknown_prints_null_and_exits_1(index_path):
    r = runner.invoke(app, ["geocode", "Qwxzqwxz", "--json"])
    assert r.exit_code == 1 and r.stdout.strip() == "null"
    r = runner.invoke(app, ["geocode", "", "--json"])
    assert r.exit_code == 1 and r.stdout.strip() == "null"


def test_geocode_batch_one_json_line_per_input(index_path):
    r = runner.invoke(app, ["geocode", "--batch"], input="Kharkov\t\nVasilyevka\tZaporozhye region\n\x00\x01\t\n")
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 3
    assert json.loads(lines[0])["admin1"] == "Kharkiv"
    assert json.loads(lines[1])["admin1"] == "Zaporizhzhia"
    assert json.loads(lines[2]) is None and r.exit_code == 1


def test_geoparse_writes_spans(index_path, tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": "Explosions were heard in Melitopol and Berdiansk."}) + "\n"
                   + "not json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = runner.invoke(app, ["geoparse", str(src), "--out", str(out)])
    assert r.exit_code == 1          # the bad line is named and skipped
    rows = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert {row["name"] for row in rows} >= {"Melitopol", "Berdiansk"}
    for row in rows:
        assert row["article_id"] == "a1" and row["end"] > row["start"]


def test_import_of_a_truncated_dump_names_the_line_and_keeps_the_index(index_path, tmp_path):
    import os

    before = os.path.getmtime(index_path)
    bad = tmp_path / "UA.txt"
    good = "\t".join(["99999991", "Testivka", "Testivka", "", "47.5", "35.5", "P", "PPL", "UA", "", "26", "", "",
                      "", "100", "", "50", "Europe/Kyiv", "2024-01-01"])
    bad.write_text(good + "\n" + "99999992\tBroken\t47.1\n", encoding="utf-8")
    r = runner.invoke(app, ["gazetteer", "import", str(bad)])
    assert r.exit_code == 2
    assert ":2:" in r.stderr
    assert os.path.getmtime(index_path) == before


def test_import_adds_places_to_a_copy_of_the_index(index_path, tmp_path):
    import shutil

    from sitrep.geo import Geocoder
    from sitrep.geo.importer import import_geonames

    copy = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(index_path, copy)
    dump = tmp_path / "UA.txt"
    row = ["99999991", "Zzyxivka", "Zzyxivka", "Zzyksivka,Ззиксівка", "47.5", "35.5", "P", "PPL", "UA", "", "26",
           "", "", "", "100", "", "50", "Europe/Kyiv", "2024-01-01"]
    dump.write_text("\t".join(row) + "\n", encoding="utf-8")
    assert import_geonames(str(dump), str(copy)) == 1
    p = Geocoder.open(copy).geocode("Zzyksivka")
    assert p is not None and p.geonameid == 99999991 and p.admin1 == "Zaporizhzhia"
    import sqlite3

    with sqlite3.connect(copy) as db:   # marked, so that it is never rebuilt behind the user's back
        assert db.execute("SELECT v FROM meta WHERE k = 'imported'").fetchone() == ("UA.txt",)


def _set_meta(path, key, value):
    import sqlite3

    with sqlite3.connect(path) as db:
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def test_an_index_built_from_this_installs_data_is_current(index_path):
    from sitrep.geo.index_state import stale_reason

    assert stale_reason(index_path) is None


def test_an_index_built_from_other_data_is_stale(index_path, tmp_path):
    import shutil

    from sitrep.geo.index_state import stale_reason

    copy = str(tmp_path / "gazetteer.sqlite")
    shutil.copyfile(index_path, copy)
    _set_meta(copy, "source", "0000000000000000")
    assert "other gazetteer data" in stale_reason(copy)
    _set_meta(copy, "schema", "1")
    assert "schema 1" in stale_reason(copy)


def test_a_stale_index_holding_an_import_is_kept_with_a_warning(index_path, tmp_path, caplog):
    import os
    import shutil

    from sitrep.geo.index_state import ensure_index

    copy = str(tmp_path / "gazetteer.sqlite")
    shutil.copyfile(index_path, copy)
    _set_meta(copy, "source", "0000000000000000")
    _set_meta(copy, "imported", "UA.txt")
    before = os.path.getmtime(copy)
    with caplog.at_level("WARNING"):
        ensure_index(copy, progress=False)
    assert os.path.getmtime(copy) == before
    assert "imported GeoNames file" in caplog.text


@pytest.mark.slow
def test_a_stale_index_is_rebuilt_on_first_use(index_path, tmp_path):
    import shutil

    from sitrep.geo.geocoder import ensure_index, stale_reason

    copy = str(tmp_path / "gazetteer.sqlite")
    shutil.copyfile(index_path, copy)
    _set_meta(copy, "source", "0000000000000000")
    ensure_index(copy, progress=False)
    assert stale_reason(copy) is None
