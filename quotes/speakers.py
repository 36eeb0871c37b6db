"""Who a speaker mention refers to, within one article.

No coreference model installs offline, so names are resolved with the rules
a copy editor relies on: an article names a person in full once ("Secretary
of State Antony Blinken") and then by surname, honorific or title ("Blinken",
"Mr. Blinken", "the secretary"); a pronoun points back to the last person of
its gender who was speaking or acting.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc, Span, Token

from quotes import lexicon
from quotes.marks import paragraphs
from quotes.records import SpeakerKind

_POSSESSIVE = re.compile(r"(’s|'s|’|')$")
_PERSON_LABELS = {"PERSON"}
_BYLINE = re.compile(r"By ((?:[A-Z][\w.'’-]+ ?){2,4})$")
_ORG_LABELS = {"ORG", "NORP", "GPE"}
_HEADLINE_VERBS = frozenset("says said tells told slams blasts urges warns vows calls asks rips hits defends attacks "
                            "praises accuses".split())
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}  # Donald Trump Jr. is not Donald Trump
# One role under two names: "Rovers boss Neil Brennan" … "the Rovers manager"; "the premier" for the prime minister
_SAME_ROLE = {"boss": "manager", "manager": "boss", "justice": "judge", "premier": "prime minister"}
_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+$")  # the given name after a family name: John Lee Ka-chiu, Lee Jae-myung


@dataclass(slots=True)
class Speaker:
    """A resolved speaker: the canonical name and what the text said of them."""

    name: str
    kind: SpeakerKind
    mention: str
    title: str | None = None
    gender: str | None = None  # 'm', 'f', 'p' (plural/group) or None


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the article's own voice (not inside a quotation)."""

    at: int
    name: str
    kind: SpeakerKind
    label: str
    subject: bool  # the name is the subject of its clause: the one acting or speaking


@dataclass(slots=True)
class _Person:
    name: str
    gender: str | None
    title: str | None
    first_seen: int


def split_title(text: str) -> tuple[str | None, str]:
    """("Secretary of State", "Antony Blinken") from "Secretary of State Antony Blinken"."""
    text = _POSSESSIVE.sub("", re.sub(r"^\W+", "", text.strip()).strip(",.;:()\"“”‘’"))  # '">Sanders' left by markup
    lower = text.lower()
    for title in lexicon.titles():
        if lower.startswith(title + " ") and len(text) > len(title) + 1:
            return text[:len(title)], text[len(title) + 1:].strip()
    return None, text


def clean_name(text: str) -> str:
    """A name without title, honorific, possessive or surrounding punctuation."""
    words = split_title(text)[1].split()
    while words and words[0].lower() in lexicon.honorifics():
        words = words[1:]
    verb = next((i for i, w in enumerate(words) if i > 0 and w.lower() in _HEADLINE_VERBS), None)
    if verb is not None:
        words = words[:verb]  # "Obama Says …", "McDonald says Government": a headline ran the name into its verb
    return " ".join(words)


class ArticleNames:
    """The people and organisations one article names, for resolving mentions."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]] = (), speech_verbs: frozenset[str] = frozenset()):
        self.doc = doc
        self.speech_verbs = speech_verbs
        self.text = doc.text  # spaCy rebuilds doc.text on every access: read it once
        self.people: dict[str, _Person] = {}  # canonical full name → person
        self.by_surname: dict[str, list[str]] = {}
        self.by_title: dict[str, list[str]] = {}
        self.described: dict[str, set[str]] = {}  # person → words describing them ("Rovers", "manager", "lead", "author")
        self.mentions: list[Mention] = []  # in text order
        persons = [_hyphened(e) for e in doc.ents if e.label_ in _PERSON_LABELS] + _named_with_role(doc)
        # full names first, so that a bare surname finds the person it belongs to
        # and shorter full names before longer ones, which may be a headline's run-ons ("Glenn Beck Blasts Drudge")
        length = {e.start: len(clean_name(e.text).split()) for e in persons}
        for ent in sorted(persons, key=lambda e: (length[e.start] < 2, length[e.start])):
            self._add_person(ent)
        for ent in doc.ents:
            if ent.label_ in _ORG_LABELS and (self._titled_person(ent) or _apposed_person(ent) or _first_named(ent)):
                self._add_person(ent)
        self.quoted: list[tuple[int, int]] = []  # quoted ranges, a quotation within a quotation merged into it
        for start, end in sorted(quoted):
            if self.quoted and start < self.quoted[-1][1]:
                self.quoted[-1] = (self.quoted[-1][0], max(end, self.quoted[-1][1]))
            else:
                self.quoted.append((start, end))
        self._quote_starts = [q[0] for q in self.quoted]
        for ent in map(_hyphened, doc.ents):
            if self.in_quote(ent.start_char):
                continue  # a name inside a quotation is spoken of, not speaking
            if _in_caps_line(self.text, ent):
                continue  # "CHENEY OUSTER POINTS TO ...": a promo line, not part of the story
            if ent.label_ in _PERSON_LABELS and ent.start > 0 and doc[ent.start - 1].lower_ == "the":
                # "the Houthis", "the Clintons": a group, whatever the tagger thought
                self.mentions.append(Mention(ent.start_char, org_name(ent.text), SpeakerKind.ORGANISATION, "NORP", self._is_subject(ent)))
            elif ent.label_ in _PERSON_LABELS or self.known_person(ent.text) or (
                    len(ent) > 1 and lexicon.honorifics().get(ent[0].lower_.rstrip(".")) in ("m", "f")):
                # ("Ms Ní Bhriain" tagged an organisation is a person by her honorific)
                name = self.person_name(ent.text, ent.start_char)
                introduced = self._introduced(ent) and all(m.name != name for m in self.mentions)
                self.mentions.append(Mention(ent.start_char, name, SpeakerKind.PERSON, ent.label_, self._is_subject(ent) or introduced))
                self.described.setdefault(name, set()).update(_descriptors(ent))
            elif ent.label_ in _ORG_LABELS:
                self.mentions.append(Mention(ent.start_char, org_name(ent.text), SpeakerKind.ORGANISATION, ent.label_, self._is_subject(ent)))
        # A proper noun acting as a subject is a person the tagger may have missed ("Ham said").
        for tok in doc:
            if (tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "nsubjpass") and tok.ent_type_ in ("", "PERSON") and tok.is_title
                    and tok.left_edge.pos_ != "DET" and not any(c.dep_ in ("det", "nummod", "amod") for c in tok.children)):
                # a person is not "the 13th Amendment"
                if self.in_quote(tok.idx) or tok.ent_type_ == "PERSON" or (tok.i > 0 and doc[tok.i - 1].like_num):
                    continue
                words = _name_words(tok)
                if tok.lower_ in lexicon.titles() and any(c.dep_ == "prep" for c in tok.children):
                    last = tok.doc[tok.right_edge.i]
                    # "Minister for Housing Ruairí Coakley is …": the surname that ends the title's phrase
                    words = last.text if last.pos_ == "PROPN" else words
                name = self.person_name(words, tok.idx)
                self.mentions.append(Mention(tok.idx, name, SpeakerKind.PERSON, "PROPN", self._is_subject(doc[tok.i:tok.i + 1])))
            elif self._misread_surname(tok):
                # "Tully hit back: …", where the tagger read the surname as an adverb: a known person acting
                name = self.person_name(tok.text, tok.idx)
                self.mentions.append(Mention(tok.idx, name, SpeakerKind.PERSON, "PROPN", not self.reported(tok) and not _subordinate(tok)))
        self.mentions.sort(key=lambda m: m.at)
        self.author = self._author()

    # -- building -------------------------------------------------------
    def _add_person(self, ent: Span) -> None:
        name = clean_name(ent.text)
        words = name.split()
        if not words or not words[-1][:1].isupper() or name.lower() in lexicon.titles():
            return  # (nor is "Taoiseach" tagged alone a person's name)
        if self._known_prefix(words):
            return  # "Glenn Beck Blasts Drudge": a headline's capitals ran a name into the words after it
        title = split_title(ent.text)[0] or title_before(self.text, ent.start_char)
        gender = _gender_of(self.doc, ent, words, title)
        fulls = (self.by_surname.get(words[0].lower()) or self._misspelt_surname(words[0])) if len(words) == 1 else []
        if fulls:
            # a bare surname adds what it tells (gender, title) to the full name it stands for
            for full in fulls:
                p = self.people[full]
                p.gender = p.gender or gender
                p.title = p.title or title
                self._add_title(full, title)
            return
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = _Person(name, gender, title, ent.start_char)
            self.by_surname.setdefault(words[-1].lower(), []).append(name)
        person.gender = person.gender or gender
        person.title = person.title or title
        self._add_title(name, title)
        for role in _apposed_roles(ent):
            self._add_title(name, role)  # "Claire Donnelly, Republican of Ohio and the chairwoman of …": "the chairwoman"

    def _titled_person(self, ent: Span) -> bool:
        """A title and a name the tagger took for an organisation ("Taoiseach Micheál Martin"): the name is a
        person's when its first name is known, or its surname is a person's elsewhere in the article."""
        title, name = split_title(ent.text)
        title = title or title_before(self.text, ent.start_char)  # "EFF spokesperson Lerato Mogale"
        words = name.split()
        if not title or not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            return False
        # a name the first-name list does not know is still a name, unless its words name a body
        return words[0].lower() in lexicon.first_names() or words[-1].lower() in self.by_surname or not any(
            w.lower() in _PLACE_WORDS or w.lower() in _BODY_WORDS for w in words)

    def _add_title(self, name: str, title: str | None) -> None:
        if title:
            names = self.by_title.setdefault(title.lower(), [])
            if name not in names:
                names.append(name)

    def _misread_surname(self, tok: Token) -> bool:
        """A known person's surname opening a sentence, tagged as some other word, before a verb with no
        subject of its own ("Tully hit back", "Will wrote")."""
        verb = tok.head
        return (tok.pos_ not in ("PROPN", "PRON", "DET") and tok.is_title and tok.lower_ in self.by_surname
                and (tok.i == 0 or tok.is_sent_start or tok.doc[tok.i - 1].is_space) and verb.pos_ in ("VERB", "AUX") and verb.i > tok.i
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and not self.in_quote(tok.idx))

    def _is_subject(self, ent: Span) -> bool:
        """The name is the subject of its clause, and that clause is not the content of someone's speech
        ("McLenney said Clinton doesn't show consistency": McLenney acts, Clinton is spoken of)."""
        if ent.start > 0 and ent.doc[ent.start - 1].text == "(":
            return False  # "Sen. Bernie Sanders (Vt.)": an affiliation in brackets
        root = ent.root
        if root.dep_ == "compound" and root.head.pos_ == "VERB" and root.head.i > root.i:
            return True  # "Scott bristles at …": a name the parser compounded into the verb after it is its subject
        if root.dep_ == "compound" and root.head.pos_ == "NOUN":
            return False  # "a Trump presidency would …", "Sanders supporters said": the name modifies the subject
        while root.dep_ in ("appos", "compound", "conj") and root.head.i != root.i:
            root = root.head
        # "Hillary Clinton — who's called for big tax hikes — …": one who speaks in a relative clause acts too
        who = any(c.dep_ == "relcl" and c.lemma_.lower() in self.speech_verbs and any(g.lower_ == "who" for g in c.children)
                  for c in ent.root.children)
        return (root.dep_ in ("nsubj", "nsubjpass") or who) and not self.reported(root) and not _subordinate(root)

    def reported(self, tok: Token) -> bool:
        """The word stands in the content of someone's reported speech ("McLenney said [Clinton doesn't …]")."""
        clause = tok.head
        said = clause.head
        if clause.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) \
                and said.dep_ in ("dobj", "pobj"):
            said = said.head  # "Hunt told the BBC's Today programme [that Labour had …]": the parser hung the clause on the noun
        elif clause.dep_ != "ccomp":
            return False
        if said.i > tok.i and bisect_right(self._quote_starts, said.idx) > bisect_right(self._quote_starts, tok.idx):
            return False  # "Fallon fired back: “…” he wrote": the quotation between them is what was written
        return said.lemma_.lower() in self.speech_verbs and not self.in_quote(said.idx)

    def _author(self) -> str | None:
        """The writer, for a first-person "I said": a byline ("By Jane Doe") at the top, or the tagline
        that closes an opinion piece ("Charlotte Meehan is playwright-in-residence at …")."""
        paras = paragraphs(self.text)
        for start, end in paras[:3]:
            byline = _BYLINE.match(self.text, start, end)
            if byline:
                return self.person_name(byline.group(1), start)
        if len(paras) > 2:
            start, end = paras[-1]
            span = self.doc.char_span(start, end, alignment_mode="contract")
            ents = [e for e in span.ents if e.label_ in _PERSON_LABELS] if span is not None else []
            if ents and ents[0].start_char == start and re.match(r"\s+(is|was)\b", self.text[ents[0].end_char:]):
                return self.person_name(ents[0].text, start)
        return None

    def _introduced(self, ent: Span) -> bool:
        """A newcomer presented with a role after a comma ("…, which concerns Henry Crespo, president of the
        Florida Democratic Black Caucus"): news copy introduces a speaker so before quoting them."""
        doc = ent.doc
        return ent.end < len(doc) and doc[ent.end].text == "," and not self.reported(ent.root) and any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > ent.end for c in ent.root.children)

    def in_quote(self, at: int) -> bool:
        k = bisect_right(self._quote_starts, at) - 1
        return k >= 0 and at < self.quoted[k][1]

    # -- resolving ------------------------------------------------------
    def person_name(self, text: str, at: int) -> str:
        """The fullest name the article gives for `text` ("Biden" → "Joe Biden")."""
        name = clean_name(text)
        words = name.split()
        if not words:
            return name
        longer = [p for p in self.people if p.startswith(name + " ") and _GIVEN_NAME.match(p.rsplit(" ", 1)[-1])]
        if len(longer) == 1:
            return longer[0]  # "John Lee" in a headline is John Lee Ka-chiu
        if name in self.people:
            return name
        prefix = self._known_prefix(words)
        if prefix:
            return prefix
        candidates = self.by_surname.get(words[-1].lower()) or self._misspelt_surname(words[-1])
        if len(words) > 1:
            # "Donald J. Trump" and "Donald Trump" are one person: same first and last word; "Ní Bhriain" and "de
            # Blasio" are surnames of two words
            candidates = [c for c in candidates if c.split()[0].lower() == words[0].lower() or c.endswith(" " + name)]
        if not candidates:
            return name
        if len(candidates) == 1:
            return candidates[0] if len(candidates[0]) >= len(name) else name
        # Two people share the surname: an honorific tells them apart ("Mrs. Clinton"); otherwise a bare
        # surname means the one the article introduced first (Ted Cruz, not his wife Heidi named later).
        # the honorific may stand inside the text or just before the entity: "Mrs. Clinton"
        words_around = self.text[max(0, at - 6):at].split()[-1:] + text.split()[:1]
        honorific = next((lexicon.honorifics()[w.lower()] for w in words_around if w.lower() in lexicon.honorifics()), None)
        fitting = [c for c in candidates if honorific not in ("m", "f") or self.people[c].gender in (honorific, None)]
        return min(fitting or candidates, key=lambda c: self.people[c].first_seen)

    def _known_prefix(self, words: list[str]) -> str | None:
        """A person whose full name starts a longer name that is not theirs with a suffix ("Jr.")."""
        for n in range(len(words) - 1, 1, -1):
            prefix = " ".join(words[:n])
            if prefix in self.people and words[n].lower().rstrip(".") not in _SUFFIXES and not _GIVEN_NAME.match(words[n]):
                return prefix
        return None

    def _misspelt_surname(self, surname: str) -> list[str]:
        """People whose surname is one or two letters off ("McLenney" for Tyresha McClenney): copy slips
        that would otherwise split one speaker in two. Short names are left alone (Cohen, Cohn)."""
        if len(surname) < 6 or surname.lower() in lexicon.first_names():
            return []  # "Francis" is the pope, not a misspelt Franco
        close = process.extract(surname.lower(), list(self.by_surname), scorer=Levenshtein.distance, score_cutoff=2, limit=None)
        people = [name for key, _, _ in close if key[0] == surname[0].lower() for name in self.by_surname[key]]
        return people if len(people) == 1 else []

    def known_person(self, text: str) -> bool:
        """A name the article gives a person elsewhere, whatever the tagger called it here ("Trump" as ORG)."""
        name = clean_name(text)
        return name in self.people or (" " not in name and name.lower() in self.by_surname)

    def by_role(self, title: str, at: int | None = None) -> str | None:
        """The person an article calls by title alone ("the president" → Joe Biden, "Lands Minister" → the minister);
        of two holders, the one last named before `at` ("the mayor" after a paragraph about one of two mayors)."""
        title = re.sub(r"^the ", "", title.lower().strip())
        if title not in lexicon.titles() and title.split()[-1:] and title.split()[-1] in lexicon.titles():
            title = title.split()[-1]  # "the sector minister", "Lands Minister"
        names = self.by_title.get(title, []) or self.by_title.get(_SAME_ROLE.get(title, ""), [])
        people = {self.person_name(n, len(self.text)) for n in names}  # "Obama" and "Barack Obama" are one
        if len(people) > 1:
            # a headline's capitals make people of words ("Federal Judge Just Gave …"): the story's own count first
            headline = self.text.find("\n")
            people = {p for p in people if any(m.name == p and m.at > headline for m in self.mentions)} or people
        if len(people) > 1 and at is not None:
            last = [m.name for m in self.mentions if m.at < at and m.name in people][-1:]
            return last[0] if last else None
        return people.pop() if len(people) == 1 else None

    def by_description(self, words: set[str]) -> str | None:
        """The one person the article describes with all these words ("the Rovers manager" → the person introduced
        as "Rovers manager Neil Brennan"; "the lead author" → "Emma Holloway, the study's lead author")."""
        people = {name for name, described in self.described.items() if words <= described}
        return people.pop() if len(people) == 1 else None

    def speaker(self, name: str, mention: str, title: str | None = None) -> Speaker:
        """The person `name`, as the text mentioned them, with their title and gender."""
        return Speaker(name, SpeakerKind.PERSON, mention, title or self.title(name), self.gender(name))

    def gender(self, name: str) -> str | None:
        p = self.people.get(name)
        if p:
            return p.gender
        return lexicon.first_names().get(name.split()[0].lower()) if " " in name else None

    def title(self, name: str) -> str | None:
        p = self.people.get(name)
        return p.title if p else None

    def last_mention(self, before: int, gender: str | None, kinds: set[SpeakerKind], labels: set[str] | None = None,
                     *, after: int = -1, subject: bool = False, word: str | None = None) -> str | None:
        """The last name between `after` and `before` of a fitting kind, gender and entity label (and holding
        `word`: "the ministry" is the last organisation named a ministry)."""
        for m in reversed(self.mentions):
            if m.at >= before or m.kind not in kinds or (labels and m.label not in labels) or (subject and not m.subject) \
                    or (word and word not in m.name.lower().split()):
                continue
            if m.at <= after:
                return None
            if m.kind is SpeakerKind.PERSON and gender in ("m", "f") and self.gender(m.name) not in (gender, None):
                continue
            return m.name
        return None


_SUBORDINATORS = frozenset("that when because if after since before until".split())  # not the contrast of "while"


def _subordinate(tok: Token) -> bool:
    """The subject of a clause subordinate to one with a person as its own subject ("Brennan was furious that
    [Pollard waved away appeals when [Ferreira went down]]"): the main clause's subject is the one in focus."""
    clause = tok.head
    if clause.dep_ not in ("advcl", "ccomp", "relcl") or not any(
            c.dep_ in ("mark", "advmod") and c.lower_ in _SUBORDINATORS for c in clause.children):
        return False
    main = clause.head
    for _ in range(4):  # up to the clause it hangs from: "was furious that …", "appeals … when …"
        if any(c.dep_ in ("nsubj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.pos_ in ("PROPN", "PRON")) for c in main.children):
            return True
        if main.head.i == main.i:
            return False
        main = main.head
    return False


def _name_words(tok: Token) -> str:
    """A proper noun with the name parts the parser hung on it: "Ivanka Trump" of "Ivanka Trump, who is executive
    vice president at the Trump Organization, …" (not the compounds of a clause that hangs from it)."""
    clause = {t.i for c in tok.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    return " ".join(t.text for t in tok.subtree if t.i not in clause and (t.dep_ in ("compound", "flat") or t.i == tok.i))


def org_name(text: str) -> str:
    """An organisation's name without a leading article: "the White House" → "White House"."""
    name = clean_name(text)
    return re.sub(r"^(the|a|an) ", "", name, flags=re.IGNORECASE)


_APPOSED_TITLE = re.compile(r"\b[Tt]he ([^,.;:()“”\"]{2,80}), (?:(?:Mr|Mrs|Ms|Dr|Prof)\.? )?$")


def title_before(text: str, at: int) -> str | None:
    """The title written just before a name: "Secretary of State Antony Blinken", or set before it
    by commas: "The Minister for Lands and Natural Resources, Mr Kojo Asamoah-Boateng"."""
    if not text[max(0, at - 1):at] == " ":
        return None
    head = text[max(0, at - 100):at].rstrip()
    while len(last := head.rsplit(None, 1)) == 2 and last[1].lower() in lexicon.honorifics():
        head = last[0]  # "Chief Minister Datuk Seri Ali Rahman": past the honorifics
    window = head.lower()
    for title in lexicon.titles():
        if window.endswith(title) and (len(window) == len(title) or not window[-len(title) - 1].isalnum()):
            return head[len(head) - len(title):].strip()
    apposed = _APPOSED_TITLE.search(text, max(0, at - 100), at)
    if apposed:
        phrase = apposed.group(1)
        words = phrase.lower().split()
        for n in range(min(len(words), 4), 0, -1):  # "shadow chancellor", "health secretary", "minister for …"
            head = " ".join(words[:n])
            if head in lexicon.titles():
                return phrase[:len(head)]
    return None


def _in_caps_line(text: str, ent: Span) -> bool:
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    line = text[start:end if end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 12 and all(c.isupper() for c in letters)


def _gender_of(doc: Doc, ent: Span, words: list[str], title: str | None) -> str | None:
    """From an honorific ("Mrs."), a gendered title or role ("Congresswoman …", "…, a campaign spokeswoman"),
    or the first name."""
    prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    hon = lexicon.honorifics().get(prev) or lexicon.honorifics().get(ent[0].lower_)
    if hon in ("m", "f"):
        return hon
    roles = (title or "").lower().split() + [c.lower_ for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end]
    for role in roles:
        if role in lexicon.GENDERED_NOUNS:
            return lexicon.GENDERED_NOUNS[role]
    if len(words) > 1:
        return lexicon.first_names().get(words[0].lower())
    return None


_PLACE_WORDS = frozenset("center centre foundation institute university college school hospital street avenue road hall "
                         "park square bridge tower airport county city hotel company group fund memorial library museum "
                         "house court church times post news network inc corp".split())


_BODY_WORDS = frozenset("party council department ministry commission union association committee agency board office "
                        "bank authority police service services movement front alliance congress assembly senate "
                        "parliament government water power energy trust".split())


def _descriptors(ent: Span) -> set[str]:
    """The words of a description written right before a name or in an appositive after it: "Sinn Féin leader Mary
    Lou McDonald", "Emma Holloway, the study's lead author,"."""
    doc, words = ent.doc, set()
    i = ent.start - 1
    while i >= 0 and ent.start - i <= 4 and doc[i].is_alpha and doc[i].pos_ in ("PROPN", "NOUN", "ADJ") and doc[i].head.i > i:
        words.add(doc[i].lower_)
        i -= 1
    for head in (c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end and c.is_alpha):
        words.add(head.lemma_.lower())
        words.update(c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound"))
    words -= set(lexicon.honorifics())
    return words | {_SAME_ROLE[w] for w in words if w in _SAME_ROLE}


def _apposed_roles(ent: Span) -> list[str]:
    """Titles in the appositive after a name ("…, the chairwoman of the subcommittee,")."""
    heads = [c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end]
    heads += [g for h in heads for g in h.children if g.dep_ == "conj"]
    return [h.lemma_.lower() for h in heads if h.lemma_.lower() in lexicon.titles()]


def _first_named(ent: Span) -> bool:
    """A known first name and a surname the tagger took for an organisation ("Carly Fiorina" as ORG), but not
    "Lincoln Center" or "George Washington University"."""
    words = ent.text.split()
    return (2 <= len(words) <= 3 and words[0].lower() in lexicon.first_names() and words[-1].lower() not in _PLACE_WORDS
            and all(w[:1].isupper() and w.replace("-", "").replace("’", "").replace("'", "").isalpha() for w in words))


def _apposed_person(ent: Span) -> bool:
    """A name set off by commas after a person's role, whatever the tagger called it: "the islands minister,
    Iain MacAulay, said", "The union’s president, Aoife Ní Fhlatharta, told …"."""
    doc, root = ent.doc, ent.root
    return (root.dep_ == "appos" and root.head.lemma_.lower() in lexicon.PERSON_NOUNS and ent.start > 0
            and doc[ent.start - 1].text == "," and all(t.text[:1].isupper() for t in ent) and 2 <= len(ent) <= 4)


def _hyphened(ent: Span) -> Span:
    """The whole of a double-barrelled name the tagger cut at its hyphen: "Sen. Cristina Alcaraz-Reyes", tagged
    "Cristina Alcaraz"."""
    doc, start, end = ent.doc, ent.start, ent.end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].is_title:
        end += 2
    while start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_ \
            and doc[start - 2].is_title:
        start -= 2
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


def _named_with_role(doc: Doc) -> list[Span]:
    """A name followed by a person's role set off by commas, whatever the tagger made of it (often nothing, or a
    place, for names it has not seen): "Reiko Shimada, policy chief of the main opposition party, called …"."""
    found = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON" or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
            continue
        if not any(c.dep_ == "appos" and c.lemma_.lower() in lexicon.PERSON_NOUNS and c.i > tok.i for c in tok.children):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in ("compound", "flat") \
                and doc[start - 1].head.i == tok.i:
            start -= 1
        name = doc[start:tok.i + 1]
        if 2 <= len(name) <= 3 and all(t.is_title for t in name) and not any(t.ent_type_ == "ORG" for t in name):
            found.append(name)
    return found


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
