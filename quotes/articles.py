"""Loading news articles from `.txt`, `.jsonl` and `.csv` files, one at a time.

Loading is a stream: a corpus of any size passes through with flat memory.
Bad input never stops a batch. A file or line that cannot be used becomes a
typed `LoadError` (one line naming the file and, where there is one, the line)
handed to `on_error`, and loading goes on with the rest.

Notes:
    Decoding. Files are read as UTF-8 (a byte-order mark is dropped). Bytes
    that are not UTF-8 are decoded as Windows-1252, then Latin-1, with a
    warning in the log: old newsroom exports are often cp1252, and a few
    mis-decoded curly quotes are better than a lost article. A file with NUL
    bytes is binary and is rejected.

    Offsets. `Article.text` is the decoded text exactly as given: a `.txt`
    file's whole content (headline included, line endings kept), a `.jsonl` or
    `.csv` row's `text` field untouched. Quote offsets index it as it is. The
    one exception: a lone surrogate (legal in JSON as `"\\ud800"`, but not
    Unicode text, and unwritable to Parquet) becomes U+FFFD, one character for
    one, so offsets still hold.

    Size. An article over `MAX_TEXT_CHARS` (spaCy's default `max_length`) is
    refused with a clear error rather than split: past that size an input is
    a dump or a crawl gone wrong, not an article, and parsing it would take
    gigabytes of memory.
"""
from __future__ import annotations

import csv
import json
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from quotes.records import Article

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".jsonl", ".csv")
OPTIONAL_FIELDS = ("title", "url", "published", "outlet")
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
MAX_TEXT_CHARS = 1_000_000  # spaCy's default nlp.max_length: the most one Doc may hold
SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class LoadError:
    """An input that could not become an article; the batch goes on without it."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


OnError = Callable[[LoadError], None]


class _Skip(Exception):
    """Raised inside a loader for input that becomes a LoadError."""


class _NoArticles(_Skip):
    """Raised by a loader whose file held no usable article."""


def _log_error(error: LoadError) -> None:
    log.error("%s", error)


def decode(data: bytes, source: str) -> str:
    """UTF-8 first; cp1252 then Latin-1 (with a warning) rather than losing an article."""
    if b"\x00" in data:
        raise _Skip("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_error = exc
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        log.warning(
            "%s: not valid UTF-8 (%s at byte %d); decoded as %s",
            source, first_error.reason, first_error.start, encoding,
        )
        return text
    raise _Skip("cannot decode as UTF-8, cp1252 or Latin-1")  # unreachable: Latin-1 decodes anything


def check_size(text: str) -> None:
    """Raises _Skip for a text too long to be one article (see Notes: Size)."""
    if len(text) > MAX_TEXT_CHARS:
        raise _Skip(
            f"article too long: {len(text):,} characters, over the limit of {MAX_TEXT_CHARS:,}; "
            "split it into articles"
        )


def _unicode(value: str, source: str) -> str:
    """Lone surrogates (from JSON escapes) become U+FFFD, one character for one."""
    if SURROGATES.search(value):
        log.warning("%s: lone surrogate code points (not Unicode text) replaced by U+FFFD", source)
        return SURROGATES.sub("\ufffd", value)
    return value


def headline(text: str) -> str | None:
    """The first non-empty line: news files put the headline there."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None


def iter_input_files(inputs: Iterable[str | Path], on_error: OnError) -> Iterator[Path]:
    """Files named on the command line, and the article files inside named folders."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                on_error(LoadError(str(path), f"folder holds no {', '.join(SUFFIXES)} files"))
            yield from found
        elif path.is_file():
            yield path
        elif path.exists():
            on_error(LoadError(str(path), "not a regular file or folder"))
        else:
            on_error(LoadError(str(path), "no such file or folder"))


def load_articles(inputs: Iterable[str | Path], *, on_error: OnError | None = None) -> Iterator[Article]:
    """Every article in the given files and folders, in order.

    Args:
        inputs: `.txt`, `.jsonl` or `.csv` files, or folders searched recursively for them.
        on_error: called with a `LoadError` for each input skipped; by default it is logged.

    Returns:
        A generator of `Article`s; nothing is read before it is iterated.
    """
    report = on_error or _log_error
    loaders = {".txt": _load_txt, ".jsonl": _load_jsonl, ".csv": _load_csv}
    for path in iter_input_files(inputs, report):
        loader = loaders.get(path.suffix.lower())
        if loader is None:
            report(LoadError(str(path), f"unsupported file type {path.suffix or '(none)'}; expected one of {', '.join(SUFFIXES)}"))
            continue
        line_errors: list[LoadError] = []

        def report_line(error: LoadError) -> None:
            line_errors.append(error)
            report(error)

        try:
            yield from loader(path, report_line)
        except _NoArticles:
            if not line_errors:  # otherwise each line was named already: one input, one error
                report(LoadError(str(path), "no articles in file"))
        except _Skip as exc:
            report(LoadError(str(path), str(exc)))
        except OSError as exc:
            report(LoadError(str(path), f"cannot read: {exc.strerror or exc}"))


def _load_txt(path: Path, report: OnError) -> Iterator[Article]:
    text = decode(path.read_bytes(), str(path))
    if not text.strip():
        raise _Skip("empty file")
    check_size(text)
    yield Article(id=path.stem, text=text, title=headline(text), source=str(path))


def _decoded_lines(path: Path, report: OnError) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line, decoded on its own so one bad line costs one line."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                yield number, decode(raw, f"{path}:{number}")
            except _Skip as exc:
                report(LoadError(str(path), str(exc), number))


def _article_from_record(record: dict, path: Path, line: int) -> Article:
    """An Article from a JSONL object or CSV row; raises _Skip for one that is unusable."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _Skip("no `text` field" if text is None else "empty or non-string `text` field")
    check_size(text)
    source = f"{path}:{line}"
    ident = record.get("id") or record.get("doc_id")
    if ident is None or ident == "":
        ident = f"{path.stem}-{line}"  # stable as long as the file is not reordered
    extras = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        extras[name] = None if value is None or value == "" else _unicode(str(value), source)
    return Article(id=_unicode(str(ident), source), text=_unicode(text, source), source=source, **extras)


def _load_jsonl(path: Path, report: OnError) -> Iterator[Article]:
    loaded = 0
    for number, line in _decoded_lines(path, report):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise _Skip(f"expected a JSON object, found {type(record).__name__}")
            article = _article_from_record(record, path, number)
        except json.JSONDecodeError as exc:
            report(LoadError(str(path), f"broken JSON: {exc.msg} at column {exc.colno}", number))
            continue
        except _Skip as exc:
            report(LoadError(str(path), str(exc), number))
            continue
        loaded += 1
        yield article
    if loaded == 0:
        raise _NoArticles()


def _load_csv(path: Path, report: OnError) -> Iterator[Article]:
    csv.field_size_limit(sys.maxsize)  # whole articles live in one field
    lines = (line for _, line in _decoded_lines(path, report))
    reader = csv.DictReader(lines)
    try:
        columns = reader.fieldnames
    except csv.Error as exc:
        raise _Skip(f"broken CSV header: {exc}") from None
    if not columns:
        raise _Skip("empty file")
    if "text" not in columns:
        raise _Skip(f"CSV has no `text` column (columns: {', '.join(columns)})")
    loaded = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            report(LoadError(str(path), f"broken CSV row: {exc}", reader.line_num))
            continue
        try:
            article = _article_from_record(row, path, reader.line_num)
        except _Skip as exc:
            report(LoadError(str(path), str(exc), reader.line_num))
            continue
        loaded += 1
        yield article
    if loaded == 0:
        raise _NoArticles()
