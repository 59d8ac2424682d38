"""Record validation (JSONL/JSON files and POST /api/articles bodies): strict types, lenient unambiguous values."""
from __future__ import annotations

from pathlib import Path

from sitrep.ingest import ReadProblem, read_inputs, read_records
from sitrep.model import Article

TEXT = "Russian forces shelled the village of Kurylivka on Tuesday, the governor said."


def one(rec):
    [item] = list(read_records([rec], "t"))
    return item


def test_published_forms_are_normalised_to_iso():
    assert one({"text": TEXT, "published": "2023-06-28"}).published == "2023-06-28"
    assert one({"text": TEXT, "published": "2023-06-28T10:00:00Z"}).published == "2023-06-28T10:00:00+00:00"
    assert one({"text": TEXT, "published": "Wed, 28 Jun 2023 10:00:00 +0300"}).published == "2023-06-28T10:00:00+03:00"
    assert "not an ISO date" in one({"text": TEXT, "published": "last Tuesday"}).reason


def test_blank_published_is_treated_as_absent_and_inferred():
    a = one({"text": "KYIV, Feb 25, 2023 (Reuters) - " + TEXT, "published": "  "})
    assert a.published == "2023-02-25" and a.published_basis == "inferred"


def test_published_basis_from_the_record_is_kept_when_valid():
    assert one({"text": TEXT, "published": "2023-01-01", "published_basis": "inferred"}).published_basis == "inferred"
    assert one({"text": TEXT, "published": "2023-01-01", "published_basis": "guess"}).published_basis == "page"
    assert one({"text": TEXT}).published_basis is None


def test_language_tag_is_reduced_to_iso_639_1_or_detected():
    assert one({"text": TEXT, "language": "EN-us"}).language == "en"
    assert one({"text": TEXT, "language": "not a tag!"}).language == "en"  # unusable tag: detected instead
    assert one({"text": "Російські війська обстріляли село Курилівка у вівторок, повідомив голова ОВА."}).language == "uk"


def test_each_wrong_type_names_its_field():
    for field in ("id", "url", "title", "published", "source", "language"):
        p = one({"text": TEXT, field: 12})
        assert isinstance(p, ReadProblem) and p.reason.startswith(f"'{field}' is a number")


def test_blank_strings_become_null_and_extra_fields_are_ignored():
    a = one({"text": TEXT, "url": "  ", "title": "", "source": " Kyiv Daily ", "extra": {"x": 1}})
    assert (a.url, a.title, a.source) == (None, None, "Kyiv Daily")


def test_nul_and_lone_surrogates_are_cleaned_from_every_field():
    a = one({"text": TEXT + "\x00\ud800", "title": "T\x00\udfff", "id": "i\x00d"})
    assert a.text == TEXT + "\ufffd" and a.title == "T\ufffd" and a.id == "id"
    a.text.encode("utf-8")


def test_paths_may_be_pathlib_objects(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    [a] = list(read_inputs([Path(tmp_path)]))
    assert isinstance(a, Article)


def test_long_first_line_gives_a_cut_title(tmp_path):
    (tmp_path / "a.txt").write_text("word " * 200 + "\n" + TEXT)
    [a] = list(read_inputs([str(tmp_path / "a.txt")]))
    assert a.title.endswith("...") and len(a.title) <= 303 and a.text.startswith("word word")
