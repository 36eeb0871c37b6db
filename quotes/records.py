"""Typed records that flow through quotes: an article in, its quotes out.

Every later stage (the Parquet dataset, look-ups, fact-checks, the service,
the notebooks) reads these, so their fields are the contract between the
write side and the read side.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum


class SpeakerKind(str, Enum):
    PERSON = "person"
    ORGANISATION = "organisation"
    UNKNOWN = "unknown"


class QuoteKind(str, Enum):
    FULL = "full"  # one or more whole sentences inside the marks
    PARTIAL = "partial"  # a fragment embedded in reported speech: called it "a work in progress"
    HEADLINE = "headline"  # a quotation in the article's headline


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. Offsets of its quotes index `text` exactly as given."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    source: str | None = None  # the file it was read from, for error messages


@dataclass(slots=True)
class Quote:
    """One direct quotation and who said it.

    `text == article_text[start:end]`: the characters inside the quote marks.
    """

    text: str
    start: int
    end: int
    speaker: str | None  # canonical name: "Joe Biden", "White House"; None when unknown
    mention: str | None  # the speaker as written nearest the quote: "he", "Biden"
    title: str | None  # "President", "Secretary of State"
    speaker_kind: SpeakerKind
    cue: str | None  # "said", "added", "according to", "calling"
    kind: QuoteKind
    sentence: str  # the sentence (or headline) holding the quote
    confidence: float
    article_id: str | None = None

    @property
    def speaker_label(self) -> str | None:
        """The speaker as a reader expects to see them: "President Joe Biden"."""
        if self.speaker and self.title and self.title.lower() not in self.speaker.lower():
            return f"{self.title} {self.speaker}"
        return self.speaker

    def to_dict(self) -> dict:
        d = asdict(self)
        d["speaker_kind"] = self.speaker_kind.value
        d["kind"] = self.kind.value
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Quote":
        return cls(**{**d, "speaker_kind": SpeakerKind(d["speaker_kind"]), "kind": QuoteKind(d["kind"])})
