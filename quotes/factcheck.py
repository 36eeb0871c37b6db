"""Fact-check an attribution: did this person say these words, and if not, who did?

A claim is matched against the dataset's quotes in three steps: the word index
(`quotes.wordindex`) names candidate quotes that share the claim's rarer
words; each candidate is compared with the claim on normalised words (case,
accents, curly or straight marks and punctuation do not matter); the best
comparisons become the evidence of a verdict.

Verdicts, with a claimed speaker:
    attributed      the claimed speaker said these words (the closest words anyone said are theirs);
    misattributed   someone else said them, or something closer to them (named in `said_by`);
    altered         the claimed speaker said something close, but not these words;
    not_found       nobody said anything close enough.
Without a claimed speaker: `found` (with `said_by`) or `not_found`.

Read side only: no language model is loaded.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from quotes import wordindex
from quotes.errors import UnknownSpeaker

if TYPE_CHECKING:
    from quotes.dataset import QuoteDataset

# --- thresholds: each a judgement, so each is named with its reason --------------

# Fuzzy score (rapidfuzz, 0-100, on normalised words) from which a quote counts
# as close to the claim. One changed or dropped word in an eight-word quote
# scores 85-95; unrelated sentences that share a few common words ("we will
# never negotiate" against "we will not hesitate") score 45-60.
CLOSE_SCORE = 80.0
# What the claimed speaker said is shown beside a misattribution from this
# score: related words (the same opening, another ending) score 65-80, while
# unrelated sentences sharing common words stay below 60.
RELATED_SCORE = 65.0
# A claim shorter than this is matched only word for word: a near miss on one
# or two words ("total victor") is more likely chance than an altered quote.
FUZZY_MIN_WORDS = 3
# A quote inside a longer claim ("Israel will see total victory" holds the
# quoted "total victory") supports the claim when it is at least two words and
# at least this share of the claim's words; a lone word or a small part proves
# nothing about the rest.
LONGER_CLAIM_MIN_WORDS = 2
LONGER_CLAIM_MIN_SHARE = 0.3
# Candidates scored per check: the best by shared rare words across the whole
# dataset, and again among the claimed speaker's quotes, so that what the
# speaker did say is found even when others share more words with the claim.
CANDIDATE_LIMIT = 100
SPEAKER_CANDIDATE_LIMIT = 50
# Postings read for the dataset-wide candidates: the rarest words first, so a
# claim made only of very common words still answers in time.
POSTINGS_BUDGET = 250_000
# Evidence shown: a widely quoted line would otherwise list hundreds of copies.
EVIDENCE_LIMIT = 10
CLOSEST_LIMIT = 3

# "...", ". . .", "…" and "[...]" in a claim stand for words left out.
ELLIPSIS = re.compile(r"\[\s*(?:\.\s*){3,}\]|\[\s*…\s*\]|(?:\.\s*){3,}|…")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quote in the dataset that bears on a claim, and how well it matches.

    `score` is how much of the claim the quote supports, 0 to 100: 100 for the
    same words (`exact`) or the claim inside a longer quote (`fragment`); the
    share of the claim's words that were quoted for `longer_claim`; the
    rapidfuzz score for `fuzzy`.
    """

    quote_id: str
    quote: str
    speaker: str
    speaker_key: str
    cue: str | None
    article_id: str
    title: str | None
    url: str | None
    published: str | None  # ISO date of the article, when known
    sentence: str
    score: float
    match: str  # "exact" | "fragment" | "longer_claim" | "fuzzy"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer to "did X say Y?" (or "who said Y?"), with its evidence."""

    verdict: str  # "attributed" | "misattributed" | "altered" | "not_found" | "found"
    claim: str
    speaker: str | None  # the claimed speaker's display name, or as given
    said_by: list[str]  # display names of who said the matching words, closest first
    evidence: list[Evidence]  # best matches first
    closest_by_speaker: list[Evidence]  # what the claimed speaker said that comes closest
    differences: str | None  # what differs between the claim and the closest real words

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Claim:
    """The claimed words, normalised; `segments` are the runs between ellipses."""

    text: str
    segments: tuple[tuple[str, ...], ...]

    @property
    def words(self) -> list[str]:
        return [w for segment in self.segments for w in segment]


def parse_claim(text: str) -> Claim:
    """Normalise a claim and split it at its ellipses.

    Raises:
        ValueError: the claim has no words.
    """
    if text is None or not str(text).strip():
        raise ValueError("the claim is empty: give the quoted words to check")
    parts = [p for p in ELLIPSIS.split(text) if p.strip()]
    segments = tuple(tuple(s) for s in wordindex.normalise(parts).to_pylist() if s)
    if not segments:
        raise ValueError(f"the claim {text!r} has no words to check (only punctuation)")
    return Claim(" ".join(text.split()), segments)


@dataclass(frozen=True, slots=True)
class Comparison:
    """How one quote stands to a claim: the kind of match and its score (as in `Evidence`)."""

    match: str
    score: float


def compare(claim: Claim, quote: list[str]) -> Comparison:
    """How the claim's words stand to one quote's words (see `Evidence.score`)."""
    said = " ".join(quote)
    padded = f" {said} "
    if len(claim.segments) == 1:
        words = claim.segments[0]
        text = " ".join(words)
        if text == said:
            return Comparison("exact", 100.0)
        if f" {text} " in padded:
            return Comparison("fragment", 100.0)
        share = len(quote) / len(words)
        if len(quote) >= LONGER_CLAIM_MIN_WORDS and share >= LONGER_CLAIM_MIN_SHARE and padded in f" {text} ":
            return Comparison("longer_claim", round(100.0 * share, 1))
    elif _in_order([" ".join(s) for s in claim.segments], padded):
        return Comparison("fragment", 100.0)
    if len(claim.words) < FUZZY_MIN_WORDS:
        return Comparison("fuzzy", 0.0)
    total = sum(len(s) for s in claim.segments)
    score = sum(_fuzzy(" ".join(s), said) * len(s) for s in claim.segments) / total
    return Comparison("fuzzy", round(score, 1))


def _in_order(segments: list[str], padded: str) -> bool:
    """Each run of words between the claim's ellipses appears in the quote, in order."""
    at = 0
    for segment in segments:
        found = padded.find(f" {segment} ", at)
        if found < 0:
            return False
        at = found + len(segment) + 1
    return True


def _fuzzy(claim: str, said: str) -> float:
    """A claim shorter than the quote is aligned with its best-matching part; a longer one is compared whole."""
    if len(claim) < len(said):
        return fuzz.partial_ratio(claim, said)
    return fuzz.ratio(claim, said)


def _accepted(comparison: Comparison) -> bool:
    return comparison.match != "fuzzy" or comparison.score >= CLOSE_SCORE


def differences(claim: Claim, quote: list[str], match: str) -> str | None:
    """What differs between the claim and the quote, in words a reader follows.

    Words are shown normalised (lower case, no punctuation): marks and case are
    not differences.
    """
    if match in ("exact", "fragment"):
        return None
    if match == "longer_claim":
        words = claim.words
        for start in range(len(words) - len(quote) + 1):
            if words[start:start + len(quote)] == quote:
                extra = " ".join(words[:start] + ["…"] + words[start + len(quote):]).strip(" …")
                return f"only “{' '.join(quote)}” was quoted; “{extra}” is not in the quote"
        return None
    notes = []
    for segment in claim.segments:
        notes.extend(_word_changes(list(segment), quote, inside=len(claim.segments) > 1 or len(segment) < len(quote)))
    return "; ".join(notes) or "the same words in another order or spelling"


def _word_changes(claim: list[str], said: list[str], *, inside: bool) -> list[str]:
    """Word-level edits from the quote to the claim, adjacent edits merged into one.

    With `inside`, the claim stands for part of the quote: words of the quote
    before and after the part it lines up with are not differences.
    """
    runs: list[list[int]] = []  # [claim start, claim end, quote start, quote end] of each run of edits
    for op in Levenshtein.opcodes(claim, said):
        if op.tag == "equal":
            continue
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            runs[-1][1], runs[-1][3] = op.src_end, op.dest_end
        else:
            runs.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    notes = []
    for src_start, src_end, dest_start, dest_end in runs:
        ours, theirs = " ".join(claim[src_start:src_end]), " ".join(said[dest_start:dest_end])
        at_edge = src_start == src_end and (src_start == 0 or src_end == len(claim))
        if ours and theirs:
            notes.append(f"claim has “{ours}” where the quote has “{theirs}”")
        elif ours:
            notes.append(f"claim adds “{ours}”")
        elif not (inside and at_edge):
            notes.append(f"claim leaves out “{theirs}”")
    return notes


# --- the check -------------------------------------------------------------------


def check(dataset: "QuoteDataset", quote: str, speaker: str | None = None) -> Verdict:
    """Did `speaker` say `quote`? Without a speaker: who said it?

    Args:
        dataset: an open dataset (`quotes.open_dataset`).
        quote: the claimed words, with or without marks; "..." stands for words left out.
        speaker: the claimed speaker: full name, alias, surname or title and name.

    Raises:
        ValueError: the claim is empty.
        UnknownSpeaker: no speaker in the dataset answers to `speaker`.
        IndexMissing: the dataset was written before it had a word index.
    """
    claim = parse_claim(quote)
    keys: list[str] = []
    shown = None
    if speaker is not None and speaker.strip():
        keys = dataset.match(speaker)
        if not keys:
            raise UnknownSpeaker(speaker, dataset.suggest(speaker))
        shown = _display_name(dataset, keys, speaker)
    index = dataset.word_index
    scored = _score(index, claim, index.candidates(claim.words, limit=CANDIDATE_LIMIT, budget=POSTINGS_BUDGET), keys)
    if keys and not any(s[2] and s[0].score == 100.0 for s in scored):
        # The claimed speaker did not say these very words among the best
        # candidates: look among their own quotes for what they did say.
        seen = {s[1] for s in scored}
        own = index.candidates(claim.words, limit=SPEAKER_CANDIDATE_LIMIT, budget=POSTINGS_BUDGET, ranges=index.speaker_ranges(keys))
        scored += _score(index, claim, np.array([r for r in own if int(r) not in seen], np.int64), keys)
    # Best first; on a tie the claimed speaker's quote, then the dataset's order.
    scored.sort(key=lambda s: (-s[0].score, not s[2], s[1]))
    return _verdict(dataset, claim, shown, bool(keys), scored)


def _score(index: "wordindex.WordIndex", claim: Claim, rows: np.ndarray, keys: list[str]) -> list:
    """(comparison, row, by the claimed speaker, quote words) of the candidates related to the claim."""
    table = index.read(rows, ["text", "speaker_key"])
    tokens = wordindex.normalise(table["text"]).to_pylist()
    scored = []
    for row, words, key in zip(rows, tokens, table["speaker_key"].to_pylist()):
        comparison = compare(claim, words)
        if comparison.match != "fuzzy" or comparison.score >= RELATED_SCORE:
            scored.append((comparison, int(row), key in keys, words))
    return scored


def _display_name(dataset: "QuoteDataset", keys: list[str], given: str) -> str:
    names = dataset.speaker_names(keys)
    return " / ".join(names) if names else given


def _verdict(dataset: "QuoteDataset", claim: Claim, speaker: str | None, claimed: bool, related: list) -> Verdict:
    scored = [s for s in related if _accepted(s[0])]
    ours = [s for s in scored if s[2]]
    others = [s for s in scored if not s[2]]
    best = scored[0] if scored else None
    if not scored:
        verdict = "not_found"
    elif not claimed:
        verdict = "found"
    elif ours and (not others or ours[0][0].score >= others[0][0].score):
        verdict = "attributed" if ours[0][0].match != "fuzzy" else "altered"
        best = ours[0]
    else:
        verdict = "misattributed"
        best = others[0]
    shown = scored[:EVIDENCE_LIMIT]
    closest = [s for s in related if s[2]][:CLOSEST_LIMIT] if verdict in ("misattributed", "altered") else []
    wanted = list(dict.fromkeys([s[1] for s in shown] + [s[1] for s in closest]))
    details = _evidence_rows(dataset, wanted)

    def evidence(items: list) -> list[Evidence]:
        return [_evidence(details[s[1]], s[0]) for s in items]

    # Who said the matching words; for a misattribution, the others only.
    sayers = [s for s in shown if not (verdict == "misattributed" and s[2])]
    said_by = list(dict.fromkeys(details[s[1]]["speaker"] for s in sayers))
    return Verdict(
        verdict=verdict,
        claim=claim.text,
        speaker=speaker,
        said_by=said_by,
        evidence=evidence(shown),
        closest_by_speaker=evidence(closest),
        differences=differences(claim, best[3], best[0].match) if best else None,
    )


def _evidence_rows(dataset: "QuoteDataset", rows: list[int]) -> dict[int, dict]:
    table = dataset.word_index.read(np.array(rows, np.int64), wordindex.EVIDENCE_COLUMNS)
    return dict(zip(rows, table.to_pylist()))


def _evidence(row: dict, comparison: Comparison) -> Evidence:
    published = row["published_date"]
    return Evidence(
        quote_id=row["quote_id"],
        quote=row["text"],
        speaker=row["speaker"],
        speaker_key=row["speaker_key"],
        cue=row["cue"],
        article_id=row["article_id"],
        title=row["article_title"],
        url=row["url"],
        published=published.isoformat() if published else None,
        sentence=row["sentence"] or row["text"],
        score=comparison.score,
        match=comparison.match,
    )
