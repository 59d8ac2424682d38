"""Article records (dicts, as in JSONL/JSON files and POST /api/articles bodies) to `Article`, with validation.

Field types are checked strictly (CONTRACT.md, "Input: articles"): `text` must be a non-empty string, the other
fields strings or null; a record that breaks this is one ReadProblem naming the field, never a half-built article.
Values are lenient where a fix is unambiguous: `published` may be any ISO 8601 date/datetime or an RFC 2822 date
(RSS), normalised to ISO; `language` "en-US" becomes "en". Unknown extra fields are ignored.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from sitrep.ingest import ReadProblem
from sitrep.ingest.decode import clean_text
from sitrep.ingest.language import detect_language
from sitrep.ingest.limits import MAX_TEXT_CHARS, MAX_TITLE_CHARS
from sitrep.ingest.published import infer_published
from sitrep.model import Article

OPTIONAL_STR_FIELDS = ("id", "url", "title", "published", "source", "language")
BASES = ("page", "inferred")
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


def json_type(value: Any) -> str:
    """The JSON name of a value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def normalize_published(value: str) -> str | None:
    """An ISO date or datetime string, or None when `value` is not a date we can read unambiguously."""
    s = value.strip()
    if not s:
        return None
    try:
        if len(s) <= 10:
            return date.fromisoformat(s).isoformat()
        return datetime.fromisoformat(s).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(s).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def normalize_language(value: str | None) -> str | None:
    """ISO 639 primary subtag in lower case ("en-US" -> "en"), or None when it is not a language tag."""
    if not value:
        return None
    m = _LANG.match(value.strip())
    return m.group(1).lower() if m else None


def short(value: str, n: int = 40) -> str:
    """A value quoted for a message, cut to n characters."""
    return repr(value if len(value) <= n else value[:n] + "...")


def make_title(line: str | None) -> str | None:
    """A title from a first line: stripped, cut at a word boundary past MAX_TITLE_CHARS, None when empty."""
    if not line:
        return None
    t = " ".join(line.split())
    if len(t) > MAX_TITLE_CHARS:
        cut = t.rfind(" ", 0, MAX_TITLE_CHARS)
        t = t[: cut if cut > 0 else MAX_TITLE_CHARS].rstrip() + "..."
    return t or None


def check_text(text: str, origin: str) -> ReadProblem | None:
    """The checks every article text passes: not blank, not over the cap."""
    if not text.strip():
        return ReadProblem(origin, "no text (empty or only whitespace), skipped")
    if len(text) > MAX_TEXT_CHARS:
        return ReadProblem(origin, f"text is {len(text):,} characters, over the {MAX_TEXT_CHARS:,} cap; skipped")
    return None


def make_article(text: str, origin: str, *, id: str | None = None, url: str | None = None,
                 title: str | None = None, published: str | None = None, source: str | None = None,
                 language: str | None = None, published_basis: str | None = None) -> Article | ReadProblem:
    """The one place an Article is built: checks the text, detects the language, infers a missing date."""
    text = clean_text(text)
    problem = check_text(text, origin)
    if problem:
        return problem
    if published:
        basis = published_basis if published_basis in BASES else "page"
    else:
        published = infer_published(text)
        basis = "inferred" if published else None
    return Article(
        text=text,
        id=(id or "").strip(),
        url=(url or "").strip() or None,
        title=make_title(title),
        published=published,
        source=(source or "").strip() or None,
        language=normalize_language(language) or detect_language(text),
        published_basis=basis,
        origin=origin,
    )


def article_from_record(record: Any, origin: str) -> Article | ReadProblem:
    """Validate one record (a decoded JSON value) and build its Article."""
    if not isinstance(record, dict):
        return ReadProblem(origin, f"a record must be a JSON object, not a {json_type(record)}; skipped")
    if "text" not in record:
        return ReadProblem(origin, "record has no 'text' field; skipped")
    text = record["text"]
    if not isinstance(text, str):
        return ReadProblem(origin, f"'text' is a {json_type(text)}, not a string; skipped")
    fields: dict[str, str | None] = {}
    for name in OPTIONAL_STR_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return ReadProblem(origin, f"'{name}' is a {json_type(value)}, not a string or null; skipped")
        fields[name] = clean_text(value) if value is not None else None
    published = fields.pop("published")
    if published is not None and published.strip():
        iso = normalize_published(published)
        if iso is None:
            return ReadProblem(origin, f"'published' is not an ISO date or datetime: {short(published)}; skipped")
        published = iso
    else:
        published = None
    basis = record.get("published_basis")
    return make_article(text, origin, published=published,
                        published_basis=basis if isinstance(basis, str) else None, **fields)
