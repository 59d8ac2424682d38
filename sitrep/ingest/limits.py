"""Caps that keep reading bounded in memory and time, whatever the input.

They are generous for real news (a long report is ~50 kB of text) and low enough that a hostile or broken input
costs a bounded amount of memory: no input is ever read whole without a cap first.
"""
from __future__ import annotations

MB = 1024 * 1024

#: Longest article text kept, in characters. Longer articles are skipped with a ReadProblem, not truncated,
#: because a truncated text would silently lose events and give evidence offsets into a text no one has.
MAX_TEXT_CHARS = 5_000_000

#: Largest .txt/.md file read (bytes). Bigger than MAX_TEXT_CHARS so 2-4 byte UTF-8 scripts still fit.
MAX_TEXT_FILE_BYTES = 16 * MB

#: Largest HTML page handed to the extractor (a .html file, one WARC response payload, a feed file). Real pages
#: are 50 kB-3 MB; with MAX_HTML_ELEMENTS this bounds one page's extraction to ~8 s in the worst case.
MAX_HTML_BYTES = 8 * MB

#: Largest .json file parsed whole (a list of records). Use JSONL, which is streamed, for bigger collections.
MAX_JSON_FILE_BYTES = 64 * MB

#: Longest single JSONL line (one record); \\uXXXX-escaped Cyrillic takes 6 bytes per character.
MAX_JSONL_LINE_BYTES = 32 * MB

#: Most HTML elements (start tags) in a page; pages over this are skipped before parsing. Heavy real news pages
#: have 3-15k; extraction time grows faster than linearly (40k elements: ~3 s, 100k: 10-25 s).
MAX_HTML_ELEMENTS = 40_000

#: Deepest element nesting accepted in an HTML page (real pages stay well under 100); libxml2 silently drops
#: everything below depth 256, so deeper pages are refused with a reason instead of read with text missing.
MAX_HTML_DEPTH = 250

#: .warc.gz inflation: total decompressed bytes per archive, and the ratio (decompressed / compressed) that,
#: once past RATIO_CHECK_AFTER bytes of output, marks the archive as a compression bomb.
MAX_WARC_INFLATED_BYTES = 4 * 1024 * MB
MAX_WARC_INFLATE_RATIO = 100
WARC_RATIO_CHECK_AFTER = 64 * MB

#: WARC line reads per record (WARC + HTTP headers, chunk-size lines): most bytes and most lines. warcio reads
#: lines without a limit, so without these a file of one endless "line" would be read into memory whole.
MAX_WARC_LINE_BYTES = 2 * MB
MAX_WARC_LINES_PER_RECORD = 20_000

#: Deepest folder recursion (beyond it, sub-folders are reported and skipped).
MAX_FOLDER_DEPTH = 64

#: Longest title kept (characters); a .txt whose first line is a whole paragraph gets it cut at a word.
MAX_TITLE_CHARS = 300
