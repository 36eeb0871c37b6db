"""Reading the speaker-indexed quotes dataset: what has a named person said?

The read side of quotes. It opens Parquet with pyarrow and pandas and never
loads a language model, so a look-up answers from a cold start in well under a
second.

Layout of a dataset directory (written by `quotes.ingest`)::

    CURRENT                       one line: the version directory readers use
    aliases.csv                   optional user corrections `alias,canonical name`
    versions/<n>-<token>/quotes/part-*.parquet   sorted by speaker_key
    versions/<n>-<token>/speakers.parquet
    versions/<n>-<token>/articles.parquet
    versions/<n>-<token>/manifest.json

A writer builds a whole new version directory and then replaces CURRENT in one
atomic rename, so a reader sees either the previous dataset or the next one,
never a half-written one.
"""
from __future__ import annotations

import json
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from quotes import schema
from quotes.errors import DatasetNotFound, IndexMissing, SchemaMismatch
from quotes.identity import fold, name_key, surname_key

if TYPE_CHECKING:
    from quotes.factcheck import Verdict
    from quotes.wordindex import WordIndex

DEFAULT_PATH = Path("data/quotes")
POINTER = "CURRENT"
VERSIONS = "versions"
MANIFEST = "manifest.json"
ALIASES = "aliases.csv"


def current_version(root: Path) -> Path | None:
    """The version directory CURRENT names, or None for a directory never written."""
    try:
        name = (root / POINTER).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return root / name if name else None


def open_dataset(path: str | Path = DEFAULT_PATH) -> "QuoteDataset":
    """Open the current version of the dataset at `path`.

    Raises:
        DatasetNotFound: `path` holds no dataset (the message says how to make one).
    """
    root = Path(path)
    for _attempt in range(3):  # a writer may remove an old version between our two reads
        version = current_version(root)
        if version is None:
            raise DatasetNotFound(str(root))
        if version.is_dir():
            return QuoteDataset(root, version)
    raise DatasetNotFound(str(root))


def _as_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


class QuoteDataset:
    """One consistent version of a quotes dataset.

    Attributes:
        path: the dataset directory.
        version: the version directory this object reads; it does not change
            under it while a writer adds articles.
        quotes: the quotes table as a `pyarrow.dataset.Dataset`, for anything
            the methods below do not cover.
    """

    def __init__(self, path: Path, version: Path) -> None:
        self.path = path
        self.version = version
        manifest_path = version / MANIFEST
        try:
            self.manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SchemaMismatch(str(path), f"unreadable {manifest_path.name}: {exc}") from None
        if self.manifest.get("layout") != schema.LAYOUT_VERSION:
            raise SchemaMismatch(str(path), f"layout {self.manifest.get('layout')}, expected {schema.LAYOUT_VERSION}")
        files = sorted(str(p) for p in (version / "quotes").glob("*.parquet"))
        self.quotes: ds.Dataset = ds.dataset(files, schema=schema.QUOTES, format="parquet")

    def __repr__(self) -> str:
        counts = self.manifest.get("counts", {})
        return f"QuoteDataset({str(self.path)!r}, version={self.version.name!r}, counts={counts})"

    # --- tables -----------------------------------------------------------

    def speakers(self) -> pd.DataFrame:
        """One row per speaker with counts, aliases, titles and first/last seen dates."""
        return self._speakers_table.to_pandas()

    def articles(self) -> pd.DataFrame:
        """One row per article ingested, with its content hash and quote count."""
        return pq.read_table(self.version / "articles.parquet", schema=schema.ARTICLES).to_pandas()

    @cached_property
    def _speakers_table(self) -> pa.Table:
        return pq.read_table(self.version / "speakers.parquet", schema=schema.SPEAKERS)

    # --- matching names ---------------------------------------------------

    @cached_property
    def _name_index(self) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, set[str]]]:
        """(full key, alias key, surname) → speaker keys; built once per object."""
        table = self._speakers_table.select(["speaker_key", "aliases"])
        full: dict[str, set[str]] = {}
        alias: dict[str, set[str]] = {}
        surname: dict[str, set[str]] = {}
        for key, names in zip(table["speaker_key"].to_pylist(), table["aliases"].to_pylist()):
            full.setdefault(key, set()).add(key)
            surname.setdefault(surname_key(key), set()).add(key)
            for name in names or ():
                alias_key = name_key(name)
                if alias_key:
                    alias.setdefault(alias_key, set()).add(key)
        return full, alias, surname

    def match(self, name: str) -> list[str]:
        """Speaker keys `name` refers to: a full name, an alias, else a surname.

        Case, accents and punctuation are ignored, and so is a leading title
        ("President Biden", "Secretary of State Antony Blinken"). A surname
        shared by several speakers ("Clinton") matches them all; the caller
        shows who is who.
        """
        key = name_key(name)
        if key is None:
            return []
        found = self._match_key(key)
        if not found:
            for title in self._titles:
                if key.startswith(title + " "):
                    return self._match_key(key[len(title) + 1:])
        return found

    def _match_key(self, key: str) -> list[str]:
        full, alias, surname = self._name_index
        for index in (full, alias):
            if key in index:
                return sorted(index[key])
        return sorted(surname.get(key, ()))

    @cached_property
    def _titles(self) -> list[str]:
        """Titles that may stand before a name: the lexicon's and those seen in the corpus, longest first."""
        from importlib import resources

        lexicon = resources.files("quotes").joinpath("lexicon", "titles.txt").read_text(encoding="utf-8")
        titles = {ln.strip() for ln in lexicon.splitlines() if ln.strip() and not ln.startswith("#")}
        for seen in self._speakers_table["titles"].to_pylist():
            titles.update(seen or ())
        keys = {name_key(t) for t in titles}
        return sorted((k for k in keys if k), key=len, reverse=True)

    def speaker_names(self, keys: list[str]) -> list[str]:
        """Display names of speaker keys, in the order given (unknown keys left out)."""
        table = self._speakers_table
        found = table.filter(pc.is_in(table["speaker_key"], value_set=pa.array(keys, pa.string())))
        names = dict(zip(found["speaker_key"].to_pylist(), found["speaker"].to_pylist()))
        return [names[k] for k in keys if k in names]

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Display names close to `name`, for "did you mean ...?"."""
        from rapidfuzz import fuzz, process, utils

        table = self._speakers_table.select(["speaker", "aliases"])
        choices: dict[str, str] = {}  # spelling → display name
        for display, aliases in zip(table["speaker"].to_pylist(), table["aliases"].to_pylist()):
            for spelling in (display, *(aliases or ())):
                choices.setdefault(spelling, display)
        found = process.extract(
            fold(name), list(choices), scorer=fuzz.WRatio, limit=limit * 3,
            score_cutoff=70, processor=lambda s: utils.default_process(fold(s)),
        )
        names: list[str] = []
        for spelling, _score, _index in found:
            display = choices[spelling]
            if display not in names:
                names.append(display)
        return names[:limit]

    # --- fact-checking ----------------------------------------------------

    @cached_property
    def word_index(self) -> "WordIndex":
        """The version's word index, which finds fact-check candidates (`quotes.wordindex`)."""
        from quotes.wordindex import DIRNAME, LAYOUT, WordIndex

        try:
            if self.manifest.get("wordindex") != LAYOUT:
                raise FileNotFoundError(self.version / DIRNAME)
            return WordIndex(self.version / DIRNAME)
        except FileNotFoundError:
            raise IndexMissing(str(self.path)) from None

    def check(self, quote: str, speaker: str | None = None) -> "Verdict":
        """Did `speaker` say `quote`? Without a speaker: who said it? See `quotes.factcheck.check`."""
        from quotes.factcheck import check

        return check(self, quote, speaker)

    # --- look-up ----------------------------------------------------------

    def by_speaker(
        self,
        name: str,
        since: str | date | None = None,
        until: str | date | None = None,
        columns: list[str] | None = None,
    ) -> pd.DataFrame:
        """Every quote of the speaker(s) `name` refers to, oldest first.

        Args:
            name: full name, alias or surname; case and accents are ignored.
            since, until: inclusive publication dates (ISO strings or dates);
                quotes of undated articles are left out when either is given.
            columns: the quote columns to return (default: all).

        Notes:
            The quotes table is sorted by `speaker_key` and its row groups
            carry min/max statistics, so the filter reads only the row groups
            that can hold the speaker.
        """
        keys = self.match(name)
        if not keys:
            return schema.QUOTES.empty_table().select(columns or schema.QUOTES.names).to_pandas()
        field = ds.field("speaker_key")
        condition = field == keys[0]
        for key in keys[1:]:
            condition = condition | (field == key)
        if since is not None:
            condition = condition & (ds.field("published_date") >= pa.scalar(_as_date(since), pa.date32()))
        if until is not None:
            condition = condition & (ds.field("published_date") <= pa.scalar(_as_date(until), pa.date32()))
        table = self.quotes.to_table(columns=columns, filter=condition)
        order = [(c, "ascending") for c in ("published_date", "article_id", "start") if c in table.column_names]
        if order:
            table = table.sort_by(order)
        return table.to_pandas()
