"""The speaker-indexed dataset: ingest that loses nothing, look-ups that read little.

Quotes here are built as the extractor would give them (the `make_quote`
fixture), so these tests need no language model.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from quotes import schema
from quotes.dataset import open_dataset
from quotes.errors import DatasetLocked, DatasetNotFound
from quotes.ingest import DatasetWriter, content_hash, ingest, quote_id
from quotes.records import Article

BIDEN_ARTICLE = Article(
    "a1", "Biden says talks are ‘a work in progress’ …", title="Talks ‘a work in progress’, Biden says",
    url="https://news.test/a1", published="2021-05-13T18:20:00Z", outlet="News",
)
BLINKEN_ARTICLE = Article("a2", "Blinken in Tel Aviv …", title="Blinken meets Netanyahu", published="Wed, 07 Feb 2024 10:00:00 +0000")
CLINTON_ARTICLE = Article("a3", "Clintons on the trail …", title="Clintons campaign", published="2016-09-12")


@pytest.fixture
def corpus(make_quote):
    return [
        (BIDEN_ARTICLE, [
            make_quote("a work in progress,", "Biden", start=48),
            make_quote("in contact", "Joe Biden", start=482, title="President"),
            make_quote("two-state solution", "Jen Psaki", start=1355, title="White House press secretary"),
            make_quote("a scare quote", None, start=1400, kind="unknown"),
        ]),
        (BLINKEN_ARTICLE, [
            make_quote("there is a lot of work to be done", "Antony Blinken", start=1858, title="Secretary of State"),
            make_quote("We will work at that relentlessly", "Blinken", start=4050),
            make_quote("a little over the top.", "Biden", start=1043),
            make_quote("total victory", "Benjamin Netanyahu", start=925),
            make_quote("will not hesitate", "Central Command", start=2855, kind="organisation"),
        ]),
        (CLINTON_ARTICLE, [
            make_quote("We are stronger together", "Hillary Clinton", start=10),
            make_quote("She is fine", "Bill Clinton", start=80),
            make_quote("I am feeling great", "Clinton", start=200),
        ]),
    ]


@pytest.fixture
def data_dir(tmp_path, corpus):
    path = tmp_path / "quotes"
    ingest(corpus, path)
    return path


def test_tables_follow_the_schema_and_quotes_are_sorted_by_speaker(data_dir):
    data = open_dataset(data_dir)
    for name, expected in schema.TABLES.items():
        files = list(data.version.glob(f"{name}.parquet")) or list((data.version / name).glob("*.parquet"))
        assert files, name
        for file in files:
            assert pq.read_schema(file).remove_metadata().equals(expected, check_metadata=False), name
    keys = data.quotes.to_table(columns=["speaker_key"])["speaker_key"].to_pylist()
    known = [k for k in keys if k is not None]
    assert known == sorted(known) and keys[len(known):] == [None]  # unknown speakers last


def test_by_speaker_merges_surnames_across_articles(data_dir):
    data = open_dataset(data_dir)
    biden = data.by_speaker("Biden")
    assert list(biden["speaker"].unique()) == ["Joe Biden"]
    assert list(biden["text"]) == ["a work in progress,", "in contact", "a little over the top."]  # oldest first
    assert list(biden["article_title"]) == [BIDEN_ARTICLE.title] * 2 + [BLINKEN_ARTICLE.title]
    assert biden["published_date"].tolist() == [date(2021, 5, 13)] * 2 + [date(2024, 2, 7)]
    for query in ("joe biden", "JOE BIDEN", "Biden", "Mr. Biden"):
        assert data.by_speaker(query)["quote_id"].tolist() == biden["quote_id"].tolist()
    assert len(data.by_speaker("Antony Blinken")) == 2
    assert len(data.by_speaker("Central Command")) == 1


def test_a_shared_surname_is_not_guessed(data_dir):
    data = open_dataset(data_dir)
    assert data.by_speaker("Hillary Clinton")["text"].tolist() == ["We are stronger together"]
    assert data.by_speaker("Bill Clinton")["text"].tolist() == ["She is fine"]
    # "Clinton" said something nobody could pin on Bill or Hillary: it stays its own speaker
    assert data.by_speaker("Clinton")["speaker"].tolist() == ["Clinton"]
    assert data.match("clinton") == ["clinton"]


def test_since_until_and_suggestions(data_dir):
    data = open_dataset(data_dir)
    assert data.by_speaker("Biden", since="2022-01-01")["text"].tolist() == ["a little over the top."]
    assert data.by_speaker("Biden", until=date(2021, 12, 31))["text"].tolist() == ["a work in progress,", "in contact"]
    assert data.by_speaker("Nobody At All").empty
    assert data.suggest("Antony Blinkin")[0] == "Antony Blinken"
    assert data.suggest("benjamin netanjahu")[0] == "Benjamin Netanyahu"


def test_speakers_and_articles_tables(data_dir):
    data = open_dataset(data_dir)
    speakers = data.speakers().set_index("speaker")
    biden = speakers.loc["Joe Biden"]
    assert (biden.quote_count, biden.article_count) == (3, 2)
    assert list(biden.aliases) == ["Biden"] and list(biden.titles) == ["President"]
    assert (biden.first_seen, biden.last_seen) == (date(2021, 5, 13), date(2024, 2, 7))
    assert speakers.loc["Central Command"].speaker_kind == "organisation"
    assert speakers["quote_count"].sum() == 11  # the unattributed scare quote has no speaker row
    articles = data.articles().set_index("article_id")
    assert articles.loc["a1"].content_hash == content_hash(BIDEN_ARTICLE.text)
    assert articles["quote_count"].tolist() == [4, 5, 3]
    assert articles.loc["a2"].published == BLINKEN_ARTICLE.published


def test_running_again_adds_nothing(data_dir, corpus):
    before = open_dataset(data_dir)
    report = ingest(corpus, data_dir)
    assert report.version is None and report.articles_unchanged == 3
    after = open_dataset(data_dir)
    assert after.version == before.version
    assert after.manifest["counts"] == {"quotes": 12, "speakers": 8, "articles": 3}


def test_a_changed_article_replaces_its_quotes(data_dir, make_quote):
    edited = Article("a2", BLINKEN_ARTICLE.text + " (updated)", title="Blinken meets Netanyahu again")
    report = ingest([(edited, [make_quote("We will work at that relentlessly", "Antony Blinken", start=4061)])], data_dir)
    assert (report.articles_replaced, report.quotes_removed, report.quotes_added) == (1, 5, 1)
    data = open_dataset(data_dir)
    assert data.manifest["counts"]["quotes"] == 12 - 5 + 1
    assert data.by_speaker("Blinken")["article_title"].tolist() == ["Blinken meets Netanyahu again"]
    assert data.by_speaker("Netanyahu").empty  # his quote was in the old text only
    assert len(data.by_speaker("Biden")) == 2


def test_the_last_copy_of_an_article_in_a_run_wins(tmp_path, make_quote):
    first = Article("x", "first text")
    second = Article("x", "second text")
    ingest([(first, [make_quote("old", "Ann Lee")]), (second, [make_quote("new", "Ann Lee", start=5)])], tmp_path / "d")
    data = open_dataset(tmp_path / "d")
    assert data.by_speaker("Ann Lee")["text"].tolist() == ["new"]
    assert data.articles()["content_hash"].tolist() == [content_hash("second text")]


def test_aliases_file_is_applied_on_every_build(data_dir, make_quote):
    (data_dir / "aliases.csv").write_text("alias,canonical\nClinton,Hillary Clinton\n", encoding="utf-8")
    report = ingest([], data_dir)  # no new articles, but the aliases changed: rebuild
    assert report.version is not None
    data = open_dataset(data_dir)
    assert data.by_speaker("Hillary Clinton")["text"].tolist() == ["We are stronger together", "I am feeling great"]
    assert "Clinton" in data.speakers().set_index("speaker").loc["Hillary Clinton"].aliases
    later = Article("a4", "more", published="2016-10-01")
    ingest([(later, [make_quote("Not again", "Clinton")])], data_dir)
    assert len(open_dataset(data_dir).by_speaker("Hillary Clinton")) == 3


def test_quote_ids_are_stable():
    assert quote_id("a1", 48, 67, "a work in progress,") == quote_id("a1", 48, 67, "a work in progress,")
    assert len({quote_id("a1", 48, 67, "q"), quote_id("a1", 48, 68, "q"), quote_id("a2", 48, 67, "q")}) == 3


def test_a_look_up_reads_only_the_row_groups_of_its_speaker(tmp_path, make_quote):
    pairs = [
        (Article(f"art{i}", f"text {i}"), [make_quote(f"quote {i}.{j}", f"Person{i % 40:02d} Name", start=j * 20) for j in range(10)])
        for i in range(200)
    ]
    with DatasetWriter(tmp_path / "d", row_group_rows=25) as writer:
        for article, quotes in pairs:
            writer.add(article, quotes)
        writer.commit()
    data = open_dataset(tmp_path / "d")
    (fragment,) = data.quotes.get_fragments()
    assert fragment.num_row_groups == 80
    chosen = fragment.split_by_row_group(ds.field("speaker_key") == "person07 name")
    assert len(chosen) <= 2  # 50 quotes of one speaker, stored together
    assert len(data.by_speaker("Person07 Name")) == 50


def test_missing_dataset_says_how_to_make_one(tmp_path):
    with pytest.raises(DatasetNotFound, match=r"no quotes dataset at .*; create one with `quotes extract ARTICLES\.\.\. --out"):
        open_dataset(tmp_path / "none")


def test_a_second_writer_fails_clearly_or_waits(data_dir):
    with DatasetWriter(data_dir):
        with pytest.raises(DatasetLocked, match=rf"another writer is updating the dataset at {data_dir} \(held by pid {os.getpid()}"):
            DatasetWriter(data_dir).__enter__()
        started = time.monotonic()
        with pytest.raises(DatasetLocked):
            DatasetWriter(data_dir, lock_timeout=0.3).__enter__()
        assert time.monotonic() - started >= 0.3
    with DatasetWriter(data_dir) as writer:  # released on exit
        assert writer.commit().version is None


# --- kill -9 in the middle of an ingest -------------------------------------

CHILD = textwrap.dedent(
    """
    import os, sys, time
    import quotes.ingest as ingest
    from quotes.records import Article, Quote, QuoteKind, SpeakerKind

    path, batch, stage = sys.argv[1:4]

    def pause(name):
        def wrap(original):
            def paused(*args, **kwargs):
                if name == stage:
                    print("STAGE", name, flush=True)
                    time.sleep(60)
                return original(*args, **kwargs)
            return paused
        return wrap

    ingest._write_parquet = pause("writing")(ingest._write_parquet)
    ingest.DatasetWriter._switch = pause("switching")(ingest.DatasetWriter._switch)
    ingest.os.replace = pause("pointer")(os.replace)
    ingest.DatasetWriter._collect_garbage = pause("collecting")(ingest.DatasetWriter._collect_garbage)

    def article(i, edition):
        text = f"Article {i}, edition {edition}."
        quotes = [
            Quote(f"Quote {j} of article {i}", j * 40, j * 40 + 20, f"Speaker{(i + j) % 7} Name", "he", None,
                  SpeakerKind.PERSON, "said", QuoteKind.FULL, "...", 0.9)
            for j in range(1 + i % 4)
        ]
        return Article(f"art{i:03d}", text), quotes

    pairs = [article(i, 1) for i in range(20)]
    if batch == "AB":  # twenty new articles, and article 3 edited
        pairs += [article(i, 1) for i in range(20, 40)] + [article(3, 2)]
    with ingest.DatasetWriter(path) as writer:
        for n, (a, qs) in enumerate(pairs):
            if not writer.is_current(a):
                writer.add(a, qs)
            if n == 25:
                pause("adding")(lambda: None)()
        writer.commit()
    print("DONE", flush=True)
    """
)


def run_child(path, batch, stage="none", kill=False):
    process = subprocess.Popen([sys.executable, "-c", CHILD, str(path), batch, stage], stdout=subprocess.PIPE, text=True)
    if kill:
        line = process.stdout.readline()
        assert line.strip() == f"STAGE {stage}", line
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        assert process.returncode == -signal.SIGKILL
    else:
        out, _ = process.communicate(timeout=60)
        assert process.returncode == 0 and "DONE" in out


def snapshot(path):
    data = open_dataset(path)
    table = data.quotes.to_table(columns=["quote_id", "article_id", "speaker"])
    ids = table["quote_id"].to_pylist()
    assert len(ids) == len(set(ids)), "duplicated quotes"
    counts = data.manifest["counts"]
    assert counts == {"quotes": len(ids), "speakers": len(data.speakers()), "articles": len(data.articles())}
    return sorted(ids), counts


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """A dataset of batch A; what it holds, and what it holds after batches A and B."""
    root = tmp_path_factory.mktemp("reference")
    run_child(root / "a", "A")
    run_child(root / "ab", "AB")
    return root / "a", snapshot(root / "a"), snapshot(root / "ab")


@pytest.mark.parametrize("stage, finished", [("adding", False), ("writing", False), ("switching", False), ("pointer", False), ("collecting", True)])
def test_kill_9_mid_ingest_loses_and_duplicates_nothing(tmp_path, reference, stage, finished):
    built_a, after_a, after_ab = reference
    path = tmp_path / "d"
    shutil.copytree(built_a, path)
    run_child(path, "AB", stage, kill=True)
    # readers see a whole dataset: the previous one, or the next one if the switch was made
    assert snapshot(path) == (after_ab if finished else after_a)
    run_child(path, "AB")  # the re-run finishes the job
    assert snapshot(path) == after_ab
    assert len(list((path / "versions").iterdir())) <= 2  # half-built versions were cleared away
    assert not list(path.glob("CURRENT.*.tmp"))
