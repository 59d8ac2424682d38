"""Merging the same incident told by several outlets, on a folder of real articles (issue 13, part 3).

    .venv/bin/python benchmarks/merge_pairs.py FOLDER

FOLDER holds articles in the devset's format (`<id>.txt` + `<id>.json`) where one event of each gold file carries
`"incident": "<key>"`: articles about the same real incident share the key, a look-alike (same city, same day,
another target or weapon) has its own. All articles go through `extract_articles` together, as one ingest would
take them. An article's incident is the merged event holding the source of the event `sitrep eval` matches to
its incident gold event. Printed: pairwise precision / recall / F1 over article pairs, the pairs of different incidents
merged (distractors), the incidents told by two or more articles that came out as one event, and the articles
whose incident was not found at all (they count as unmerged).
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from sitrep.evaluate import load_gold, match, merge_pairs
from sitrep.pipeline import extract_articles


def incident_of_each_article(folder: Path, only: str | None = None) -> tuple[dict[str, str], dict[str, int]]:
    """(article -> gold incident key, article -> index of the merged event that holds its incident).

    An article's incident is the event extracted from it alone that `sitrep eval` matches to its incident gold
    event (strict match, else loose); its first source is then looked up among the merged events."""
    loaded = load_gold(folder, only)
    truth: dict[str, str] = {}
    own: dict[str, tuple[int, int]] = {}
    for art, golds in loaded:
        main = next((j for j, g in enumerate(golds) if g.get("incident")), None)
        if main is None:
            continue
        truth[art.id] = golds[main]["incident"]
        preds = extract_articles([art]).events
        pairs = [p for p, g in match(preds, golds, strict=True) if g == main] or \
            [p for p, g in match(preds, golds, strict=False) if g == main]
        if pairs:
            src = preds[pairs[0]].sources[0]
            own[art.id] = (src.char_start, src.char_end)
    found: dict[str, int] = {}
    for n, ev in enumerate(extract_articles([a for a, _ in loaded]).events):
        for s in ev.sources:
            if own.get(s.article_id) == (s.char_start, s.char_end):
                found[s.article_id] = n
    return truth, found


def whole_incidents(truth: dict[str, str], found: dict[str, int]) -> tuple[int, int]:
    """(incidents told by 2+ articles, of them those that came out as one event holding all their articles)."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for a, k in truth.items():
        by_key[k].append(a)
    multi = [arts for arts in by_key.values() if len(arts) >= 2]
    whole = sum(1 for arts in multi if all(a in found for a in arts) and len({found[a] for a in arts}) == 1)
    return len(multi), whole


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--only", help="a regular expression on article ids: a part of the set held back")
    args = ap.parse_args()
    truth, found = incident_of_each_article(args.folder, args.only)
    if not truth:
        sys.exit(f"{args.folder}: no gold event carries an \"incident\" key")
    score = merge_pairs(truth, found)
    multi, whole = whole_incidents(truth, found)
    print(f"{len(truth)} articles, {len(set(truth.values()))} incidents; incident found in {len(found)} articles")
    print(f"pairwise P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f} "
          f"(same-incident pairs merged {score.tp}, missed {score.fn}); distractor pairs merged {score.fp}")
    print(f"incidents told by 2+ articles that came out as one event: {whole} of {multi}")
    for a in sorted(truth):
        if a not in found:
            print(f"  not found: {a} ({truth[a]})")


if __name__ == "__main__":
    main()
