"""How fast is a fact-check on a large dataset: claims that exist, altered ones, absent ones?

Uses the synthetic dataset of `benchmarks/lookup.py` (its builder, imported:
1,000,000 quotes over 50,000 Zipf-distributed speakers, written through
`DatasetWriter`, which also builds the word index). Then, in a fresh process,
it opens the dataset, times the first check (a cold start, as `quotes check`
has), and times `QuoteDataset.check` with a claimed speaker for:

    existing   a stored quote, whole or its last six words (a fragment);
    altered    a stored quote with one word changed and one dropped;
    absent     sentences nobody in the corpus said, made of words it has and words it lacks.

Claims are drawn from random quotes, so frequent speakers come up as often as
they are quoted. The synthetic quotes repeat seven word runs and differ only by
a number, which is hard on an index: most words are in 100,000+ quotes.

Usage:
    python benchmarks/factcheck.py [--quotes N] [--speakers N] [--claims N] [--dir DIR]

With --dir, a dataset already there is reused. The last line reads
`check_p50_ms=X`: the median over all timed claims.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lookup import build, peak_rss_mb, percentile  # noqa: E402  (the same synthetic corpus)

ABSENT = [
    "we will never negotiate with terrorists",
    "the economy has never been stronger than it is today",
    "I did not have any contact with the ambassador",
    "our families deserve better than empty promises",
    "this job is done and the country is safe",
    "results that matter to their people will come next year",
]
SWAPS = {"keep": "stop", "working": "talking", "job": "work", "people": "voters", "families": "children",
         "country": "nation", "results": "answers", "talks": "meetings", "matter": "count", "until": "before"}


def claims(path: Path, n: int, seed: int = 11) -> dict[str, list[tuple[str, str, str]]]:
    """(group, claim, claimed speaker, expected verdict) drawn from random stored quotes."""
    from quotes.dataset import open_dataset

    data = open_dataset(path)
    index = data.word_index
    rng = np.random.default_rng(seed)
    rows = rng.choice(index.size, size=2 * n, replace=False)
    table = index.read(rows, ["text", "speaker"]).to_pylist()
    out: dict[str, list] = {"existing": [], "altered": [], "absent": []}
    for i, row in enumerate(table[:n]):
        words = row["text"].split()
        text = row["text"] if i % 2 == 0 else " ".join(words[-6:])
        out["existing"].append((text, row["speaker"], "attributed"))
    for row in table[n:]:
        words = row["text"].split()
        changed = next(k for k, w in enumerate(words) if w in SWAPS)
        words[changed] = SWAPS[words[changed]]
        del words[changed + 2]
        out["altered"].append((" ".join(words), row["speaker"], "altered"))
    for i in range(n):
        out["absent"].append((ABSENT[i % len(ABSENT)], table[i]["speaker"], "not_found"))
    return out


def measure(path: Path, n: int) -> dict:
    """Cold start, then every claim, in this (fresh) process."""
    from quotes.dataset import open_dataset

    started = time.perf_counter()
    data = open_dataset(path)
    first = data.check("we will keep working on this", "Anna Surname00000")
    cold_ms = (time.perf_counter() - started) * 1000
    groups = claims(path, n)
    timings: dict[str, list[float]] = {}
    verdicts: dict[str, Counter] = {}
    expected: dict[str, int] = {}
    for group, items in groups.items():
        timings[group], verdicts[group], expected[group] = [], Counter(), 0
        for text, speaker, wanted in items:
            t = time.perf_counter()
            verdict = data.check(text, speaker)
            timings[group].append((time.perf_counter() - t) * 1000)
            verdicts[group][verdict.verdict] += 1
            expected[group] += verdict.verdict == wanted
    return {
        "cold_ms": cold_ms, "cold_verdict": first.verdict, "timings": timings,
        "verdicts": {g: dict(c) for g, c in verdicts.items()}, "expected": expected,
        "rss_mb": peak_rss_mb(), "quotes": data.manifest["counts"]["quotes"],
        "speakers": data.manifest["counts"]["speakers"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=50_000)
    parser.add_argument("--claims", type=int, default=100, help="claims timed per group (default 100)")
    parser.add_argument("--dir", type=Path, help="build here, or reuse the dataset found here (default: a temporary directory)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.claims)))
        return 0

    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as scratch:
        path = args.dir or Path(scratch) / "quotes"
        if (path / "CURRENT").exists():
            print(f"reusing the dataset at {path}")
        else:
            build_s = build(path, args.quotes, args.speakers)
            print(f"built {args.quotes:,} quotes / {args.speakers:,} speakers (tables and word index) in {build_s:.1f} s")
        index_mb = sum(p.stat().st_size for p in path.glob("versions/*/wordindex/*.parquet")) / 2**20
        child = subprocess.run(
            [sys.executable, __file__, "--measure", str(path), "--claims", str(args.claims)],
            capture_output=True, text=True, check=True,
        )
    r = json.loads(child.stdout)
    print(f"dataset: {r['quotes']:,} quotes, {r['speakers']:,} speakers; word index {index_mb:.0f} MiB of Parquet")
    print(f"cold open + first check: {r['cold_ms']:.0f} ms ({r['cold_verdict']})")
    every: list[float] = []
    for group, t in r["timings"].items():
        every += t
        shown = ", ".join(f"{v} {c}" for v, c in sorted(r["verdicts"][group].items()))
        print(f"check {group:<9} p50={percentile(t, 50):6.1f} ms  p95={percentile(t, 95):6.1f} ms  "
              f"(n={len(t)}; {r['expected'][group]}/{len(t)} as expected: {shown})")
    print(f"peak memory: {r['rss_mb']:.0f} MiB process RSS")
    print(f"check_p50_ms={percentile(every, 50):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
