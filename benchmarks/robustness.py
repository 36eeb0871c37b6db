"""Robustness at scale: fuzz the extractor, feed `quotes extract` every malformed input, kill it, abuse the service.

    .venv/bin/python benchmarks/robustness.py [--docs 10000] [--kills 5] [--requests 1000] [--seed 0]

Prints what was tried and what happened, then one line of figures:
`fuzzed=N crashes=0 malformed=M unclear_errors=0 killed=K lost=0 duplicated=0 http_5xx=0`
(every number counted in this run). The inputs come from tests/robustness_cases.py,
which the fast test suite (tests/test_robustness.py) uses on a smaller scale.
Exit status 1 when any failure count is not 0.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from robustness_cases import (  # noqa: E402
    abusive_requests, corpus, documents, enormous_paragraph, error_names, extract_cli, kill_extract_at,
    lost_and_duplicated, mutate, quote_rows, seed_texts, send, violations, write_malformed,
)


def fuzz(total: int, rng: random.Random) -> tuple[int, int, int]:
    """Half hypothesis documents, half mutated seed articles (a few enormous). Returns (docs, crashes, bad offsets)."""
    from hypothesis import HealthCheck, Phase, given, settings

    from quotes.pipeline import extract

    tried, crashes, wrong = 0, [], []
    slowest = (0.0, 0)

    def check(text: str) -> None:
        nonlocal tried, slowest
        tried += 1
        start = time.perf_counter()
        try:
            found = extract(text)
        except Exception as exc:  # noqa: BLE001  (counted and shown, never hidden)
            crashes.append(f"{type(exc).__name__}: {exc} on {text[:80]!r}")
            return
        slowest = max(slowest, (time.perf_counter() - start, len(text)))
        wrong.extend(f"{v} in {text[:60]!r}" for v in violations(text, found))

    @settings(max_examples=total // 2, deadline=None, database=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(text=documents)
    def generated(text: str) -> None:
        check(text)

    extract("warm up")  # loading the model is not the extractor's time
    start = time.perf_counter()
    generated()
    from_hypothesis = tried
    seeds = seed_texts()
    while tried < total:
        check(enormous_paragraph(rng, 30_000) if rng.random() < 0.002 else mutate(rng.choice(seeds), rng))
    took = time.perf_counter() - start
    print(f"fuzzing: {tried:,} documents ({from_hypothesis:,} from hypothesis strategies, {tried - from_hypothesis:,} mutated seed articles) in {took:.0f} s")
    print(f"  slowest document: {slowest[0]:.2f} s for {slowest[1]:,} characters")
    for line in (crashes + wrong)[:10]:
        print(f"  FAILED {line}")
    print(f"  raised: {len(crashes)}, offsets outside the text or quote text != text[start:end]: {len(wrong)}")
    return tried, len(crashes), len(wrong)


def malformed(work: Path) -> tuple[int, int]:
    """Every malformed kind in one `quotes extract` batch beside a good article. Returns (kinds, unclear errors)."""
    cases = write_malformed(work / "in")
    (work / "in" / "good.txt").write_text(seed_texts()[1], encoding="utf-8")
    start = time.perf_counter()
    run = extract_cli([work / "in", work / "in" / "notes.pdf"], work / "data")
    took = time.perf_counter() - start
    errors = [line.removeprefix("quotes: skipped ") for line in run.stderr.splitlines() if line.startswith("quotes: skipped ")]
    refused = [c for c in cases if c.refused]
    unclear = 0
    print(f"malformed inputs: {len(cases)} kinds in one batch with a good article ({took:.1f} s, exit code {run.returncode})")
    for case in cases:
        named = [e for e in errors if error_names(e, case)]
        warned = [line for line in run.stderr.splitlines() if str(case.path) in line and "skipped" not in line]
        ok = len(named) == 1 if case.refused else not named and len(warned) >= 1
        unclear += not ok
        said = named[0] if named else (warned[0] if warned else "(nothing said)")
        print(f"  {'ok ' if ok else 'UNCLEAR'} {case.kind:<30} {'refused' if case.refused else 'read, with a warning'}: {said.replace(str(work) + '/', '')[:150]}")
    from quotes.dataset import open_dataset

    stored = len(open_dataset(work / "data").articles())
    expected_skips = len(refused)
    if run.returncode != 1 or len(errors) != expected_skips:
        unclear += 1
        print(f"  UNCLEAR: exit code {run.returncode} (want 1), {len(errors)} skips reported (want {expected_skips})")
    print(f"  the rest of the batch: {stored} articles stored; {len(errors)} inputs reported skipped, exit code {run.returncode}")
    return len(cases), unclear


def kills(work: Path, times: int, rng: random.Random) -> tuple[int, int, int]:
    """`kill -9` of `quotes extract` `times` times in a row at random points, then a re-run. Returns (killed, lost, duplicated).

    The killed runs extract the whole corpus again (`--force`) into a dataset
    that already holds half of it, so each has all the work to do and a kill
    can land before, during or after the commit that replaces a version.
    """
    from quotes.dataset import current_version

    code_before = _code_stamp()
    data = corpus(work / "in", 120, rng)
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    first_half = work / "in" / "first_half.jsonl"
    first_half.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    start = time.perf_counter()
    clean = extract_cli([data], work / "clean")
    span = time.perf_counter() - start
    assert clean.returncode == 0, clean.stderr
    rows = quote_rows(work / "clean")
    assert extract_cli([first_half], work / "killed").returncode == 0
    print(f"kill -9: clean run of {len(rows):,} quotes from {len(lines)} articles took {span:.1f} s; "
          f"each killed run re-extracts all of it (--force) into a dataset holding the first half")
    killed = 0
    for attempt in range(times):
        before = current_version(work / "killed")
        after = rng.uniform(0.5, span)
        ended = kill_extract_at([data], work / "killed", after, "--force")  # every run has the whole corpus to do
        now = current_version(work / "killed")
        killed += ended is None
        state = "previous version still current" if now == before else f"new version {now.name} current"
        print(f"  run {attempt + 1}: {'killed' if ended is None else f'ended (exit {ended}) before'} at {after:.1f} s; {state}")
    rerun = extract_cli([data], work / "killed")
    stored = quote_rows(work / "killed")
    lost, duplicated = lost_and_duplicated(rows, stored)
    for row in sorted(set(rows) - set(stored))[:5]:
        print(f"  LOST {row[1]} [{row[2]}:{row[3]}] {row[4][:80]!r}")
    for row in sorted(set(stored) - set(rows))[:5]:
        print(f"  NOT IN THE CLEAN RUN {row[1]} [{row[2]}:{row[3]}] {row[4][:80]!r}")
    print(f"  re-run: exit code {rerun.returncode}; lost {lost}, duplicated {duplicated} of {len(rows):,} rows")
    changed = sorted(name for name, stamp in _code_stamp().items() if code_before.get(name) != stamp)
    if changed:  # the clean run and the re-run did not run the same extractor
        print(f"  WARNING: {', '.join(changed)} changed during this phase; a difference may come from the edit, not the kills")
    return killed, lost, duplicated


def _code_stamp() -> dict[str, float]:
    """Modification times of the package's files: the extractor must not change between clean run and re-run."""
    return {str(p.relative_to(REPO)): p.stat().st_mtime for p in (REPO / "quotes").rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def service(work: Path, count: int, rng: random.Random) -> int:
    """Abusive requests to the service through FastAPI's TestClient. Returns the count of 5xx answers."""
    from fastapi.testclient import TestClient

    from quotes.service import create_app

    data = work / "seeds"
    assert extract_cli([REPO / "seeds"], data).returncode == 0
    max_body = 100_000
    client = TestClient(create_app(data, max_body_bytes=max_body), raise_server_exceptions=False)
    start = time.perf_counter()
    statuses = Counter()
    failures = []
    for method, url, kwargs in abusive_requests(rng, count, max_body):
        status = send(client, method, url, kwargs)
        statuses[status] += 1
        if status >= 500:
            failures.append(f"{status} {method} {url[:80]}")
    took = time.perf_counter() - start
    print(f"service: {count:,} malformed, oversized, wrong-method and deep-offset requests in {took:.0f} s")
    print("  answers: " + ", ".join(f"{status}×{n}" for status, n in sorted(statuses.items())))
    for line in failures[:10]:
        print(f"  FAILED {line}")
    return sum(n for status, n in statuses.items() if status >= 500)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents to fuzz (default 10000)")
    parser.add_argument("--kills", type=int, default=5, help="kill -9 in a row before the re-run (default 5)")
    parser.add_argument("--requests", type=int, default=1_000, help="abusive HTTP requests (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="robustness-") as tmp:
        work = Path(tmp)
        fuzzed, crashes, wrong = fuzz(args.docs, rng)
        kinds, unclear = malformed(work / "malformed")
        killed, lost, duplicated = kills(work / "kill", args.kills, rng)
        http_5xx = service(work / "service", args.requests, rng)
    print(f"fuzzed={fuzzed} crashes={crashes + wrong} malformed={kinds} unclear_errors={unclear} "
          f"killed={killed} lost={lost} duplicated={duplicated} http_5xx={http_5xx}")
    return 1 if crashes + wrong + unclear + lost + duplicated + http_5xx else 0


if __name__ == "__main__":
    sys.exit(main())
