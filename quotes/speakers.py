"""Who a speaker mention refers to, within one article.

No coreference model installs offline, so names are resolved with the rules
a copy editor relies on: an article names a person in full once ("Secretary
of State Antony Blinken") and then by surname, honorific or title ("Blinken",
"Mr. Blinken", "the secretary"); a pronoun points back to the last person of
its gender who was speaking or acting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quotes import lexicon
from quotes.records import SpeakerKind

_POSSESSIVE = re.compile(r"(’s|'s|’|')$")
_PERSON_LABELS = {"PERSON"}
_ORG_LABELS = {"ORG", "NORP", "GPE"}


@dataclass(slots=True)
class Speaker:
    """A resolved speaker: the canonical name and what the text said of them."""

    name: str
    kind: SpeakerKind
    mention: str
    title: str | None = None
    gender: str | None = None  # 'm', 'f', 'p' (plural/group) or None


@dataclass(slots=True)
class _Person:
    name: str
    gender: str | None
    title: str | None
    first_seen: int


def clean_name(text: str) -> str:
    """A name without possessive, honorific or surrounding punctuation."""
    text = _POSSESSIVE.sub("", text.strip().strip(",.;:()\"“”‘’"))
    words = text.split()
    while words and words[0].lower() in lexicon.honorifics():
        words = words[1:]
    return " ".join(words)


class ArticleNames:
    """The people and organisations one article names, for resolving mentions."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.people: dict[str, _Person] = {}  # canonical full name → person
        self.by_surname: dict[str, list[str]] = {}
        self.by_title: dict[str, list[str]] = {}
        self.mentions: list[tuple[int, str, SpeakerKind]] = []  # (char offset, canonical, kind) in text order
        for ent in doc.ents:
            if ent.label_ in _PERSON_LABELS:
                self._add_person(ent)
        for ent in doc.ents:
            if ent.label_ in _PERSON_LABELS:
                self.mentions.append((ent.start_char, self.person_name(ent.text, ent.start_char), SpeakerKind.PERSON))
            elif ent.label_ in _ORG_LABELS:
                self.mentions.append((ent.start_char, clean_name(ent.text), SpeakerKind.ORGANISATION))

    # -- building -------------------------------------------------------
    def _add_person(self, ent: Span) -> None:
        name = clean_name(ent.text)
        words = name.split()
        if not words or not words[-1][:1].isupper():
            return
        title = title_before(self.doc, ent.start_char)
        gender = _gender_of(self.doc, ent, words)
        if len(words) == 1:
            # a bare surname adds what it tells (gender, title) to a full name seen already
            for full in self.by_surname.get(words[0].lower(), []):
                p = self.people[full]
                p.gender = p.gender or gender
                p.title = p.title or title
            return
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = _Person(name, gender, title, ent.start_char)
            self.by_surname.setdefault(words[-1].lower(), []).append(name)
        person.gender = person.gender or gender
        person.title = person.title or title
        if title:
            names = self.by_title.setdefault(title.split()[-1].lower(), [])
            if name not in names:
                names.append(name)

    # -- resolving ------------------------------------------------------
    def person_name(self, text: str, at: int, gender: str | None = None) -> str:
        """The fullest name the article gives for `text` ("Biden" → "Joe Biden")."""
        name = clean_name(text)
        words = name.split()
        if not words:
            return name
        if name in self.people:
            return name
        candidates = self.by_surname.get(words[-1].lower(), [])
        if len(words) > 1:
            # "Donald J. Trump" and "Donald Trump" are one person: same first and last word
            candidates = [c for c in candidates if c.split()[0].lower() == words[0].lower()]
        if gender:
            candidates = [c for c in candidates if self.people[c].gender in (gender, None)] or candidates
        if not candidates:
            return name
        if len(candidates) == 1:
            return candidates[0] if len(candidates[0]) >= len(name) else name
        # Two people share the surname (Bill and Hillary Clinton): the last one named before wins.
        before = [m for m in self.mentions if m[0] < at and m[1] in candidates]
        return before[-1][1] if before else min(candidates, key=lambda c: self.people[c].first_seen)

    def by_role(self, title: str) -> str | None:
        """The person an article calls by title alone ("the president" → Joe Biden)."""
        names = self.by_title.get(title.split()[-1].lower(), [])
        return names[0] if len(names) == 1 else None

    def gender(self, name: str) -> str | None:
        p = self.people.get(name)
        if p:
            return p.gender
        return lexicon.first_names().get(name.split()[0].lower()) if " " in name else None

    def title(self, name: str) -> str | None:
        p = self.people.get(name)
        return p.title if p else None

    def last_mention(self, before: int, gender: str | None, kinds: set[SpeakerKind]) -> str | None:
        """The last name before `before` of a fitting kind and gender."""
        for at, name, kind in reversed(self.mentions):
            if at >= before or kind not in kinds:
                continue
            if kind is SpeakerKind.PERSON and gender in ("m", "f") and self.gender(name) not in (gender, None):
                continue
            return name
        return None


def title_before(doc: Doc, at: int) -> str | None:
    """The title written just before a name: "Secretary of State Antony Blinken"."""
    window = doc.text[max(0, at - 60):at].lower()
    if not window.endswith(" "):
        return None
    window = window.rstrip()
    for title in lexicon.titles():
        if window.endswith(title) and (len(window) == len(title) or not window[-len(title) - 1].isalnum()):
            original = doc.text[at - 1 - len(title):at - 1]
            return original.strip()
    return None


def _gender_of(doc: Doc, ent: Span, words: list[str]) -> str | None:
    prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    hon = lexicon.honorifics().get(prev) or lexicon.honorifics().get(ent[0].lower_)
    if hon in ("m", "f"):
        return hon
    if len(words) > 1:
        return lexicon.first_names().get(words[0].lower())
    return None


def entity_in(tokens: list[Token] | Span, labels: set[str]) -> Span | None:
    """The first named entity of the given labels that covers one of `tokens`."""
    for t in tokens:
        if t.ent_iob_ != "O" and t.ent_type_ in labels:
            doc, start, end = t.doc, t.i, t.i + 1
            while doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return Span(doc, start, end, label=t.ent_type_)
    return None
