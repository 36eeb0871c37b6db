"""The Parquet schemas of the quotes dataset, defined once for writer, reader and tests.

Plain Parquet types only (strings, integers, floats, dates, lists of strings),
so DuckDB, Polars and Spark read the tables as they are. README.md documents
every column.
"""
from __future__ import annotations

import pyarrow as pa

# Bumped when a column changes; a reader refuses a dataset of another layout.
LAYOUT_VERSION = 1

QUOTES = pa.schema(
    [
        pa.field("quote_id", pa.string(), nullable=False),  # hash of article id, offsets and text
        pa.field("speaker_key", pa.string()),  # normalised corpus-wide identity; null when unknown
        pa.field("speaker", pa.string()),  # display name shared by every quote of the speaker
        pa.field("extracted_speaker", pa.string()),  # the name the extractor gave in its article
        pa.field("mention", pa.string()),
        pa.field("title", pa.string()),
        pa.field("speaker_kind", pa.string()),
        pa.field("cue", pa.string()),
        pa.field("kind", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("sentence", pa.string()),
        pa.field("start", pa.int32(), nullable=False),
        pa.field("end", pa.int32(), nullable=False),
        pa.field("confidence", pa.float64()),
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("article_title", pa.string()),
        pa.field("url", pa.string()),
        pa.field("published_date", pa.date32()),
        pa.field("content_hash", pa.string(), nullable=False),  # of the article text the offsets index
        pa.field("extractor_version", pa.string()),
    ]
)

SPEAKERS = pa.schema(
    [
        pa.field("speaker_key", pa.string(), nullable=False),
        pa.field("speaker", pa.string(), nullable=False),
        pa.field("aliases", pa.list_(pa.string())),
        pa.field("titles", pa.list_(pa.string())),
        pa.field("speaker_kind", pa.string()),
        pa.field("quote_count", pa.int64(), nullable=False),
        pa.field("article_count", pa.int64(), nullable=False),
        pa.field("first_seen", pa.date32()),
        pa.field("last_seen", pa.date32()),
    ]
)

ARTICLES = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("title", pa.string()),
        pa.field("url", pa.string()),
        pa.field("published", pa.string()),  # as given in the input
        pa.field("published_date", pa.date32()),  # parsed from `published`; null when it is not a date
        pa.field("outlet", pa.string()),
        pa.field("source", pa.string()),
        pa.field("content_hash", pa.string(), nullable=False),
        pa.field("quote_count", pa.int32(), nullable=False),
        pa.field("extractor_version", pa.string()),
        pa.field("ingested_at", pa.timestamp("ms", tz="UTC")),
    ]
)

TABLES = {"quotes": QUOTES, "speakers": SPEAKERS, "articles": ARTICLES}
