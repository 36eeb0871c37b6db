"""The typed shapes of the HTTP service: what it accepts and what it answers.

Response models mirror the records of the Python API field for field (rows of
the Parquet tables in `quotes.schema`, `Quote` records, fact-check verdicts),
so a client of the service and a user of `quotes.open_dataset` see the same
names. Request models are strict: a number where text belongs, or a field the
service does not know, is a 422 rather than a guess.
"""
from __future__ import annotations

from datetime import date
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_PAGE = 200  # the most rows one page of a listing may hold
DEFAULT_PAGE = 50
MAX_CLAIM = 2_000  # characters of a quotation to fact-check; a claim is a sentence or two

T = TypeVar("T")


class Response(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Request(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


# --- the dataset ---------------------------------------------------------------


class Speaker(Response):
    """A row of the `speakers` table."""

    speaker_key: str
    speaker: str
    aliases: list[str] = []
    titles: list[str] = []
    speaker_kind: str | None = None
    quote_count: int
    article_count: int
    first_seen: date | None = None
    last_seen: date | None = None


class StoredQuote(Response):
    """A row of the `quotes` table (without the bookkeeping columns)."""

    quote_id: str
    speaker_key: str | None = None
    speaker: str | None = None
    extracted_speaker: str | None = None
    mention: str | None = None
    title: str | None = None
    speaker_kind: str | None = None
    cue: str | None = None
    kind: str | None = None
    text: str
    sentence: str | None = None
    start: int
    end: int
    confidence: float | None = None
    article_id: str
    article_title: str | None = None
    url: str | None = None
    published_date: date | None = None


class Page(Response, Generic[T]):
    """One page of a listing: `items[offset:offset + limit]` of `total`."""

    total: int
    limit: int
    offset: int
    items: list[T]


class Health(Response):
    status: Literal["ok"] = "ok"
    dataset_version: str
    quotes: int
    speakers: int
    articles: int
    extractor_loaded: bool = Field(description="whether spaCy is loaded (it is, after the first POST /extract)")


# --- fact-checks (issue 4: quotes.factcheck) ------------------------------------


class Evidence(Response):
    quote_id: str
    quote: str
    speaker: str | None = None
    speaker_key: str | None = None
    cue: str | None = None
    article_id: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    sentence: str | None = None
    score: float
    match: Literal["exact", "fragment", "longer_claim", "fuzzy"]


class Verdict(Response):
    verdict: Literal["attributed", "misattributed", "altered", "not_found", "found"]
    claim: str
    speaker: str | None = None
    said_by: list[str] = []
    evidence: list[Evidence] = []
    closest_by_speaker: list[Evidence] = []
    differences: str | None = None


class CheckRequest(Request):
    quote: str = Field(max_length=MAX_CLAIM, description="the quotation as it is going around")
    speaker: str | None = Field(None, max_length=200, description="who it is said to be by; omit to ask who said it")

    @field_validator("quote")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("give the quotation to check; it is empty")
        return value.strip()

    @field_validator("speaker")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None


# --- extraction (stateless) ------------------------------------------------------


class ExtractRequest(Request):
    text: str = Field(description="the article text; offsets in the answer index it as given")
    title: str | None = Field(None, max_length=1_000)
    url: str | None = Field(None, max_length=2_000)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("give the article text; it is empty")
        return value


class ExtractedQuote(Response):
    """A `Quote` record as `quotes.extract` returns it."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_label: str | None = None
    mention: str | None = None
    title: str | None = None
    speaker_kind: str
    cue: str | None = None
    kind: str
    sentence: str
    confidence: float


class Extraction(Response):
    title: str | None = None
    url: str | None = None
    quotes: list[ExtractedQuote]


# --- errors ----------------------------------------------------------------------


class Problem(Response):
    """Every 4xx answer: a short code, a sentence for people, and what helps fix it."""

    error: str = Field(description="malformed_json, invalid_request, unknown_speaker, not_found, body_too_large, ...")
    message: str
    suggestions: list[str] | None = None
    details: list[dict] | None = None
