"""Shared fixtures: one loaded spaCy pipeline per session, paths, and quote records."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEEDS_GOLD = REPO / "tests" / "data" / "seeds_gold.jsonl"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The project's pipeline, loaded once: every extractor test and CLI run shares it."""
    from quotes.pipeline import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (gold sets, seeds); tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not here")
    return SHARED


def _quote(text: str, speaker: str | None, *, start: int = 0, kind: str = "person", title: str | None = None):
    """A Quote record as the extractor would give it, for tests of the dataset side."""
    from quotes.records import Quote, QuoteKind, SpeakerKind

    return Quote(
        text=text, start=start, end=start + len(text), speaker=speaker,
        mention=speaker.split()[-1] if speaker else None, title=title,
        speaker_kind=SpeakerKind(kind), cue="said", kind=QuoteKind.FULL,
        sentence=f"“{text},” {speaker} said.", confidence=0.9,
    )


@pytest.fixture(scope="session")
def make_quote():
    """Build Quote records without running spaCy: `make_quote("Q", "Joe Biden", start=10)`."""
    return _quote


@pytest.fixture(scope="session")
def seed_dataset(tmp_path_factory, nlp) -> Path:
    """The seed articles extracted into a dataset once per session; read it, never write to it."""
    from quotes.articles import load_articles
    from quotes.ingest import ingest
    from quotes.pipeline import extract_articles

    path = tmp_path_factory.mktemp("seeds") / "quotes"
    ingest(extract_articles(load_articles([SEEDS])), path)
    return path
