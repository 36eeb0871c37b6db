"""How fast is `by_speaker` on a large dataset, and against a full pandas scan?

Builds a synthetic dataset of 1,000,000 quotes over 50,000 speakers whose
quote counts follow a Zipf law (the k-th most quoted speaker has about 1/k of
the top one's quotes), writing it through the project's own `DatasetWriter`.
Then, in a fresh process (so the build does not count towards memory), it
times `QuoteDataset.by_speaker` for the most frequent and for rare speakers,
and a full scan (`pandas.read_parquet` of the same files, then a filter).

Usage:
    python benchmarks/lookup.py [--quotes N] [--speakers N] [--dir DIR]

The last line reads `lookup_p50_ms=X speedup_vs_scan=Y`: X is the median
look-up over all timed speakers (frequent and rare alike), Y the median scan
time divided by X.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

FIRST = ["Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kofi", "Lena",
         "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomas", "Uma", "Viktor", "Wen", "Yara", "Zoe"]
WORDS = ("we will keep working on this until the job is done and the people see results that matter to "
         "their families across the country while talks go on").split()


def speaker_names(n: int) -> list[str]:
    """n distinct full names; no bare surnames, so no corpus merges blur the counts."""
    return [f"{FIRST[i % len(FIRST)]} Surname{i:05d}" for i in range(n)]


def build(path: Path, n_quotes: int, n_speakers: int, seed: int = 7) -> float:
    """Write the synthetic corpus through DatasetWriter; returns seconds taken."""
    from quotes.ingest import DatasetWriter
    from quotes.records import Article, Quote, QuoteKind, SpeakerKind

    rng = np.random.default_rng(seed)
    names = speaker_names(n_speakers)
    weights = 1.0 / np.arange(1, n_speakers + 1)
    who = rng.choice(n_speakers, size=n_quotes, p=weights / weights.sum())
    who[:n_speakers] = np.arange(n_speakers)  # every speaker has at least one quote
    rng.shuffle(who)
    per_article = 10
    started = time.perf_counter()
    with DatasetWriter(path, extractor_version="benchmark") as writer:
        for a, first in enumerate(range(0, n_quotes, per_article)):
            day = f"20{16 + a % 8:02d}-{1 + a % 12:02d}-{1 + a % 28:02d}"
            quotes = []
            for j, speaker in enumerate(who[first:first + per_article]):
                words = " ".join(WORDS[(a + j) % 7: (a + j) % 7 + 12])
                text = f"{words} ({a}.{j})"
                quotes.append(Quote(
                    text=text, start=j * 200, end=j * 200 + len(text), speaker=names[speaker],
                    mention=names[speaker].split()[-1], title=None, speaker_kind=SpeakerKind.PERSON,
                    cue="said", kind=QuoteKind.FULL, sentence=f"“{text},” {names[speaker]} said.",
                    confidence=0.9, article_id=f"a{a:07d}",
                ))
            writer.add(Article(id=f"a{a:07d}", text=f"synthetic article {a}", title=f"Article {a}", published=day), quotes)
        writer.commit()
    return time.perf_counter() - started


def measure(path: Path, n_speakers: int, repeats: int) -> dict:
    """Time look-ups, then scans, in this (fresh) process."""
    import pandas as pd
    import pyarrow as pa

    from quotes.dataset import open_dataset

    names = speaker_names(n_speakers)
    started = time.perf_counter()
    data = open_dataset(path)
    cold = data.by_speaker(names[0])
    cold_ms = (time.perf_counter() - started) * 1000
    frequent = names[:10]
    rare = names[-1000::100]  # the tail: one or two quotes each
    timings: dict[str, list[float]] = {"frequent": [], "rare": []}
    rows: dict[str, int] = {"frequent": 0, "rare": 0}
    for _ in range(repeats):
        for group, chosen in (("frequent", frequent), ("rare", rare)):
            for name in chosen:
                t = time.perf_counter()
                found = data.by_speaker(name)
                timings[group].append((time.perf_counter() - t) * 1000)
                rows[group] = max(rows[group], len(found))
    lookup_rss = peak_rss_mb()
    arrow_peak = pa.default_memory_pool().max_memory() / 2**20

    files = sorted(str(p) for p in (data.version / "quotes").glob("*.parquet"))
    scans = []
    for name in (frequent[0], rare[0], frequent[5]):
        t = time.perf_counter()
        frame = pd.concat([pd.read_parquet(f) for f in files])
        frame = frame[frame["speaker"] == name]
        scans.append((time.perf_counter() - t) * 1000)
    return {
        "cold_ms": cold_ms, "cold_rows": len(cold), "timings": timings, "max_rows": rows,
        "lookup_rss_mb": lookup_rss, "arrow_peak_mb": arrow_peak,
        "scan_ms": scans, "scan_rss_mb": peak_rss_mb(),
        "quotes": data.manifest["counts"]["quotes"], "speakers": data.manifest["counts"]["speakers"],
    }


def peak_rss_mb() -> float:
    """This process's resident-memory high-water mark (VmHWM; unlike ru_maxrss, not inherited over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--dir", type=Path, help="build here (default: a temporary directory)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.speakers, args.repeats)))
        return 0

    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as scratch:
        path = args.dir or Path(scratch) / "quotes"
        build_s = build(path, args.quotes, args.speakers)
        size = sum(p.stat().st_size for p in path.rglob("*.parquet")) / 2**20
        print(f"built {args.quotes:,} quotes / {args.speakers:,} speakers through DatasetWriter in {build_s:.1f} s ({size:.0f} MiB of Parquet)")
        child = subprocess.run(
            [sys.executable, __file__, "--measure", str(path), "--speakers", str(args.speakers), "--repeats", str(args.repeats)],
            capture_output=True, text=True, check=True,
        )
    r = json.loads(child.stdout)
    print(f"dataset: {r['quotes']:,} quotes, {r['speakers']:,} speakers")
    print(f"cold open + first look-up (top speaker, {r['cold_rows']:,} quotes): {r['cold_ms']:.1f} ms")
    for group in ("frequent", "rare"):
        t = r["timings"][group]
        print(f"by_speaker {group:<8} p50={percentile(t, 50):6.1f} ms  p95={percentile(t, 95):6.1f} ms  "
              f"(n={len(t)}, up to {r['max_rows'][group]:,} quotes per speaker)")
    every = r["timings"]["frequent"] + r["timings"]["rare"]
    p50 = percentile(every, 50)
    scan = statistics.median(r["scan_ms"])
    print(f"full pandas scan + filter       p50={scan:6.1f} ms  (n={len(r['scan_ms'])})")
    print(f"look-up peak memory: {r['lookup_rss_mb']:.0f} MiB process RSS, {r['arrow_peak_mb']:.0f} MiB Arrow pool "
          f"(the scan takes the process to {r['scan_rss_mb']:.0f} MiB)")
    print(f"lookup_p50_ms={p50:.1f} speedup_vs_scan={scan / p50:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
