"""Literal phrase tables compiled to regular expressions, each phrase keyed back to a value.

The actor dictionaries hold thousands of phrases; Python's `re` does not optimise long alternations, so the
phrases are compiled as a character trie, once. Spaces and hyphens match each other and apostrophes are
optional ("al-Shabaab", "al Shabaab"); acronyms ("RSF", "FARDC") go to a case-sensitive regex of their own so
that "rsf" in running text is not the Rapid Support Forces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator


@dataclass
class PhraseSet:
    """Literal phrases compiled to two regexes (acronyms case-sensitive), each phrase keyed to a value."""

    ci: re.Pattern[str] | None
    cs: re.Pattern[str] | None
    values: dict[str, list[Any]]
    exact: dict[str, list[Any]]


def phrase_key(phrase: str) -> str:
    """The lookup key of a phrase or a match: spacing, hyphens, apostrophes, dots and case do not count."""
    return re.sub(r"[\s\-'’.]", "", phrase).lower()


def is_acronym(phrase: str) -> bool:
    """"RSF", "FARDC", "SDF": matched case-sensitively; "Hamas", "M23" and "Wagner" are not acronyms."""
    return " " not in phrase and sum(ch.isupper() for ch in phrase) >= 2 and phrase != phrase.title()


_FLEX = {" ": r"[\s\-]+", "-": r"[\s\-]?", "'": r"['’]?", "’": r"['’]?"}


def alt_regex(phrases: list[str]) -> str:
    """One regex alternation for many phrases, as a character trie (Python's re does not optimise long
    alternations); spaces and hyphens match each other and apostrophes are optional."""
    trie: dict = {}
    for phrase in set(phrases):
        node = trie
        for ch in phrase.replace("’", "'"):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [(_FLEX.get(ch) or re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body


def phrase_set(pairs: list[tuple[str, Any]], prefixes: list[str] = (), suffixes: list[str] = (),
               stop: str = "") -> PhraseSet:
    """Compile phrases; optional group prefixes / suffixes ("paramilitary RSF", "M23 rebels") stay in the span;
    `stop`: words that may not follow ("police station")."""
    values: dict[str, list[Any]] = {}
    exact: dict[str, list[Any]] = {}
    ci_words, cs_words = [], []
    for phrase, value in pairs:
        if is_acronym(phrase):
            exact.setdefault(re.sub(r"[\s\-'’.]", "", phrase), []).append(value)
            cs_words.append(phrase)
        else:
            values.setdefault(phrase_key(phrase), []).append(value)
            ci_words.append(phrase)
    pre = rf"(?i:(?:(?:{alt_regex(list(prefixes))})\s+){{0,2}})" if prefixes else ""
    suf = rf"(?i:\s+(?:{alt_regex(list(suffixes))}))?" if suffixes else ""

    def build(words: list[str], flags: int) -> re.Pattern[str] | None:
        if not words:
            return None
        after = rf"(?!\s+(?i:{stop})\b)" if stop else ""
        return re.compile(rf"(?<![\w\-])(?i:(?:the|a|an)\s+)?{pre}(?P<core>{alt_regex(words)}){suf}(?![\w\-]){after}",
                          flags)

    return PhraseSet(build(ci_words, re.I), build(cs_words, 0), values, exact)


def scan_phrases(pset: PhraseSet, text: str) -> Iterator[tuple[int, int, Any]]:
    """Yield (start, end, value) for each match of a phrase set."""
    for pattern, table, keyer in ((pset.ci, pset.values, phrase_key),
                                  (pset.cs, pset.exact, lambda s: re.sub(r"[\s\-'’.]", "", s))):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            for value in table.get(keyer(m.group("core")), ()):
                yield m.start(), m.end(), value
