"""Article loading: every format, exact offsets, and bad input that never stops a batch."""
from __future__ import annotations

import json
import logging

import pytest

from conftest import SEEDS, SEEDS_GOLD
from quotes.articles import LoadError, load_articles


def load(*paths):
    errors: list[LoadError] = []
    articles = list(load_articles(paths, on_error=errors.append))
    return articles, errors


def test_txt_headline_id_and_text_as_given(tmp_path):
    raw = "\ufeff\n  Biden calls talks ‘a work in progress’  \r\n\r\n“It’s a work in progress,” he said.\r\n"
    path = tmp_path / "story-42.txt"
    path.write_bytes(raw.encode("utf-8"))
    (article,), errors = load(path)
    assert errors == []
    assert article.id == "story-42"
    assert article.title == "Biden calls talks ‘a work in progress’"
    assert article.text == raw[1:]  # the byte-order mark is not text; everything else is kept
    start = article.text.index("It’s")
    assert article.text[start:start + 24] == "It’s a work in progress,"


def test_seed_folder_matches_gold_offsets():
    articles, errors = load(SEEDS)
    assert errors == []
    gold = {d["doc_id"]: d for d in map(json.loads, SEEDS_GOLD.read_text(encoding="utf-8").splitlines())}
    assert [a.id for a in articles] == sorted(gold)
    for article in articles:
        assert article.text == gold[article.id]["text"]
        for quote in gold[article.id]["quotes"]:
            assert article.text[quote["start"]:quote["end"]] == quote["quote"]


def test_gold_jsonl_files_load_as_they_are(shared_dir):
    for path, count in ((shared_dir / "eval" / "polnear_dev.jsonl", 84), (shared_dir / "seeds" / "seeds_gold.jsonl", 2)):
        articles, errors = load(path)
        assert errors == [] and len(articles) == count
        first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        assert articles[0].id == first["doc_id"] and articles[0].text == first["text"]


def test_jsonl_broken_line_is_reported_and_the_rest_loaded(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"id": "a", "text": "First.", "title": "A", "url": "https://x.test/a", "published": "2024-05-13", "outlet": "X"}\n'
        '{"id": "b", "text": "Second.\n'  # cut off mid-record
        "\n"
        '{"doc_id": 7, "text": "Third."}\n'
        '["not", "an", "object"]\n'
        '{"id": "d", "title": "no text"}\n',
        encoding="utf-8",
    )
    articles, errors = load(path)
    assert [(a.id, a.text) for a in articles] == [("a", "First."), ("7", "Third.")]
    assert (articles[0].url, articles[0].published, articles[0].outlet) == ("https://x.test/a", "2024-05-13", "X")
    assert [e.line for e in errors] == [2, 5, 6]
    assert str(errors[0]).startswith(f"{path}:2: broken JSON")
    assert "no `text` field" in str(errors[2])


def test_csv_with_multiline_text(tmp_path):
    path = tmp_path / "batch.csv"
    path.write_text(
        'id,title,text,published\n'
        'c1,Talks,"Talks go on.\n\n“We will keep at it,” Blinken said.",2024-02-07\n'
        'c2,Empty,,2024-02-08\n',
        encoding="utf-8",
    )
    articles, errors = load(path)
    assert [a.id for a in articles] == ["c1"]
    assert articles[0].text == "Talks go on.\n\n“We will keep at it,” Blinken said."
    assert articles[0].published == "2024-02-07"
    assert len(errors) == 1 and errors[0].line == 5  # the physical line the row ends on


def test_csv_without_text_column_is_one_error(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    articles, errors = load(path, SEEDS)
    assert len(articles) == 2  # the seeds after it still load
    assert [str(e) for e in errors] == [f"{path}: CSV has no `text` column (columns: id, body)"]


def test_cp1252_is_decoded_with_a_warning(tmp_path, caplog):
    path = tmp_path / "old.txt"
    path.write_bytes("Headline\n\n\u201cWe won,\u201d she said.".encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="quotes.articles"):
        (article,), errors = load(path)
    assert errors == []
    assert "“We won,” she said." in article.text
    assert "decoded as cp1252" in caplog.text


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\n \t\n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type .docx"),
        ("nothing.jsonl", b"\n\n", "no articles in file"),
    ],
)
def test_bad_files_are_skipped_with_a_reason(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    articles, errors = load(path, SEEDS)
    assert len(articles) == 2
    assert len(errors) == 1 and errors[0].source == str(path) and message in errors[0].message


def test_missing_and_unreadable_paths(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text("Headline\n\nText.", encoding="utf-8")
    real_read = type(locked).read_bytes

    def read_bytes(self):
        if self == locked:  # as for a file we have no permission to read (tests may run as root)
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(type(locked), "read_bytes", read_bytes)
    articles, errors = load(tmp_path / "nope.txt", locked, SEEDS)
    assert len(articles) == 2
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'nope.txt'}: no such file or folder",
        f"{locked}: cannot read: Permission denied",
    ]


def test_loading_is_lazy_and_errors_are_logged_by_default(tmp_path, caplog):
    generator = load_articles([tmp_path / "nope.txt"])
    assert caplog.text == ""  # nothing happens before iteration
    with caplog.at_level(logging.ERROR, logger="quotes.articles"):
        assert list(generator) == []
    assert "no such file or folder" in caplog.text
