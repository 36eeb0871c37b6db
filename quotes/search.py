"""Finding speakers and quotes by name and words: the look-ups behind the service and its page.

Thin on purpose: names are matched by `QuoteDataset.match` (the same rules as
`quotes who`), words by a case-insensitive substring filter that pyarrow runs
over the Parquet files. Results come newest first, the order a reporter reads
them in. Read side only: no language model is loaded.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import pyarrow.compute as pc
import pyarrow.dataset as ds

from quotes.dataset import QuoteDataset
from quotes.errors import UnknownSpeaker
from quotes.identity import name_key

def resolve(data: QuoteDataset, name: str) -> list[str]:
    """The speaker keys `name` refers to (full name, alias or surname).

    Raises:
        UnknownSpeaker: nothing matches; it carries close names to suggest.
    """
    keys = data.match(name)
    if not keys:
        raise UnknownSpeaker(name, data.suggest(name))
    return keys


def resolve_key(data: QuoteDataset, speaker_key: str) -> str:
    """The one speaker a key (or a full display name) names; no surname guessing.

    Raises:
        UnknownSpeaker: no speaker has that key.
    """
    key = name_key(speaker_key)
    if key is None or key not in set(data.speakers()["speaker_key"]):
        raise UnknownSpeaker(speaker_key, data.suggest(speaker_key))
    return key


def find_speakers(data: QuoteDataset, q: str | None = None) -> pd.DataFrame:
    """Speakers `q` names (all of them when `q` is empty), most quoted first.

    Raises:
        UnknownSpeaker: `q` is given and names nobody.
    """
    speakers = data.speakers()
    if q and q.strip():
        speakers = speakers[speakers["speaker_key"].isin(resolve(data, q))]
    order = speakers.sort_values(["quote_count", "speaker"], ascending=[False, True], kind="stable")
    return order.reset_index(drop=True)


def speaker_quotes(
    data: QuoteDataset, speaker_key: str, *, since: str | date | None = None, until: str | date | None = None
) -> pd.DataFrame:
    """Every quote of the one speaker `speaker_key` names, newest first.

    Raises:
        UnknownSpeaker: no speaker has that key.
    """
    return newest_first(data.by_speaker(resolve_key(data, speaker_key), since=since, until=until))


def find_quotes(data: QuoteDataset, speaker: str | None = None, words: str | None = None) -> pd.DataFrame:
    """Quotes of a speaker and/or holding every word of `words`, newest first.

    Args:
        speaker: a name as `quotes who` takes it (a shared surname matches
            every speaker who has it).
        words: whitespace-separated words or fragments, all of which must occur
            in the quote, ignoring case.

    Raises:
        UnknownSpeaker: `speaker` is given and names nobody.
        ValueError: neither `speaker` nor `words` is given.
    """
    terms = (words or "").split()
    speaker = (speaker or "").strip()
    if not speaker and not terms:
        raise ValueError("give a speaker, words to look for, or both")
    if speaker:
        resolve(data, speaker)  # an unknown name is an error with suggestions, not an empty page
        frame = data.by_speaker(speaker)
        for term in terms:
            frame = frame[frame["text"].str.contains(term, case=False, regex=False)]
    else:
        condition = pc.match_substring(ds.field("text"), terms[0], ignore_case=True)
        for term in terms[1:]:
            condition = condition & pc.match_substring(ds.field("text"), term, ignore_case=True)
        frame = data.quotes.to_table(filter=condition).to_pandas()
    return newest_first(frame)


def newest_first(quotes: pd.DataFrame) -> pd.DataFrame:
    """Newest article first, undated ones last; the quotes of one article in reading order."""
    ordered = quotes.sort_values(
        ["published_date", "article_id", "start"], ascending=[False, True, True], na_position="last", kind="stable"
    )
    return ordered.reset_index(drop=True)
