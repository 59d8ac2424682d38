"""Readers: every input format becomes `Article` records (CONTRACT.md, "Input: articles").

`read_inputs` is the one entry point the CLI, the store and the API use. It never raises for bad input: each
input that cannot be read becomes a `ReadProblem` naming the file (and line) and the reason, and reading goes on.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ReadProblem:
    """An input that was skipped, and why; printed as one line on stderr."""

    origin: str
    reason: str
    #: True for a summary that lost nothing the user asked for (e.g. a WARC's request/warcinfo records skipped);
    #: callers may print it and still treat the input as read.
    notice: bool = False

    def __str__(self) -> str:
        return " ".join(f"{self.origin}: {self.reason}".splitlines())  # always one line on stderr


from sitrep.ingest.readers import article_from_html, read_inputs, read_records  # noqa: E402

__all__ = ["ReadProblem", "article_from_html", "read_inputs", "read_records"]
