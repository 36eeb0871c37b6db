"""The article renderer: every quote highlighted and labelled, every character escaped, offsets exact."""
from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given, strategies as st

from quotes.render import ArticleView, article_html

from conftest import SEEDS


class Rendered(HTMLParser):
    """What a browser would show: the article text, the text of each <mark>, the labels."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.body: list[str] = []  # article text, labels and legend left out
        self.marks: list[str] = []  # text inside each <mark>, in order of opening
        self.labels: list[str] = []
        self._open: list[int] = []  # indexes in self.marks of the marks we are inside
        self._skip: list[str] = []  # tags of label/legend/heading elements we are inside
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if self._skip or "data-quote-label" in names or "data-quote-legend" in names or tag == "h3":
            self._skip.append(tag)
            if "data-quote-label" in names:
                self.labels.append("")
        elif tag == "mark":
            self._open.append(len(self.marks))
            self.marks.append("")

    def handle_endtag(self, tag):
        if self._skip:
            self._skip.pop()
        elif tag == "mark":
            self._open.pop()

    def handle_data(self, data):
        if self._skip:
            if self.labels and len(self._skip) == 1:
                self.labels[-1] += data
            return
        self.body.append(data)
        for index in self._open:
            self.marks[index] += data


@pytest.fixture(scope="module")
def seed_000(nlp):
    from quotes import extract, load_articles

    article = next(load_articles(sorted(SEEDS.glob("000_*.txt"))))
    return article, extract(article.text, article.title)


def test_seed_000_every_quote_highlighted_and_labelled(seed_000):
    article, found = seed_000
    page = Rendered(article_html(article.text, found))
    assert "".join(page.body) == article.text
    assert page.marks == [q.text for q in sorted(found, key=lambda q: (q.start, -q.end))]
    assert "Joe Biden · said" in page.labels
    assert sum(label.startswith("Joe Biden ·") for label in page.labels) >= 6
    for label, quote in zip(page.labels, sorted(found, key=lambda q: q.start)):
        assert label == " · ".join(p for p in (quote.speaker or "unknown speaker", quote.cue) if p)


def test_seed_000_dataset_rows_render_like_records(seed_000):
    article, found = seed_000
    rows = pd.DataFrame([q.to_dict() for q in found])
    assert article_html(article.text, rows) == article_html(article.text, found)
    view = ArticleView(article.text, rows[rows["speaker"] == "Joe Biden"])
    assert view._repr_html_() == view.html
    assert set(view.table()["speaker"]) == {"Joe Biden"}
    assert "a work in progress" in list(view.table()["text"])


def test_markup_in_the_article_is_escaped():
    text = 'Headline <b>bold</b>\n\n"<script>alert(1)</script> & more," said Tom "O\'Neil" <Smith>.'
    start = text.index("<script>")
    quote = {"start": start, "end": text.index('," said'), "speaker": "Tom <O'Neil>", "cue": 'said "loudly"'}
    html = article_html(text, [quote], title="A & B <i>")
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html and "<O'Neil>" not in html
    page = Rendered(html)
    assert "".join(page.body) == text
    assert page.marks == ["<script>alert(1)</script> & more"]
    assert page.labels == ['Tom <O\'Neil> · said "loudly"']


def test_nested_quotes_nest():
    text = 'He said "she told me \'no way\' twice" today.'
    outer = {"start": text.index("she"), "end": text.index('" today'), "speaker": "Al", "cue": "said"}
    inner = {"start": text.index("no way"), "end": text.index("' twice"), "speaker": "Bo", "cue": "told"}
    page = Rendered(article_html(text, [inner, outer]))
    assert "".join(page.body) == text
    assert page.marks == ["she told me 'no way' twice", "no way"]  # the inner label is not quoted text
    assert page.labels == ["Bo · told", "Al · said"]


@pytest.mark.parametrize("quote, message", [
    ({"start": 5, "end": 99}, "outside the article"),
    ({"start": -1, "end": 3}, "outside the article"),
    ({"start": 0, "end": 4, "text": "nope"}, "another version"),
    ({"speaker": "Al"}, "no start/end"),
])
def test_bad_quotes_are_refused_with_a_reason(quote, message):
    with pytest.raises(ValueError, match=message):
        article_html("A short article.", [quote])


def test_crossing_quotes_are_refused():
    with pytest.raises(ValueError, match="cross"):
        article_html("abcdefghij", [{"start": 0, "end": 5}, {"start": 3, "end": 8}])


def test_text_must_be_a_string():
    with pytest.raises(TypeError, match="must be a str"):
        article_html(b"bytes", [])


@st.composite
def articles_with_quotes(draw):
    text = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2])]  # disjoint, maybe touching or empty
    speakers = draw(st.lists(st.one_of(st.none(), st.text(max_size=12)), min_size=len(spans), max_size=len(spans)))
    return text, [{"start": a, "end": b, "text": text[a:b], "speaker": s, "cue": "said"} for (a, b), s in zip(spans, speakers)]


@given(articles_with_quotes())
def test_any_text_comes_back_exactly(case):
    text, found = case
    page = Rendered(article_html(text, found))
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")  # as an HTML parser reads newlines
    assert "".join(page.body).replace("\r\n", "\n").replace("\r", "\n") == normalised
    assert page.marks == [q["text"] for q in sorted(found, key=lambda q: (q["start"], -q["end"]))]
    assert len(page.labels) == len(found)


def test_rendering_loads_no_language_model():
    code = (
        "import sys, quotes\n"
        "html = quotes.article_html('He said \"yes.\"', [{'start': 9, 'end': 13, 'speaker': 'Al', 'cue': 'said'}])\n"
        "assert isinstance(quotes.ArticleView('x', []), quotes.render.ArticleView) and '<mark' in html\n"
        "print('spacy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
