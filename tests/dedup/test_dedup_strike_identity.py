"""Target and weapon are identity: on a hand-written multi-outlet set, distractor strikes (same city, same day,
another weapon or target) are never merged, and the same target with different tolls is one event."""
from __future__ import annotations

import itertools

from strike_set import ARTICLES

from sitrep.model import Article
from sitrep.pipeline import extract_articles


def _clusters() -> tuple[dict[str, str], dict[str, int]]:
    articles = [Article(id=aid, text=text, title=None, published=pub) for aid, _, pub, text in ARTICLES]
    truth = {aid: key for aid, key, _, _ in ARTICLES}
    found: dict[str, int] = {}
    for n, ev in enumerate(extract_articles(articles).events):
        for s in ev.sources:
            found.setdefault(s.article_id, n)
    return truth, found


def pairwise(truth: dict[str, str], found: dict[str, int]) -> tuple[float, int]:
    """Pairwise F1 over article pairs, and how many distractor pairs (different incidents) were merged."""
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(truth), 2):
        same = truth[a] == truth[b]
        merged = a in found and b in found and found[a] == found[b]
        tp += same and merged
        fp += merged and not same
        fn += same and not merged
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f1, fp


def test_no_distractor_strike_is_merged_and_outlets_agree():
    truth, found = _clusters()
    f1, wrong = pairwise(truth, found)
    print(f"strike set: pairwise F1 {f1:.3f}, distractor pairs merged {wrong}")
    assert wrong == 0
    assert f1 >= 0.6
