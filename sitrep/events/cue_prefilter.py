"""Which cue groups could match a sentence at all, from the first letters their patterns can start with.

The cue lexicon holds about 450 regular expressions; Python's `re` tries every alternative of an alternation at
every position, so one pass of them all costs more than the rest of a sentence's rules together. Every cue
match starts at a word start (`(?<![\\w-])`), and every pattern starts with a few literal letters ("air",
"shel", "kil"...): those prefixes are read off the lexicon's own patterns (with `re`'s parser, never written
by hand), compiled into one trie-shaped regex that costs a few microseconds a sentence, and a group whose
prefixes do not occur at any word start of the sentence cannot match there, so its regex is not run.

The filter only ever skips a group that could not match: a pattern whose start cannot be read (a class like
`\\w`, a backreference) makes its group "always tried"; a prefix ends before its first non-ASCII character, and a
sentence where case-insensitive matching folds a non-ASCII letter onto an ASCII one (the long s, the Kelvin
sign) tries every group.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

try:                     # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:      # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

PREFIX_LEN = 6           # characters per prefix: "air st", "shelle", "killed"; shorter ones match most sentences
_MAX_CLASS = 12          # a character class of more characters ends the prefix there


def pattern_prefixes(pattern: str, k: int = PREFIX_LEN) -> set[str] | None:
    """The strings of up to `k` characters every match of `pattern` starts with; None when one may start
    with anything (an empty prefix)."""
    out = {_ascii_head(s) for s, _ in _seq(list(_p.parse(pattern, re.IGNORECASE)), k)}
    return None if "" in out else out


def _ascii_head(s: str) -> str:
    """The prefix up to its first non-ASCII character ("staff’" -> "staff"): the lookup folds ASCII case only."""
    for i, ch in enumerate(s):
        if not ch.isascii():
            return s[:i]
    return s


def _seq(items: list, k: int) -> set[tuple[str, bool]]:
    """(prefix, whole sequence consumed) pairs of a parsed sequence, cut at `k` characters or at an item
    whose characters cannot be listed."""
    states = {("", True)}
    for item in items:
        nxt = set()
        for s, open_ in states:
            if not open_ or len(s) >= k:
                nxt.add((s, False))
                continue
            nxt.update((s + t, d) for t, d in _one(item, k - len(s)))
        states = nxt
    return states


def _one(item, k: int) -> set[tuple[str, bool]]:
    op, av = item
    if op is _c.LITERAL:
        return {(chr(av), True)}
    if op is _c.IN:
        chars = _class_chars(av)
        return {("", False)} if chars is None else {(ch, True) for ch in chars}
    if op is _c.SUBPATTERN:
        return _seq(list(av[-1]), k)
    if op is _c.BRANCH:
        return set().union(*(_seq(list(alt), k) for alt in av[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        out = {("", True)} if lo == 0 else set()
        for n in range(max(lo, 1), min(hi, lo + k) + 1):
            out |= _seq(list(sub) * n, k)
        return out
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {("", True)}        # zero width: ignoring it only lets more through
    return {("", False)}           # ANY, NOT_LITERAL, a group reference...: the prefix ends here


def _class_chars(av) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in av:
        if op is _c.LITERAL:
            chars.add(chr(arg))
        elif op is _c.RANGE and arg[1] - arg[0] < _MAX_CLASS:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:                      # NEGATE, CATEGORY (\s, \d), a wide range
            return None
    return chars if len(chars) <= _MAX_CLASS else None


def _trie_regex(words: set[str]) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@dataclass
class CuePrefilter:
    """The groups a sentence may hold, from the prefixes found at its word starts."""

    starts: re.Pattern | None        # None: some group may start with anything, no filtering
    by_prefix: dict[str, tuple[str, ...]]   # lower-case prefix -> groups that have it
    always: tuple[str, ...]          # groups tried in every sentence (a pattern without a readable start)

    @classmethod
    def build(cls, groups: dict[str, list[str]]) -> "CuePrefilter":
        by_prefix: dict[str, list[str]] = {}
        always: list[str] = []
        for name, pats in groups.items():
            prefixes: set[str] = set()
            for pat in pats:
                found = pattern_prefixes(pat)
                if found is None:
                    always.append(name)
                    break
                prefixes |= found
            else:
                for pre in {p.lower() for p in prefixes}:
                    by_prefix.setdefault(pre, []).append(name)
        words = set(by_prefix)
        starts = re.compile(r"(?<![\w-])(?=(" + _trie_regex(words) + "))", re.IGNORECASE) if words else None
        return cls(starts, {p: tuple(g) for p, g in by_prefix.items()}, tuple(always))

    def candidates(self, sentence: str) -> set[str] | None:
        """The groups that may match `sentence`; None: every group may (the filter cannot tell)."""
        if self.starts is None:
            return None
        out = set(self.always)
        for m in self.starts.finditer(sentence):
            found = m.group(1)
            if not found.isascii():
                return None        # "ſ" matches "s" under IGNORECASE; the lookup below would miss it
            found = found.lower()
            for n in range(1, len(found) + 1):
                out.update(self.by_prefix.get(found[:n], ()))
        return out
