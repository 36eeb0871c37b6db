"""Scale: `--workers N`, the Dask engine (row-for-row equal to a local run) and the progress bar."""
from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import struct
import subprocess
import sys
import termios

import pytest

from conftest import REPO, SEEDS
from quotes.cli import main
from quotes.dataset import open_dataset
from quotes.errors import QuotesError

# News-style articles beside the seeds, so partitions hold several articles and speakers repeat.
SYNTHETIC = [
    {
        "id": "syn-budget",
        "title": "Senate passes stopgap budget",
        "published": "2024-03-01",
        "text": (
            "Senate passes stopgap budget\n\n"
            "The Senate passed a stopgap spending bill late on Friday.\n\n"
            "\u201cThis is not the budget we wanted, but it keeps the government open,\u201d "
            "Senate Majority Leader Chuck Schumer said on the floor.\n\n"
            "Senator Susan Collins told reporters the deal was \u201ca reasonable compromise.\u201d\n\n"
            "\u201cWe will be back here in six weeks,\u201d she added."
        ),
    },
    {
        "id": "syn-storm",
        "title": "Storm leaves thousands without power",
        "published": "2024-03-02",
        "text": (
            "Storm leaves thousands without power\n\n"
            "Crews worked through the night after the storm knocked down power lines across the county.\n\n"
            "\u201cWe expect most customers to have power back by Sunday evening,\u201d said Maria Lopez, "
            "a spokeswoman for the utility.\n\n"
            "Governor Josh Shapiro said the state would ask for federal help. "
            "\u201cNo family should spend a week in the dark,\u201d Shapiro said."
        ),
    },
    {
        "id": "syn-talks",
        "title": "Blinken returns to the region",
        "published": "2024-03-03",
        "text": (
            "Blinken returns to the region\n\n"
            "Secretary of State Antony Blinken arrived in Cairo on Sunday for another round of talks.\n\n"
            "\u201cThere is still a lot of work to be done,\u201d Blinken said after meeting Egyptian officials.\n\n"
            "According to a State Department readout, the two sides discussed \u201cthe urgent need to increase aid.\u201d"
        ),
    },
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds folder and a JSONL file of synthetic articles."""
    path = tmp_path_factory.mktemp("scale") / "synthetic.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in SYNTHETIC), encoding="utf-8")
    return [str(SEEDS), str(path)]


@pytest.fixture(scope="module")
def local_run(tmp_path_factory, corpus, nlp):
    """The reference: `quotes extract` on one process."""
    out = tmp_path_factory.mktemp("local") / "quotes"
    assert main(["extract", *corpus, "--out", str(out), "--quiet"]) == 0
    return out


@pytest.fixture(scope="module")
def cluster():
    """A 2-worker LocalCluster of processes, one thread each, pipeline loaded on both."""
    from quotes.cluster import dask_client

    with dask_client(workers=2) as client:
        yield client


def tables(path):
    """Every table of the current version, in a fixed row order; ingest times left out."""
    data = open_dataset(path)
    quotes = data.quotes.to_table().sort_by("quote_id").to_pandas()
    speakers = data.speakers().sort_values("speaker_key").reset_index(drop=True)
    articles = data.articles().drop(columns=["ingested_at"]).sort_values("article_id").reset_index(drop=True)
    return quotes, speakers, articles


def assert_same_dataset(path, reference):
    for got, want in zip(tables(path), tables(reference)):
        assert list(got.columns) == list(want.columns)
        assert len(got) == len(want)
        assert got.astype(str).equals(want.astype(str)), got.compare(want)


def test_the_local_run_holds_the_seed_facts(local_run):
    quotes = open_dataset(local_run).quotes.to_table().to_pandas()
    assert set(quotes["article_id"]) == {"000_d704981dea4d9aae", "001_b6b77384923e3507", *(a["id"] for a in SYNTHETIC)}
    assert (quotes["speaker"] == "Joe Biden").sum() == 8
    assert quotes.loc[quotes["text"] == "total victory", "speaker"].tolist() == ["Benjamin Netanyahu"]


def test_dask_partitions_spread_over_both_workers_and_match_the_local_run(cluster, corpus, local_run, tmp_path):
    from distributed import get_task_stream

    from quotes.articles import load_articles
    from quotes.cluster import extract_on_dask
    from quotes.ingest import ingest

    out = tmp_path / "quotes"
    with get_task_stream(cluster) as stream:
        ingest(extract_on_dask(load_articles(corpus), cluster, partition_size=1, window=2), out)
    assert len({task["worker"] for task in stream.data}) == 2  # the work really was shared
    assert_same_dataset(out, local_run)


def test_cli_dask_engine_on_a_scheduler_equals_the_local_run(cluster, corpus, local_run, tmp_path, capsys):
    out = tmp_path / "quotes"
    address = cluster.scheduler.address
    assert main(["extract", *corpus, "--out", str(out), "--engine", "dask", "--scheduler", address, "--quiet"]) == 0
    assert_same_dataset(out, local_run)
    # a second run finds everything current and sends nothing to the cluster
    assert main(["extract", *corpus, "--out", str(out), "--engine", "dask", "--scheduler", address]) == 0
    assert "unchanged, not re-extracted          5" in capsys.readouterr().out


def test_local_workers_2_equals_one_process(corpus, local_run, tmp_path):
    out = tmp_path / "quotes"
    assert main(["extract", *corpus, "--out", str(out), "--workers", "2", "--quiet"]) == 0
    assert_same_dataset(out, local_run)


def test_bad_scheduler_and_engine_options_fail_clearly(tmp_path, capsys):
    from quotes.cluster import dask_client

    with pytest.raises(QuotesError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with dask_client("tcp://127.0.0.1:9", timeout=1):
            pass
    assert main(["extract", str(SEEDS), "--out", str(tmp_path / "q"), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["extract", str(SEEDS), "--engine", "spark"])
    assert "invalid choice: 'spark'" in capsys.readouterr().err


# --- progress ---------------------------------------------------------------


def last_frame(screen: str) -> str:
    """The bar as last drawn: tqdm redraws after a carriage return."""
    return [frame for frame in screen.replace("\r\n", "\n").split("\r") if frame.strip()][-1]


class FakeTerminal(io.StringIO):
    """stderr that says it is a terminal, to force the bar on in-process."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("quiet", [False, True])
def test_progress_bar_on_a_terminal_unless_quiet(tmp_path, monkeypatch, nlp, quiet):
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["extract", str(SEEDS), "--out", str(tmp_path / "q"), *(["--quiet"] if quiet else [])]) == 0
    if quiet:
        assert terminal.getvalue() == ""
    else:
        final = last_frame(terminal.getvalue())
        assert "extracting: 2 articles" in final
        assert "articles/s" in final
        assert "19 quotes" in final


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path, capsys, nlp):
    assert main(["extract", str(SEEDS), "--out", str(tmp_path / "q")]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "quotes added                           19" in out


def test_progress_bar_in_a_real_pseudo_terminal(tmp_path):
    """`quotes extract` with stderr on a pty draws the bar there, and only there."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a 120-column terminal
    command = [sys.executable, "-m", "quotes.cli", "extract", str(SEEDS), "--out", str(tmp_path / "q")]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    out = process.stdout.read().decode("utf-8")
    assert process.wait(timeout=60) == 0
    os.close(leader)
    final = last_frame(screen.decode("utf-8"))
    assert "extracting: 2 articles" in final and "articles/s" in final and "19 quotes" in final
    assert "extracting" not in out and "quotes added" in out
