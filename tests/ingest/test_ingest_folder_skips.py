"""`sitrep ingest FOLDER` reads the articles in a folder, not its README or the gold annotations beside them."""
from __future__ import annotations

import json
import os
import subprocess
import sys

ARTICLE = ("KHARKIV, June 27 (Ukrinform) - Russian missiles struck Kharkiv on Tuesday, killing three people, "
           "the regional governor said.")


def test_a_folder_readme_licence_and_gold_json_are_skipped_and_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dev-001.txt").write_text(ARTICLE)
    (folder / "dev-001.json").write_text(json.dumps({"id": "dev-001", "events": []}))
    (folder / "README.md").write_text("# How this folder was made\nRussian missiles struck the README, killing 3.")
    (folder / "LICENSE").write_text("Permission is hereby granted, free of charge, to any person ...")
    db = tmp_path / "s.db"
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    res = subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(folder), "--db", str(db)],
                         capture_output=True, text=True, timeout=300, env=env)
    assert res.returncode in (0, 1), res.stderr
    assert "README.md: documentation" in res.stderr and "LICENSE: documentation" in res.stderr
    assert "dev-001.json: annotations of dev-001.txt" in res.stderr
    from sitrep.store import open_store
    with open_store(str(db)) as store:
        assert store.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_readme_named_on_the_command_line_is_still_read(tmp_path):
    from sitrep.ingest.files import iter_files
    readme = tmp_path / "README.md"
    readme.write_text("an article someone chose to call README")
    assert list(iter_files(str(readme))) == [str(readme)]
