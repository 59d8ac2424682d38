"""The Ray engine runs the same per-article function as the local path, on a local one-CPU Ray instance.

One small hand-written dataset, one Ray session for the module (starting Ray costs seconds). The tests of the
input split and of the missing-Ray message need no Ray at all.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from sitrep.model import Article
from sitrep.scale.datasets import is_parquet_dataset, jsonl_rows, split_inputs

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ARTICLES = {
    "strike": ("Russian forces shelled Kharkiv on Monday, killing two civilians. Firefighters worked through the "
               "night to put out the fires."),
    "protest": "Hundreds of people protested in Tbilisi on Saturday against the new media law. Police watched.",
    "quiet": "The city council met on Tuesday to discuss the budget for road repairs and new school buses.",
}
PUBLISHED = "2024-05-07"


def _write_folder(folder: Path) -> Path:
    folder.mkdir()
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as f:
        for aid, text in ARTICLES.items():
            f.write(json.dumps({"id": aid, "text": text, "published": PUBLISHED}) + "\n")
        f.write("this line is not json\n")
    return folder


def _events(result) -> list[dict]:
    return [e.to_dict() for e in result.events]


# --- no Ray needed ---------------------------------------------------------------------------------------

def test_inputs_are_split_between_sitrep_readers_and_ray_datasets(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    ds = tmp_path / "ds"
    ds.mkdir()
    pq.write_table(pa.table({"text": ["x"]}), ds / "part-0.parquet")
    (ds / "_SUCCESS").write_text("")
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "a.txt").write_text("text")
    pq.write_table(pa.table({"text": ["x"]}), mixed / "b.parquet")
    assert is_parquet_dataset(str(ds)) and not is_parquet_dataset(str(mixed))
    local, parquet, remote = split_inputs([str(mixed), str(ds), "-", "s3://bucket/news.jsonl", "one.parquet",
                                           "gs://bucket/dataset/"])
    assert local == [str(mixed), "-"]
    assert parquet == [str(ds), "one.parquet", "gs://bucket/dataset/"]
    assert remote == ["s3://bucket/news.jsonl"]


def test_remote_jsonl_lines_become_articles_or_named_problems():
    import pyarrow as pa

    lines = [json.dumps({"id": "a1", "text": ARTICLES["strike"], "published": PUBLISHED}), "{broken", "",
             json.dumps({"id": "a2", "text": 42})]
    out = jsonl_rows(pa.table({"text": lines, "path": ["s3://b/news.jsonl"] * len(lines)})).to_pylist()
    assert len(out) == 3  # the blank line is not an article
    assert json.loads(out[0]["article"])["id"] == "a1" and out[0]["problem"] is None
    assert out[1]["article"] is None and out[1]["problem"].startswith("s3://b/news.jsonl: a line is not JSON")
    assert out[2]["article"] is None and "'text' is a number" in out[2]["problem"]


def test_missing_ray_is_one_named_problem_not_a_traceback(monkeypatch, tmp_path):
    from sitrep.scale.ray_engine import RayUnavailable, extract_batches_with_ray, extract_with_ray

    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now raises ImportError
    result = extract_with_ray([str(_write_folder(tmp_path / "in"))])
    assert result.events == [] and result.articles_read == 0
    assert [str(p) for p in result.problems] == ["--engine ray: --engine ray needs Ray: pip install 'sitrep[ray]'"]
    with pytest.raises(RayUnavailable):
        list(extract_batches_with_ray([Article(text="x", id="x")]))


# --- on a local Ray instance -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ray_local():
    ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'sitrep[ray]'); Ray engine not tested")
    pytest.importorskip("ray.data", reason="ray[data] is not installed; Ray engine not tested")
    from sitrep.scale.ray_engine import _package_parent

    ray.init(num_cpus=1, include_dashboard=False, logging_level="ERROR", object_store_memory=100 * 1024 * 1024,
             runtime_env={"env_vars": {"PYTHONPATH": _package_parent()}})
    yield ray
    ray.shutdown()


def test_ray_engine_gives_the_same_events_and_problems_as_the_local_path(ray_local, tmp_path):
    from sitrep.pipeline import extract_from_paths
    from sitrep.scale.ray_engine import extract_with_ray

    folder = str(_write_folder(tmp_path / "in"))
    local = extract_from_paths([folder])
    on_ray = extract_with_ray([folder])
    assert local.events, "the fixture should report at least one event"
    assert _events(on_ray) == _events(local)
    assert [str(p) for p in on_ray.problems] == [str(p) for p in local.problems]
    assert (on_ray.articles_read, on_ray.articles_skipped) == (local.articles_read, local.articles_skipped)


def test_parquet_dataset_is_read_by_ray_and_bad_rows_are_named(ray_local, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from sitrep.pipeline import extract_from_paths
    from sitrep.scale.ray_engine import extract_with_ray

    ds = tmp_path / "dataset"
    ds.mkdir()
    ids = list(ARTICLES)
    pq.write_table(pa.table({"id": ids, "text": [ARTICLES[i] for i in ids], "published": [PUBLISHED] * 3}),
                   ds / "part-0.parquet")
    pq.write_table(pa.table({"id": ["empty"], "text": ["   "], "published": [PUBLISHED]}), ds / "part-1.parquet")
    on_ray = extract_with_ray([str(ds)])
    local = extract_from_paths([str(_write_folder(tmp_path / "in"))])
    assert _events(on_ray) == _events(local)
    assert on_ray.articles_read == 3
    assert [p.origin for p in on_ray.problems] == [f"{ds / 'part-1.parquet'} (id empty)"]


def test_batches_for_the_store_come_in_input_order_with_other_languages_empty(ray_local):
    from sitrep.pipeline import extract_article
    from sitrep.scale.ray_engine import extract_batches_with_ray

    articles = [Article(text=t, id=i, published=PUBLISHED, language="en") for i, t in ARTICLES.items()]
    articles.insert(1, Article(text="Des soldats ont attaqué le village.", id="fr", language="fr"))
    got = list(extract_batches_with_ray(iter(articles)))
    assert [a.id for a, _ in got] == ["strike", "fr", "protest", "quiet"]
    assert dict((a.id, [e.to_dict() for e in evs]) for a, evs in got) == \
        {a.id: [e.to_dict() for e in extract_article(a)] for a in articles}
    assert got[1][1] == []
