"""quotes: who said what, where.

Names are imported lazily (PEP 562): `import quotes` loads no language model,
so the read side (`quotes who`, `open_dataset`) starts in a fraction of a
second; `quotes.extract` loads spaCy on first use.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = ["Article", "Quote", "extract", "extract_articles", "open_dataset", "load_articles", "ArticleView", "article_html", "check", "Verdict", "Evidence"]

_HOMES = {
    "Article": "quotes.records",
    "Quote": "quotes.records",
    "extract": "quotes.pipeline",
    "extract_articles": "quotes.pipeline",
    "open_dataset": "quotes.dataset",
    "load_articles": "quotes.articles",
    "ArticleView": "quotes.render",
    "article_html": "quotes.render",
    "check": "quotes.factcheck",
    "Verdict": "quotes.factcheck",
    "Evidence": "quotes.factcheck",
}

if TYPE_CHECKING:  # for type checkers and IDEs; never runs
    from quotes.articles import load_articles
    from quotes.dataset import open_dataset
    from quotes.factcheck import Evidence, Verdict, check
    from quotes.pipeline import extract, extract_articles
    from quotes.records import Article, Quote
    from quotes.render import ArticleView, article_html


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(import_module(_HOMES[name]), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module 'quotes' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
