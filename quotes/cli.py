"""The `quotes` command: a thin layer over the Python API.

    quotes extract INPUT... [--out DIR] [--workers N] [--engine local|dask] [--scheduler ADDRESS]
                   [--list] [--quiet] [--force] [--wait SECONDS]
    quotes eval GOLD.jsonl [--predictions OUT.jsonl]
    quotes who NAME [--data DIR] [--format table|json|csv] [--since DATE] [--until DATE]
    quotes speakers [--data DIR] [--format table|json|csv]
    quotes check "CLAIMED QUOTE" [--speaker NAME] [--data DIR] [--format table|json]
    quotes serve [--data DIR] [--host 127.0.0.1] [--port 8000] [--max-body BYTES]

Exit status: 0 success; 1 some input skipped, or no speaker matched; 2 an
error (bad arguments, no dataset, dataset locked). Errors are one line on
stderr, never a traceback.

Only `extract` and `eval` load spaCy, and only once there is work for it; the
look-ups read Parquet and start fast.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from quotes.errors import QuotesError

DEFAULT_DATA = "data/quotes"
LIST_LIMIT = 50  # `extract` lists the quotes it stored when a run has at most this many
FORMATS = ("table", "json", "csv")
ENGINES = ("local", "dask")
WHO_COLUMNS = [
    "speaker", "text", "article_id", "article_title", "url", "published_date", "mention", "title",
    "cue", "kind", "speaker_kind", "confidence", "start", "end", "sentence", "quote_id",
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except QuotesError as exc:
        print(f"quotes: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("quotes: interrupted; the dataset is unchanged unless the summary was printed", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `quotes who X | head`
        sys.stderr.close()
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotes", description="Who said what, where: find quotations in news and look them up by speaker.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="extract quotes from articles into a dataset")
    extract.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .jsonl or .csv files, or folders of them")
    extract.add_argument("--out", default=DEFAULT_DATA, help=f"dataset directory (default {DEFAULT_DATA})")
    extract.add_argument("--workers", type=_positive_int, default=1, help="processes running the extractor (default 1; with --engine dask and no --scheduler, the local cluster's workers)")
    extract.add_argument("--engine", choices=ENGINES, default="local", help="local: nlp.pipe on this machine; dask: Dask distributed workers (default local)")
    extract.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the scheduler to use, e.g. tcp://10.0.0.5:8786 (default: start a local cluster)")
    extract.add_argument("--list", action="store_true", help=f"list the quotes of the input articles (default: only when at most {LIST_LIMIT})")
    extract.add_argument("--quiet", action="store_true", help="print nothing but errors")
    extract.add_argument("--force", action="store_true", help="extract unchanged articles again (e.g. after changing the extractor)")
    extract.add_argument("--wait", type=float, default=0.0, metavar="SECONDS", help="wait this long for another writer to finish (default: fail at once)")
    extract.set_defaults(run=run_extract)

    evaluate = commands.add_parser("eval", help="score the extractor against a gold JSONL file")
    evaluate.add_argument("gold", metavar="GOLD.jsonl")
    evaluate.add_argument("--predictions", metavar="OUT.jsonl", help="also write the predictions here")
    evaluate.set_defaults(run=run_eval)

    who = commands.add_parser("who", help="every quote of a speaker")
    who.add_argument("name", help="full name, alias or surname; case and accents are ignored")
    _add_read_options(who)
    who.add_argument("--since", type=_iso_date, metavar="YYYY-MM-DD", help="only quotes published on or after this date")
    who.add_argument("--until", type=_iso_date, metavar="YYYY-MM-DD", help="only quotes published on or before this date")
    who.set_defaults(run=run_who)

    speakers = commands.add_parser("speakers", help="list the speakers with their counts")
    _add_read_options(speakers)
    speakers.set_defaults(run=run_speakers)

    check = commands.add_parser("check", help="fact-check a quotation: did SPEAKER say it, and who did?")
    check.add_argument("claim", metavar="CLAIMED_QUOTE", help="the words as they are going around; '...' stands for words left out")
    check.add_argument("--speaker", metavar="NAME", help="who they are said to be by: name, alias, surname or title and name")
    check.add_argument("--data", default=DEFAULT_DATA, help=f"dataset directory (default {DEFAULT_DATA})")
    check.add_argument("--format", choices=("table", "json"), default="table", help="output format (default table)")
    check.set_defaults(run=run_check)

    serve = commands.add_parser("serve", help="serve the look-ups, fact-checks and a search page over HTTP")
    serve.add_argument("--data", default=DEFAULT_DATA, help=f"dataset directory (default {DEFAULT_DATA})")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    serve.add_argument("--max-body", type=_positive_int, default=2_000_000, metavar="BYTES", help="largest request body accepted (default 2000000)")
    serve.set_defaults(run=run_serve)
    return parser


def _add_read_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", default=DEFAULT_DATA, help=f"dataset directory (default {DEFAULT_DATA})")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default table)")


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return int(text)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-05-13") from None


# --- extract ----------------------------------------------------------------


def run_extract(args: argparse.Namespace) -> int:
    if args.scheduler and args.engine != "dask":
        raise QuotesError("--scheduler needs --engine dask")
    from quotes.articles import load_articles
    from quotes.ingest import DatasetWriter

    skipped = []
    seen: list[str] = []
    def skip(error) -> None:  # an unusable input, or an article the extractor failed on
        _note_skip(error, skipped, args.quiet)

    articles = load_articles(args.inputs, on_error=skip)
    with DatasetWriter(args.out, lock_timeout=args.wait) as writer:

        def to_extract() -> Iterator:
            for article in articles:
                seen.append(article.id)
                if args.force or not writer.is_current(article):
                    yield article

        pending = to_extract()
        first = next(pending, None)
        if first is not None:  # only now is spaCy (or a cluster) worth starting
            for article, quotes in _progress(_extract_pairs(chain([first], pending), args, skip), args.quiet):
                writer.add(article, quotes)
        report = writer.commit() if seen else None
    if not args.quiet:
        _print_summary(args.out, report, len(seen), skipped)
        if report is not None:
            _print_listing(args.out, seen, args.list)
    return 1 if skipped or not seen else 0


def _note_skip(error, skipped: list, quiet: bool) -> None:
    skipped.append(error)
    if quiet:  # otherwise the summary lists it
        print(f"quotes: skipped {error}", file=sys.stderr)


def _extract_pairs(articles: Iterable, args: argparse.Namespace, on_error: Callable) -> Iterator:
    """(article, quotes) pairs from the chosen engine, streamed: memory stays flat."""
    if args.engine == "dask":
        from quotes.cluster import dask_client, extract_on_dask

        with dask_client(args.scheduler, workers=args.workers) as client:
            yield from extract_on_dask(articles, client, on_error=on_error)
    else:
        from quotes.pipeline import extract_articles

        # Small batches on several processes: each gets work even on short runs.
        yield from extract_articles(articles, n_process=args.workers, batch_size=32 if args.workers == 1 else 8, on_error=on_error)


def _progress(pairs: Iterable, quiet: bool) -> Iterator:
    """Pass pairs through, drawing articles done, articles/s and quotes found on a terminal."""
    if quiet or not sys.stderr.isatty():
        yield from pairs
        return
    from tqdm import tqdm

    found = 0
    shape = "{desc}: {n_fmt}{unit} [{elapsed}, {rate_noinv_fmt}{postfix}]"  # articles/s even when slow
    with tqdm(desc="extracting", unit=" articles", bar_format=shape, file=sys.stderr) as bar:
        for article, quotes in pairs:
            found += len(quotes)
            bar.set_postfix_str(_count(found, "quote"), refresh=False)
            bar.update()
            yield article, quotes


def _print_summary(out: str, report, read: int, skipped: list) -> None:
    rows = [("articles read", str(read))]
    if report is not None:
        rows += [
            ("  new", str(report.articles_added)),
            ("  replaced (text changed, or --force)", str(report.articles_replaced)),
            ("  unchanged, not re-extracted", str(report.articles_unchanged)),
            ("quotes added", str(report.quotes_added)),
            ("quotes removed (replaced)", str(report.quotes_removed)),
            ("dataset", f"{out}: {report.articles_total} articles, {report.quotes_total} quotes, {report.speakers_total} speakers"),
        ]
    rows.append(("skipped inputs", str(len(skipped))))
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    for error in skipped:
        print(f"  {error}")
    if report is None:
        print(f"no articles read; nothing written to {out}")


def _print_listing(out: str, article_ids: list[str], forced: bool) -> None:
    """The stored quotes of this run's articles, speaker ← quote, under each headline."""
    import pyarrow.dataset as ds

    from quotes.dataset import open_dataset

    data = open_dataset(out)
    wanted = ds.field("article_id").isin(list(dict.fromkeys(article_ids)))
    table = data.quotes.to_table(columns=["article_id", "article_title", "speaker", "text", "start"], filter=wanted)
    if table.num_rows == 0 or (table.num_rows > LIST_LIMIT and not forced):
        if table.num_rows:
            print(f"\n{table.num_rows} quotes; list them with --list, or look one speaker up with `quotes who NAME --data {out}`")
        return
    order = {article_id: i for i, article_id in enumerate(dict.fromkeys(article_ids))}
    rows = sorted(table.to_pylist(), key=lambda r: (order[r["article_id"]], r["start"]))
    width = min(28, max(len(r["speaker"] or "(unknown)") for r in rows))
    current = None
    for row in rows:
        if row["article_id"] != current:
            current = row["article_id"]
            print(f"\n{current}  {row['article_title'] or ''}".rstrip())
        print(f"  {(row['speaker'] or '(unknown)'):<{width}} ← “{_shorten(row['text'], 100)}”")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- eval -------------------------------------------------------------------


def run_eval(args: argparse.Namespace) -> int:
    if not Path(args.gold).is_file():
        raise QuotesError(f"no gold file at {args.gold}; give a JSONL file of {{doc_id, text, quotes}} lines")
    from quotes.evaluate import run_eval as evaluate

    metrics = evaluate(args.gold, args.predictions)
    for key, value in metrics.items():
        print(f"{key}={value:.3f}" if isinstance(value, float) else f"{key}={value}")
    return 0


# --- who / speakers ---------------------------------------------------------


def run_who(args: argparse.Namespace) -> int:
    from quotes.dataset import open_dataset

    data = open_dataset(args.data)
    if not data.match(args.name):
        hints = data.suggest(args.name)
        hint = f"; did you mean {' or '.join(hints)}?" if hints else ""
        print(f"quotes: no speaker called {args.name!r} in {args.data}{hint}", file=sys.stderr)
        return 1
    quotes = data.by_speaker(args.name, since=args.since, until=args.until, columns=WHO_COLUMNS)
    if args.format == "table":
        _print_who_table(quotes, args.name)
    else:
        _write_frame(quotes, args.format)
    return 0


def run_speakers(args: argparse.Namespace) -> int:
    from quotes.dataset import open_dataset

    speakers = open_dataset(args.data).speakers()
    speakers = speakers.sort_values(["quote_count", "speaker"], ascending=[False, True], kind="stable")
    if args.format != "table":
        _write_frame(speakers, args.format)
        return 0
    print(f"{'speaker':<32} {'kind':<12} {'quotes':>6} {'articles':>8}  aliases")
    for row in speakers.itertuples(index=False):
        aliases = ", ".join(row.aliases) if row.aliases is not None else ""
        print(f"{_shorten(row.speaker, 32):<32} {row.speaker_kind or '':<12} {row.quote_count:>6} {row.article_count:>8}  {aliases}")
    return 0


# --- check ------------------------------------------------------------------

VERDICT_LINES = {
    "attributed": "attributed: {speaker} said these words",
    "misattributed": "misattributed: said by {said_by}, not by {speaker}",
    "altered": "altered: {speaker} said something close, but not these words",
    "not_found": "not found: nothing close enough in the dataset",
    "found": "found: said by {said_by}",
}


def run_check(args: argparse.Namespace) -> int:
    from quotes.dataset import open_dataset
    from quotes.errors import UnknownSpeaker

    data = open_dataset(args.data)
    try:
        verdict = data.check(args.claim, args.speaker)
    except UnknownSpeaker as exc:
        print(f"quotes: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        raise QuotesError(str(exc)) from None
    if args.format == "json":
        json.dump(verdict.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_verdict(verdict)
    return 0


def _print_verdict(verdict) -> None:
    print(VERDICT_LINES[verdict.verdict].format(speaker=verdict.speaker, said_by=" and ".join(verdict.said_by)))
    print(f"claim: “{verdict.claim}”")
    if verdict.differences:
        print(f"differences: {verdict.differences}")
    shown = {e.quote_id for e in verdict.evidence}
    closest = [e for e in verdict.closest_by_speaker if e.quote_id not in shown]  # altered: already listed
    for heading, items in (("evidence", verdict.evidence), (f"closest words of {verdict.speaker}", closest)):
        if items:
            print(f"\n{heading}:")
        for e in items:
            cue = f" ({e.cue})" if e.cue else ""
            print(f"  {e.score:5.1f} {e.match:<12} {e.speaker}{cue}: “{_shorten(e.quote, 140)}”")
            print(f"        {e.published or 'undated'}  {e.article_id}  {e.title or ''}".rstrip())
            if e.url:
                print(f"        {e.url}")
            if e.sentence and e.sentence.strip() != e.quote.strip():
                print(f"        in: {_shorten(e.sentence, 160)}")


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from quotes.service import create_app

    app = create_app(args.data, max_body_bytes=args.max_body)  # a missing dataset fails here, in one line
    print(f"quotes: serving {args.data} on http://{args.host}:{args.port}/ (API docs at /docs; Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _print_who_table(quotes, name: str) -> None:
    if quotes.empty:
        print(f"no quotes of {name!r} in that period")
        return
    speakers = sorted(set(quotes["speaker"]))
    articles = quotes["article_id"].nunique()
    print(f"{' / '.join(speakers)}: {_count(len(quotes), 'quote')} in {_count(articles, 'article')}")
    current = None
    for row in quotes.itertuples(index=False):
        if row.article_id != current:
            current = row.article_id
            when = row.published_date.isoformat() if row.published_date else "undated"
            print(f"\n{when}  {row.article_id}  {row.article_title or ''}".rstrip())
        who = f"{row.speaker}: " if len(speakers) > 1 else ""
        print(f"  {who}“{_shorten(row.text, 160)}”")


def _write_frame(frame, fmt: str) -> None:
    """CSV (lists joined with "; ") or a JSON array of records (missing values as null)."""
    frame = frame.astype(object).where(frame.notna(), None)
    if fmt == "csv":
        for column in frame.columns:
            if frame[column].map(lambda v: isinstance(v, (list, tuple)) or hasattr(v, "tolist")).any():
                frame[column] = frame[column].map(lambda v: "; ".join(map(str, v)) if v is not None else None)
        frame.to_csv(sys.stdout, index=False)
        return
    records = frame.to_dict(orient="records")
    json.dump(records, sys.stdout, ensure_ascii=False, indent=2, default=_json_value)
    sys.stdout.write("\n")


def _json_value(value):
    """JSON for what pandas hands back: dates, numpy scalars and arrays."""
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


if __name__ == "__main__":
    sys.exit(main())
