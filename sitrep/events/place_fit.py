"""Fit the place linker's weights on hand-coded gold: `python -m sitrep.events.place_fit GOLD_DIR... [--only RE]`.

The extractor runs with the rules of places.py alone and records every event sentence's candidates; a
candidate is a positive when it agrees with the place of a gold event whose evidence covers that sentence and
whose event type is the sentence's. A ridge-regularised logistic regression (Newton steps, deterministic) gives
the weights; the thresholds are the ones that place most training events right. The result, and what it was
fit on, is written to sitrep/data/models/place_link.json. Fit on a part of the gold and score on the rest
(`sitrep eval GOLD_DIR --only ...`) to see the gap before anyone else does.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

import numpy as np

from sitrep.evaluate import km, load_gold, name_skeleton
from sitrep.events.extractor import Extractors, PlaceDecision, extract_events
from sitrep.events.place_link import MODEL_FILE, Candidate, PlaceModel, link

RIDGE = 1.0


def agrees(c: Candidate, gold: dict) -> bool:
    """The candidate is the gold event's place: the region for a region-level event, else the same name or
    within 15 km, and not a whole region standing for a settlement."""
    p = c.mention.place
    if gold.get("geo_precision") == 3:
        return p.is_area and p.geo_precision == 3 and name_skeleton(p.admin1) == name_skeleton(gold.get("admin1"))
    if p.is_area and p.geo_precision == 3:
        return False
    if name_skeleton(p.name) == name_skeleton(gold.get("location")):
        return True
    if None in (p.latitude, gold.get("latitude")):
        return False
    return km(p.latitude, p.longitude, gold["latitude"], gold["longitude"]) <= 15


def labelled(folder: Path, only: str | None, negatives: str = "outside") -> list[tuple[PlaceDecision, list[bool]]]:
    """Every recorded decision whose sentence a gold event covers, with each candidate's label. A sentence the
    rules take for an event but no gold event covers teaches, with `negatives="outside"`, that its
    neighbours' and lead's places are not to be borrowed (an event sentence names its place, or the
    paragraph frames it); `"all"` makes all its candidates negatives, `"none"` leaves it out."""
    ex = replace(Extractors.default(), place_model=None, place_log=[])
    out = []
    for art, golds in load_gold(folder, only):
        ex.place_log.clear()
        extract_events(art, ex)
        spans = []
        for g in golds:
            at = art.text.find(g.get("evidence") or "\0")
            if at >= 0:
                spans.append((at, at + len(g["evidence"]), g))
        for d in ex.place_log:
            etype = ex.cues.event_type_of.get(d.sub_event_type)
            covering = [g for a, b, g in spans if a < d.sentence.end and d.sentence.start < b
                        and (etype is None or g.get("event_type") == etype)]
            if covering and d.candidates:
                out.append((d, [any(agrees(c, g) for g in covering) for c in d.candidates]))
            elif d.candidates and negatives == "all":
                out.append((d, [False] * len(d.candidates)))
            elif d.candidates and negatives == "outside":
                cs = [c for c in d.candidates if c.source != "sentence"]
                if cs:
                    out.append((replace(d, candidates=cs), [False] * len(cs)))
    return out


def fit_weights(rows: list[tuple[dict[str, float], bool]], ridge: float = RIDGE) -> dict[str, float]:
    names = sorted({k for f, _ in rows for k in f})
    x = np.array([[1.0] + [f.get(k, 0.0) for k in names] for f, _ in rows])
    y = np.array([1.0 if label else 0.0 for _, label in rows])
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * ridge
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + penalty + np.eye(x.shape[1]) * 1e-9
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"bias": round(float(w[0]), 4), **{k: round(float(v), 4) for k, v in zip(names, w[1:])}}


def decisions_right(data: list[tuple[PlaceDecision, list[bool]]], model: PlaceModel) -> int:
    right = 0
    for d, labels in data:
        chosen = link(d.candidates, model)
        label = {id(c): lab for c, lab in zip(d.candidates, labels)}
        right += (bool(chosen) and all(label[id(c)] for c in chosen)) or (not chosen and not any(labels))
    return right


def fit(folders: list[Path], only: str | None, negatives: str = "outside") -> dict:
    data = [row for folder in folders for row in labelled(folder, only, negatives)]
    weights = fit_weights([(c.features, lab) for d, labels in data for c, lab in zip(d.candidates, labels)])
    grid = [round(t, 2) for t in np.arange(0.1, 0.75, 0.05)]
    best = max(((decisions_right(data, PlaceModel(weights, t, lt)), -abs(t - 0.5), t, lt)
                for t in grid for lt in grid if lt >= t))
    return {"weights": weights, "threshold": best[2], "list_threshold": best[3],
            "fit_on": {"gold": " ".join(f.name for f in folders), "only": only, "decisions": len(data),
                       "candidates": sum(len(d.candidates) for d, _ in data),
                       "positives": sum(sum(labels) for _, labels in data),
                       "decisions_right": f"{best[0]}/{len(data)}"},
            "negatives": negatives,
            "command": "python -m sitrep.events.place_fit " + " ".join(str(f) for f in folders)
            + (f" --only '{only}'" if only else "")
            + (f" --negatives {negatives}" if negatives != "outside" else "")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dirs", type=Path, nargs="+", help="gold folders (devset format), pooled")
    ap.add_argument("--only", default=None, help="regular expression on article ids to fit on")
    ap.add_argument("--negatives", choices=("outside", "all", "none"), default="outside",
                    help="how event sentences no gold event covers are used (see labelled())")
    ap.add_argument("--out", type=Path, default=None, help=f"where to write (default: sitrep/data/{MODEL_FILE})")
    args = ap.parse_args()
    spec = fit(args.gold_dirs, args.only, args.negatives)
    out = args.out or Path(__file__).resolve().parents[1] / "data" / MODEL_FILE
    out.write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(spec["fit_on"]), "->", out)


if __name__ == "__main__":
    main()
