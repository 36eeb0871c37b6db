"""Scoring the extractor against a gold file, as ../shared/eval/score.py does.

The metric is the scorer's, re-stated here so `quotes eval` needs nothing
outside the package: spans match when they overlap by half the longer one
(one to one, greedy); a speaker is right when the surname-like last token of
one side's head is among the other side's head tokens.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "her", "you", "them", "us"}
TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "sir", "the", "a", "an", "jr", "sr"}


def head_tokens(name: str | None) -> list[str]:
    head = re.split(r",|\(| of | who | from ", name or "")[0]
    return [t for t in re.findall(r"[\w'-]+", head.lower()) if t not in TITLES]


def same_speaker(pred: str | None, gold: str) -> bool:
    p, g = head_tokens(pred), head_tokens(gold)
    return bool(p and g) and (p[-1] in g or g[-1] in p)


def gold_speaker(q: dict) -> str | None:
    if q.get("speaker_resolved"):
        return q["speaker_resolved"]
    s = q.get("speaker")
    return None if not s or s.strip().lower() in PRONOUNS else s


def _match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    def overlap(a, b):
        return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))

    pairs = sorted(((overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)), reverse=True)
    used_g, used_p, out = set(), set(), []
    for ov, gi, pi in pairs:
        longer = max(gold[gi]["end"] - gold[gi]["start"], pred[pi]["end"] - pred[pi]["start"])
        if ov == 0 or ov < 0.5 * longer or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def score(gold_docs: dict[str, dict], predictions: dict[str, list[dict]]) -> dict:
    """Precision, recall, F1 of quotes, speaker accuracy and end-to-end F1."""
    n_gold = n_pred = n_match = judged = right = e2e = 0
    errors = []
    for doc_id, g in gold_docs.items():
        gq, pq = g["quotes"], predictions.get(doc_id, [])
        n_gold += len(gq)
        n_pred += len(pq)
        for gi, pi in _match(gq, pq):
            n_match += 1
            gs = gold_speaker(gq[gi])
            ok = True
            if gs is not None:
                judged += 1
                ok = same_speaker(pq[pi].get("speaker"), gs)
                right += ok
                if not ok:
                    errors.append((doc_id, gq[gi]["quote"], gs, pq[pi].get("speaker")))
            e2e += ok
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    ep, er = (e2e / n_pred if n_pred else 0.0), (e2e / n_gold if n_gold else 0.0)
    return {
        "docs": len(gold_docs), "gold": n_gold, "predicted": n_pred, "matched": n_match,
        "quote_precision": p, "quote_recall": r, "quote_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "speaker_accuracy": right / judged if judged else 0.0, "speaker_judged": judged,
        "e2e_f1": 2 * ep * er / (ep + er) if ep + er else 0.0,
        "speaker_errors": errors,
    }


def run_eval(gold_path: str | Path, predictions_path: str | Path | None = None, *, n_process: int = 1) -> dict:
    """Run the extractor over a gold file and score it; optionally write the predictions."""
    from quotes.pipeline import extract_articles
    from quotes.records import Article

    gold = {d["doc_id"]: d for d in map(json.loads, open(gold_path, encoding="utf-8"))}
    articles = (Article(id=doc_id, text=d["text"]) for doc_id, d in gold.items())
    predictions: dict[str, list[dict]] = {}
    for article, quotes in extract_articles(articles, n_process=n_process):
        predictions[article.id] = [{"start": q.start, "end": q.end, "quote": q.text, "speaker": q.speaker} for q in quotes if q.speaker]
    if predictions_path:
        with open(predictions_path, "w", encoding="utf-8") as out:
            for doc_id, qs in predictions.items():
                out.write(json.dumps({"doc_id": doc_id, "quotes": qs}, ensure_ascii=False) + "\n")
    return score(gold, predictions)
