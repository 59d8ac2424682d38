"""The articles benchmarks/reliability.py works with: real texts (the shared devset, when present, and the bundled
samples) plus generated wire-style reports, several outlets per strike so that ingest merges reports.

Generated, not copied: every synthetic article is built here from a few sentence patterns, so the corpus is the
same on every machine and its size can be chosen.
"""
from __future__ import annotations

import json
import os
import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset"
SAMPLES = ROOT / "samples"

TOWNS = ["Kharkiv", "Sumy", "Kherson", "Zaporizhzhia", "Odesa", "Mykolaiv", "Dnipro", "Kramatorsk", "Nikopol",
         "Chernihiv", "Poltava", "Izium"]
WEAPONS = [("shelled", "artillery shelling"), ("struck", "a drone strike"), ("hit", "a missile strike")]
OUTLETS = ["Ukrinform", "Kyiv Post", "Suspilne"]


@dataclass
class PoolArticle:
    """A valid article: its text, and a publication date when it has one."""

    key: str
    text: str
    published: str | None = None
    title: str | None = None


def real_articles(devset: Path | None = DEVSET) -> list[PoolArticle]:
    """The devset texts (when the shared folder is there) and the bundled samples."""
    out = []
    folders = [p for p in (devset, SAMPLES) if p is not None and p.is_dir()]
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            gold = path.with_suffix(".json")
            published = None
            if gold.exists():
                try:
                    published = json.loads(gold.read_text(encoding="utf-8")).get("published")
                except (ValueError, AttributeError):
                    published = None
            out.append(PoolArticle(f"{folder.name}-{path.stem}", path.read_text(encoding="utf-8"), published))
    return out


def synthetic_articles(n: int, seed: int = 13) -> list[PoolArticle]:
    """`n` distinct wire-style reports: each strike (town x day) told by up to three outlets in their own words."""
    rng = random.Random(seed)
    out: list[PoolArticle] = []
    start = date(2024, 3, 1)
    i = 0
    while len(out) < n:
        town = TOWNS[i % len(TOWNS)]
        day = start + timedelta(days=i // len(TOWNS))
        verb, noun = WEAPONS[i % len(WEAPONS)]
        killed, wounded = rng.randint(1, 9), rng.randint(0, 12)
        weekday, long = day.strftime("%A"), f"{day.strftime('%B')} {day.day}, {day.year}"
        tellings = [
            f"{town.upper()}, {long} - Russian forces {verb} {town} on {weekday}, killing {killed} civilians and "
            f"wounding {wounded}, the regional governor said.",
            f"Russian {noun} on {town} on {weekday} killed {killed} people, local officials reported. "
            f"{wounded} others were wounded, they said.",
            f"At least {killed} people were killed when Russian troops {verb} residential areas of {town} on "
            f"{weekday}, the regional military administration said on Telegram.",
        ]
        for k, text in enumerate(tellings[: 1 + rng.randint(0, 2)]):
            if len(out) < n:
                out.append(PoolArticle(f"syn-{i}-{k}", text, (day + timedelta(days=1)).isoformat(),
                                       f"{OUTLETS[k]}: strike on {town}"))
        i += 1
    return out


def write_corpus(folder: str, n_synthetic: int, devset: Path | None = DEVSET) -> int:
    """The kill -9 corpus in `folder`: the real texts as .txt files and the synthetic ones in one JSONL file;
    returns the number of articles."""
    os.makedirs(folder, exist_ok=True)
    n = 0
    for src in (devset, SAMPLES):
        if src is not None and src.is_dir():
            for path in sorted(src.glob("*.txt")):
                shutil.copy(path, os.path.join(folder, f"{src.name}-{path.name}"))
                n += 1
    with open(os.path.join(folder, "synthetic.jsonl"), "w", encoding="utf-8") as fh:
        for a in synthetic_articles(n_synthetic):
            fh.write(json.dumps({"id": a.key, "title": a.title, "text": a.text, "published": a.published,
                                 "source": a.title.split(":")[0] if a.title else None}) + "\n")
            n += 1
    return n
