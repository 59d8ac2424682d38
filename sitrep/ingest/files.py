"""Finding and opening input files without ever hanging, looping or reading without a cap.

Why each rule:
- paths are stat'ed before anything is opened: FIFOs, sockets and devices are named and skipped, never opened
  (opening a FIFO for reading blocks until a writer comes; /dev/zero never ends);
- files are opened O_NONBLOCK and re-checked with fstat, so a file swapped for a FIFO after the stat still cannot
  block us;
- folders are walked in sorted (byte) order, so a run is deterministic; symlinked folders are followed, but a folder
  already on the current path is a symlink loop and is reported, not re-entered; dotfiles are skipped silently
  (.git, .DS_Store are not articles);
- names are shown with `display_path`: undecodable bytes as \\xNN and control characters (newlines) escaped, so
  every problem stays one printable line.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from typing import BinaryIO, Iterator

from sitrep.ingest.limits import MAX_FOLDER_DEPTH

_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


class FileProblem(Exception):
    """A file that cannot be read; the message is the one-line reason."""


def display_path(path: str) -> str:
    """The path as one printable line (for messages and `Article.origin`)."""
    try:
        s = os.fsencode(path).decode("utf-8", "backslashreplace")
    except (UnicodeError, TypeError, ValueError):
        s = repr(path)
    return _CONTROL_CHARS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", s)


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def os_error_reason(e: OSError, path: str) -> str:
    """A short reason for an OSError on `path`."""
    if e.errno == errno.ELOOP:
        return "symlink loop, skipped"
    if e.errno == errno.ENOENT:
        return "broken symlink, skipped" if os.path.islink(path) else "no such file or folder"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied, skipped"
    if e.errno == errno.ENAMETOOLONG:
        return "file name too long, skipped"
    if e.errno == errno.EISDIR:
        return "is a folder"
    return f"cannot be read ({e.strerror or e}), skipped"


def iter_files(path: str) -> Iterator[str | tuple[str, str]]:
    """Regular files under `path` (itself, or recursively), or (display, reason) for what is skipped."""
    yield from _walk(path, 0, frozenset())


def _walk(path: str, depth: int, ancestors: frozenset) -> Iterator[str | tuple[str, str]]:
    try:
        st = os.stat(path)  # follows symlinks; a loop raises ELOOP
    except OSError as e:
        yield display_path(path), os_error_reason(e, path)
        return
    except ValueError:  # embedded NUL in a name given by a caller
        yield display_path(path), "invalid file name, skipped"
        return
    if stat.S_ISREG(st.st_mode):
        yield path
        return
    if not stat.S_ISDIR(st.st_mode):
        yield display_path(path), f"{_special_kind(st.st_mode)}, skipped without reading"
        return
    key = (st.st_dev, st.st_ino)
    if key in ancestors:
        yield display_path(path), "symlink loop (folder inside itself), skipped"
        return
    if depth >= MAX_FOLDER_DEPTH:
        yield display_path(path), f"folders nested deeper than {MAX_FOLDER_DEPTH}, skipped"
        return
    try:
        names = os.listdir(path)
    except OSError as e:
        yield display_path(path), os_error_reason(e, path)
        return
    inner = ancestors | {key}
    present = set(names)
    for name in sorted(names, key=os.fsencode):
        if name.startswith("."):
            continue
        reason = not_an_article(os.path.join(path, name), present)
        if reason:
            yield display_path(os.path.join(path, name)), reason
            continue
        yield from _walk(os.path.join(path, name), depth + 1, inner)


_DOC_NAMES = re.compile(r"(?i)^(readme|licen[cs]e|copying|notice|changelog|changes|contributing|authors|credits|"
                        r"history|install|todo|code_of_conduct|security)([._-].*)?$")


def not_an_article(path: str, siblings: set[str]) -> str | None:
    """Why a file met while walking a folder is no article: a folder's own documentation (README.md, LICENSE),
    or an annotation file beside the article it describes (dev-001.json next to dev-001.txt, the devset's gold
    shape). A file named on the command line is always read: the user asked for it."""
    name = os.path.basename(path)
    if not os.path.isfile(path):  # folders, FIFOs and broken links are for _walk to report
        return None
    if _DOC_NAMES.match(name):
        return "documentation (README, LICENSE, ...), not an article, skipped"
    stem, ext = os.path.splitext(name)
    beside = [stem + e for e in (".txt", ".html", ".htm", ".md") if stem + e in siblings]
    if ext.lower() == ".json" and beside and _gold_shaped(path):
        return f"annotations of {beside[0]} (a gold file beside its article), not an article, skipped"
    return None


def _gold_shaped(path: str) -> bool:
    """A small JSON object with `events` and no `text`: the devset's annotations, not an article record."""
    import json
    try:
        if os.stat(path).st_size > 1024 * 1024:
            return False
        record = json.loads(read_capped(path, 1024 * 1024, "gold file"))
    except (FileProblem, OSError, ValueError):
        return False
    return isinstance(record, dict) and isinstance(record.get("events"), list) and "text" not in record


def open_regular(path: str) -> BinaryIO:
    """Open a regular file for reading; raise FileProblem for anything else (never blocks on a FIFO)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise FileProblem(os_error_reason(e, path)) from None
    except ValueError:
        raise FileProblem("invalid file name, skipped") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem(f"{_special_kind(st.st_mode)}, skipped without reading")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_nonempty(path: str, cap: int, what: str = "file") -> bytes:
    """`read_capped`, and FileProblem for a file with nothing but white space in it."""
    data = read_capped(path, cap, what)
    if not data.strip():
        raise FileProblem("empty file, skipped" if not data else "empty file (only whitespace), skipped")
    return data


def read_capped(path: str, cap: int, what: str = "file") -> bytes:
    """The whole file, or FileProblem when it is over `cap` bytes (never reads more than cap + 1)."""
    with open_regular(path) as f:
        try:
            data = f.read(cap + 1)
        except OSError as e:
            raise FileProblem(os_error_reason(e, path)) from None
    if len(data) > cap:
        raise FileProblem(f"{what} is over the {cap // (1024 * 1024)} MB cap, skipped")
    return data
