"""`sitrep extract` as a user runs it: exit codes, messages on stderr, and output always written."""
import json
import subprocess
import sys

GOOD = "KHERSON, March 14, 2024 - Russian forces shelled Bilozerka in Kherson region on Wednesday, killing two civilians."


def _run(args, stdin=None):
    return subprocess.run([sys.executable, "-m", "sitrep", "extract", *args], input=stdin, capture_output=True,
                          text=True, timeout=600)


def test_bad_inputs_are_named_and_the_good_one_still_extracted(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "lines.jsonl").write_text('{"text": "' + GOOD + '"}\nnot json\n{"title": "no text"}\n',
                                          encoding="utf-8")
    out = tmp_path / "events.jsonl"
    run = _run([str(tmp_path), "--out", str(out)])
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "empty.txt" in run.stderr and "blob.txt" in run.stderr
    assert "lines.jsonl:2" in run.stderr and "lines.jsonl:3" in run.stderr
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert any(e["location"] == "Bilozerka" for e in events)


def test_clean_input_exits_zero_and_merges_the_same_event_from_two_copies(tmp_path):
    a = {"id": "a1", "text": GOOD, "published": "2024-03-14", "source": "Outlet A"}
    b = {"id": "b1", "text": GOOD.replace("killing two civilians", "killing two people"), "published": "2024-03-14",
         "source": "Outlet B"}
    run = _run(["-"], stdin=json.dumps(a) + "\n" + json.dumps(b) + "\n")
    assert run.returncode == 0, run.stderr
    events = [json.loads(line) for line in run.stdout.splitlines()]
    (ev,) = [e for e in events if e["location"] == "Bilozerka"]
    assert {s["article_id"] for s in ev["sources"]} == {"a1", "b1"}


def test_nothing_readable_is_exit_two(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    run = _run([str(tmp_path / "empty.txt"), "--out", str(out)])
    assert run.returncode == 2 and "empty.txt" in run.stderr


def test_article_in_another_language_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "uk.txt").write_text("Російські війська обстріляли Херсон у середу, загинули двоє цивільних. "
                                     "Про це повідомив голова обласної військової адміністрації.", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "events.jsonl"
    run = _run([str(tmp_path), "--out", str(out)])
    assert run.returncode == 1 and "uk.txt" in run.stderr and "language" in run.stderr
