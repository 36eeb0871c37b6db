"""Who is who across a corpus: one speaker whether an article wrote "Biden" or "Joe Biden".

The extractor names speakers article by article. Here those names become
corpus-wide identities: a normalised key (case, accents and punctuation
ignored), one display name, and the merges that are safe.

Notes:
    A bare surname joins a full name only when exactly one person in the
    corpus has that surname ("Biden" → "Joe Biden"). Two candidates (Bill and
    Hillary Clinton) leave "Clinton" a speaker of its own: guessing would put
    words in someone's mouth. Users settle such cases in `aliases.csv`.

    This module is on the read side too (normalising a look-up), so it must
    stay free of spaCy.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from quotes import lexicon
from quotes.errors import AliasFileError

# Courtesy titles that say nothing about who is meant ("Mr. Trump" is Trump).
# Office titles ("President") are split off by the extractor, not here.
HONORIFICS = frozenset(h.rstrip(".") for h in lexicon.honorifics())
PERSON = "person"

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def fold(text: str) -> str:
    """Lower case without accents: how a user types a name they heard."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(name: str | None) -> str | None:
    """The normalised identity of a name: "José  Álvarez-Díaz" → "jose alvarez-diaz".

    Punctuation other than in-word hyphens and apostrophes is dropped, and a
    leading courtesy title ("Mr.", "Dr.") is ignored. Returns None for a name
    with no letters or digits.
    """
    if not name:
        return None
    words = [w.replace("’", "'") for w in _WORD.findall(fold(name))]
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words) or None


def surname_key(key: str) -> str:
    """Last word of a normalised name: what "Biden" alone would match."""
    return key.rsplit(" ", 1)[-1]


@dataclass(frozen=True, slots=True)
class Identity:
    """A corpus-wide speaker: the key the dataset is sorted by and the name shown."""

    key: str
    name: str
    kind: str


def read_aliases(path: str | Path) -> dict[str, str]:
    """User corrections from an `alias,canonical name` CSV (header and `#` lines optional).

    Returns:
        normalised alias key → canonical name as written. A missing file is no aliases.
    """
    path = Path(path)
    if not path.exists():
        return {}
    aliases: dict[str, str] = {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
                continue
            if number == 1 and [c.strip().lower() for c in row[:2]] == ["alias", "canonical"]:
                continue
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                raise AliasFileError(str(path), number, "a row needs an alias and a canonical name")
            key = name_key(row[0])
            if key is None:
                raise AliasFileError(str(path), number, f"alias {row[0]!r} has no letters")
            aliases[key] = row[1].strip()
    return aliases


def resolve(
    names: Mapping[tuple[str, str], int],
    aliases: Mapping[str, str] | None = None,
) -> dict[str, Identity]:
    """Map every extracted speaker name to its corpus-wide identity.

    Args:
        names: (name as the extractor gave it, speaker kind) → number of quotes.
        aliases: normalised alias key → canonical name (see `read_aliases`); applied first.

    Returns:
        extracted name → Identity. Names with no letters are left out.
    """
    aliases = aliases or {}
    surfaces: dict[str, Counter] = defaultdict(Counter)  # key → spellings seen, by quotes
    kinds: dict[str, Counter] = defaultdict(Counter)
    first_key: dict[str, str] = {}
    pinned: set[str] = set()  # keys the user chose: never merged by rule
    for (name, kind), count in names.items():
        key = name_key(name)
        if key is None:
            continue
        shown = name
        if key in aliases:
            shown = aliases[key]
            key = name_key(shown) or key
            pinned.add(key)
        first_key[name] = key
        surfaces[key][shown] += count
        kinds[key][kind or "unknown"] += count
    merged = _merge_keys(kinds, pinned)
    group_surfaces: dict[str, Counter] = defaultdict(Counter)
    group_kinds: dict[str, Counter] = defaultdict(Counter)
    for key in surfaces:
        target = merged.get(key, key)
        group_kinds[target].update(kinds[key])
        if target == key:  # the display name is a spelling of the fullest form only
            group_surfaces[target].update(surfaces[key])
    identities: dict[str, Identity] = {}
    for name, key in first_key.items():
        target = merged.get(key, key)
        spellings = group_surfaces[target]
        display = max(spellings, key=lambda s: (spellings[s], len(s), s))
        identities[name] = Identity(target, display, group_kinds[target].most_common(1)[0][0])
    return identities


def _merge_keys(kinds: Mapping[str, Counter], pinned: set[str]) -> dict[str, str]:
    """key → key it merges into, for the merges that are unambiguous in the corpus."""
    people = [k for k in kinds if kinds[k].most_common(1)[0][0] == PERSON]
    by_first_last: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key in people:
        words = key.split(" ")
        if len(words) == 2:
            by_first_last[(words[0], words[1])].add(key)
    merged: dict[str, str] = {}
    # "Donald J. Trump" is "Donald Trump" when the corpus has that name: middle initials only.
    for key in people:
        words = key.split(" ")
        if key in pinned or len(words) < 3 or any(len(w) > 1 for w in words[1:-1]):
            continue
        plain = by_first_last.get((words[0], words[-1]), set())
        if len(plain) == 1:
            merged[key] = next(iter(plain))
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in people:
        if " " in key:
            by_surname[surname_key(key)].add(merged.get(key, key))
    for key in people:
        if " " in key or key in pinned:
            continue
        candidates = by_surname.get(key, set())
        if len(candidates) == 1:  # two people share the surname: leave it apart
            merged[key] = next(iter(candidates))
    return merged
