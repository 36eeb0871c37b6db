"""Adding articles and their quotes to the speaker-indexed dataset, losing nothing.

The write side of the dataset. A `DatasetWriter` holds the dataset's lock,
collects (article, quotes) pairs and, on `commit`, builds a complete new
version (the previous quotes, minus those of replaced articles, plus the new
ones; speakers re-resolved over the whole corpus; `aliases.csv` applied), then
makes it current with one atomic rename of the pointer file.

Notes:
    Stable ids. `quote_id` hashes the article id, the offsets and the quote
    text, so adding the same article twice adds nothing. An article whose text
    changed (another content hash) has all its old quotes replaced.

    Crashes. Until the pointer is renamed nothing a reader sees has changed; a
    `kill -9` at any point leaves the previous complete version current, and
    running the same ingest again finishes the job. Half-built versions are
    removed by the next writer.

    Two writers. The lock is an `flock` on `.lock`, released by the kernel when
    its holder dies, so a crash never leaves a stale lock. A second writer
    waits up to `lock_timeout` seconds, then fails with `DatasetLocked`.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import secrets
import shutil
import socket
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from quotes import schema, wordindex
from quotes.dataset import ALIASES, MANIFEST, POINTER, VERSIONS, current_version
from quotes.errors import DatasetLocked
from quotes.identity import read_aliases, resolve
from quotes.records import Article, Quote

LOCK = ".lock"
ROW_GROUP_ROWS = 8_192  # small groups: a look-up reads little beyond its speaker
FILE_ROWS = 1_048_576
BUFFER_ROWS = 50_000  # quotes held as Python objects before becoming an Arrow batch
SEQ = "_seq"  # per-run order of `add` calls: the last copy of an article wins


def content_hash(text: str) -> str:
    """Fingerprint of an article's text: a changed article gets new quotes."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def quote_id(article_id: str, start: int, end: int, text: str) -> str:
    """Stable id of a quote: the same quote in the same article is the same row."""
    raw = "\x1f".join((article_id, str(start), str(end), text)).encode("utf-8")
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def parse_date(value: str | None) -> date | None:
    """The calendar date of a `published` value (ISO 8601 or RFC 2822), else None."""
    if not value:
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def default_extractor_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"quotes {version('quotes')}"
    except PackageNotFoundError:
        return "quotes (unpackaged)"


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one commit did, for the CLI's summary."""

    path: str
    version: str | None  # the version directory now current; None when nothing changed
    articles_added: int
    articles_replaced: int
    articles_unchanged: int
    quotes_added: int
    quotes_removed: int
    articles_total: int
    quotes_total: int
    speakers_total: int


class DatasetWriter:
    """The only way to change a dataset: lock, add pairs, commit atomically.

    Use as a context manager::

        with DatasetWriter("data/quotes") as writer:
            for article, quotes in pairs:
                writer.add(article, quotes)
            report = writer.commit()

    Leaving the block without `commit` (an exception, a crash) changes nothing.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        extractor_version: str | None = None,
        lock_timeout: float = 0.0,
        row_group_rows: int = ROW_GROUP_ROWS,
        file_rows: int = FILE_ROWS,
    ) -> None:
        self.path = Path(path)
        self.extractor_version = extractor_version or default_extractor_version()
        self.lock_timeout = lock_timeout
        self.row_group_rows = row_group_rows
        self.file_rows = file_rows
        self._lock_handle = None
        self._previous: Path | None = None
        self._known: dict[str, tuple[str, str | None]] = {}  # article id → (hash, extractor version)
        self._articles: dict[str, dict] = {}
        self._rows: list[dict] = []
        self._batches: list[pa.Table] = []
        self._seq = 0
        self._unchanged = 0

    # --- lock -------------------------------------------------------------

    def __enter__(self) -> "DatasetWriter":
        self.path.mkdir(parents=True, exist_ok=True)
        handle = open(self.path / LOCK, "a+", encoding="utf-8")
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or None
                    handle.close()
                    raise DatasetLocked(str(self.path), holder) from None
                time.sleep(0.1)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} on {socket.gethostname()} since {datetime.now().isoformat(timespec='seconds')}\n")
        handle.flush()
        self._lock_handle = handle
        self._previous = current_version(self.path)
        if self._previous is not None and not (self._previous / MANIFEST).exists():
            self._previous = None  # CURRENT names a version that is gone: start afresh
        if self._previous is not None:
            known = pq.read_table(self._previous / "articles.parquet", columns=["article_id", "content_hash", "extractor_version"])
            self._known = {
                a: (h, v)
                for a, h, v in zip(*(known[c].to_pylist() for c in ("article_id", "content_hash", "extractor_version")))
            }
        return self

    def __exit__(self, *exc_info) -> None:
        if self._lock_handle is not None:
            self._lock_handle.seek(0)
            self._lock_handle.truncate()
            fcntl.flock(self._lock_handle, fcntl.LOCK_UN)
            self._lock_handle.close()
            self._lock_handle = None

    def _require_lock(self) -> None:
        if self._lock_handle is None:
            raise RuntimeError("use DatasetWriter as a context manager: `with DatasetWriter(path) as w:`")

    # --- adding -----------------------------------------------------------

    def is_current(self, article: Article) -> bool:
        """True when this exact text is stored, from this extractor: no need to extract it again.

        Counts the article as unchanged, so call it once per article read.
        """
        self._require_lock()
        stored = self._known.get(article.id)
        if stored == (content_hash(article.text), self.extractor_version) and article.id not in self._articles:
            self._unchanged += 1
            return True
        return False

    def add(self, article: Article, quotes: Iterable[Quote]) -> None:
        """Stage an article and its quotes (replacing any earlier copy of the article)."""
        self._require_lock()
        self._seq += 1
        digest = content_hash(article.text)
        published = parse_date(article.published)
        count = 0
        for quote in quotes:
            count += 1
            self._rows.append(
                {
                    "quote_id": quote_id(article.id, quote.start, quote.end, quote.text),
                    "extracted_speaker": quote.speaker or None,
                    "mention": quote.mention,
                    "title": quote.title,
                    "speaker_kind": _value(quote.speaker_kind),
                    "cue": quote.cue,
                    "kind": _value(quote.kind),
                    "text": quote.text,
                    "sentence": quote.sentence,
                    "start": quote.start,
                    "end": quote.end,
                    "confidence": quote.confidence,
                    "article_id": article.id,
                    "article_title": article.title,
                    "url": article.url,
                    "published_date": published,
                    "content_hash": digest,
                    "extractor_version": self.extractor_version,
                    SEQ: self._seq,
                }
            )
        self._articles[article.id] = {
            "article_id": article.id,
            "title": article.title,
            "url": article.url,
            "published": article.published,
            "published_date": published,
            "outlet": article.outlet,
            "source": article.source,
            "content_hash": digest,
            "quote_count": count,
            "extractor_version": self.extractor_version,
            "ingested_at": datetime.now(timezone.utc),
            SEQ: self._seq,
        }
        if len(self._rows) >= BUFFER_ROWS:
            self._flush_rows()

    def _flush_rows(self) -> None:
        if self._rows:
            self._batches.append(pa.Table.from_pylist(self._rows, schema=_STAGED_QUOTES))
            self._rows = []

    # --- committing -------------------------------------------------------

    def commit(self) -> IngestReport:
        """Build the next version and make it current in one atomic switch."""
        self._require_lock()
        self._flush_rows()
        aliases_path = self.path / ALIASES
        aliases_digest = content_hash(aliases_path.read_text(encoding="utf-8")) if aliases_path.exists() else None
        previous_manifest = _read_manifest(self._previous)
        replaced = sum(1 for a in self._articles if a in self._known)
        indexed = previous_manifest.get("wordindex") == wordindex.LAYOUT
        if not self._articles and previous_manifest.get("aliases_hash") == aliases_digest and indexed:
            counts = previous_manifest.get("counts", {})
            return IngestReport(
                str(self.path), None, 0, 0, self._unchanged, 0, 0,
                counts.get("articles", 0), counts.get("quotes", 0), counts.get("speakers", 0),
            )
        articles = self._merged_articles()
        quotes, removed = self._merged_quotes(articles)
        quotes = self._resolve_speakers(quotes, read_aliases(aliases_path))
        speakers = _speakers_table(quotes, read_aliases(aliases_path))
        version = self._write_version(quotes, speakers, articles, aliases_digest)
        self._switch(version)
        self._collect_garbage(version)
        added_quotes = sum(a["quote_count"] for a in self._articles.values())
        report = IngestReport(
            path=str(self.path),
            version=version.name,
            articles_added=len(self._articles) - replaced,
            articles_replaced=replaced,
            articles_unchanged=self._unchanged,
            quotes_added=added_quotes,
            quotes_removed=removed,
            articles_total=articles.num_rows,
            quotes_total=quotes.num_rows,
            speakers_total=speakers.num_rows,
        )
        self._previous = version
        self._known.update({a: (r["content_hash"], r["extractor_version"]) for a, r in self._articles.items()})
        self._articles, self._batches, self._unchanged = {}, [], 0
        return report

    def _merged_articles(self) -> pa.Table:
        new = pa.Table.from_pylist(
            [{k: v for k, v in row.items() if k != SEQ} for row in self._articles.values()],
            schema=schema.ARTICLES,
        )
        if self._previous is None:
            return new
        old = pq.read_table(self._previous / "articles.parquet", schema=schema.ARTICLES)
        keep = pc.invert(pc.is_in(old["article_id"], value_set=new["article_id"]))
        return pa.concat_tables([old.filter(keep), new])

    def _merged_quotes(self, articles: pa.Table) -> tuple[pa.Table, int]:
        """Previous quotes of articles not re-added, plus the latest copy of each new article's quotes."""
        new_ids = pa.array(list(self._articles), pa.string())
        parts = []
        removed = 0
        if self._previous is not None:
            old = ds.dataset(str(self._previous / "quotes"), schema=schema.QUOTES, format="parquet").to_table()
            keep = pc.invert(pc.is_in(old["article_id"], value_set=new_ids))
            kept = old.filter(keep)
            removed = old.num_rows - kept.num_rows
            parts.append(kept)
        if self._batches:
            staged = pa.concat_tables(self._batches)
            latest = pa.array([row[SEQ] for row in self._articles.values()], pa.int64())
            staged = staged.filter(pc.is_in(staged[SEQ], value_set=latest)).drop_columns([SEQ])
            parts.append(staged.select(schema.QUOTES.names).cast(schema.QUOTES))
        if not parts:
            return schema.QUOTES.empty_table(), removed
        return pa.concat_tables(parts), removed

    def _resolve_speakers(self, quotes: pa.Table, aliases: dict[str, str]) -> pa.Table:
        """Fill speaker_key and speaker from the corpus-wide identities of extracted names."""
        counts = quotes.group_by(["extracted_speaker", "speaker_kind"]).aggregate([("quote_id", "count")])
        names = {
            (name, kind): n
            for name, kind, n in zip(*(counts[c].to_pylist() for c in ("extracted_speaker", "speaker_kind", "quote_id_count")))
            if name
        }
        identities = resolve(names, aliases)
        spellings = pa.array(list(identities), pa.string())
        keys = pa.array([i.key for i in identities.values()], pa.string())
        displays = pa.array([i.name for i in identities.values()], pa.string())
        position = pc.index_in(quotes["extracted_speaker"], value_set=spellings)
        quotes = quotes.set_column(quotes.schema.get_field_index("speaker_key"), schema.QUOTES.field("speaker_key"), pc.take(keys, position))
        quotes = quotes.set_column(quotes.schema.get_field_index("speaker"), schema.QUOTES.field("speaker"), pc.take(displays, position))
        # Sorted by speaker: each row group then spans few speakers, and its
        # min/max statistics let a look-up skip all the others. Nulls go last.
        quotes = quotes.sort_by([(c, "ascending") for c in ("speaker_key", "published_date", "article_id", "start", "quote_id")])
        ids = quotes["quote_id"]
        if quotes.num_rows > 1:  # identical quotes reported twice by the extractor: keep one
            same = pc.equal(ids.slice(1), ids.slice(0, quotes.num_rows - 1))
            if pc.any(same).as_py():
                keep = pa.concat_arrays([pa.array([True]), pc.invert(same).combine_chunks()])
                quotes = quotes.filter(keep)
        return quotes

    def _write_version(self, quotes: pa.Table, speakers: pa.Table, articles: pa.Table, aliases_digest: str | None) -> Path:
        """Write every file of the next version into a directory no reader knows yet."""
        number = int(self._previous.name.split("-")[0]) + 1 if self._previous else 1
        version = self.path / VERSIONS / f"{number:06d}-{secrets.token_hex(4)}"
        (version / "quotes").mkdir(parents=True)
        for part, offset in enumerate(range(0, max(quotes.num_rows, 1), self.file_rows)):
            _write_parquet(quotes.slice(offset, self.file_rows), version / "quotes" / f"part-{part:05d}.parquet", self.row_group_rows)
        _write_parquet(speakers, version / "speakers.parquet", self.row_group_rows)
        _write_parquet(articles.sort_by("article_id"), version / "articles.parquet", self.row_group_rows)
        # The fact-check index is part of the version: it switches with the tables it indexes.
        (version / wordindex.DIRNAME).mkdir()
        for name, (table, rows, options) in wordindex.tables(quotes).items():
            _write_parquet(table, version / wordindex.DIRNAME / name, rows, **options)
        manifest = {
            "layout": schema.LAYOUT_VERSION,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "extractor_version": self.extractor_version,
            "aliases_hash": aliases_digest,
            "wordindex": wordindex.LAYOUT,
            "counts": {"quotes": quotes.num_rows, "speakers": speakers.num_rows, "articles": articles.num_rows},
        }
        _write_durably(version / MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
        _fsync_dir(version / "quotes")
        _fsync_dir(version / wordindex.DIRNAME)
        _fsync_dir(version)
        return version

    def _switch(self, version: Path) -> None:
        """Make `version` current: one rename, atomic on POSIX file systems."""
        temporary = self.path / f"{POINTER}.{secrets.token_hex(4)}.tmp"
        _write_durably(temporary, f"{VERSIONS}/{version.name}\n".encode("utf-8"))
        os.replace(temporary, self.path / POINTER)
        _fsync_dir(self.path)

    def _collect_garbage(self, current: Path) -> None:
        """Remove versions older than the previous one, and leftovers of crashed writers.

        The previous version stays for readers that opened it a moment ago.
        """
        keep = {current.name, self._previous.name if self._previous else None}
        for entry in (self.path / VERSIONS).iterdir():
            if entry.name not in keep:
                shutil.rmtree(entry, ignore_errors=True)
        for leftover in self.path.glob(f"{POINTER}.*.tmp"):
            leftover.unlink(missing_ok=True)


_STAGED_QUOTES = schema.QUOTES.append(pa.field(SEQ, pa.int64()))


def _value(enum_or_str) -> str | None:
    return getattr(enum_or_str, "value", enum_or_str)


def _read_manifest(version: Path | None) -> dict:
    if version is None:
        return {}
    try:
        return json.loads((version / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _speakers_table(quotes: pa.Table, aliases: dict[str, str]) -> pa.Table:
    """One row per speaker key, aggregated from the (already resolved) quotes."""
    known = quotes.filter(pc.is_valid(quotes["speaker_key"]))
    grouped = known.group_by("speaker_key").aggregate(
        [
            ("speaker", "min"),
            ("quote_id", "count"),
            ("article_id", "count_distinct"),
            ("published_date", "min"),
            ("published_date", "max"),
            ("extracted_speaker", "distinct"),
            ("title", "distinct"),
            ("speaker_kind", "list"),
        ]
    )
    alias_names: dict[str, set[str]] = {}
    for alias_key, canonical in aliases.items():  # user aliases match on look-up even before they are seen
        alias_names.setdefault(canonical, set()).add(alias_key)
    rows = []
    columns = {c: grouped[c].to_pylist() for c in grouped.column_names}
    for i, key in enumerate(columns["speaker_key"]):
        display = columns["speaker_min"][i]
        spellings = {s for s in columns["extracted_speaker_distinct"][i] if s and s != display}
        spellings |= alias_names.get(display, set())
        rows.append(
            {
                "speaker_key": key,
                "speaker": display,
                "aliases": sorted(spellings),
                "titles": sorted(t for t in columns["title_distinct"][i] if t),
                "speaker_kind": Counter(columns["speaker_kind_list"][i]).most_common(1)[0][0],
                "quote_count": columns["quote_id_count"][i],
                "article_count": columns["article_id_count_distinct"][i],
                "first_seen": columns["published_date_min"][i],
                "last_seen": columns["published_date_max"][i],
            }
        )
    rows.sort(key=lambda r: r["speaker_key"])
    return pa.Table.from_pylist(rows, schema=schema.SPEAKERS)


def _write_parquet(table: pa.Table, path: Path, row_group_rows: int, **options) -> None:
    """Parquet with statistics on every column, flushed to disk before the switch.

    `options` go to `pyarrow.parquet.write_table` (e.g. a column's encoding).
    """
    pq.write_table(table, path, row_group_size=row_group_rows, compression="zstd", write_statistics=True, **options)
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _write_durably(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ingest(pairs: Iterable[tuple[Article, list[Quote]]], path: str | Path, **options) -> IngestReport:
    """Add (article, quotes) pairs to the dataset at `path` in one atomic commit.

    Args:
        pairs: e.g. from `quotes.pipeline.extract_articles`. Articles already
            stored with the same text and extractor version are skipped.
        path: the dataset directory; created when missing.
        **options: passed to `DatasetWriter` (extractor_version, lock_timeout, ...).
    """
    with DatasetWriter(path, **options) as writer:
        for article, quotes in pairs:
            if not writer.is_current(article):
                writer.add(article, quotes)
        return writer.commit()
