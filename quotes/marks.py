"""Finding quote-marked spans in raw text, before any parsing.

News text mixes straight and curly marks, uses single quotes in headlines
and for quotes within quotes, writes `''` for a double mark (the NYT), and
reopens a quotation at every paragraph it runs over without closing it.
Pairing marks is done paragraph by paragraph with a small state machine that
judges each mark by its neighbours, so one stray mark can spoil at most one
paragraph and never raises.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Double marks: the kind says which way a mark faces when it is curly.
DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_STRAIGHT = '"'
SINGLE_OPEN = "‘‚"
SINGLE_CLOSE = "’"
SINGLE_STRAIGHT = "'"

_MARK = re.compile(r"''|[\"“”„«»‘’‚']")
_OPENING_CONTEXT = set(" \t([{—–-/:;") | set(DOUBLE_OPEN) | set(SINGLE_OPEN) | {'"', "'"}
_CLOSING_CONTEXT = set(" \t.,;:!?)]}—–-/…") | set(DOUBLE_CLOSE) | set(SINGLE_CLOSE) | {'"', "'"}


@dataclass(frozen=True, slots=True)
class Span:
    """The characters between a pair of quote marks (or to a paragraph's end).

    `closed` is False when the paragraph ended with the quote still open: in
    news style the quotation goes on in the next paragraph.
    """

    start: int
    end: int
    closed: bool
    single: bool  # marked with single quotes


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: in news copy a line is a paragraph."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


_NOT_POSSESSED = frozenset("as and or but nor for to in on at by from with over after before while when says said is are "
                           "was were has have had will would could should".split())


def _role(text: str, i: int, j: int, mark: str) -> str:
    """'open', 'close', 'either', 'possessive' or 'none' for the mark text[i:j], from its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    if before == "\n":
        before = " "
    if after == "\n":
        after = " "
    opens = before in _OPENING_CONTEXT and not after.isspace()
    closes = not before.isspace() and (after in _CLOSING_CONTEXT or after.isspace())
    if mark in DOUBLE_OPEN or mark in SINGLE_OPEN:
        # A curly opener glued to the end of a word is a mistyped closer.
        return "close" if not before.isspace() and after.isspace() else "open"
    if mark in DOUBLE_CLOSE:
        return "open" if opens and not closes else "close"
    if mark == SINGLE_CLOSE or mark == SINGLE_STRAIGHT:
        if before.isalnum() and after.isalnum():
            return "none"  # an apostrophe inside a word: I’ll, Israel’s
        if before in "sSzZ" and after == " " and text[j + 1:j + 2].islower():
            word = re.match(r"[a-z]+", text[j + 1:j + 12])
            if word and word.group() in _NOT_POSSESSED:
                return "close"  # ‘fair to taxpayers’ as Tories attack …: a function word is nobody's possession
            return "possessive"  # the MPs' expenses, Hamas’ demands ... or 'working the referees' at
        if opens and not closes:
            return "none" if mark == SINGLE_CLOSE else "open"  # ’90s is an elision
        return "close" if closes else "none"
    # straight double marks face whichever way their neighbours say
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


_TAG = re.compile(r"<[a-zA-Z/][^<>\n]{0,2000}>")


def find_spans(text: str) -> list[Span]:
    """Every quote-marked span in `text`, in order. Never raises.

    Marks inside HTML tags left by scrapers (`<tweet author="...">`) are
    attribute syntax, not quotation, and are passed over.
    """
    spans: list[Span] = []
    tags = [m.span() for m in _TAG.finditer(text)] if "<" in text else []
    for p_start, p_end in paragraphs(text):
        spans.extend(_paragraph_spans(text, p_start, p_end, tags))
    return spans


def _paragraph_spans(text: str, p_start: int, p_end: int, tags: list[tuple[int, int]]) -> list[Span]:
    out: list[Span] = []
    d_open: int | None = None  # content start of the open double quote
    d_straight = False  # ... and whether it was opened with a straight mark
    inner: int | None = None  # content start of a double quote nested in it, marked in the other style
    inner_straight = False
    s_open: int | None = None  # content start of the open single quote (outside doubles)
    for m in _MARK.finditer(text, p_start, p_end):
        i, j = m.span()
        if tags and _inside(tags, i):
            continue
        mark = m.group()
        single = mark in SINGLE_OPEN or mark in SINGLE_CLOSE or mark == SINGLE_STRAIGHT
        role = _role(text, i, j, mark)
        if single:
            if d_open is not None or role == "none" or role == "possessive" and s_open is None:
                continue  # quotes within quotes stay part of the outer quotation
            if role == "open" and s_open is None:
                # an opener counts when a closer follows, or when it opens the paragraph (a quotation
                # running on to the next one); else it is an elision such as 'til or '90s
                if i == p_start or _single_closer_after(text, j, p_end, tags) or _runs_on(text, i, j, p_end):
                    s_open = j
            elif s_open is not None and (role in ("close", "either") or role == "possessive" and not _single_closer_after(text, j, p_end, tags)):
                if _has_words(text, s_open, i):
                    out.append(Span(s_open, i, True, True))
                s_open = None
            continue
        if s_open is not None:
            continue  # double marks inside single ones (British style) are quotes within the quote
        straight = mark == DOUBLE_STRAIGHT
        if d_open is None:
            if role in ("open", "either"):
                d_open, d_straight, s_open = j, straight, None
            continue
        if inner is not None:
            if straight == inner_straight and role in ("close", "either"):
                if _has_words(text, inner, i):
                    out.append(Span(inner, i, True, False))
                inner = None
                continue
        elif role == "open" and (straight != d_straight or mark in DOUBLE_OPEN and _closes_twice(text, j, p_end)):
            # "Caddell read: “As you know, …” Forty-three, yes.": a quotation within a quotation,
            # marked in the other style (or in curly marks that close twice after it), is a span of
            # its own inside the outer one
            inner, inner_straight = j, straight
            continue
        if role in ("close", "either"):
            if _has_words(text, d_open, i):
                out.append(Span(d_open, i, True, False))
            d_open = inner = None
        elif role == "open":
            d_open, d_straight = j, straight  # the previous opener was never closed: a stray mark
    if d_open is not None and _has_words(text, d_open, p_end):
        out.append(Span(d_open, p_end, False, False))
    elif s_open is not None and (s_open == p_start + 1 or _runs_on(text, s_open - 1, s_open, p_end)) \
            and _has_words(text, s_open, p_end):
        out.append(Span(s_open, p_end, False, True))
    return sorted(out, key=lambda span: span.start)


def _single_closer_after(text: str, start: int, p_end: int, tags: list[tuple[int, int]]) -> bool:
    for m in _MARK.finditer(text, start, p_end):
        mark = m.group()
        single = mark in SINGLE_OPEN or mark in SINGLE_CLOSE or mark == SINGLE_STRAIGHT
        if single and not (tags and _inside(tags, m.start())) and _role(text, m.start(), m.end(), mark) in ("close", "either", "possessive"):
            return True
    return False


def _runs_on(text: str, i: int, j: int, p_end: int) -> bool:
    """An unclosed single opener after "said: " that the next paragraph reopens: a quotation running
    on in British style (‘… we can.¶‘Now they're telling us …’), not an elision such as 'til."""
    after_intro = text[max(0, i - 2):i] in (": ", ", ") and text[j:j + 1].isupper()
    return after_intro and text[p_end:p_end + 4].lstrip()[:1] in (SINGLE_STRAIGHT, *SINGLE_OPEN)


def _closes_twice(text: str, start: int, p_end: int) -> bool:
    """More curly closers than openers follow, by two: “… what he calls “hell” than …” nests."""
    rest = text[start:p_end]
    return sum(rest.count(c) for c in DOUBLE_CLOSE) >= sum(rest.count(c) for c in DOUBLE_OPEN) + 2


def _inside(tags: list[tuple[int, int]], i: int) -> bool:
    k = bisect_right(tags, (i, float("inf"))) - 1
    return k >= 0 and tags[k][0] <= i < tags[k][1]


def _has_words(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])
