"""The word index that finds fact-check candidates without scanning every quote.

Built by the writer with every dataset version (so it is replaced atomically
with the tables it indexes) and read by `quotes.factcheck`. Three Parquet
files in ``versions/<n>-<token>/wordindex/``:

    terms.parquet      term, df, start: in how many quotes each word occurs, and
                       where its postings start; sorted by term
    postings.parquet   term, row: one row per (word, quote), sorted by term then row
    quotes.parquet     the attributed quotes in dataset order (so by speaker_key),
                       with the columns evidence shows, in small row groups
    speakers.parquet   speaker_key, start, stop: each speaker's range of rows

Notes:
    Why postings of words and not a scan: a claim almost always holds a word
    that few quotes share, and its postings name a handful of candidate rows
    out of millions; rapidfuzz then scores only those.

    Why a copy of the quotes: the quotes table is cut into row groups of 8,192
    rows for speaker look-ups, and reading one candidate there costs a few
    milliseconds; here a candidate costs a small row group of 1,024 rows.
    `row` is the position in this file, and since it is sorted like the
    quotes table, each speaker's quotes are one range of rows.

    Words are normalised in pyarrow (`normalise`), by the same function at
    build and at query time: accents, case, curly or straight marks and
    punctuation do not matter.

    Quotes with no known speaker are left out: they can neither confirm nor
    refute an attribution.
"""
from __future__ import annotations

import math
from functools import cached_property
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

DIRNAME = "wordindex"
# Bumped when a file of the index changes; the writer records it in the
# manifest, rebuilds an index of another layout, and readers refuse one.
LAYOUT = 1
TERMS = "terms.parquet"
POSTINGS = "postings.parquet"
QUOTES = "quotes.parquet"
SPEAKERS = "speakers.parquet"

# Row groups small enough that one candidate reads little beyond itself, big
# enough that the file's metadata stays small (1M quotes: ~1,000 groups).
QUOTE_ROW_GROUP_ROWS = 1_024
# Postings of one rare word sit in one group; a common word spans many, of
# which a look-up within one speaker's rows reads one or two.
POSTINGS_ROW_GROUP_ROWS = 16_384
TERMS_ROW_GROUP_ROWS = 16_384

# What evidence shows of a quote (plus speaker_key, which ranges are made of).
EVIDENCE_COLUMNS = [
    "quote_id", "speaker_key", "speaker", "cue", "text", "sentence",
    "article_id", "article_title", "url", "published_date",
]

_APOSTROPHES = "[’‘ʼ′`´]"


def normalise(texts: pa.Array | list[str | None]) -> pa.ListArray:
    """Each text as its list of words: lower case, no accents, no punctuation.

    In-word apostrophes are kept, with curly ones made straight ("It’s" → "it's");
    hyphens and every other mark split words ("Álvarez-Díaz" → "alvarez", "diaz").
    An empty text gives an empty list.
    """
    x = pa.array(texts, pa.string()) if not isinstance(texts, (pa.Array, pa.ChunkedArray)) else texts
    x = pc.utf8_normalize(pc.fill_null(x, ""), "NFKD")
    x = pc.utf8_lower(pc.replace_substring_regex(x, r"\p{Mn}+", ""))
    x = pc.replace_substring_regex(x, _APOSTROPHES, "'")
    x = pc.replace_substring_regex(x, r"[^\p{L}\p{N}']+", " ")
    x = pc.binary_join_element_wise(" ", x, " ", "")  # pad, so that edge apostrophes are at a space
    x = pc.replace_substring_regex(pc.replace_substring_regex(x, " '+", " "), "'+ ", " ")
    x = pc.utf8_trim_whitespace(x)
    # "" splits into [""]: an empty text is the empty list.
    return pc.if_else(pc.equal(x, ""), pa.scalar([], pa.list_(pa.string())), pc.utf8_split_whitespace(x))


def words(text: str) -> list[str]:
    """The normalised words of one text (see `normalise`)."""
    return normalise([text])[0].as_py()


# Rows ascend within each word's postings: stored as deltas they take a tenth
# of the space (1M quotes: 5 MiB instead of 56) and read as fast.
POSTINGS_OPTIONS = {"use_dictionary": ["term"], "column_encoding": {"row": "DELTA_BINARY_PACKED"}}


def tables(quotes: pa.Table) -> dict[str, tuple[pa.Table, int, dict]]:
    """The index of a quotes table (sorted by speaker_key).

    Returns:
        file name → (table, rows per row group, further `pyarrow.parquet.write_table` options).
    """
    attributed = quotes.filter(pc.is_valid(quotes["speaker_key"])).select(EVIDENCE_COLUMNS)
    postings, terms = _postings(normalise(attributed["text"]))
    numbered = pa.table({"speaker_key": attributed["speaker_key"], "row": pa.array(np.arange(attributed.num_rows, dtype=np.int32))})
    spans = numbered.group_by("speaker_key", use_threads=False).aggregate([("row", "min"), ("row", "max")])
    speakers = pa.table({
        "speaker_key": spans["speaker_key"],
        "start": spans["row_min"],
        "stop": pc.add(spans["row_max"], 1),
    }).sort_by("speaker_key")
    return {
        QUOTES: (attributed, QUOTE_ROW_GROUP_ROWS, {}),
        POSTINGS: (postings, POSTINGS_ROW_GROUP_ROWS, POSTINGS_OPTIONS),
        TERMS: (terms, TERMS_ROW_GROUP_ROWS, {}),
        SPEAKERS: (speakers, TERMS_ROW_GROUP_ROWS, {}),
    }


def _postings(tokens: pa.ListArray | pa.ChunkedArray) -> tuple[pa.Table, pa.Table]:
    """(term, row) postings sorted by term then row, one per word per quote; and (term, df).

    Done on integer keys (the term's alphabetical rank, then the row), which
    numpy sorts in a second where sorting 10M+ string pairs takes far longer.
    """
    if isinstance(tokens, pa.ChunkedArray):
        tokens = tokens.combine_chunks()
    rows = pc.list_parent_indices(tokens).to_numpy().astype(np.int64)
    encoded = pc.dictionary_encode(pc.list_flatten(tokens))
    vocabulary = encoded.dictionary
    order = pc.sort_indices(vocabulary).to_numpy()
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    keys = np.sort((rank[encoded.indices.to_numpy()].astype(np.int64) << 32) | rows)
    if keys.size:  # a word twice in one quote is one posting
        keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])]
    term_rank = (keys >> 32).astype(np.int32)
    ordered = vocabulary.take(pa.array(order))
    postings = pa.table({
        "term": pa.DictionaryArray.from_arrays(pa.array(term_rank), ordered).cast(pa.string()),
        "row": pa.array((keys & 0xFFFFFFFF).astype(np.int32)),
    })
    df = np.bincount(term_rank, minlength=order.size)
    start = (np.cumsum(df) - df).astype(np.int64)
    terms = pa.table({"term": ordered, "df": pa.array(df.astype(np.int32)), "start": pa.array(start)})
    return postings, terms.filter(pa.array(df > 0))


class WordIndex:
    """Read side of the index of one dataset version.

    Raises:
        FileNotFoundError: the version has no index (written before there was one).
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        for name in (TERMS, POSTINGS, QUOTES, SPEAKERS):
            if not (directory / name).is_file():
                raise FileNotFoundError(str(directory / name))
        self._postings = pq.ParquetFile(directory / POSTINGS)
        self._quotes = pq.ParquetFile(directory / QUOTES)

    @cached_property
    def size(self) -> int:
        """Number of quotes indexed."""
        return self._quotes.metadata.num_rows

    @cached_property
    def _vocabulary(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(terms, df, start) as arrays, for binary search; read once per version."""
        table = pq.read_table(self.directory / TERMS, columns=["term", "df", "start"])
        terms = np.array(table["term"].to_pylist() or [], dtype=object)
        return terms, table["df"].to_numpy(), table["start"].to_numpy()

    def _lookup(self, terms: list[str]) -> dict[str, tuple[int, int]]:
        """term → (df, start in postings) for the terms that occur."""
        vocabulary, df, start = self._vocabulary
        found = {}
        for term in set(terms):
            at = int(np.searchsorted(vocabulary, term))
            if at < vocabulary.size and vocabulary[at] == term:
                found[term] = (int(df[at]), int(start[at]))
        return found

    def document_frequencies(self, terms: list[str]) -> dict[str, int]:
        """df of each term that occurs in the index (absent terms are left out)."""
        return {t: df for t, (df, _) in self._lookup(terms).items()}

    def speaker_ranges(self, keys: list[str]) -> list[tuple[int, int]]:
        """[start, stop) rows of each speaker key's quotes."""
        if not keys:
            return []
        table = pq.read_table(self.directory / SPEAKERS, filters=[("speaker_key", "in", keys)])
        return sorted(zip(table["start"].to_pylist(), table["stop"].to_pylist()))

    @staticmethod
    def _starts(metadata: pq.FileMetaData) -> np.ndarray:
        sizes = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
        return np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)

    @cached_property
    def _posting_groups(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(first posting of each row group, min row, max row), from the file's statistics."""
        metadata = self._postings.metadata
        column = self._postings.schema_arrow.get_field_index("row")
        lows, highs = [], []
        for i in range(metadata.num_row_groups):
            stats = metadata.row_group(i).column(column).statistics
            known = stats is not None and stats.has_min_max
            lows.append(stats.min if known else 0)
            highs.append(stats.max if known else np.iinfo(np.int32).max)
        return self._starts(metadata), np.array(lows), np.array(highs)

    def postings(self, df: int, start: int, ranges: list[tuple[int, int]] | None = None) -> np.ndarray:
        """Rows holding one term (its `df` postings from `start`), optionally only within `ranges`.

        Reads only the row groups of the term's run of postings, and of those
        only the ones whose row statistics can meet `ranges`.
        """
        starts, lows, highs = self._posting_groups
        first = int(np.searchsorted(starts, start, side="right")) - 1
        last = int(np.searchsorted(starts, start + df - 1, side="right")) - 1
        parts = []
        for group in range(first, last + 1):
            if ranges and not any(lows[group] < stop and highs[group] >= lo for lo, stop in ranges):
                continue
            rows = self._postings.read_row_group(group, columns=["row"])["row"].to_numpy()
            begin, end = max(start, starts[group]) - starts[group], min(start + df, starts[group + 1]) - starts[group]
            parts.append(rows[begin:end])
        rows = np.concatenate(parts).astype(np.int64) if parts else np.empty(0, np.int64)
        if ranges:
            inside = np.zeros(rows.size, bool)
            for lo, stop in ranges:
                inside |= (rows >= lo) & (rows < stop)
            rows = rows[inside]
        return rows

    def candidates(
        self,
        terms: list[str],
        *,
        limit: int,
        budget: int,
        ranges: list[tuple[int, int]] | None = None,
    ) -> np.ndarray:
        """Rows sharing the most (idf-weighted) words with `terms`, best first.

        Args:
            terms: the claim's normalised words.
            limit: how many rows to return at most.
            budget: postings to read at most; the rarest words are read first,
                and at least one word is always read. Within `ranges`, a word
                counts for its share of postings expected there.
            ranges: only rows in these [start, stop) ranges (a speaker's quotes).
        """
        found = self._lookup(terms)
        share = sum(stop - lo for lo, stop in ranges) / max(self.size, 1) if ranges else 1.0
        rows_parts, weight_parts = [], []
        total = 0.0
        for term in sorted(found, key=lambda t: (found[t][0], t)):
            df, start = found[term]
            if rows_parts and total + df * share > budget:
                break
            total += df * share
            rows = self.postings(df, start, ranges)
            rows_parts.append(rows)
            # idf weight: a shared rare word says more than a shared "the".
            weight_parts.append(np.full(rows.size, math.log(1 + self.size / df)))
        if not rows_parts or not sum(r.size for r in rows_parts):
            return np.empty(0, np.int64)
        rows = np.concatenate(rows_parts)
        base = int(rows.min())
        score = np.bincount(rows - base, weights=np.concatenate(weight_parts))
        hits = np.flatnonzero(score)
        if hits.size > limit:
            hits = hits[np.argpartition(-score[hits], limit - 1)[:limit]]
        hits = hits[np.lexsort((hits, -score[hits]))]
        return hits.astype(np.int64) + base

    @cached_property
    def _group_starts(self) -> np.ndarray:
        return self._starts(self._quotes.metadata)

    def read(self, rows: np.ndarray, columns: list[str]) -> pa.Table:
        """The given rows of quotes.parquet, in the order given, reading only their row groups."""
        if len(rows) == 0:
            return self._quotes.schema_arrow.empty_table().select(columns)
        rows = np.asarray(rows, np.int64)
        groups = np.searchsorted(self._group_starts, rows, side="right") - 1
        wanted = np.unique(groups)
        table = self._quotes.read_row_groups([int(g) for g in wanted], columns=columns)
        # Offset of each wanted group inside the concatenated table.
        sizes = self._group_starts[wanted + 1] - self._group_starts[wanted]
        base = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        local = base[np.searchsorted(wanted, groups)] + (rows - self._group_starts[groups])
        return table.take(pa.array(local))
