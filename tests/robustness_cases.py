"""What the robustness suite throws at quotes, shared by tests/test_robustness.py and benchmarks/robustness.py.

Four families, each a function that builds inputs and one that judges what
came back: fuzzed documents (hypothesis strategies and mutations of the seed
articles), malformed input files, `kill -9` of `quotes extract`, and abusive
HTTP requests to the service. The test runs a few of each, the benchmark
thousands.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from hypothesis import strategies as st

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
QUOTES_CLI = [sys.executable, "-m", "quotes.cli"]

# Every quote mark a newsroom, a scraper or a keyboard produces, paired or not.
MARKS = ['"', "“", "”", "‘", "’", "'", "''", "„", "‚", "«", "»", "‹", "›", "「", "」", "″", "〝", "〞", "＂", "``"]
CONTROL = ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u200b", "\u200e", "\u202e", "\u2028", "\u2029", "\ufeff", "\ufffd", "\r", "\r\n", "\t"]
SPEECH = [" said Joe Biden.", " he said.", ", Blinken said, ", " according to officials", " told reporters:", " — ", ": ", " said.", "\n\n", " Mr. "]
WORDS = ["We", "will", "work", "at", "that", "relentlessly", "a work in progress", "total victory", "President", "Hamas", "Israel", "ceasefire", "Ms.", "U.S.", "3.5", "e.g.", "O'Brien", "rock 'n' roll", "’90s"]


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


# --- fuzzed documents ----------------------------------------------------------------

piece = st.one_of(
    st.sampled_from(MARKS), st.sampled_from(MARKS), st.sampled_from(CONTROL), st.sampled_from(SPEECH),
    st.sampled_from(WORDS), st.text(max_size=12), st.sampled_from([" ", " ", "\n", ". ", ", "]),
)
documents = st.one_of(
    st.just(""),
    st.text(alphabet=st.sampled_from([" ", "\n", "\t", "\r", "\u00a0", "\u2003", "\u3000", "\u2028"]), max_size=50),
    st.lists(piece, max_size=80).map("".join),
    st.text(max_size=300),
)


def mutate(text: str, rng: random.Random) -> str:
    """A slice of `text` with marks inserted, swapped and dropped, odd characters, and at times blown up."""
    start = rng.randrange(len(text) + 1)
    chars = list(text[start : start + rng.choice([200, 1_000, 3_000, len(text)])])
    for _ in range(rng.randint(1, 40)):
        at = rng.randrange(len(chars) + 1)
        roll = rng.random()
        if roll < 0.45:
            chars.insert(at, rng.choice(MARKS))
        elif roll < 0.6 and at < len(chars):
            if chars[at] in "\"“”‘’'«»„":
                chars[at] = rng.choice(MARKS)  # another kind of mark where one was
            else:
                del chars[at]
        elif roll < 0.8:
            chars.insert(at, rng.choice(CONTROL))
        else:
            chars.insert(at, chr(rng.choice([rng.randrange(0x20, 0x2FFF), rng.randrange(0x1F300, 0x1FAFF), rng.randrange(0xE000, 0xF8FF)])))
    out = "".join(chars)
    if rng.random() < 0.1:  # every mark opened, none closed
        out = out.replace("”", "“").replace("’", "‘").replace('"', "“")
    return out


def enormous_paragraph(rng: random.Random, chars: int) -> str:
    """The seed articles run together into one paragraph of about `chars` characters (no newline)."""
    flat = " ".join(" ".join(seed_texts()).split())
    return (flat * (chars // len(flat) + 1))[: chars + rng.randrange(100)]


def violations(text: str, quotes: list) -> list[str]:
    """What is wrong with an extractor's answer on `text`: offsets outside it, or quote text not text[start:end]."""
    wrong = []
    for q in quotes:
        if not (isinstance(q.start, int) and isinstance(q.end, int) and 0 <= q.start <= q.end <= len(text)):
            wrong.append(f"offsets {q.start}:{q.end} outside a text of {len(text)} characters")
        elif text[q.start : q.end] != q.text:
            wrong.append(f"quote text {q.text!r} is not text[{q.start}:{q.end}] = {text[q.start:q.end]!r}")
    return wrong


# --- malformed input files -----------------------------------------------------------


@dataclass(frozen=True)
class Malformed:
    """One bad input: the file, the line its error must name (None: the file), and whether it is refused."""

    kind: str
    path: Path
    line: int | None
    refused: bool = True  # False: read with a warning (e.g. cp1252 bytes), not skipped


def write_malformed(folder: Path, rng: random.Random | None = None, huge_bytes: int = 10 * 1024 * 1024) -> list[Malformed]:
    """Every kind of bad input, written into `folder`, next to nothing good (callers add the good ones)."""
    rng = rng or random.Random(0)
    folder.mkdir(parents=True, exist_ok=True)
    seed = seed_texts()[0]
    cases = []

    def add(kind, name, data, line=None, refused=True):
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        cases.append(Malformed(kind, path, line, refused))

    add("binary file", "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(2_000)))
    add("empty file", "empty.txt", b"")
    add("whitespace-only file", "blank.txt", " \n\t\r\n  \n")
    add("undecodable bytes (cp1252)", "latin.txt", "“We won’t stop,” said José Álvarez. Café".encode("cp1252"), refused=False)
    add("undecodable line in JSONL", "mixed.jsonl",
        json.dumps({"id": "ok-1", "text": seed}).encode() + b"\n" + b'{"id": "bin", "text": "\x00\xff\xfe"}\n', line=2)
    huge = enormous_paragraph(rng, 200_000) + "\n\n"
    add("10 MB article", "huge.txt", (huge * (huge_bytes // len(huge.encode()) + 1)).encode()[:huge_bytes].decode("utf-8", "ignore"))
    add("10 MB JSONL record", "huge.jsonl", json.dumps({"id": "big", "text": "x " * (huge_bytes // 2)}) + "\n", line=1)
    add("JSONL with a broken line", "broken.jsonl",
        json.dumps({"id": "ok-2", "text": seed}) + "\n" + '{"id": "cut", "text": "“We will' + "\n" + json.dumps({"id": "ok-3", "text": seed[::-1]}) + "\n", line=2)
    add("JSONL line that is not an object", "array.jsonl", json.dumps({"id": "ok-4", "text": seed}) + "\n[1, 2, 3]\n", line=2)
    add("JSONL with no text", "notext.jsonl", json.dumps({"id": "ok-5", "text": seed}) + '\n{"id": "t", "title": "no text"}\n', line=2)
    add("JSONL lone surrogate", "surrogate.jsonl", '{"id": "sur", "text": "\\u201cBroken \\ud800 text,\\u201d said Ann Lee."}\n', refused=False)
    add("CSV without a text column", "nocol.csv", "id,title\n1,Headline\n")
    add("CSV row missing cells", "short.csv", f"id,title,text\nc1,Seed,{json.dumps(seed)}\nc2,Short\n", line=3)
    add("not an article file", "notes.pdf", b"%PDF-1.4\n")
    return cases


def error_names(line: str, case: Malformed) -> bool:
    """True when a one-line error names the case's file (and line, when it has one)."""
    where = f"{case.path}:{case.line}:" if case.line is not None else f"{case.path}:"
    return "\n" not in line.strip() and where in line


# --- kill -9 ---------------------------------------------------------------------------


def corpus(folder: Path, articles: int, rng: random.Random) -> Path:
    """A JSONL file of the seed articles and `articles` mutations of them: work for the kill tests."""
    seeds = seed_texts()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(seeds):
            out.write(json.dumps({"id": f"seed-{i}", "text": text}) + "\n")
        for i in range(articles):
            out.write(json.dumps({"id": f"mut-{i}", "text": mutate(rng.choice(seeds), rng) or "empty"}) + "\n")
    return path


def extract_cli(inputs: list[Path], out: Path, *extra: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([*QUOTES_CLI, "extract", *map(str, inputs), "--out", str(out), "--quiet", *extra],
                          capture_output=True, text=True, timeout=timeout, cwd=REPO)


def kill_extract_at(inputs: list[Path], out: Path, after: float, *extra: str) -> int | None:
    """Start `quotes extract`, `kill -9` it `after` seconds in; its exit code if it ended first, else None."""
    process = subprocess.Popen([*QUOTES_CLI, "extract", *map(str, inputs), "--out", str(out), "--quiet", *extra],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
    try:
        return process.wait(after)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(30)
        return None


def quote_rows(path: Path) -> list[tuple]:
    """Every stored quote as (quote_id, article_id, start, end, text), sorted; duplicates kept."""
    from quotes.dataset import open_dataset

    table = open_dataset(path).quotes.to_table(columns=["quote_id", "article_id", "start", "end", "text"])
    return sorted(zip(*(table[c].to_pylist() for c in table.column_names)))


def lost_and_duplicated(clean: list[tuple], after: list[tuple]) -> tuple[int, int]:
    """Rows of a clean run missing after kills and a re-run, and rows stored more than once."""
    from collections import Counter

    have = Counter(after)
    lost = sum((Counter(clean) - have).values())
    ids = Counter(row[0] for row in after)
    duplicated = sum(n - 1 for n in ids.values() if n > 1)
    return lost, duplicated


# --- the service -----------------------------------------------------------------------


def abusive_requests(rng: random.Random, count: int, max_body: int) -> list[tuple[str, str, dict]]:
    """(method, url, httpx keyword arguments): malformed, oversized, wrong-method and deep-offset requests."""
    deep = ["0", "-1", "1e9", str(2**31), str(2**63), str(10**30), "nan", "", "%00", "1.5", "0x10", "٣"]
    names = ["Biden", "biden", "", "%", "\x00", "’", "a" * 5_000, "../../etc/passwd", "<script>", "%ZZ", "joe%20biden", "🙂" * 50]
    bodies = [b"", b"{", b"[]", b"null", b'"text"', b'{"text": 5}', b'{"quote": []}', b"\xff\xfe\x00", b"[" * 50_000 + b"]" * 50_000,
              b'{"text": "' + b"\\ud800" * 100 + b'"}', json.dumps({"text": "“" * 1_000 + " said Bob"}).encode(),
              json.dumps({"quote": "a work in progress", "speaker": "x" * 10_000}).encode(), b"a" * (max_body + 1)]
    paths = ["/", "/health", "/speakers", "/quotes", "/check", "/extract", "/speakers/joe%20biden/quotes", "/docs", "/openapi.json", "/nowhere", "//", "/speakers/%00/quotes"]
    requests = [
        ("POST", "/extract", {"content": b"x" * (max_body + 1), "headers": {"content-type": "application/json"}}),
        ("POST", "/extract", {"content": iter([b"{", b'"text": "' + b"a" * max_body, b'"}']), "headers": {"content-type": "application/json"}}),
        ("POST", "/check", {"content": b"{}", "headers": {"content-length": "999999999999"}}),
        ("POST", "/extract", {"json": {"text": "“We will work at that relentlessly,” Blinken said. " * 40}}),
        ("GET", "/quotes?offset=" + str(10**100), {}),
        ("GET", "/speakers?limit=0", {}),
    ]
    for _ in range(count - len(requests)):
        roll = rng.random()
        if roll < 0.35:
            key = rng.choice(["offset", "limit", "since", "until", "q", "speaker"])
            value = rng.choice(deep + names)
            where = rng.choice(["/speakers", "/quotes", "/speakers/joe%20biden/quotes", "/"])
            requests.append(("GET", f"{where}?{key}={quote(value, safe='%')}", {}))
        elif roll < 0.7:
            headers = rng.choice([{"content-type": "application/json"}, {"content-type": "text/plain"}, {}, {"content-type": "application/json; charset=latin-1"}])
            requests.append(("POST", rng.choice(["/check", "/extract", "/speakers"]), {"content": rng.choice(bodies), "headers": headers}))
        else:
            requests.append((rng.choice(["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "POST", "GET"]), rng.choice(paths), {}))
    return requests


def send(client, method: str, url: str, kwargs: dict) -> int:
    """The status of one request through a TestClient made with raise_server_exceptions=False (a crash is a 500)."""
    return client.request(method, url, **kwargs).status_code


def timed(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - start
