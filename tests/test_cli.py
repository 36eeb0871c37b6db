"""The `quotes` command end to end: extract the seeds, look people up, fail clearly."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import REPO, SEEDS, SEEDS_GOLD
from quotes.cli import main
from quotes.dataset import open_dataset
from quotes.ingest import ingest
from quotes.records import Article


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def seed_data(tmp_path_factory, nlp):
    """`quotes extract seeds/ --out D`, once for the module."""
    path = tmp_path_factory.mktemp("cli") / "quotes"
    assert main(["extract", str(SEEDS), "--out", str(path), "--quiet"]) == 0
    return path


@pytest.fixture
def small_data(tmp_path, make_quote):
    """A dataset written without the extractor, for the look-up commands."""
    path = tmp_path / "quotes"
    article = Article("a1", "…", title="Blinken in Israel", url="https://news.test/a1", published="2024-02-07")
    ingest([(article, [
        make_quote("there is a lot of work to be done", "Antony Blinken", title="Secretary of State"),
        make_quote("We will work at that relentlessly", "Blinken", start=100),
        make_quote("total victory", "Benjamin Netanyahu", start=200),
    ])], path)
    return path


# --- the done-when of issue 3 (they hold once the extractor attributes the seeds right) ---


def test_who_biden_returns_his_eight_seed_quotes(capsys, seed_data):
    code, out, _ = run(capsys, "who", "Biden", "--data", seed_data, "--format", "json")
    quotes = json.loads(out)
    assert code == 0
    assert {q["speaker"] for q in quotes} == {"Joe Biden"}
    assert [q["article_id"] for q in quotes].count("000_d704981dea4d9aae") == 6
    assert [q["article_id"] for q in quotes].count("001_b6b77384923e3507") == 2
    assert len(quotes) == 8
    assert all(q["article_title"] and q["quote_id"] for q in quotes)
    gold = [q for line in SEEDS_GOLD.read_text(encoding="utf-8").splitlines() for q in json.loads(line)["quotes"]]
    assert sorted(q["text"] for q in quotes) == sorted(q["quote"] for q in gold if q["speaker_resolved"] == "Joe Biden")


def test_who_antony_blinken_returns_his_three(capsys, seed_data):
    code, out, _ = run(capsys, "who", "Antony Blinken", "--data", seed_data, "--format", "json")
    assert code == 0
    assert [q["speaker"] for q in json.loads(out)] == ["Antony Blinken"] * 3


def test_extracting_again_changes_no_table(capsys, seed_data):
    before = open_dataset(seed_data).manifest["counts"]
    code, out, _ = run(capsys, "extract", SEEDS, "--out", seed_data)
    assert code == 0
    assert re.search(r"unchanged, not re-extracted\s+2", out) and re.search(r"quotes added\s+0", out)
    data = open_dataset(seed_data)
    assert data.manifest["counts"] == before
    assert (len(data.articles()), len(data.speakers())) == (before["articles"], before["speakers"])


def test_force_extracts_again_and_replaces_in_place(capsys, seed_data):
    before = open_dataset(seed_data).manifest["counts"]
    code, out, _ = run(capsys, "extract", SEEDS, "--out", seed_data, "--force")
    assert code == 0 and re.search(r"replaced \(text changed, or --force\)\s+2", out)
    assert open_dataset(seed_data).manifest["counts"] == before


def test_extract_lists_a_small_run(capsys, seed_data):
    code, out, _ = run(capsys, "extract", SEEDS, "--out", seed_data)
    assert "000_d704981dea4d9aae  Israeli-Palestinian ceasefire negotiations are ‘a work in progress,’ Biden says" in out
    assert re.search(r"Joe Biden\s+← “a work in progress,”", out)


# --- extract: bad input ------------------------------------------------------


def test_extract_skips_bad_inputs_reports_them_and_writes_the_rest(capsys, tmp_path, nlp):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "ok", "text": "“We won,” said Jane Doe."}\n{"id": "bad", "text": \n', encoding="utf-8")
    out_dir = tmp_path / "d"
    code, out, err = run(capsys, "extract", broken, tmp_path / "missing.txt", "--out", out_dir)
    assert code == 1
    assert re.search(r"skipped inputs\s+2", out)
    assert f"{broken}:2: broken JSON" in out and f"{tmp_path / 'missing.txt'}: no such file or folder" in out
    assert open_dataset(out_dir).articles()["article_id"].tolist() == ["ok"]


def test_extract_with_nothing_readable_writes_nothing(capsys, tmp_path):
    code, out, _ = run(capsys, "extract", tmp_path / "missing.txt", "--out", tmp_path / "d", "--quiet")
    assert code == 1
    assert not (tmp_path / "d" / "CURRENT").exists()


# --- who / speakers ----------------------------------------------------------


def test_who_table_and_csv(capsys, small_data):
    code, out, _ = run(capsys, "who", "blinken", "--data", small_data)
    assert code == 0
    assert out.splitlines()[:3] == ["Antony Blinken: 2 quotes in 1 article", "", "2024-02-07  a1  Blinken in Israel"]
    assert "  “there is a lot of work to be done”" in out
    code, out, _ = run(capsys, "who", "ANTONY BLINKEN", "--data", small_data, "--format", "csv")
    assert out.splitlines()[0].startswith("speaker,text,article_id,article_title,url,published_date")
    assert len(out.splitlines()) == 3


def test_who_dates(capsys, small_data):
    assert json.loads(run(capsys, "who", "Blinken", "--data", small_data, "--since", "2024-02-07", "--format", "json")[1])
    assert json.loads(run(capsys, "who", "Blinken", "--data", small_data, "--until", "2024-02-06", "--format", "json")[1]) == []
    with pytest.raises(SystemExit) as exit_info:
        main(["who", "Blinken", "--data", str(small_data), "--since", "last week"])
    assert exit_info.value.code == 2
    assert "'last week' is not a date like 2024-05-13" in capsys.readouterr().err


def test_who_without_a_match_suggests_and_fails(capsys, small_data):
    code, out, err = run(capsys, "who", "Antony Blinkin", "--data", small_data)
    assert code == 1 and out == ""
    assert err.strip() == f"quotes: no speaker called 'Antony Blinkin' in {small_data}; did you mean Antony Blinken?"


def test_missing_dataset_is_one_line_and_exit_2(capsys, tmp_path):
    for argv in (["who", "Biden"], ["speakers"]):
        code, out, err = run(capsys, *argv, "--data", tmp_path / "none")
        assert code == 2
        assert err == f"quotes: error: no quotes dataset at {tmp_path / 'none'}; create one with `quotes extract ARTICLES... --out {tmp_path / 'none'}`\n"


def test_speakers_formats(capsys, small_data):
    code, out, _ = run(capsys, "speakers", "--data", small_data)
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["speaker", "kind", "quotes", "articles", "aliases"]
    assert lines[1].split() == ["Antony", "Blinken", "person", "2", "1", "Blinken"]
    speakers = json.loads(run(capsys, "speakers", "--data", small_data, "--format", "json")[1])
    assert [(s["speaker"], s["quote_count"], s["titles"]) for s in speakers] == [
        ("Antony Blinken", 2, ["Secretary of State"]), ("Benjamin Netanyahu", 1, []),
    ]


def test_look_ups_do_not_load_spacy(small_data):
    probe = (
        "import sys; from quotes.cli import main; "
        f"code = main(['who', 'Blinken', '--data', {str(small_data)!r}]); "
        "assert 'spacy' not in sys.modules, 'spaCy was imported'; sys.exit(code)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "Antony Blinken" in done.stdout


def test_eval_prints_one_metric_a_line(capsys, tmp_path, nlp):
    predictions = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "eval", SEEDS_GOLD, "--predictions", predictions)
    assert code == 0
    metrics = dict(line.split("=", 1) for line in out.splitlines())
    for key in ("quote_precision", "quote_recall", "quote_f1", "speaker_accuracy", "e2e_f1"):
        assert re.fullmatch(r"\d\.\d{3}", metrics[key]), key
    assert {json.loads(line)["doc_id"] for line in predictions.read_text(encoding="utf-8").splitlines()} == {
        "000_d704981dea4d9aae", "001_b6b77384923e3507",
    }
    assert run(capsys, "eval", tmp_path / "none.jsonl")[0] == 2
