"""An article as HTML with every quote highlighted and labelled with its speaker and cue.

Read side: no spaCy. The HTML uses inline `style` attributes only (no
`<style>` block, no script), so it looks the same in JupyterLab, VS Code and
on code hosts that sanitise notebook outputs. Every piece of article text is
escaped, so an article cannot inject markup into the page showing it.

Quotes come as `Quote` records (from `quotes.extract`) or as rows of the
dataset (a DataFrame or mappings with `start`, `end`, `text`, `speaker`,
`cue`, ...), so one renderer serves both sides.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from html import escape
from typing import Any, Iterable, Mapping

import pandas as pd

# Pastel backgrounds that keep dark text readable; speakers take them in order of appearance.
PALETTE = (
    "#ffe08a", "#a8d8ff", "#c3f0b4", "#ffc2d1", "#d9c8ff",
    "#ffd3a8", "#b4f0e8", "#e8e8a0", "#f0c8f0", "#c8dcc0",
)
UNKNOWN_COLOUR = "#e4e4e4"
UNKNOWN_LABEL = "unknown speaker"

_LABEL_STYLE = (
    "font: 600 0.72em/1.2 system-ui, sans-serif; color: #222; padding: 0 0.35em; "
    "margin: 0 0.15em; border-radius: 0.3em; white-space: nowrap; vertical-align: 0.15em; "
    "background: {colour}; border: 1px solid rgba(0,0,0,0.25);"
)
_MARK_STYLE = "background: {colour}; color: inherit; padding: 0.05em 0; border-radius: 0.2em;"
_BODY_STYLE = "font: 1em/1.75 Georgia, 'Times New Roman', serif; white-space: pre-wrap; max-width: 46em;"


@dataclass(frozen=True, slots=True)
class Mark:
    """One quote to highlight: where it is and what its label says."""

    start: int
    end: int
    text: str
    speaker: str | None
    cue: str | None
    kind: str | None = None
    title: str | None = None
    confidence: float | None = None

    @property
    def label(self) -> str:
        """What the reader sees after the quote: `Joe Biden · said`."""
        return " · ".join(part for part in (self.speaker or UNKNOWN_LABEL, self.cue) if part)

    @property
    def tooltip(self) -> str:
        parts = [self.speaker or UNKNOWN_LABEL]
        if self.title:
            parts[0] += f" ({self.title})"
        parts += [p for p in (self.cue, self.kind) if p]
        if self.confidence is not None:
            parts.append(f"confidence {self.confidence:.2f}")
        return " · ".join(parts)


def _field(quote: Any, name: str) -> Any:
    """`quote.name` or `quote[name]`, with pandas' missing values and enums made plain."""
    value = quote.get(name) if isinstance(quote, Mapping) else getattr(quote, name, None)
    if isinstance(value, Enum):
        value = value.value
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return value


def _rows(quotes: Any) -> Iterable[Any]:
    if isinstance(quotes, pd.DataFrame):
        return quotes.to_dict("records")
    return quotes


def marks(text: str, quotes: Any) -> tuple[Mark, ...]:
    """The quotes as `Mark`s in reading order, checked against `text`.

    Raises:
        ValueError: a quote's offsets fall outside `text` or do not index its
            own text there (quotes of another version of the article), or two
            quotes cross without one holding the other.
    """
    if not isinstance(text, str):
        raise TypeError(f"the article text must be a str, not {type(text).__name__}")
    found: list[Mark] = []
    for number, quote in enumerate(_rows(quotes), 1):
        start, end = _field(quote, "start"), _field(quote, "end")
        if start is None or end is None:
            raise ValueError(f"quote {number} has no start/end offsets; pass Quote records or dataset rows")
        start, end = int(start), int(end)
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"quote {number} spans {start}:{end}, outside the article's {len(text)} characters")
        quoted = _field(quote, "text")
        if quoted is not None and text[start:end] != quoted:
            raise ValueError(
                f"quote {number} ({quoted[:40]!r}) is not at {start}:{end} of this article "
                f"(found {text[start:end][:40]!r}); were the quotes extracted from another version of it?"
            )
        confidence = _field(quote, "confidence")
        found.append(Mark(
            start, end, text[start:end], _field(quote, "speaker"), _field(quote, "cue"),
            _field(quote, "kind"), _field(quote, "title"),
            None if confidence is None else float(confidence),
        ))
    found.sort(key=lambda m: (m.start, -m.end))
    open_ends: list[int] = []
    for m in found:
        while open_ends and open_ends[-1] <= m.start:
            open_ends.pop()
        if open_ends and m.end > open_ends[-1]:
            raise ValueError(f"quotes cross at {m.start}:{m.end}; a quote may hold another but not half of it")
        open_ends.append(m.end)
    return tuple(found)


def speaker_colours(found: Iterable[Mark]) -> dict[str | None, str]:
    """One background per speaker, in order of first appearance; unknown is grey."""
    colours: dict[str | None, str] = {None: UNKNOWN_COLOUR}
    for m in found:
        if m.speaker not in colours:
            colours[m.speaker] = PALETTE[(len(colours) - 1) % len(PALETTE)]
    return colours


def _body(text: str, found: tuple[Mark, ...], colours: dict[str | None, str]) -> str:
    """The text with <mark> elements opened and closed at the quote offsets (nested quotes nest)."""
    out: list[str] = []
    stack: list[Mark] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            m = stack.pop()
            out.append(escape(text[pos:m.end]))
            pos = m.end
            colour = colours[m.speaker]
            out.append(
                f'</mark><span data-quote-label="" title="{escape(m.tooltip)}" '
                f'style="{_LABEL_STYLE.format(colour=colour)}">{escape(m.label)}</span>'
            )

    for m in found:
        close_until(m.start)
        out.append(escape(text[pos:m.start]))
        pos = m.start
        out.append(f'<mark title="{escape(m.tooltip)}" style="{_MARK_STYLE.format(colour=colours[m.speaker])}">')
        stack.append(m)
    close_until(len(text))
    out.append(escape(text[pos:]))
    return "".join(out)


def _legend(found: tuple[Mark, ...], colours: dict[str | None, str]) -> str:
    counts = Counter(m.speaker for m in found)
    items = [
        f'<span style="{_LABEL_STYLE.format(colour=colours[speaker])}">'
        f"{escape(speaker or UNKNOWN_LABEL)} ({count})</span>"
        for speaker, count in sorted(counts.items(), key=lambda item: (-item[1], item[0] or "~"))
    ]
    noun = "quote" if len(found) == 1 else "quotes"
    summary = f"{len(found)} {noun}, {len(counts)} speaker{'' if len(counts) == 1 else 's'}"
    return (
        '<div data-quote-legend="" style="font: 0.9em/2 system-ui, sans-serif; margin: 0.4em 0 0.8em;">'
        f"{summary}: {' '.join(items)}</div>"
    )


def article_html(text: str, quotes: Any, title: str | None = None) -> str:
    """The article as one self-contained HTML fragment with its quotes highlighted.

    Args:
        text: the article text the quote offsets index.
        quotes: `Quote` records, or dataset rows (a DataFrame or mappings).
        title: an optional heading shown above the article.

    Returns:
        A `<div>` with a legend of speakers and the text, each quote in a
        `<mark>` followed by a label naming its speaker and cue.
    """
    return ArticleView(text, quotes, title=title).html


class ArticleView:
    """An article and its quotes, shown highlighted when a notebook cell ends with it.

    Example::

        ArticleView(article.text, quotes.extract(article.text))
    """

    def __init__(self, text: str, quotes: Any, title: str | None = None) -> None:
        self.text = text
        self.title = title
        self.marks = marks(text, quotes)

    def __repr__(self) -> str:
        return f"ArticleView({len(self.text)} characters, {len(self.marks)} quotes)"

    @property
    def html(self) -> str:
        colours = speaker_colours(self.marks)
        heading = (
            f'<h3 style="font-family: Georgia, serif; margin: 0.2em 0;">{escape(self.title)}</h3>'
            if self.title else ""
        )
        return (
            f'<div class="quotes-article">{heading}{_legend(self.marks, colours)}'
            f'<div style="{_BODY_STYLE}">{_body(self.text, self.marks, colours)}</div></div>'
        )

    def _repr_html_(self) -> str:
        return self.html

    def table(self) -> pd.DataFrame:
        """The same quotes, one row each in reading order."""
        columns = ["start", "end", "speaker", "cue", "kind", "confidence", "text"]
        return pd.DataFrame([{c: getattr(m, c) for c in columns} for m in self.marks], columns=columns)
