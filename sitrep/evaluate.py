"""`sitrep eval`: run the extractor on a gold folder and score it the way the project is judged.

A predicted event matches a gold event of the same article when the places agree (within 30 km, the same name
after normalising transliteration, or the same admin1 when gold knows only the region) and the dates agree
within the gold precision (day +-1, week +-7, month +-31). Pairs are matched greedily, best first. "Loose"
matching needs place and date; "strict" needs the event_type too. Field accuracies are over loose pairs.
"""
from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Hashable, Mapping

from sitrep.model import Article, Event

DATE_WINDOW = {"day": 1, "week": 7, "month": 31, "year": 366}
FIELDS = ("event_type", "sub_event_type", "actor1_side", "actor2_side", "fatalities", "event_date",
          "date_precision", "location", "admin1", "geo_precision", "claimed_by")
_ARCHIVE_TOKEN = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")


def load_gold(folder: Path, only: str | None = None) -> list[tuple[Article, list[dict]]]:
    """Articles of a gold folder, fed as a feed would give them: id, url and published from the gold file.
    `only` is a regular expression on the article ids: a part of the set held back from development."""
    out = []
    for gold_path in sorted(folder.glob("*.json")):
        if only and not re.search(only, gold_path.stem):
            continue
        text_path = gold_path.with_suffix(".txt")
        if not text_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = _ARCHIVE_TOKEN.sub("", text_path.read_text(encoding="utf-8"), count=1)
        art = Article(text=text, id=gold.get("id") or gold_path.stem, url=gold.get("url"),
                      published=gold.get("published"), language=gold.get("language") or "en",
                      published_basis="page" if gold.get("published") else None)
        out.append((art, gold.get("events") or []))
    return out


def name_skeleton(name: str | None) -> str:
    """The geocoder's transliteration-blind key: Vasilyevka ~ Vasylivka, Kharkov ~ Kharkiv."""
    from sitrep.geo.translit import fold, skeleton

    return skeleton(fold(name or "")) if name else ""


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _distance(pred: Event, gold: dict) -> float | None:
    if None in (pred.latitude, pred.longitude, gold.get("latitude"), gold.get("longitude")):
        return None
    return km(pred.latitude, pred.longitude, gold["latitude"], gold["longitude"])


def places_agree(pred: Event, gold: dict) -> bool:
    d = _distance(pred, gold)
    if d is not None and d <= 30:
        return True
    if pred.location and gold.get("location") and name_skeleton(pred.location) == name_skeleton(gold["location"]):
        return True
    return gold.get("geo_precision") == 3 and bool(pred.admin1) and \
        name_skeleton(pred.admin1) == name_skeleton(gold.get("admin1"))


def date_gap(pred: Event, gold: dict) -> int | None:
    try:
        return abs((date.fromisoformat(pred.event_date) - date.fromisoformat(gold["event_date"])).days)
    except (TypeError, ValueError):
        return None


def dates_agree(pred: Event, gold: dict) -> bool:
    gap = date_gap(pred, gold)
    return gap is not None and gap <= DATE_WINDOW.get(gold.get("date_precision") or "day", 1)


def _pair_cost(pred: Event, gold: dict) -> float:
    d = _distance(pred, gold)
    return (d if d is not None else 30.0) / 30.0 + (date_gap(pred, gold) or 0) / 7.0 + \
        (0.0 if pred.sub_event_type == gold.get("sub_event_type") else 0.5) + \
        (0.0 if pred.event_type == gold.get("event_type") else 1.0)


def match(preds: list[Event], golds: list[dict], strict: bool) -> list[tuple[int, int]]:
    """Greedy best-first one-to-one matching of predicted to gold events of one article."""
    cands = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if places_agree(p, g) and dates_agree(p, g) and (not strict or p.event_type == g.get("event_type")):
                cands.append((_pair_cost(p, g), i, j))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in sorted(cands):
        if i not in used_p and j not in used_g:
            used_p.add(i), used_g.add(j), pairs.append((i, j))
    return pairs


def field_agrees(name: str, pred: Event, gold: dict) -> bool:
    if name == "location":
        d = _distance(pred, gold)
        return (d is not None and d <= 15) or name_skeleton(pred.location) == name_skeleton(gold.get("location"))
    if name == "admin1":
        return name_skeleton(pred.admin1) == name_skeleton(gold.get("admin1"))
    if name == "claimed_by":
        return (pred.claimed_by is None) == (gold.get("claimed_by") is None)
    return getattr(pred, name) == gold.get(name)


@dataclass
class MergeScore:
    """Pairwise agreement of a merge with gold incidents; `wrongly_merged` are the pairs of different incidents."""
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    wrongly_merged: list[tuple[str, str]] = field(default_factory=list)


def merge_pairs(truth: Mapping[str, str], found: Mapping[str, Hashable]) -> MergeScore:
    """Every pair of items (reports, articles) with a gold incident: the same incident should be one merged event,
    different ones never. `found` maps an item to the merged event holding it; an item it lacks merged with none.
    With no pair merged (or none to merge) precision (recall) is 1: nothing was wrong."""
    tp = fp = fn = 0
    wrong = []
    for a, b in itertools.combinations(sorted(truth), 2):
        same = truth[a] == truth[b]
        merged = a in found and b in found and found[a] == found[b]
        tp += same and merged
        fn += same and not merged
        if merged and not same:
            fp += 1
            wrong.append((a, b))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return MergeScore(p, r, 2 * p * r / (p + r) if p + r else 0.0, tp, fp, fn, wrong)


@dataclass
class _Tally:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def prf(self) -> dict[str, float]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                "tp": self.tp, "predicted": self.n_pred, "gold": self.n_gold}


def _country_key(name: str | None):
    """A country by its ISO code where known ("Palestinian Territory" = "Palestine"), else its name."""
    from sitrep.export.acled import country_codes

    return country_codes(name)[0] or name_skeleton(name)


def _is_region(ev: Event) -> bool:
    return (ev.geo_precision or 3) == 3 and (not ev.location or ev.location in (ev.admin1, ev.country))


def miss_class(golds_missed: list[dict], preds_unmatched: list[Event], published: str | None) -> Counter:
    """Why each missed gold event was missed, by what the unmatched predictions got right: the confusion
    developers need to see where recall goes (place errors on the right day, date errors at the right place)."""
    out: Counter = Counter()
    for g in golds_missed:
        same_day = [p for p in preds_unmatched if dates_agree(p, g)]
        same_place = [p for p in preds_unmatched if places_agree(p, g)]
        if any(places_agree(p, g) for p in same_day):
            out["place and day right, event type wrong"] += 1
        elif same_day and g.get("geo_precision") != 3 and any(
                _is_region(p) and name_skeleton(p.admin1) == name_skeleton(g.get("admin1")) for p in same_day):
            out["place: right day, region instead of settlement"] += 1
        elif any(p.location and not _is_region(p) for p in same_day):
            out["place: right day, wrong settlement"] += 1
        elif any(p.latitude is None and not p.location for p in same_day):
            out["place: right day, no place"] += 1
        elif same_place and any(p.event_date is None for p in same_place):
            out["date: right place, no date"] += 1
        elif same_place and published and any(p.event_date == published[:10] for p in same_place):
            out["date: right place, publication date instead of the event's"] += 1
        elif same_place:
            out["date: right place, other wrong date"] += 1
        elif same_day:
            out["place: right day, other place error"] += 1
        else:
            out["not found at all"] += 1
    return out


def score(results: list[tuple[Article, list[Event], list[dict]]]) -> dict[str, Any]:
    loose, strict = _Tally(), _Tally()
    agree = {f: 0 for f in FIELDS}
    n_pairs = 0
    per_article = {}
    negatives_clean = negatives = 0
    misses: Counter = Counter()
    abroad = 0   # predicted events in a country none of the article's gold events is in
    for art, preds, golds in results:
        lp = match(preds, golds, strict=False)
        sp = match(preds, golds, strict=True)
        gold_countries = {_country_key(g.get("country")) for g in golds if g.get("country")}
        abroad += sum(1 for p in preds if gold_countries and p.country and _country_key(p.country) not in gold_countries)
        misses += miss_class([g for j, g in enumerate(golds) if j not in {b for _, b in sp}],
                             [p for i, p in enumerate(preds) if i not in {a for a, _ in sp}], art.published)
        for t, pairs in ((loose, lp), (strict, sp)):
            t.tp += len(pairs)
            t.n_pred += len(preds)
            t.n_gold += len(golds)
        for i, j in lp:
            n_pairs += 1
            for f in FIELDS:
                agree[f] += field_agrees(f, preds[i], golds[j])
        if not golds:
            negatives += 1
            negatives_clean += not preds
        per_article[art.id] = {"predicted": len(preds), "gold": len(golds), "strict_tp": len(sp), "loose_tp": len(lp)}
    return {
        "articles": len(results),
        "loose": loose.prf(),
        "strict": strict.prf(),
        "matched_pairs": n_pairs,
        "field_accuracy": {f: round(agree[f] / n_pairs, 3) if n_pairs else 0.0 for f in FIELDS},
        "negatives_empty": f"{negatives_clean}/{negatives}",
        "misses": dict(misses.most_common()),
        "events_in_other_countries": abroad,
        "per_article": per_article,
    }


def evaluate_folder(folder: Path, only: str | None = None) -> dict[str, Any]:
    from sitrep.pipeline import extract_articles

    gold = load_gold(folder, only)
    results, failures = [], []
    for art, golds in gold:
        run = extract_articles([art])
        failures += [str(p) for p in run.problems]
        results.append((art, run.events, golds))
    report = score(results)
    report["failures"] = failures  # an article the extractor failed on scores as empty: say so, loudly
    return report


def format_report(report: dict[str, Any]) -> str:
    lines = [f"articles: {report['articles']}   matched pairs: {report['matched_pairs']}   "
             f"negatives with no event: {report['negatives_empty']}", ""]
    for failure in report.get("failures", []):
        lines.insert(0, f"FAILED: {failure}")
    lines.append(f"{'':8}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}")
    for k in ("strict", "loose"):
        r = report[k]
        lines.append(f"{k:8}{r['precision']:7.3f}{r['recall']:7.3f}{r['f1']:7.3f}{r['tp']:6}{r['predicted']:6}{r['gold']:6}")
    lines.append("")
    lines.append(f"predicted events in a country the article's gold events are not in: "
                 f"{report.get('events_in_other_countries', 0)}")
    lines.append("")
    lines.append("field accuracy on matched events:")
    for f, v in report["field_accuracy"].items():
        lines.append(f"  {f:16}{v:6.3f}")
    if report.get("misses"):
        lines.append("")
        lines.append("missed gold events (strict), by what the unmatched predictions got right:")
        for k, n in report["misses"].items():
            lines.append(f"  {n:4}  {k}")
    return "\n".join(lines)
