"""Fact-checking: the done-when of issue 4 on the seeds, matching people expect, and the word index."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO
from quotes.cli import main
from quotes.dataset import open_dataset
from quotes.errors import IndexMissing, UnknownSpeaker
from quotes.factcheck import CLOSE_SCORE, Verdict, compare, parse_claim
from quotes import wordindex
from quotes.ingest import ingest
from quotes.records import Article

BLINKEN_WORDS = "We will work at that relentlessly until we get there,"


def check_cli(capsys, data, claim, speaker=None) -> dict:
    argv = ["check", claim, "--data", str(data), "--format", "json"] + (["--speaker", speaker] if speaker else [])
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


@pytest.fixture(scope="module")
def seeds(seed_dataset):
    return open_dataset(seed_dataset)


# --- the done-when of issue 4 -------------------------------------------------------


def test_total_victory_is_netanyahus(capsys, seed_dataset):
    verdict = check_cli(capsys, seed_dataset, "total victory", "Netanyahu")
    assert verdict["verdict"] == "attributed"
    assert verdict["speaker"] == "Benjamin Netanyahu"
    best = verdict["evidence"][0]
    assert (best["speaker"], best["article_id"], best["match"]) == ("Benjamin Netanyahu", "001_b6b77384923e3507", "exact")


def test_total_victory_pinned_on_biden_is_misattributed(capsys, seed_dataset):
    verdict = check_cli(capsys, seed_dataset, "Israel will see total victory", "Joe Biden")
    assert verdict["verdict"] == "misattributed"
    assert verdict["said_by"] == ["Benjamin Netanyahu"]
    assert verdict["evidence"][0]["match"] == "longer_claim"
    assert "total victory" in verdict["differences"] and "israel will see" in verdict["differences"]


def test_blinken_fragment_is_attributed(capsys, seed_dataset):
    verdict = check_cli(capsys, seed_dataset, "We will work at that relentlessly", "Blinken")
    assert verdict["verdict"] == "attributed"
    best = verdict["evidence"][0]
    assert best["match"] == "fragment" and best["quote"] == BLINKEN_WORDS
    assert best["speaker"] == "Antony Blinken" and best["score"] == 100.0


def test_work_in_progress_shows_the_real_words(capsys, seed_dataset):
    verdict = check_cli(capsys, seed_dataset, "It is a work in progress right now", "Biden")
    assert verdict["verdict"] in ("attributed", "altered")
    assert verdict["evidence"][0]["quote"] == "It’s a work in progress right now."
    assert verdict["evidence"][0]["speaker"] == "Joe Biden"
    if verdict["verdict"] == "altered":
        assert verdict["closest_by_speaker"][0]["quote"] == "It’s a work in progress right now."
        assert "it is" in verdict["differences"] and "it's" in verdict["differences"]


def test_words_biden_never_said_are_not_found(capsys, seed_dataset):
    verdict = check_cli(capsys, seed_dataset, "we will never negotiate with terrorists", "Biden")
    assert verdict["verdict"] == "not_found"
    assert verdict["evidence"] == [] and verdict["said_by"] == []


# --- matching that people expect ------------------------------------------------------


@pytest.mark.parametrize(
    "claim, speaker, verdict, match",
    [
        ("It’s a work in progress", "Biden", "attributed", "fragment"),  # curly apostrophe
        ("It's a work in progress", "Biden", "attributed", "fragment"),  # straight apostrophe
        ("“We will work at that relentlessly until we get there”", "Blinken", "attributed", "exact"),  # curly marks
        ('"We will work at that relentlessly until we get there."', "Blinken", "attributed", "exact"),  # straight marks
        ("WE WILL WORK AT THAT RELENTLESSLY UNTIL WE GET THERE", "Blinken", "attributed", "exact"),  # case
        ("We will work -- at that, relentlessly; until we get there!", "Blinken", "attributed", "exact"),  # punctuation
        ("We   will work at that\nrelentlessly until we get there", "Blinken", "attributed", "exact"),  # whitespace
        ("We will ... get there", "Blinken", "attributed", "fragment"),  # ellipsis
        ("We will … until we get there", "Blinken", "attributed", "fragment"),  # one-character ellipsis
        ("We will work [...] get there", "Blinken", "attributed", "fragment"),  # bracketed ellipsis
        ("a lot of work", "Blinken", "attributed", "fragment"),  # short claim inside a longer quote
        ("We will work at that relentlessly until we get there", "Antony Blinken", "attributed", "exact"),
        ("We will work at that relentlessly until we get there", "antony blinken", "attributed", "exact"),
        ("We will work at that relentlessly until we get there", "Secretary of State Antony Blinken", "attributed", "exact"),
        ("We will work at that relentlessly until we get there", "Secretary Blinken", "attributed", "exact"),
        ("It’s a work in progress right now", "President Biden", "attributed", "exact"),
        ("It’s a work in progress right now", "President Joe Biden", "attributed", "exact"),
        ("We will work at that tirelessly until we get there", "Blinken", "altered", "fuzzy"),  # one word changed
        ("We will work at that relentlessly until we get there", "Biden", "misattributed", "exact"),
        ("total victory", None, "found", "exact"),
    ],
)
def test_matching(seeds, claim, speaker, verdict, match):
    result = seeds.check(claim, speaker)
    assert result.verdict == verdict
    assert result.evidence[0].match == match


def test_ellipsis_keeps_the_order_of_the_words(seeds):
    assert seeds.check("get there ... We will", "Blinken").verdict != "attributed"


def test_altered_says_what_differs_and_shows_the_real_words(seeds):
    result = seeds.check("We will work at that tirelessly until we get there", "Blinken")
    assert result.verdict == "altered"
    assert result.closest_by_speaker[0].quote == BLINKEN_WORDS
    assert result.differences == "claim has “tirelessly” where the quote has “relentlessly”"
    assert CLOSE_SCORE <= result.evidence[0].score < 100


def test_without_a_speaker_the_verdict_says_who(seeds):
    result = seeds.check("there is a lot of work to be done")
    assert result.verdict == "found" and result.speaker is None
    assert result.said_by == ["Antony Blinken"]
    assert result.closest_by_speaker == []


def test_evidence_carries_its_source(seeds):
    evidence = seeds.check("total victory", "Netanyahu").evidence[0]
    assert evidence.quote_id and evidence.speaker_key == "benjamin netanyahu"
    assert evidence.cue and evidence.title.startswith("Israel-Hamas War")
    assert "total victory" in evidence.sentence


def test_verdict_is_plain_json(seeds):
    result = seeds.check("Israel will see total victory", "Joe Biden")
    assert isinstance(result, Verdict)
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data) == {"verdict", "claim", "speaker", "said_by", "evidence", "closest_by_speaker", "differences"}
    assert data["evidence"][0]["speaker"] == "Benjamin Netanyahu"


def test_a_short_near_miss_is_not_a_match(seeds):
    assert seeds.check("total victor", "Netanyahu").verdict == "not_found"


# --- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize("claim", ["", "   ", "...", "“ ”", "— … —"])
def test_a_claim_without_words_is_refused(seeds, claim):
    with pytest.raises(ValueError, match="claim"):
        seeds.check(claim, "Biden")


def test_an_unknown_speaker_is_refused_with_suggestions(seeds):
    with pytest.raises(UnknownSpeaker) as caught:
        seeds.check("total victory", "Joe Bidden")
    assert caught.value.name == "Joe Bidden"
    assert "Joe Biden" in caught.value.suggestions


def test_a_name_behind_a_title_is_not_guessed(seeds):
    with pytest.raises(UnknownSpeaker):
        seeds.check("total victory", "Hunter Biden")


def test_cli_errors(capsys, seed_dataset, tmp_path):
    assert main(["check", "total victory", "--speaker", "Bidden", "--data", str(seed_dataset)]) == 1
    assert "did you mean Joe Biden" in capsys.readouterr().err
    assert main(["check", " ... ", "--data", str(seed_dataset)]) == 2
    assert "no words" in capsys.readouterr().err
    assert main(["check", "total victory", "--data", str(tmp_path / "none")]) == 2
    assert "quotes extract" in capsys.readouterr().err


def test_cli_table(capsys, seed_dataset):
    assert main(["check", "Israel will see total victory", "--speaker", "Biden", "--data", str(seed_dataset)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("misattributed: said by Benjamin Netanyahu, not by Joe Biden")
    assert "001_b6b77384923e3507" in out and "longer_claim" in out


def test_check_loads_no_language_model(seed_dataset):
    code = (
        "import sys, quotes; d = quotes.open_dataset(sys.argv[1]); "
        "assert d.check('total victory', 'Netanyahu').verdict == 'attributed'; "
        "assert 'spacy' not in sys.modules, 'spacy was imported'"
    )
    subprocess.run([sys.executable, "-c", code, str(seed_dataset)], check=True, cwd=REPO)


# --- the claimed speaker said something close, someone else said the words ---------------


@pytest.fixture
def close_calls(tmp_path, make_quote):
    path = tmp_path / "quotes"
    (tmp_path / "quotes").mkdir()
    (path / "aliases.csv").write_text("Tony Blinken,Antony Blinken\n", encoding="utf-8")
    article = Article("b1", "…", title="Red Sea strikes", url="https://news.test/b1", published="2024-01-12")
    ingest([(article, [
        make_quote("We will not tolerate attacks on our troops", "Joe Biden", title="President"),
        make_quote("We will not tolerate attacks on our sailors in the Red Sea", "Lloyd Austin", start=100),
        make_quote("there is a lot of work to be done", "Antony Blinken", start=200),
    ])], path)
    return path


def test_misattributed_shows_what_the_claimed_speaker_said(close_calls):
    result = open_dataset(close_calls).check("We will not tolerate attacks on our sailors in the Red Sea", "Biden")
    assert result.verdict == "misattributed"
    assert result.said_by == ["Lloyd Austin"]
    assert result.evidence[0].match == "exact" and result.evidence[0].url == "https://news.test/b1"
    assert result.evidence[0].published == "2024-01-12"
    assert [e.quote for e in result.closest_by_speaker] == ["We will not tolerate attacks on our troops"]


def test_a_user_alias_names_the_speaker(close_calls):
    result = open_dataset(close_calls).check("a lot of work to be done", "Tony Blinken")
    assert (result.verdict, result.speaker) == ("attributed", "Antony Blinken")


# --- the word index ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words",
    [
        ("“It’s a work in progress right now.”", ["it's", "a", "work", "in", "progress", "right", "now"]),
        ("José Álvarez-Díaz", ["jose", "alvarez", "diaz"]),
        ("‘quoted’ 'single' (123.4)", ["quoted", "single", "123", "4"]),
        ("", []),
        ("... — …", []),
    ],
)
def test_normalise(text, words):
    assert wordindex.words(text) == words


def test_compare_kinds():
    claim = parse_claim("total victory")
    assert compare(claim, ["total", "victory"]).match == "exact"
    assert compare(claim, ["we", "want", "total", "victory", "now"]).match == "fragment"
    longer = compare(parse_claim("Israel will see total victory"), ["total", "victory"])
    assert (longer.match, longer.score) == ("longer_claim", 40.0)
    # a lone quoted word inside a long claim proves nothing about the rest
    assert compare(parse_claim("Israel will see total victory"), ["victory"]).match == "fuzzy"


def test_index_is_built_with_each_version_and_finds_new_words(close_calls, make_quote):
    data = open_dataset(close_calls)
    assert (data.version / wordindex.DIRNAME / wordindex.POSTINGS).is_file()
    assert data.manifest["wordindex"] == wordindex.LAYOUT
    article = Article("b2", "…", title="Later", published="2024-02-01")
    ingest([(article, [make_quote("the ceasefire is within reach", "Antony Blinken")])], close_calls)
    after = open_dataset(close_calls)
    assert after.version != data.version
    assert after.check("ceasefire is within reach", "Blinken").verdict == "attributed"
    assert data.check("ceasefire is within reach", "Blinken").verdict == "not_found"  # the old version is unchanged


def test_candidates_come_from_the_rare_words(close_calls):
    index = open_dataset(close_calls).word_index
    rows = index.candidates(["sailors", "the", "we"], limit=10, budget=1)
    assert index.read(rows, ["speaker"])["speaker"].to_pylist() == ["Lloyd Austin"]  # budget: "sailors" only
    assert index.document_frequencies(["we", "sailors", "nowhere"]) == {"we": 2, "sailors": 1}


def test_a_dataset_without_an_index_says_how_to_add_it(close_calls):
    import shutil

    data = open_dataset(close_calls)
    manifest = data.version / "manifest.json"
    content = json.loads(manifest.read_text())
    del content["wordindex"]
    manifest.write_text(json.dumps(content))
    shutil.rmtree(data.version / wordindex.DIRNAME)
    with pytest.raises(IndexMissing, match="quotes extract"):
        open_dataset(close_calls).check("total victory")
    ingest([], close_calls)  # nothing new, but the index is missing: a new version is written
    assert open_dataset(close_calls).check("attacks on our troops", "Biden").verdict == "attributed"


def test_an_empty_dataset_and_unattributed_quotes_find_nothing(tmp_path, make_quote):
    path = tmp_path / "quotes"
    ingest([], path)
    assert open_dataset(path).check("total victory").verdict == "not_found"
    ingest([(Article("c1", "…"), [make_quote("total victory", None)])], path)
    assert open_dataset(path).check("total victory").verdict == "not_found"  # no speaker: no evidence either way
