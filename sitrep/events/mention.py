"""An event mention: what the extractor knows of one event before it becomes an `Event` record."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sitrep.events.actors import Actor
from sitrep.events.classify import Classification
from sitrep.geo.place import Place
from sitrep.model import Article
from sitrep.nlp.sentences import Sentence


@dataclass
class EventMention:
    """An event mention before it becomes an Event: the sentence(s) and the resolved pieces."""

    sentences: list[Sentence]
    cls: Classification
    place: Place
    place_span: tuple[int, int]
    when: date | None
    precision: str | None
    date_span: tuple[int, int] | None
    actor1: Actor | None = None
    actor2: Actor | None = None
    actor_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    shared_toll: bool = False          # one toll for several places: it belongs to none of them alone
    toll_sentence: Sentence | None = None  # a later sentence giving this place's own toll
    own_toll: tuple[int, int, int] | None = None   # (deaths, start, end in the article) said of this place alone
    lead: Sentence | None = None       # the unplaced lead this mention places: its toll when the mention has none


def reference_date(article: Article) -> date | None:
    try:
        return date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return None
