"""The baseline we must beat: textacy's direct_quotations, scored like quotes.

Usage: python benchmarks/textacy_baseline.py GOLD.jsonl [--whole]

By default each paragraph is parsed on its own (textacy raises ValueError on a
whole document with an odd number of quote marks, and on a paragraph only that
paragraph is lost); --whole runs it on whole articles as documented, where one
stray mark loses the article. Speakers are the spans textacy returns, as written.
"""
from __future__ import annotations

import argparse
import json
import re

import spacy
from textacy.extract.triples import direct_quotations

from quotes.evaluate import score
from quotes.pipeline import MODEL


def predict(nlp, text: str, whole: bool) -> list[dict]:
    pieces = [(0, text)] if whole else [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    out = []
    for offset, piece in pieces:
        try:
            triples = list(direct_quotations(nlp(piece)))
        except ValueError:
            continue  # unbalanced quote marks: textacy gives up on the whole piece
        for t in triples:
            start, end = t.content[0].idx, t.content[-1].idx + len(t.content[-1].text)
            inner = piece[start:end].strip("\"“”'‘’ ")
            s = offset + piece.find(inner, start)
            out.append({"start": s, "end": s + len(inner), "quote": inner, "speaker": " ".join(tok.text for tok in t.speaker)})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--whole", action="store_true", help="run on whole articles instead of paragraphs")
    args = parser.parse_args()
    nlp = spacy.load(MODEL)
    gold = {d["doc_id"]: d for d in map(json.loads, open(args.gold, encoding="utf-8"))}
    predictions = {doc_id: predict(nlp, d["text"], args.whole) for doc_id, d in gold.items()}
    report = score(gold, predictions)
    for key in ("quote_precision", "quote_recall", "quote_f1", "speaker_accuracy", "e2e_f1"):
        print(f"{key}={report[key]:.3f}")


if __name__ == "__main__":
    main()
