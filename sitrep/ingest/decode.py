"""Bytes to text, with one documented policy for every reader.

Policy (the same for .txt, .md, .html, .json, .jsonl lines and stdin):
1. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32); the mark is dropped. (A UTF-16/32 "mark" followed by
   what decodes to noise is a binary file that happens to start with FF FE, and is rejected as binary.)
2. Bytes that look binary (a NUL byte, or more than 10% control characters in the first 64 kB) are rejected as
   "binary file", so images, archives and executables never reach the extractor.
3. Otherwise the bytes must be UTF-8. Valid UTF-8 is decoded as is.
4. UTF-8 with a few invalid bytes (at most 2% of the bytes: a damaged file) is decoded with U+FFFD in their place.
5. More invalid bytes than that means a legacy encoding (cp1251, latin-1, ...): rejected with a reason that says so,
   rather than guessing an encoding and handing the extractor mojibake. (HTML that declares its charset in a
   <meta> tag is decoded with that charset, see html.py.)

Every decoded string is also cleaned: NUL characters are removed and lone UTF-16 surrogates (which JSON allows
as escapes but UTF-8 cannot encode) become U+FFFD, so no later stage (SQLite, PostgreSQL, JSON output) can choke.
"""
from __future__ import annotations

import codecs
import re

MAX_INVALID_FRACTION = 0.02
SNIFF_BYTES = 65536

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_SURROGATE = re.compile("[\ud800-\udfff]")


class DecodeError(ValueError):
    """The bytes are not text we accept; the message is the one-line reason."""


def looks_binary(data: bytes) -> bool:
    """True for NUL bytes or many control characters near the start (images, archives, executables)."""
    head = data[:SNIFF_BYTES]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > 0.10 * len(head)


def _mostly_noise(text: str) -> bool:
    """More than 10% replacement, control or private-use characters: bytes read in the wrong encoding."""
    sample = text[:SNIFF_BYTES]
    if not sample:
        return False
    noise = sum(1 for c in sample if c == "\ufffd" or (c < " " and c not in "\t\n\r\f")
                or "\ue000" <= c <= "\uf8ff" or "\ud800" <= c <= "\udfff")
    return noise > 0.10 * len(sample)


def clean_text(s: str) -> str:
    """Remove NULs and replace lone surrogates, so the text can always be encoded as UTF-8."""
    if "\x00" in s:
        s = s.replace("\x00", "")
    if _SURROGATE.search(s):
        s = _SURROGATE.sub("\ufffd", s)
    return s


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(encoding, length of the mark) when the bytes start with a byte-order mark."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def decode_bytes(data: bytes, what: str = "file") -> str:
    """Decode by the policy above, or raise DecodeError with the reason."""
    bom = bom_encoding(data)
    if bom:
        enc, n = bom
        text = data[n:].decode(enc, errors="replace")
        if enc != "utf-8" and _mostly_noise(text):  # FF FE at the start of a binary file is no UTF-16 mark
            raise DecodeError(f"binary {what} (not text), skipped")
        return clean_text(text)
    if looks_binary(data):
        raise DecodeError(f"binary {what} (not text), skipped")
    try:
        return clean_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
    if bad > MAX_INVALID_FRACTION * max(len(data), 1):
        pct = 100.0 * bad / max(len(data), 1)
        raise DecodeError(f"not UTF-8 ({pct:.0f}% invalid bytes; a legacy encoding?), skipped: re-encode as UTF-8")
    return clean_text(text)
