"""Running the extractor on Dask distributed: the same articles in, the same pairs out.

The client streams articles into partitions, keeps a bounded window of them
in flight on the workers and hands the results back in input order, so what
a cluster run commits through `DatasetWriter` is what a local run commits, row
for row, and the client's memory stays flat however large the corpus.

Notes:
    Workers. Each worker loads the spaCy pipeline once, when it joins (the
    `LoadPipeline` plugin), and keeps it for every partition it is given
    (`quotes.pipeline.get_nlp` is cached per process). Workers need `quotes`
    installed, the same version as the client: the extractor version is part
    of every row.

    Results. A partition's quotes come back as `Quote` records (small next to
    the article texts, which never travel back); the client writes them into
    the one speaker-indexed dataset, which keeps a single writer and its
    atomic commit.
"""
from __future__ import annotations

import logging
from collections import deque
from contextlib import contextmanager
from itertools import islice
from typing import Callable, Iterable, Iterator

from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from quotes.articles import LoadError
from quotes.errors import QuotesError
from quotes.records import Article, Quote

PARTITION_ARTICLES = 8  # articles per task: seconds of work (scheduling costs milliseconds), small enough to balance
WINDOW_PER_WORKER = 3  # partitions in flight per worker: keeps workers busy, memory bounded
CONNECT_TIMEOUT = 10.0  # seconds to reach a scheduler before giving up


class LoadPipeline(WorkerPlugin):
    """Loads the pipeline when a worker starts, so no partition pays for it."""

    name = "quotes-pipeline"

    def setup(self, worker) -> None:
        from quotes.pipeline import get_nlp

        get_nlp()


def extract_partition(articles: list[Article]) -> list[list[Quote] | LoadError]:
    """The quotes of each article of a partition, in order (runs on a worker).

    An article the extractor fails on gets its `LoadError` in its place, so
    results stay aligned with the articles and the client can report it.
    """
    from quotes.pipeline import extract_articles, failure_source

    failed: dict[str, LoadError] = {}
    done = {
        id(article): quotes
        for article, quotes in extract_articles(
            articles, batch_size=len(articles) or 1, on_error=lambda e: failed.setdefault(e.source, e)
        )
    }
    return [done[id(a)] if id(a) in done else failed[failure_source(a)] for a in articles]


@contextmanager
def dask_client(scheduler: str | None = None, *, workers: int = 2, timeout: float = CONNECT_TIMEOUT) -> Iterator[Client]:
    """A client of the cluster at `scheduler`, or of a new LocalCluster of `workers` processes.

    Every worker has the pipeline loaded when this yields. A LocalCluster is
    closed on exit; a remote cluster is left running.
    """
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=timeout)
        else:
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR,
            )
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError, RuntimeError) as exc:  # RuntimeError: a local worker failed to start
        if cluster is not None:
            cluster.close()
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise QuotesError(f"cannot reach {where}: {exc}") from None
    try:
        client.register_plugin(LoadPipeline())
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_on_dask(
    articles: Iterable[Article],
    client: Client,
    *,
    partition_size: int = PARTITION_ARTICLES,
    window: int | None = None,
    on_error: Callable[[LoadError], None] | None = None,
) -> Iterator[tuple[Article, list[Quote]]]:
    """Stream (article, quotes) pairs computed on the cluster, in input order.

    Args:
        articles: any iterable; it is read only as fast as the workers need.
        client: e.g. from `dask_client`.
        partition_size: articles per task.
        window: partitions in flight (default 3 per worker): the client holds
            at most `window * partition_size` articles at a time.
        on_error: called with a `LoadError` for an article the extractor failed on.
    """
    if partition_size < 1:
        raise ValueError("partition_size must be 1 or more")
    if window is None:
        window = WINDOW_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
    source = iter(articles)
    pending: deque = deque()

    def submit() -> None:
        batch = list(islice(source, partition_size))
        if batch:
            pending.append((batch, client.submit(extract_partition, batch, pure=False)))

    for _ in range(window):
        submit()
    while pending:
        batch, future = pending.popleft()
        submit()  # keep the window full while we wait for the oldest
        results = future.result()
        future.release()
        for article, result in zip(batch, results):
            if isinstance(result, LoadError):
                (on_error or (lambda e: logging.getLogger(__name__).error("%s", e)))(result)
            else:
                yield article, result
