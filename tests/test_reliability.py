"""benchmarks/reliability.py's checks at tiny size, with the same bars, so the harness behind the README's
reliability figures keeps working; the full-size run is marked slow (`pytest -m slow`)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests" / "store"), str(ROOT / "tests" / "ingest")]

import reliability  # noqa: E402
from reliability_fuzz import fuzz  # noqa: E402
from reliability_kill import kill_rounds  # noqa: E402
from reliability_load import load_check  # noqa: E402


def test_one_kill_round_holds_the_bars(tmp_path):
    rep = kill_rounds(str(tmp_path), rounds=1, seed=3, n_synthetic=20)
    assert rep.passed == rep.rounds == 1, rep.lines()
    assert rep.events > 0


def test_a_small_fuzz_holds_the_bars(tmp_path):
    rep = fuzz(str(tmp_path), 30, seed=2, batch_size=30)
    assert rep.inputs == 30 and rep.failures == 0, rep.lines()
    assert rep.planted_with_events > 0  # the lost-article check had something to check


def test_a_small_load_beside_writes_loses_nothing(tmp_path):
    rep = load_check(str(tmp_path / "live.db"), str(tmp_path), total=100, preload=5)
    assert rep.ok, rep.lines()
    assert rep.gets == 100 and rep.statuses[200] == 100
    assert rep.posts >= 3 and rep.cli_runs >= 3 and rep.integrity == "ok"


def test_the_command_line_fails_when_a_bar_does_not_hold(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(reliability.tempfile, "mkdtemp", lambda prefix: str(tmp_path))  # the kept work folder
    monkeypatch.setitem(reliability.RUNNERS, "fuzz", lambda work, args: (False, ["fuzz: 1 crash"]))
    assert reliability.main(["--only", "fuzz", "--fuzz", "1"]) == 1
    out = capsys.readouterr().out
    assert "fuzz: 1 crash" in out and "verdict: FAIL" in out


@pytest.mark.slow
def test_full_size_harness():
    """The README's run: 20 kill rounds, 10,000 hostile inputs, 2,000 GETs (and PostgreSQL when installed)."""
    assert reliability.main(["--rounds", "20", "--fuzz", "10000", "--load", "2000", "--pg", "--seed", "1"]) == 0
