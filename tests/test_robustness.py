"""Robustness, the fast part: fuzzed text, malformed inputs, one kill -9, an abused service.

benchmarks/robustness.py runs the same checks at scale (10,000 documents, kill -9
several times in a row) and prints the figures.
"""
from __future__ import annotations

import json
import random
import re

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from robustness_cases import (
    MARKS, abusive_requests, corpus, documents, enormous_paragraph, error_names, extract_cli, kill_extract_at,
    lost_and_duplicated, mutate, quote_rows, seed_texts, send, violations, write_malformed,
)
from quotes.articles import MAX_TEXT_CHARS
from quotes.cli import main
from quotes.dataset import open_dataset
from quotes.pipeline import extract, extract_articles
from quotes.records import Article


# --- fuzzing: the extractor never raises, and its offsets always hold ------------------


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents)
def test_fuzzed_documents(nlp, text):
    assert violations(text, extract(text)) == []


@pytest.mark.parametrize("seed", range(4))
def test_mutated_seed_articles(nlp, seed):
    rng = random.Random(seed)
    texts = [mutate(rng.choice(seed_texts()), rng) for _ in range(25)]
    for text in texts:
        assert violations(text, extract(text)) == [], text


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\t\r\n", "\u00a0\u3000\u2028", "\x00", "\ufeff",
    *(mark * n for mark in MARKS for n in (1, 3)),
    "“" * 300 + " said Bob.", "”" * 300, "“We will,” “never,” “stop" * 20, "He said \"",
    "“Hi \ud800 there,” said Bob Smith.",  # a lone surrogate: not Unicode text, yet no exception
])
def test_edge_texts(nlp, text):
    assert violations(text, extract(text)) == []


def test_enormous_paragraph(nlp):
    text = enormous_paragraph(random.Random(1), 20_000)
    quotes = extract(text)
    assert quotes and violations(text, quotes) == []


# --- malformed inputs: one line each, the rest processed, counted in the summary -------------


def test_every_malformed_kind_is_named_and_the_batch_goes_on(tmp_path, capsys, caplog, nlp):
    cases = write_malformed(tmp_path / "in")
    good = tmp_path / "in" / "good.txt"
    good.write_text(seed_texts()[1], encoding="utf-8")
    code = main(["extract", str(tmp_path / "in"), str(tmp_path / "in" / "notes.pdf"), "--out", str(tmp_path / "d")])
    out, _ = capsys.readouterr()
    refused = [c for c in cases if c.refused]
    assert code == 1
    assert re.search(rf"skipped inputs\s+{len(refused)}\n", out)
    lines = out.splitlines()
    for case in refused:
        named = [line for line in lines if error_names(line, case)]
        assert len(named) == 1, (case.kind, out)
    assert "too long: 10,485,760 characters" in out and f"limit of {MAX_TEXT_CHARS:,}" in out
    stored = set(open_dataset(tmp_path / "d").articles()["article_id"])
    assert stored == {"good", "latin", "ok-1", "ok-2", "ok-3", "ok-4", "ok-5", "sur", "c1"}
    warned = " ".join(r.getMessage() for r in caplog.records)
    assert "latin.txt: not valid UTF-8" in warned and "surrogate.jsonl:1: lone surrogate" in warned


def test_an_article_the_extractor_fails_on_is_skipped_not_the_batch(tmp_path, capsys, nlp):
    """A component that raises stands in for an extractor bug: the other articles are still stored."""
    from spacy.language import Language

    @Language.component("robustness_boom")
    def boom(doc):
        if "BOOM" in doc.text:
            raise RuntimeError("boom")
        return doc

    texts = seed_texts()
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": text}) for i, text in enumerate([texts[0], "BOOM " + texts[1], texts[1]])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    nlp.add_pipe("robustness_boom", last=True)
    try:
        errors = []
        pairs = list(extract_articles([Article("x", "BOOM"), Article("y", texts[0])], on_error=errors.append))
        assert [a.id for a, _ in pairs] == ["y"] and len(errors) == 1 and "RuntimeError: boom" in str(errors[0])
        code = main(["extract", str(path), "--out", str(tmp_path / "d")])
    finally:
        nlp.remove_pipe("robustness_boom")
    out, _ = capsys.readouterr()
    assert code == 1 and re.search(r"skipped inputs\s+1\n", out)
    assert f"{path}:2: the extractor failed on this article (RuntimeError: boom)" in out
    assert sorted(open_dataset(tmp_path / "d").articles()["article_id"]) == ["a0", "a2"]


def test_articles_over_the_limit_are_refused_by_extract_articles_too(nlp):
    errors = []
    pairs = list(extract_articles([Article("big", "a " * (nlp.max_length // 2 + 1)), Article("ok", "“Yes,” said Ann.")], on_error=errors.append))
    assert [a.id for a, _ in pairs] == ["ok"]
    assert "article too long" in str(errors[0]) and "article big" in str(errors[0])


# --- kill -9 of `quotes extract`, then a re-run: nothing lost, nothing twice ---------------


def test_kill_9_then_rerun_matches_a_clean_run(tmp_path, nlp):
    rng = random.Random(9)
    data = corpus(tmp_path / "in", 60, rng)
    assert main(["extract", str(data), "--out", str(tmp_path / "clean"), "--quiet"]) == 0
    clean = quote_rows(tmp_path / "clean")
    assert kill_extract_at([data], tmp_path / "d", rng.uniform(2.0, 5.0)) is None, "finished before the kill"
    rerun = extract_cli([data], tmp_path / "d")
    assert rerun.returncode == 0, rerun.stderr
    assert lost_and_duplicated(clean, quote_rows(tmp_path / "d")) == (0, 0)
    assert len(clean) > 50


# --- the service: malformed, oversized, wrong-method, deep-offset requests; no 5xx ---------


def test_abused_service_never_answers_5xx(seed_dataset, nlp):
    from quotes.service import create_app

    client = TestClient(create_app(seed_dataset, max_body_bytes=100_000), raise_server_exceptions=False)
    answers = [(send(client, *request), request[:2]) for request in abusive_requests(random.Random(3), 150, 100_000)]
    assert [a for a in answers if a[0] >= 500] == []
    assert {status for status, _ in answers} >= {200, 400, 404, 405, 413, 422}
