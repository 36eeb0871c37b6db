"""Rules that tie each quote-marked span to the words that attribute it.

A quotation is attributed by a cue (a speech verb such as "said", or
"according to") whose subject is the speaker. The cue stands in the frame
around the quote: the text of the same sentence outside the marks. Where the
frame has no cue, news style carries the speaker over: a later quotation in
the same paragraph, a paragraph that is only a quotation, or one introduced
by "X said:" in the paragraph before, all belong to the last speaker.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quotes import lexicon
from quotes.marks import find_spans, paragraphs
from quotes.records import Quote, QuoteKind, SpeakerKind
from quotes.speakers import ArticleNames, Speaker, clean_name, entity_in, org_name, title_before

_SENT_END = {".", "!", "?"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Speech verbs aimed at someone: in the passive, their subject is the target, not the speaker.
_AIMED_AT = frozenset("accuse call describe label brand dub term criticize criticise blast slam condemn denounce praise "
                      "hail lambast lambaste rebuke mock deride characterize characterise blame charge ask question tell".split())
_CLIMB_DEPS = {"advcl", "xcomp", "conj", "ccomp", "acl", "pcomp", "prep", "pobj", "dobj", "relcl", "parataxis"}
_TRANSCRIPT_LABEL = re.compile(r"\s*([A-Z][A-Z.'\- ]{1,30}[A-Z]):\s")
_SPEAKER_LABEL = re.compile(r"([^:()\"“”]{2,80}?)(?:\s*\([^()]{1,20}\))?:\s*")
_NAME_LABEL = re.compile(r"\s*((?:[A-Z][\w.'’-]+ ){0,2}[A-Z][\w'’-]+):\s")
# A quotation signed at the paragraph's end: “...” ― Carla Sanchez
_DASH_BYLINE = re.compile(r"(?:''|[\"”’'])?\s*(?:[―—–]|--)\s*((?:[A-Z][\w.'’-]*\s*){1,5})\.?\s*$")
_BYLINE_PARAGRAPH = re.compile(r"\s*(?:[―—–-]|--)\s*((?:[A-Z][\w.'’-]*\s*){1,5}?)\.?\s*$")
# Nouns a quoted name follows without being the title of a work: "called the winner “Miss Piggy”", "the words “…”".
_NOT_WORKS = frozenset("winner words word phrase term slogan chant nickname name label line cry refrain motto "
                       "goal policy message vision mantra theme promise doctrine".split())
# A headline label naming a column or genre, not a speaker: "The Latest: Sanders declares ‘revolution’".
_COLUMNS = frozenset(["the latest", "analysis", "opinion", "exclusive", "breaking", "live", "watch", "explainer",
                      "fact check", "editorial", "update", "in pictures"])
# Verbs by which someone gives a person or thing a name of their own.
_NAMING = frozenset("call dub label brand nickname term".split())
_WORK_PREPS = {"on", "in", "of", "at", "from", "titled", "called", "named", "dubbed"}
_WORK = -1.0  # the confidence placeholder of a title of a work: no speaker, never carried one over
_TIME_WORDS = frozenset("year month week day hour minute second time night morning afternoon evening decade century "
                        "quarter season weekend today yesterday tomorrow period term".split())
_ISSUING = frozenset("issue release sign send write publish post file circulate".split())  # not "an email reviewed by"
_DELIVERING = frozenset("deliver give make".split())  # a speech or remarks someone gave
_EVENT_MARKS = frozenset("after before when whenever because since until once".split())
_ASKING = frozenset(["ask", "question", "press", "put", "challenge"])
_NEAR = 6  # tokens: a cue this close to the marks belongs to the quote even when the parse misses it
_MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "nummod", "npadvmod"}
# Forms of "say" and kin that the tagger, misled by capitals or headlines, may not call verbs: "Said Ellis: ..."
_SAID = frozenset("said says told tells added adds asked asks wrote writes".split())
# Words that make "asked"/"questioned" a clause about the one asked: "when questioned after the debate, …".
_WHEN = frozenset("when if as once after before while".split())
# Pronouns that stand for people not named: "“We were cheated,” one said", "Yet another said, …", "Some chanted …".
_SOME_PEOPLE = frozenset("one another some others both many several few most each someone somebody everyone everybody".split())
_NOT_SPEAKERS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "LAW", "EVENT"}
_PERSON = {"PERSON"}
_ORG = {"ORG", "NORP", "GPE", "FAC"}
# Who else speaks in news copy without being a person named before: "the announcer", "one questioner".
_VOICES = frozenset("announcer narrator questioner moderator caller surrogate niece nephew family crowd audience "
                    "book brief clip chair".split())
_PERSON_VOICES = _VOICES - {"family", "crowd", "audience", "book", "brief", "clip"}  # one person each
# Definite descriptions that point back to an organisation named earlier ("the group said").
_ORG_ANAPHORS = frozenset("group organization organisation militants rebels company firm agency campaign "
                          "committee party administration government department ministry network newspaper union club council "
                          "authority commission".split())


@dataclass(slots=True)
class Cue:
    token: Token
    text: str
    subject: Token | None
    weak: bool = False  # a verb that is not a speech verb: the sentence's actor, not a sayer


class Attributor:
    """Attributes every quote-marked span in one Doc. Build one per document."""

    def __init__(self, doc: Doc, speech_verbs: frozenset[str]):
        self.doc = doc
        self.verbs = speech_verbs
        self.text = doc.text  # spaCy rebuilds doc.text from the tokens on every access: read it once
        self.spans = find_spans(self.text)
        self.names = ArticleNames(doc, [(s.start, s.end) for s in self.spans], speech_verbs)
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.span_para = [self._para(s.start) for s in self.spans]
        self.quote_of = [-1] * len(doc)
        self.span_tokens: list[list[Token]] = []
        for k, s in enumerate(self.spans):
            toks = [t for t in doc.char_span(s.start, s.end, alignment_mode="expand") or []]
            self.span_tokens.append(toks)
            for t in toks:
                self.quote_of[t.i] = k
            # the marks themselves belong to the quote, not to its frame
            for i in (toks[0].i - 1 if toks else -1, toks[-1].i + 1 if toks else -1):
                if 0 <= i < len(doc) and (doc[i].is_quote or doc[i].is_punct) and self.quote_of[i] == -1:
                    if doc[i].idx in (s.start - 1, s.start - 2, s.end, s.end + 1) and doc[i].text not in ",.;:":
                        self.quote_of[i] = k
        self.history: list[tuple[int, Speaker]] = []  # (char offset of cue, speaker) in text order

    # -- public ---------------------------------------------------------
    def quotes(self) -> list[Quote]:
        results: list[tuple[Speaker | None, Cue | None, float]] = [(None, None, 0.0)] * len(self.spans)
        # First pass: quotes whose own frame holds a cue.
        for k, span in enumerate(self.spans):
            if self._names_a_work(k):
                results[k] = (None, None, _WORK)
                continue
            direct = self._labelled(k)
            if direct is not None:
                results[k] = direct
                self.history.append((span.start, direct[0]))
                continue
            cue = self._cue_for(k)
            if cue is not None:
                speaker = self._speaker_of(cue, k)
                if speaker is not None and cue.weak and not _can_speak(speaker):
                    speaker = None  # "the less valuable mines were put into a “liquidating trust”": things do not speak
                if speaker is not None:
                    conf = 0.9 if speaker.kind is not SpeakerKind.UNKNOWN else 0.7
                    if cue.weak:
                        conf -= 0.35
                    if speaker.mention.lower() in lexicon.PRONOUN_GENDER:
                        conf -= 0.1
                    results[k] = (speaker, cue, conf)
                    self.history.append((cue.token.idx, speaker))
                    self.history.sort(key=lambda h: h[0])  # a cue may stand after a later quote's
        headline = [k for k in range(len(self.spans)) if self.span_para[k] == 0 and len(self.paras) > 1]
        # "'Unacceptable': Harris under fire as McDonald says …": a quotation heading the headline is the story's
        lead = {k for k in headline if self.text[self.spans[k].end:self.spans[k].end + 3].lstrip("'’\"”")[:1] == ":"}
        # Second pass: carry speakers over to quotes with no cue of their own.
        for k, span in enumerate(self.spans):
            if results[k][0] is None and results[k][2] >= 0 and k not in lead:
                carried = self._carried(k, results)
                if carried is not None:
                    results[k] = carried
        # Last: a headline quoting words the story gives someone ("'We're drowning in rubbish': Fury as …").
        for k in headline:
            speaker, cue, _ = results[k]
            if k in lead or speaker is None and results[k][2] != _WORK or cue is not None and (
                    cue.weak or speaker.kind is SpeakerKind.UNKNOWN):  # a label ("Retired General: …") stands
                results[k] = self._echoed(k, results) or results[k]
        return [self._record(k, *results[k]) for k in range(len(self.spans)) if results[k][0] is not None]

    # -- quotes that say who spoke without a verb --------------------------
    def _labelled(self, k: int) -> tuple[Speaker, Cue | None, float] | None:
        """Speakers named by layout: a transcript's "PENCE:", a "― Name" byline, a headline's "Name: ..."."""
        span, text = self.spans[k], self.text
        label = _TRANSCRIPT_LABEL.match(text, span.start, span.end)
        if label:
            return self._speaker_from_text(label.group(1).title(), label.start(1)), None, 0.85
        label = _NAME_LABEL.match(text, span.start, span.end) if span.start - self.paras[self.span_para[k]][0] <= 2 else None
        if label and self.names.known_person(label.group(1)):  # a transcript's paragraph "Chris Matthews: Seriously, …"
            return self._speaker_from_text(label.group(1), label.start(1)), None, 0.85
        para = self.span_para[k]
        p_start, p_end = self.paras[para]
        label = _SPEAKER_LABEL.fullmatch(text, p_start, span.start - 1) if para > 0 else None
        if label and len(label.group(1).split()) <= 9:
            # a transcript's "Rep. Trey Gowdy (R-S.C.): “…”": a paragraph opened by a name and a colon, no verb
            words = self.doc.char_span(label.start(1), label.end(1), alignment_mode="expand")
            speaker = self._speaker_from_text(label.group(1), label.start(1))
            if words is not None and not any(t.pos_ in ("VERB", "AUX") for t in words) and speaker.name in self.names.people:
                return speaker, None, 0.85
        byline = _DASH_BYLINE.match(text[span.end:p_end])
        cue = self._cue_for(k) if byline and re.search(r"\w", text[p_start:span.start]) else None
        if byline and (cue is None or cue.weak):
            # (not "Rajoy insisted his party was “still the No. 1 force.”--Kim Hjelmgaard", signed by its reporter)
            return self._speaker_from_text(byline.group(1), span.end + byline.start(1)), None, 0.85
        if para + 1 < len(self.paras) and not re.search(r"\w", text[span.end:p_end]):
            # a fact check's claim, then its speaker in a paragraph of their own: "“…”\n\n- Sanders."
            n_start, n_end = self.paras[para + 1]
            byline = _BYLINE_PARAGRAPH.match(text, n_start, n_end)
            if byline:
                return self._speaker_from_text(byline.group(1).rstrip(), byline.start(1)), None, 0.85
        if para == 0 and len(self.paras) > 1:
            colon = text.find(":", p_start, span.start)
            # "Pence: ... Trump Was ‘Mocking’ Clinton Camp"; "Obama on Climate Change: The Trends Are 'Terrifying.'";
            # "Senators to DA chief: 'Where is the money?'"
            prefix = re.split(r" on | to ", text[p_start:colon], maxsplit=1, flags=re.IGNORECASE)[0]
            # a speaker named after the quotation or after the topic: "Budget standoff: Kitheka says he ‘will not …’"
            says = re.match(r"\W*(says|said)\b", text[span.end:p_end], flags=re.IGNORECASE) or colon > 0 and re.search(
                r"\b(says|said|tells|told)\b", text[colon:span.start], flags=re.IGNORECASE)
            if colon > 0 and 0 < len(prefix.split()) <= 6 and prefix.lower() not in _COLUMNS and not says \
                    and not any(p_start <= o.start < colon for o in self.spans):  # not "'Unacceptable': Harris …"
                return self._speaker_from_text(prefix, p_start), None, 0.7
        return None

    def _speaker_from_text(self, text: str, at: int) -> Speaker:
        """A speaker given as plain text at offset `at` (a label, a byline, a headline prefix)."""
        span = self.doc.char_span(at, at + len(text), alignment_mode="contract")
        ent = entity_in(span, _PERSON) if span is not None else None
        words = text.split()
        known = next((" ".join(words[:n]) for n in range(len(words) - 1, 1, -1) if " ".join(words[:n]) in self.names.people), None)
        if known:
            ent, text = None, known  # "Carly Fiorina Endorses Ted Cruz: …": the full name that opens the label
        name = self.names.person_name(ent.text if ent is not None else text, at)
        if name not in self.names.people:
            name = self.names.by_role(text) or name  # "‘We won’t negotiate …’ — Lands Minister"
        if name in self.names.people:
            return self.names.speaker(name, text)
        return Speaker(clean_name(text), SpeakerKind.UNKNOWN, text)

    def _echoed(self, k: int, results) -> tuple[Speaker, Cue | None, float] | None:
        """The speaker of the first quotation in the story of the headline's quoted words: the same words, or a
        longer quotation holding a phrase of three words or more (a word or two is anybody's)."""
        words = _words(self.text[self.spans[k].start:self.spans[k].end])
        said = [(j, _words(self.text[span.start:span.end])) for j, span in enumerate(self.spans)
                if self.span_para[j] > 0 and results[j][0] is not None]
        same = [j for j, w in said if w == words] or [j for j, w in said if len(words.split()) >= 3 and words in w]
        return (results[same[0]][0], results[same[0]][1], 0.7) if words and same else None

    def _names_a_work(self, k: int) -> bool:
        """A title of a work or a show, not speech: 'on CBS's "Face the Nation,"' or '"Shark Tank"'."""
        span, text = self.spans[k], self.text
        if self.span_para[k] == 0 and len(self.paras) > 1:
            return False  # headlines capitalise every word
        words = re.findall(r"[\w’'-]+", text[span.start:span.end])
        if not words or len(words) > 8 or not _title_case(words):
            return False
        toks = self.span_tokens[k]
        if not toks:
            return False
        p_start, p_end = self.paras[self.span_para[k]]
        if not re.search(r"\w", text[p_start:span.start] + text[span.end:p_end]):
            return True  # a paragraph that is only a quoted title is a subheading: 'All Bets Are Off.'
        if self._nested(k):  # a title inside a quotation: its neighbours are the quotation's words
            prev = [t for t in self.doc[max(0, toks[0].i - 3):toks[0].i] if not (t.is_quote or t.is_punct)][-1:]
            nxt = [t for t in self.doc[toks[-1].i + 1:toks[-1].i + 3] if not (t.is_quote or t.is_punct)][:1]
        else:
            prev = [t for t in self._frame(k, -1)[:2] if t.text != ","][:1]  # "his book, “Title,”"
            nxt = [t for t in self._frame(k, +1)[:1]]
        if prev and prev[0].lower_ == "of" and prev[0].i > 0 and self.doc[prev[0].i - 1].lemma_.lower() in _NOT_WORKS:
            return False  # "proclaimed a goal of “Peace Through Strength”": a slogan, not a book
        if any(t.lemma_.lower() in _NAMING and t.dep_ not in ("acl", "amod") and any(c.dep_ in _SUBJECT_DEPS for c in t.children)
               for t in self._frame(k, -1)[:5]):
            return False  # "Jacobs called Merkel “The Chancellor of the Free World”": a name someone gave, not "a book called"
        if prev and (prev[0].tag_ == "POS" or prev[0].lower_ in _WORK_PREPS or prev[0].pos_ in ("DET", "PROPN")
                     or prev[0].pos_ == "NOUN" and prev[0].lemma_.lower() not in _NOT_WORKS):
            return True
        return bool(nxt and nxt[0].pos_ in ("NOUN", "PROPN") and nxt[0].dep_ not in _SUBJECT_DEPS)

    def _nested(self, k: int) -> bool:
        span = self.spans[k]
        return any(o.start < span.start and span.end <= o.end for o in self.spans[:k])

    # -- cues -----------------------------------------------------------
    def _para(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def _frame(self, k: int, step: int) -> list[Token]:
        if step > 0 and self.text[self.spans[k].end - 1:self.spans[k].end] == "." and self.spans[k].closed:
            # "…smart.” Trump was …": a full stop inside the marks ends the sentence, unless all that follows
            # is the attribution the full stop should have been a comma before ("…missing.” Trump said.")
            tail = self._frame_tokens(k, step)
            if len(tail) <= 5 and tail[-1:] and tail[-1].text == "." and any(
                    t.lower_ in _SAID or t.pos_ == "VERB" and self._speech_lemma(t) for t in tail):
                return tail
            return []
        return self._frame_tokens(k, step)

    def _frame_tokens(self, k: int, step: int) -> list[Token]:
        """Tokens outside quotes in span k's sentence, reading away from it.

        Other quotations in the sentence are stepped over ("called it
        "disgusting" and "a con""), unless one ends a sentence itself.
        """
        toks = self.span_tokens[k]
        if not toks:
            return []
        para = self.span_para[k]
        i = toks[-1].i + 1 if step > 0 else toks[0].i - 1
        out: list[Token] = []
        while 0 <= i < len(self.doc):
            t = self.doc[i]
            if self._para(t.idx) != para or "\n" in t.text:
                break
            j = self.quote_of[i]
            if j not in (-1, k):
                if self.text[self.spans[j].end - 1:self.spans[j].end] in ".!?":
                    break
            elif j == -1 and not t.is_space:
                if step < 0 and t.text in _SENT_END:
                    break
                out.append(t)
                if step > 0 and t.text in _SENT_END:
                    break
            i += step
        return out

    def _cues_in(self, tokens: list[Token]) -> list[Cue]:
        cues = []
        for t in tokens:
            if t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                objs = [c for c in self.doc[t.i + 1].children if c.dep_ == "pobj"]
                cues.append(Cue(t, "according to", objs[0] if objs else None))
            elif (t.lower_ in _SAID or t.pos_ in ("VERB", "AUX") and self._speech_lemma(t)) and t.dep_ not in ("amod", "auxpass"):
                subject = _subject_of(t)
                if not self._reports_nothing(t, subject):
                    cues.append(Cue(t, t.text.lower(), subject))
            elif t.tag_ in ("NN", "NNS") and self._noun_tagged_cue(t):
                # "“…,” Conway notes.", "“…” the Saudis state in the white paper": a speech verb the tagger read as
                # a noun, right after the quotation and the name before it
                cues.append(Cue(t, t.lower_, self.doc[t.i - 1]))
        return cues

    def _reports_nothing(self, verb: Token, subject: Token | None) -> bool:
        """A speech verb used of something other than reporting the quotation."""
        lemma = verb.lemma_.lower()
        if verb.tag_ == "VBN" and lemma in _ASKING and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
            # "when questioned after the debate, asserting …", "Asked about it, …": the one asked, who answers
            # elsewhere (not "“…?” the 43-year-old asked")
            return any(c.lower_ in _WHEN for c in verb.children) or verb.i == verb.sent.start or self.doc[verb.i - 1].is_punct
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in verb.children):
            return True  # "Asked whether the council would consider …": a question's clause reports no one
        if subject is None:
            return False
        if lemma == "read":
            # "the email read", "“…,” read the statement"; not "any interpretation would read this as …"
            return subject.pos_ == "NOUN" and subject.lemma_.lower() not in lexicon.STATEMENT_NOUNS and not self.doc[verb.i - 1].is_quote
        return verb.lower_ == "quote" and subject.lower_ == "i"  # the writer's "and I quote"

    def _noun_tagged_cue(self, t: Token) -> bool:
        """A noun spelt as a speech verb ("notes", "state", "read") ending a short name phrase that follows a
        closing mark: in "“…” the Saudis state", the tagger's noun is the verb."""
        word = t.lower_
        if not any(w in self.verbs for w in (word, word[:-1], word[:-2])) or t.i < 2:
            return False
        i = t.i - 1
        while i > 0 and t.i - i <= 5 and self.doc[i].pos_ in ("DET", "PROPN", "NOUN", "ADJ", "NUM"):
            i -= 1
        return i < t.i - 1 and self.doc[i].is_quote and self.quote_of[i] != -1 and self.doc[t.i - 1].pos_ in ("PROPN", "NOUN")

    def _speech_lemma(self, verb: Token) -> bool:
        """A speech verb, alone or with its particle ("went on", "hit back")."""
        lemma = verb.lemma_.lower()
        if verb.pos_ == "AUX" and lemma.endswith("s"):
            lemma = lemma[:-1]  # "John Lee vows …" in a headline, tagged an auxiliary and left unlemmatised
        # (the parser may make the particle an adverb: "Rubio fired back")
        return lemma in self.verbs or any(c.dep_ in ("prt", "advmod") and f"{lemma} {c.lower_}" in self.verbs for c in verb.children)

    def _cue_for(self, k: int) -> Cue | None:
        """The cue that attributes span k, strongest evidence first.

        1. "according to X" anywhere in the sentence names the source;
        2. a speech verb that governs the quote in the parse, or stands right after it
           (the one written right after "…," first, whatever the parse);
        3. the nearest speech verb before it in the sentence;
        4. failing all these, the verb that governs the quote and has a subject
           ("Trump admires Putin as a 'strong leader'"): quotation marks inside a
           sentence about someone are, in news copy, that someone's words.
        """
        after, before = self._frame(k, +1), self._frame(k, -1)
        cues = self._cues_in(after) + self._cues_in(before)
        quote_toks = set(t.i for t in self.span_tokens[k])
        ancestors: dict[int, int] = {}
        for t in self.span_tokens[k]:
            depth, child = 0, t
            while child.head.i != child.i and (child.i in quote_toks or not self._ends_chain(child)):
                child, depth = child.head, depth + 1
                if child.i not in quote_toks:
                    ancestors.setdefault(child.i, depth)
        head = {t.i for t in after[:4]}
        comma = self.text[self.spans[k].start:self.spans[k].end].rstrip().endswith(",")  # the “…,” X said pattern
        immediate = [c for c in self._cues_in(after[:4]) if comma and c.subject is not None and c.subject.i in head
                     and after[0].i in {c.token.i} | {t.i for t in c.subject.subtree}]  # not "…,” while 58 percent said
        according = [c for c in cues if c.text == "according to" and c.subject is not None]
        if according and not (immediate and according[0].subject.lemma_.lower() in lexicon.STATEMENT_NOUNS):
            return according[0]  # but "“…,” Shah said, according to a statement issued by the ministry" is Shah's
        dashes = ("--", "—", "–")
        if len(before) > 1 and before[0].text in dashes and before[1].ent_type_ == "PERSON" and after[:1] and after[0].text in dashes:
            # "…, including the former candidate Mitt Romney -- “It is disqualifying …” -- and …": set off
            # by dashes right after a name, the quotation is that person's
            return Cue(before[0], before[0].text, before[1])
        near = {t.i for t in after[:_NEAR]}
        linked = [c for c in cues if c.token.i in ancestors or (c.token.head.i in quote_toks and c.token.i in near)]
        introducer = [c for c in self._cues_in(before) if c.subject is not None and c.token.i + 1 < len(self.doc)
                      and self.doc[c.token.i + 1].text in (",", ":") and c.token.dep_ in ("ROOT", "parataxis")
                      and not any(m.dep_ == "mark" for m in c.token.children)]  # (not "— as many researchers believe, —")
        if introducer and linked and all(introducer[0].token.i < c.token.i for c in linked):
            return introducer[0]  # "..., Mr. Obama said, a majority have come to believe “…”"
        inverted = after[1:3] if after[:1] and after[0].text == "," else after[:2] if comma else []
        if len(inverted) == 2 and inverted[0].lower_ in _SAID and inverted[1].pos_ == "PROPN" and inverted[1].is_title:
            # "Phone ban in schools ‘long overdue’, says Phillipson": the name after "says" is the speaker,
            # whatever the parser made the subject
            name = inverted[1]
            while name.dep_ in ("compound", "flat", "amod", "nmod") and name.head.i > name.i:
                name = name.head  # (through "said Karachi police chief … Shahid Nawaz Abbasi" to the name)
            if name.dep_ == "poss" and name.head.i > name.i:
                name = name.head  # "“…,” said Trump's spokesman Jason Miller": the spokesman, by name
            return Cue(inverted[0], inverted[0].lower_, name)
        # (past adverbs: "Rubio fired back forcefully: “…”")
        opener = next((t for t in before[1:5] if t.pos_ not in ("ADV", "PART")), None) if before and before[0].text == ":" else None
        colon = [c for c in self._cues_in([opener] if opener is not None else []) if c.subject is not None]
        if colon and linked and not immediate:
            return colon[0]  # "His wife had warned him …, but Trump said he responded: “…”": the verb the colon opens
        if immediate and linked:
            # "“I never said that,” Trump said, after CNBC's Becky Quick said …", "Comey cannot say that “from his
            # perspective,” Lewandowski added": the speaker named right after the quotation is its source, however
            # the parser hung the sentence together
            return immediate[0]
        if linked:
            # Reported speech nests ("Trump said that Clinton described it as …"): the outermost
            # speech verb is the source the article vouches for, unless it sits in a relative
            # clause of its own ("an architect who said he was stiffed ..., saying, “…”").
            main = [c for c in linked if c.token.dep_ != "relcl"] or linked
            # nor one denied ("Comey cannot say that “…,” Lewandowski added"): what a verb negates was not said
            main = [c for c in main if not any(n.dep_ == "neg" for n in c.token.children)] or main
            # nor one reporting other words ("Trump claimed that “…,” one of the prosecutors said the two cases were
            # quite different"): its own content clause does not hold the quotation
            main = [c for c in main if not self._reports_other(c.token, quote_toks)] or main
            main.sort(key=lambda c: ancestors.get(c.token.i, 0), reverse=True)
            # a verb with no subject to be found ("Trump summed up Clinton as “terrible,” denounced …"): the next one
            cue = next((c for c in main[1:] if c.subject is not None and self._named(c.subject)
                        and main[0].subject is None and self._adjacent_subject(main[0].token) is None), main[0])
            if cue.subject is not None and cue.subject.lemma_.lower() in lexicon.STATEMENT_NOUNS:
                # "The spot concludes with footage of Trump saying, “…”": a person shown speaking, not the ad
                shown = [c for c in self._cues_in(before) if c.subject is not None and self.quote_of[c.subject.i] == -1
                         and (c.subject.ent_type_ == "PERSON" or self.names.known_person(c.subject.text))]
                return shown[0] if shown else cue
            return cue
        for i in sorted(ancestors, key=ancestors.get):
            noun = self.doc[i]
            if noun.lemma_ == "be":
                # "Podliska's most explosive claim is that the committee is a “witch hunt”": the claim is its subject
                noun = next((c for c in noun.children if c.dep_ == "nsubj" and c.i not in quote_toks), noun)
            owner = [c for c in noun.children if c.dep_ == "poss"]
            judged = any(c.lower_ == "as" and (c.i in ancestors or c.i in quote_toks) for c in noun.children)
            if noun.lemma_.lower() in lexicon.CLAIM_NOUNS and owner and self.quote_of[noun.i] == -1 and not judged:
                # "Contrary to his claim that people would “learn nothing”", not "his remarks as “hurtful”"
                return Cue(noun, noun.lower_, owner[0])
        near_after = self._cues_in(after[:_NEAR])
        if near_after:
            return near_after[0]
        first_after = self._cues_in(after)[:1]
        if first_after and first_after[0].subject is not None and first_after[0].subject.left_edge.i == after[0].i:
            return first_after[0]  # "“…” Scott's niece, state Del. Marcia Price (D-Newport News), shouted": a long subject
        phrase = after[:after.index(first_after[0].token)] if first_after else []
        lost = first_after and (first_after[0].subject is None or self.quote_of[first_after[0].subject.i] != -1)
        if phrase and phrase[-1].text == "," and "," in [t.text for t in phrase[:-1]]:
            # "“…,” William M. Daley, President Obama's former chief of staff, said": the name before its appositive
            comma = [t.text for t in phrase].index(",")
            apposed = phrase[comma + 1:-1]
            phrase = phrase[:comma] if apposed and len(apposed) <= 12 and not any(
                t.pos_ in ("VERB", "AUX") or t.is_punct and t.text != "," for t in apposed) else phrase
        if phrase and len(phrase) <= 10 and lost \
                and all(t.pos_ in ("DET", "PROPN", "NOUN", "ADJ", "PART", "NUM") or t.tag_ == "HYPH" for t in phrase):
            # "“…” the Post's senior politics editor Steven Ginsberg responded", which the parser joined to the
            # quotation's own verb: the noun phrase between them is the subject
            return Cue(first_after[0].token, first_after[0].text, None)
        before_cues = self._cues_in(before)
        frame = {t.i for t in after} | {t.i for t in before}
        event = any(self.doc[i].dep_ == "advcl" and _own_event(self.doc[i]) for i in ancestors)
        if before_cues and before_cues[0].token.i not in ancestors and (before_cues[0].token.dep_ in ("relcl", "acl") or event):
            # "in a clip that Judge Mosman called “distasteful,” Santilli expressed a desire to “…”": a relative
            # clause's speech verb describes its noun; the quotation's own clause names who spoke, if it can (and
            # "… after she blamed police shootings on “implicit bias”" is hers)
            actor = self._governing_actor(ancestors, frame)
            if actor is not None:
                return actor
        if before_cues:
            return before_cues[0]  # before is in reading order away from the quote: nearest first
        if self._is_modifier(k):
            return None
        actor = self._governing_actor(ancestors, frame)
        if actor is not None:
            return actor
        if not any(self.quote_of[i] == -1 for i in ancestors):
            # the parser made the quotation the sentence's root and hung the frame from it ("Mr. Trump hardly
            # clarified the matter, treating … as a compliment -- ''That makes me smart'' --"): the frame's
            # own verb is the one that governs the quote
            for t in before[::-1] + after:
                if t.pos_ in ("VERB", "AUX") and t.head.i in quote_toks and t.dep_ in ("ccomp", "parataxis", "advcl", "conj"):
                    subject = next((c for c in t.children if c.dep_ in _SUBJECT_DEPS and self.quote_of[c.i] == -1), None)
                    if subject is not None:
                        return Cue(t, t.lower_, subject, weak=True)
        return None

    def _ends_chain(self, clause: Token) -> bool:
        """Whether the climb from a quotation to the verbs that govern it stops at this clause.

        A relative clause ends it: "rejected by X, who vowed …" reports X, not the rejecter. So does a statement
        with a subject of its own joined to another ("Cruz said …, and Trump vowed to “…”"), unless both are what
        a third reports ("The Journal notes that Coulter tweeted …, and Trump called …"); and a clause of its own
        time or cause ("Christie described her as a “disgrace” after she blamed police shootings on “implicit
        bias”": hers, not his).
        """
        if clause.dep_ in ("relcl", "acl"):
            return not _content_clause(clause)
        if clause.dep_ == "conj":
            return self._speech_lemma(clause) and any(c.dep_ in _SUBJECT_DEPS for c in clause.children) \
                and self._speech_lemma(clause.head) and not any(self._speech_lemma(a) for a in clause.head.ancestors)
        return clause.dep_ == "advcl" and _own_event(clause)

    @staticmethod
    def _reports_other(verb: Token, quote_toks: set[int]) -> bool:
        """The verb's content clauses, if it has any, all lie outside the quotation's words."""
        clauses = [x for x in verb.children if x.dep_ == "ccomp"]
        return bool(clauses) and not any(t.i in quote_toks for x in clauses for t in x.subtree)

    def _governing_actor(self, ancestors: dict[int, int], frame: set[int]) -> Cue | None:
        """The nearest verb above the quotation, in its sentence, whose subject can speak."""
        for i in sorted(ancestors, key=ancestors.get):
            verb = self.doc[i]
            if i in frame and verb.pos_ in ("VERB", "AUX") and not verb.is_punct:  # a dash the tagger called a verb
                subject = _subject_of(verb)
                speaker = self._speaker_from_token(subject, verb.idx) if subject is not None else None
                if speaker is not None and _can_speak(speaker):
                    # not "services" in "… professing a “sincere religious belief” to deny services": a thing
                    # that cannot speak did not say the words; the verb above it may have a subject who did
                    return Cue(verb, verb.lower_, subject, weak=True)
        return None

    def _named(self, tok: Token) -> bool:
        """A name or a pronoun, not a common noun ("that fact speaks volumes")."""
        return tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ == "PERSON" or self.names.known_person(tok.text)

    def _is_modifier(self, k: int) -> bool:
        """Marks around a word that modifies a noun ("quack" cures, "sex tape" reference) set
        the words apart; they do not report anyone's speech."""
        toks = self.span_tokens[k]
        inside = {t.i for t in toks}
        roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
        return bool(roots) and all(
            r.dep_ in _MODIFIER_DEPS and r.head.pos_ in ("NOUN", "PROPN") and r.head.i > toks[-1].i for r in roots
        )

    # -- speakers -------------------------------------------------------
    def _speaker_of(self, cue: Cue, quote: int = -1) -> Speaker | None:
        """The speaker the cue names for quote-marked span `quote` (-1: for the paragraph, not one span)."""
        tok = cue.subject
        verb = cue.token
        if verb.tag_ == "VBG" and verb.i > 0 and tok is not None and tok.i != verb.i - 1:
            before = self.doc[verb.i - 1]
            if before.ent_type_ == "PERSON" and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
                tok = before  # "footage of Hillary Clinton asking, ..." : the person the participle follows
        if tok is not None and self.quote_of[tok.i] != -1:
            # the parser gave the verb two subjects, one of them inside the quotation
            outside = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and self.quote_of[c.i] == -1]
            if not outside and verb.tag_ == "VBG":
                # "Mr. Trump hardly clarified the matter, … asserting, “…”": a participle's actor is the sentence's subject
                outside = [t for t in [self._sentence_subject(verb)] if t is not None]
            if not outside and self.quote_of[verb.i] == -1 and verb.dep_ == "conj" and self.quote_of[verb.head.i] != -1:
                # "… said that the administration “stands ready … desk” and accused Republicans of “…”": the parser
                # joined the verb to one inside the quotation; the subject is the clause's outside it
                outside = next(([c for c in a.children if c.dep_ in _SUBJECT_DEPS and self.quote_of[c.i] == -1]
                                for a in verb.ancestors if self.quote_of[a.i] == -1 and a.pos_ in ("VERB", "AUX")), [])
            tok = outside[0] if outside else tok
        if tok is None and verb.tag_ == "VBG":
            # "he made a point of saying the nightclub “was …”": a participle's actor is the sentence's subject
            tok = self._sentence_subject(verb)
        if tok is not None and tok.lower_.endswith("ing") and all(t.is_space for t in self.doc[tok.sent.start:tok.i]) \
                and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text == ",":
            # "Contributing, the Minority Leader, Senator Peter Ogbonna, PDP, said …": an opening participle is not
            # the subject the parser took it for; the person named after it is
            tok = next((t for t in tok.subtree if t.ent_type_ == "PERSON" and self.quote_of[t.i] == -1), tok)
        if tok is not None and tok.i > 1 and tok.ent_type_ not in _PERSON and "(" in [t.text for t in self.doc[max(0, tok.i - 4):tok.i]]:
            # "Gov. John Kasich (R-OH), said": the parser took the affiliation in brackets for the subject
            opening = max(t.i for t in self.doc[max(0, tok.i - 4):tok.i] if t.text == "(")
            if opening > 0 and self.doc[opening - 1].ent_type_ in _PERSON:
                tok = self.doc[opening - 1]
        if tok is not None and tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.i == verb.i and quote >= 0 and (
                any(self.quote_of[t.i] == quote for t in tok.subtree)
                or self.doc[verb.i - 1].text == "," and self._parenthetical_name(verb)):
            # "Any “cleareyed” reading of his actions, said Michael Kofman, …": what holds the words did not say them,
            # and in a parenthetical ", said Michael Kofman," the name after the verb did
            tok = None
        if (tok is None or self.quote_of[tok.i] != -1 or tok.is_punct or tok.is_space or tok.pos_ in ("ADP", "SCONJ", "CCONJ")) \
                and not _aimed_passive(verb):  # (nor "Of" in "Of Carson, Levine, who …, said", a misparse)
            tok = self._adjacent_subject(cue.token)  # (not the one accused, written before "accused of")
        if tok is None:
            return None
        speaker = self._speaker_from_token(tok, cue.token.idx)
        if speaker is None and tok.i > verb.i:
            # "“…,” said Air Force 1st Lt. Tyler Livingston": the parser took a rank for the subject; the name ends it
            named = self._adjacent_subject(verb)
            speaker = self._speaker_from_token(named, cue.token.idx) if named is not None and named.i != tok.i else None
        if verb.tag_ == "VBG" and tok.head.i != verb.i and speaker is not None and not _can_speak(speaker):
            # "Judge Mwila Chanda ordered … until the bidding process has been reviewed, describing the tender as
            # “deeply flawed”": the parser hung the participle on the nearest verb; its actor is the sentence's subject
            actor = self._sentence_subject(verb)
            speaker = self._speaker_from_token(actor, cue.token.idx) if actor is not None else speaker
        return speaker

    def _parenthetical_name(self, verb: Token) -> bool:
        """A name set off right after the verb: ", said Michael Kofman, an expert …" (not "said Trump's remarks")."""
        name = entity_in(self.doc[verb.i + 1:verb.i + 2], _PERSON)
        return name is not None and name.start == verb.i + 1 and name.end < len(self.doc) and self.doc[name.end].text in (",", ".")

    def _sentence_subject(self, verb: Token) -> Token | None:
        """The first subject outside quotations before `verb` in its sentence: the actor of a participle."""
        return next((t for t in verb.sent if t.i < verb.i and t.dep_ in _SUBJECT_DEPS and self.quote_of[t.i] == -1), None)

    def _adjacent_subject(self, verb: Token) -> Token | None:
        """When the parse loses the subject ("…,” Tulsa police Chief Chuck Jordan said), the noun
        phrase written right before the verb, or right after it ("said Jordan"), is the speaker."""
        doc = self.doc
        before = self._before_clause(verb)
        if before is not None:
            return before
        for step in (-1, +1) if verb.tag_ != "VBG" else (-1,):  # "saying the nightclub …" names no speaker
            i = verb.i + step
            if step < 0 and i > 0 and doc[i].text == ")":
                # "Speaker of the House Rep. Paul Ryan (R-WI) said": past the affiliation in brackets
                i = next((j for j in range(i - 1, max(-1, i - 8), -1) if doc[j].text == "("), i) - 1
            while 0 <= i < len(doc) and abs(i - verb.i) <= _NEAR and self.quote_of[i] == -1 and not doc[i].is_punct:
                t = doc[i]
                # (a surname the tagger took for a word: "“…,” Will wrote", "Early described it as “…”")
                if t.pos_ in ("PROPN", "NOUN", "PRON") or t.is_title and i > 0 and self.names.known_person(t.text) \
                        or t.lower_ == "old" and doc[i - 1].text == "-":  # "the 43-year-old asked"
                    while t.dep_ in ("compound", "flat") and t.head.i not in (t.i, verb.i) and self.quote_of[t.head.i] == -1:
                        t = t.head  # (not onto the verb: "“…,” Conway notes", where the parser made the name its compound)
                    if step > 0 and t.dep_ == "poss" and doc[verb.i - 1].is_quote and t.head.i > t.i \
                            and (t.head.pos_ == "PROPN" or t.head.ent_type_):
                        t = t.head  # "“…,” opined Cleveland's Plain Dealer": right after the quotation, the whole phrase
                    if step > 0 and (t.dep_ == "poss" or t.dep_ in _SUBJECT_DEPS and t.head.i > t.i and not any(
                            x.is_punct for x in doc[t.i:t.head.i])):
                        break  # "said both major parties were …", "denounced her record": not who spoke ("said X, half joking" is X)
                    if step > 0 and t.ent_type_ != "PERSON":
                        # "mused Blaze co-host Stu Burguiere", where a hyphen split the phrase: the name that ends it
                        for j in range(t.i + 1, min(len(doc), t.i + 5)):
                            if doc[j].ent_type_ == "PERSON" and self.quote_of[j] == -1:
                                return entity_in([doc[j]], _PERSON)[-1]
                            abbreviation = doc[j].text == "." and doc[j - 1].is_title and len(doc[j - 1]) <= 4  # "Lt."
                            if doc[j].pos_ in ("VERB", "AUX", "ADP", "CCONJ") or doc[j].text in (",", ".", "(", ";", ":") \
                                    and not abbreviation:
                                break
                    return t
                if t.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ") and not (step > 0 and t.dep_ == "amod"):
                    break  # (but "said retired neurosurgeon Ben Carson" goes on past the participle)
                i += step
        return None

    def _before_clause(self, verb: Token) -> Token | None:
        """ "Priya Raman, who co-authored the report …, said": the name before a clause set off by commas,
        where the parser made the name the subject of the clause."""
        doc = self.doc
        comma = verb.i - 1
        while comma > verb.sent.start and doc[comma].pos_ == "ADV":
            comma -= 1  # "…, forcefully told"
        if comma <= verb.sent.start or doc[comma].text != ",":
            return None
        i = comma - 1
        while i >= verb.sent.start and doc[i].text != ",":
            i -= 1
        appositive = entity_in([doc[comma - 1]], _PERSON | _ORG)
        appositive = doc[comma - 1] if appositive is not None and doc[appositive.start - 1].text == "," else None
        for t in (appositive, doc[i - 1] if i - 1 >= verb.sent.start else None):
            # "…, Ikenga Ugochinyere, urged": the name set off by commas, else the one the clause follows
            if t is not None and self.quote_of[t.i] == -1 and t.head.i != verb.i and (
                    t.ent_type_ == "PERSON" or t.ent_type_ == "ORG" and t.is_title and t.pos_ != "NOUN"):
                return t
        return None

    def _speaker_from_token(self, tok: Token, at: int) -> Speaker | None:
        names = self.names
        lower = tok.lower_
        if lower in lexicon.PRONOUN_GENDER and tok.pos_ == "PRON":
            return self._resolve_pronoun(tok, at)
        age = re.search(r"(?:\b[Tt]he |\b[Aa] )?(?:[a-z]+ )?\d+-year-old$", self.text[max(0, tok.idx - 40):tok.idx + 3]) \
            if tok.lower_ == "old" else None
        if age:
            # "said the 46-year-old": an age describes a person, though not which one (that takes coreference)
            return Speaker(age.group(), SpeakerKind.UNKNOWN, age.group())
        if tok.ent_type_ == "PERCENT" and not tok.like_num:
            phrase = _noun_phrase(tok)  # "63 percent said …": a poll's respondents
            return Speaker(phrase, SpeakerKind.UNKNOWN, phrase)
        if tok.lower_ in _SOME_PEOPLE and (tok.pos_ == "PRON" or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)):
            phrase = _noun_phrase(tok)  # someone the article does not name ("one of the delegates"), but someone
            return Speaker(phrase, SpeakerKind.UNKNOWN, phrase)
        timed = tok.ent_type_ in ("DATE", "TIME") and tok.pos_ == "NOUN" and tok.lemma_.lower() not in _TIME_WORDS
        if tok.pos_ == "PRON" or tok.tag_ == "VBG" or tok.is_punct or tok.like_num or tok.ent_type_ in _NOT_SPEAKERS and not timed:
            # ("A paramedic of 15 years", which the tagger made a date, speaks)
            # nobody speaks in "Eliminating “the scourge of war” is one of the goals …"
            return None
        ent = entity_in([tok], _PERSON | _ORG)
        person = names.by_role(ent.text) if ent is not None else None
        if person:
            # "the Treasurer said", "Taoiseach says …" tagged as a name: the person the article gave that title
            return names.speaker(person, ent.text)
        ent = entity_in([tok], _PERSON) or entity_in([c for c in tok.children if c.dep_ == "appos"], _PERSON)
        if ent is None and tok.lemma_.lower() in lexicon.PERSON_NOUNS:
            ent = self._role_name(tok)
        if ent is not None:
            name = names.person_name(ent.text, ent.start_char)
            title = names.title(name) or title_before(self.text, ent.start_char)
            return names.speaker(name, ent.text, title)
        ent = entity_in([tok], _ORG)
        if ent is None and tok.pos_ == "NOUN" and tok.lemma_.lower() not in lexicon.STATEMENT_NOUNS:
            # "its main rival, the Muttahida Qaumi Movement-Pakistan, rejected …": the body the description names
            apposed = [c for c in tok.children if c.dep_ == "appos" and self.doc[c.left_edge.i - 1].text == ","]
            ent = entity_in(apposed[:1], _ORG)
            ent = ent if ent is not None and ent.start - apposed[0].left_edge.i <= 1 else None  # the whole appositive
        det = [c.lower_ for c in tok.children if c.dep_ == "det"]
        if ent is not None and ent.label_ == "NORP" and len(ent) == 1 and det == ["the"] and tok.tag_ in ("NN", "NNP"):
            ent = None  # "the Republican said": one person, described
        if ent is not None and names.known_person(ent.text):
            name = names.person_name(ent.text, ent.start_char)
            return names.speaker(name, ent.text)
        if ent is None and tok.lemma_.lower() in lexicon.STATEMENT_NOUNS:
            ent = entity_in([c for c in tok.subtree if c.i < tok.i], _ORG | _PERSON)
            issuer = [g for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in _ISSUING for a in c.children
                      if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            issuer += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for g in c.children
                       if g.dep_ == "pobj"]
            # "according to a speech Mrs. Clinton delivered", "a statement the ministry released": who gave it
            issuer += [g for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in _ISSUING | _DELIVERING
                       for g in c.children if g.dep_ == "nsubj" and g.pos_ in ("PROPN", "NOUN")]
            if ent is None and issuer:
                # "an order issued by the education department", "a report by the EPA's inspector general": the
                # issuer as named, not a person the description might point back to
                if entity_in([issuer[0]], _ORG | _PERSON) is not None:
                    return self._speaker_from_token(issuer[0], at)
                phrase = _noun_phrase(issuer[0])
                return Speaker(phrase, SpeakerKind.UNKNOWN, phrase)
        if ent is not None:
            if ent.label_ in _PERSON:
                name = names.person_name(ent.text, ent.start_char)
                return names.speaker(name, ent.text)
            return Speaker(org_name(ent.text), SpeakerKind.ORGANISATION, ent.text)
        phrase = _noun_phrase(tok)
        if tok.pos_ == "PROPN" or tok.is_title and names.known_person(tok.text):
            # a name the tagger missed ("Ms Cooper"; "Sanders declares" in a headline): the article's fullest form
            words = " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "flat") or t.i == tok.i)
            name = names.person_name(words, tok.idx)
            honorific = tok.i > 0 and self.doc[tok.left_edge.i].lower_ in lexicon.honorifics()
            if name in names.people or honorific:
                return names.speaker(name, phrase)
        if tok.lower_ in lexicon.GROUP_NOUNS and not any(c.dep_ in ("det", "compound", "amod", "poss", "prep") for c in tok.children):
            # bare "aides said" after "the White House ..." are that organisation's aides
            since = self.para_starts[max(0, self._para(at) - 1)] - 1
            org = names.last_mention(at, None, {SpeakerKind.ORGANISATION}, labels={"ORG"}, after=since)
            if org:
                return Speaker(f"{org} {tok.text}", SpeakerKind.ORGANISATION, tok.text)
        det = [c.lower_ for c in tok.children if c.dep_ == "det"]
        if "the" in det or not det:
            role = tok.lemma_.lower()
            modifiers = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod")]
            compound = " ".join(modifiers[-1:] + [role])
            if compound in lexicon.titles():
                role = compound  # "the vice president" is not "the president"
            of = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"]
            roles = [f"{role} of {' '.join(t.lower_ for t in of[0].subtree if t.i > of[0].i)}"] if of else []
            former = any(m in ("former", "late", "then", "ex") for m in modifiers)
            # "the former president" is not this one, and "the committee chairmen" are not one chairman
            for r in [] if former or tok.tag_ in ("NNS", "NNPS") else roles + [role]:
                person = names.by_role(r, at) if r in lexicon.titles() else None
                if person:
                    return names.speaker(person, phrase, r)
            if role in _ORG_ANAPHORS and "the" in det and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
                # (not "the Clinton campaign", which names itself)
                # "the group" may be a people ("the Houthis"); "the agency" is an organisation
                labels = {"ORG", "NORP"} if role in ("group", "party", "militants", "rebels") else {"ORG"}
                # the last organisation so named ("the ministry": the Ministry of Mines), else the last one
                org = names.last_mention(at, None, {SpeakerKind.ORGANISATION}, word=role) or self._named_body(role, at) \
                    or names.last_mention(at, None, {SpeakerKind.ORGANISATION}, labels=labels)
                if org:
                    return Speaker(org, SpeakerKind.ORGANISATION, phrase)
            if "the" in det and tok.tag_ in ("NN", "NNP") and tok.lemma_.lower() in lexicon.PERSON_NOUNS:
                described = self._described(tok)
                if described is not None:
                    return described  # "A government spokesman said … “…,” the spokesman said."
                person = names.by_description({tok.lemma_.lower()} | {c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod")})
                if person:
                    return names.speaker(person, phrase)
                # "the Republican presidential nominee", "the former governor": a definite
                # description of a person points back to the last person acting in the story (of its gender)
                person = names.last_mention(at, lexicon.GENDERED_NOUNS.get(tok.lemma_.lower()), {SpeakerKind.PERSON}, subject=True)
                if person:
                    # the description is not a title ("the New York businessman"), unless it is one ("the senator")
                    title = role if role in lexicon.titles() else names.title(person)
                    return names.speaker(person, phrase, title)
        return Speaker(phrase, SpeakerKind.UNKNOWN, phrase)

    def _role_name(self, tok: Token) -> Span | None:
        """The name a role noun introduces, where the tagger did not make them one entity: "the islands minister,
        Iain MacAulay," (tagged an organisation), "ABS head of construction statistics Daniel Rossi", "Speaker of
        the House Rep. Paul Ryan (R-WI)", "… for the south-east, Caroline Hebden, said"."""
        named = entity_in([c for c in tok.children if c.dep_ == "appos"], _ORG)
        if named is not None and self.names.known_person(named.text):
            return named
        comma = tok.left_edge.i - 1
        if comma > 0 and self.doc[comma].text == "," and self.quote_of[comma - 1] == -1 \
                and self.doc[comma - 1].dep_ not in ("dobj", "pobj", "dative", "poss"):
            named = entity_in([self.doc[comma - 1]], _PERSON)
            if named is not None:
                return named  # "“…,” Deborah Tamargo, the chairwoman of the county party, recalled": the name it follows
        before_bracket = []
        for t in self.doc[tok.i + 1:min(tok.right_edge.i + 1, tok.i + 12)]:
            if t.text in ("(", ",") or t.dep_ in ("relcl", "acl") or self.quote_of[t.i] != -1:
                break
            before_bracket.append(t)
        last = max((t for t in tok.subtree if t.i < tok.i + 12 and not t.is_punct), key=lambda t: t.i)
        named = entity_in(before_bracket[-1:], _PERSON) or (
            entity_in([last], _PERSON) if last.dep_ in ("appos", "compound", "pobj") or last.head.dep_ == "appos" else None)
        if named is None and last.pos_ == "PROPN" and last.dep_ == "pobj" and self.names.known_person(last.text):
            # "Leader of the Opposition R. Shankare Gowda", tagged an organisation: the surname of a person the article names
            named = self.doc[last.i:last.i + 1]
        return named

    def _named_body(self, role: str, at: int) -> str | None:
        """The last capitalised name of a body ending or starting with the word: "the authority" after "The
        Murray-Darling Basin Authority's …" (which the tagger did not mark), "the ministry" after "the Ministry of …"."""
        word = role.capitalize()
        pattern = rf"((?:[A-Z][\w'’-]+ ){{1,5}}{word}|{word} (?:of|for) (?:the )?[A-Z][\w'’-]+(?: (?:and )?[A-Z][\w'’-]+){{0,4}})"
        found = re.findall(pattern, self.text[:at])
        return org_name(found[-1]) if found else None

    def _described(self, tok: Token) -> Speaker | None:
        """The unnamed person an indefinite subject introduced in this paragraph or the one before
        ("A government spokesman said …"), when no named person has acted since."""
        since = self.para_starts[max(0, self._para(tok.idx) - 1)]
        modifiers = _modifiers(tok)
        acted = False
        for t in reversed(self.doc[:tok.i]):
            if t.idx < since and not modifiers:
                return None
            if self.quote_of[t.i] != -1:
                continue
            if t.dep_ in _SUBJECT_DEPS and t.ent_type_ == "PERSON" and not self.names.reported(t):
                acted = True  # a named person acted since: "the spokesman" may be theirs (not one spoken of)
            if t.lemma_.lower() == tok.lemma_.lower() and any(c.lower_ in ("a", "an") for c in t.children if c.dep_ == "det") \
                    and (t.dep_ in _SUBJECT_DEPS and not acted or modifiers and modifiers <= _modifiers(t)):
                # "A government spokesman said …"; "according to a senior White House official" … "the senior
                # White House official said": the same words, however far and whoever spoke between
                return Speaker(_noun_phrase(t), SpeakerKind.UNKNOWN, tok.text)
        return None

    def _resolve_pronoun(self, tok: Token, at: int) -> Speaker | None:
        """He, she, they: the last fitting subject since the last quote, else that quote's speaker.

        News copy names a new speaker as a subject before quoting them by
        pronoun ("Sen. David Perdue said ... "…," he said"); with no new
        subject in between, the pronoun continues the previous speaker.
        """
        if tok.lower_ == "i":  # in the article's own voice, "I" is the writer
            author = self.names.author
            if author is None:
                return Speaker("the author", SpeakerKind.UNKNOWN, tok.text)
            return self.names.speaker(author, tok.text)
        gender = lexicon.PRONOUN_GENDER[tok.lower_]
        last_para = self.para_starts[max(0, self._para(at) - 1)]  # the start of the paragraph before this one
        prev_at, prev = -1, None
        for h_at, h in reversed(self.history):
            if h_at >= at:
                continue
            if gender in ("m", "f"):
                fits = h.kind is SpeakerKind.PERSON and h.gender in (gender, None)
            elif gender == "n":
                # "the report says. … It also points out that …" (not "the announcer said")
                fits = h.kind is not SpeakerKind.PERSON and not _one_person(h)
            else:
                # "they" are people or an organisation, not "the statement" that reported them
                fits = h.kind is not SpeakerKind.PERSON and _head_word(h).lower() not in lexicon.STATEMENT_NOUNS \
                    and not _one_person(h)
            if fits:
                prev_at, prev = h_at, h
                break
        if gender in ("m", "f"):
            name = self.names.last_mention(at, gender, {SpeakerKind.PERSON}, after=prev_at, subject=True)
            if name is None and prev is None:
                name = self.names.last_mention(at, gender, {SpeakerKind.PERSON})
        elif gender == "n":
            body = self._body_subject(tok, max(prev_at, last_para))
            if body is not None:
                return body  # "Donald Trump's campaign is defending … It's denouncing what it calls “…”"
            name = self.names.last_mention(at, None, {SpeakerKind.ORGANISATION}, labels={"ORG"},
                                           after=max(prev_at, last_para - 1), subject=True)
            if name is not None and (prev is None or name != prev.name):
                return Speaker(name, SpeakerKind.ORGANISATION, tok.text)
            name = None
        else:
            group = self._plural_subject(tok, max(prev_at, last_para))
            if group is not None:
                return group
            name = None
        if name is not None and (prev is None or name != prev.name):
            return Speaker(name, SpeakerKind.PERSON, tok.text, self.names.title(name), self.names.gender(name) or gender)
        if prev is not None:
            return Speaker(prev.name, prev.kind, tok.text, prev.title, prev.gender)
        return None

    def _body_subject(self, tok: Token, since: int) -> Speaker | None:
        """For "it": the last subject since `since` that names a body ("the campaign", "Donald Trump's campaign")."""
        for t in reversed(self.doc[:tok.i]):
            if t.idx < since:
                return None
            if self.quote_of[t.i] == -1 and t.dep_ in _SUBJECT_DEPS and t.tag_ in ("NN", "NNP") and t.ent_type_ not in _PERSON \
                    and t.lemma_.lower() in _ORG_ANAPHORS:
                return self._speaker_from_token(t, t.idx)
        return None

    def _plural_subject(self, tok: Token, since: int) -> Speaker | None:
        """For "they" or "we": the last plural or organisational subject written before it."""
        i = tok.i - 1
        while i >= 0 and self.doc[i].idx >= since:
            t = self.doc[i]
            if self.quote_of[i] == -1 and t.dep_ in _SUBJECT_DEPS and t.pos_ != "PRON":
                plural = t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children) or t.ent_type_ in ("ORG", "NORP") \
                    or t.lemma_.lower() in _ORG_ANAPHORS  # "Clinton's campaign is seeking … what they call …"
                if plural:
                    # "Critics of the program, like Senators Charles Grassley and Patrick Leahy, …": "they" are the
                    # people the article names among them
                    members = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("like", "including")
                               for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "PERSON"]
                    t = members[0] if members and any(c.dep_ == "conj" for c in members[0].children) else t
                    conj = [c for c in t.children if c.dep_ == "conj"]
                    first = self._speaker_from_token(t, t.idx)
                    if conj and first is not None and first.kind is SpeakerKind.PERSON:
                        second = self._speaker_from_token(conj[0], conj[0].idx)
                        if second is not None:
                            return Speaker(f"{first.name} and {second.name}", SpeakerKind.PERSON, tok.text)
                    return first
            i -= 1
        return None

    # -- carrying over --------------------------------------------------
    def _carried(self, k: int, results) -> tuple[Speaker, Cue | None, float] | None:
        span = self.spans[k]
        para = self.span_para[k]
        j = k
        while not self.spans[j].closed and j + 1 < len(self.spans) and self.span_para[j + 1] == self.span_para[j] + 1 \
                and self.text[self.spans[j + 1].start - 1] == self.text[span.start - 1]:
            j += 1  # a quotation running on into the next paragraph, opened by the same mark: “… \n\n“…,” said Ahmed Nour Elmi.
            if results[j][0] is not None and results[j][2] >= 0 and results[j][1] is not None:
                return results[j][0], results[j][1], 0.8
        before = self._frame(k, -1)
        sentence_initial = not before
        if not sentence_initial and not _looks_full(self.text[span.start:span.end]):
            return None  # a scare quote in the middle of a sentence with no cue
        if before and before[0].text == ":":
            # "… doesn’t surprise Republican pollster Daron Shaw: “Historically, …”", "Bush: “The mission is …”": the
            # person the colon follows
            named = next((t for t in before if t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and self.names.known_person(t.text)), None)
            if named is not None:
                name = self.names.person_name(named.text if named.ent_type_ != "PERSON" else entity_in([named], _PERSON).text, named.idx)
                if name in self.names.people or self.names.known_person(name):
                    return self.names.speaker(name, named.text), None, 0.6
        same_para = [j for j in range(len(self.spans)) if j != k and self.span_para[j] == para]
        earlier = [j for j in same_para if j < k and results[j][0] is not None]
        if earlier:
            j = earlier[-1]
            return results[j][0], results[j][1], 0.8
        later = [j for j in same_para if j > k and results[j][0] is not None]
        if later:
            j = later[0]
            return results[j][0], results[j][1], 0.7
        if not sentence_initial:
            return None
        # '…, Schiff said. “The other factor …”': a quotation after reported speech continues its speaker.
        p_start = self.paras[para][0]
        if span.start - p_start > 2:
            before_quote = self.doc.char_span(p_start, span.start - 1, alignment_mode="contract") or []
            speaker = self._last_cue_speaker([t for t in before_quote if self.quote_of[t.i] == -1])
            if speaker is not None:
                return speaker
            if _looks_full(self.text[span.start:span.end]):
                # "Sen. Bernie Sanders … identified young voters' exhaustion … “The younger people are …”"
                subject = self._subject_mention(p_start, span.start)
                if subject is not None:
                    return subject, None, 0.6
        if para == 0:
            return None
        # A paragraph that opens with a quotation continues the speaker named just before it.
        prev_para = self.paras[para - 1]
        # (not a title of a work: "She cited a series titled “The Vanishing Stockpile”.¶“We cannot …”" is hers)
        prev_quotes = [j for j in range(k) if self.span_para[j] == para - 1 and results[j][2] != _WORK]
        if prev_quotes:
            j = prev_quotes[-1]
            return (results[j][0], results[j][1], 0.75) if results[j][0] is not None else None
        prev_tokens = list(self.doc.char_span(*prev_para, alignment_mode="expand") or [])
        speaker = self._last_cue_speaker(prev_tokens)
        if speaker is not None:
            return speaker
        intro = self._actor(prev_tokens)
        if intro is not None and self.text[prev_para[1] - 1] == ":":
            return intro  # "He then listed the qualities a nominee needs:" introduces the paragraphs that follow
        p_start, p_end = self.paras[para]
        if re.search(r"\w", self.text[p_start:span.start] + self.text[span.end:p_end]):
            return None
        # A paragraph that is only a quotation, after one about somebody ("Peter Dutton disagreed.",
        # "The prime minister hit back."), gives that somebody's words.
        if intro is not None:
            return intro
        subject = self._subject_mention(*prev_para)
        return (subject, None, 0.6) if subject is not None else None

    def _actor(self, tokens: list[Token]) -> tuple[Speaker, Cue, float] | None:
        """The person or organisation acting in the last sentence of `tokens`, pronoun or title resolved."""
        if not tokens:
            return None
        verb = tokens[-1].sent.root
        subject = _subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        subject = _asked(verb) or subject
        if subject is None or self.quote_of[subject.i] != -1:
            return None
        speaker = self._speaker_from_token(subject, verb.idx)
        if speaker is None or speaker.kind is SpeakerKind.UNKNOWN:  # not "The bias begins to show …:"
            return None
        return speaker, Cue(verb, verb.lower_, subject, weak=True), 0.6

    def _subject_mention(self, start: int, end: int) -> Speaker | None:
        """The last name written as a subject between two offsets: who the passage is about."""
        for m in reversed(self.names.mentions):
            if m.at < start:
                break
            if m.at < end and m.subject:
                return Speaker(m.name, m.kind, m.name, self.names.title(m.name), self.names.gender(m.name))
        return None

    def _last_cue_speaker(self, tokens: list[Token]) -> tuple[Speaker, Cue, float] | None:
        cues = self._cues_in(tokens)
        verbs = {c.token.i for c in cues}
        for cue in reversed(cues):
            if any(a.i in verbs for a in cue.token.ancestors):
                continue  # "Mr Qaiser … said the government had failed to convene the conference it had promised"
            asked = _asked(cue.token)
            speaker = self._speaker_from_token(asked, cue.token.idx) if asked is not None else self._speaker_of(cue)
            if speaker is not None:
                return speaker, cue, 0.7
        return None

    # -- records --------------------------------------------------------
    def _record(self, k: int, speaker: Speaker, cue: Cue | None, confidence: float) -> Quote:
        span = self.spans[k]
        text = self.text
        para = self.span_para[k]
        p_start, p_end = self.paras[para]
        if para == 0 and len(self.paras) > 1 and p_end - p_start < 250:
            kind = QuoteKind.HEADLINE
        elif _looks_full(text[span.start:span.end]):
            kind = QuoteKind.FULL
        else:
            kind = QuoteKind.PARTIAL
        toks = self.span_tokens[k]
        sent = toks[0].sent if toks else None
        sentence = text[sent.start_char:max(sent.end_char, span.end)] if sent is not None else text[p_start:p_end]
        return Quote(
            text=text[span.start:span.end],
            start=span.start,
            end=span.end,
            speaker=speaker.name,
            mention=speaker.mention,
            title=speaker.title,
            speaker_kind=speaker.kind,
            cue=cue.text if cue else None,
            kind=kind,
            sentence=sentence.strip(),
            confidence=round(confidence, 2),
        )


def _subject_of(verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, or the subject of the clause it hangs from."""
    t = verb
    for _ in range(6):
        # "released a statement saying …", "released a letter that says …": the one who released it
        released = t.head.lemma_.lower() in lexicon.STATEMENT_NOUNS and t.head.dep_ in ("dobj", "pobj")
        # of two subjects the parser gave one verb ("in Berea, OH, … Gov. John Kasich (R-OH), said"), the person
        for c in sorted(t.children, key=lambda c: (c.dep_ not in _SUBJECT_DEPS, c.ent_type_ != "PERSON", c.i)):
            if c.dep_ == "nsubjpass" and t.lemma_.lower() in _AIMED_AT:
                # "Macrae has been accused of “hiding behind winter”": the one accused did not say it; the one it
                # was said by did, wherever the parser hung the "by" ("was called “a liar” by Clinton")
                by = [g for x in t.children for b in [x, *x.children] if b.lower_ == "by" and b.i > t.i
                      for g in b.children if g.dep_ == "pobj"]
                if by:
                    return by[0]
                continue
            if c.dep_ in _SUBJECT_DEPS:
                if (c.tag_ in ("WP", "WDT") or c.lower_ in ("that", "which", "who")) and t.dep_ in ("relcl", "acl"):
                    if released:
                        break
                    return t.head  # "Netanyahu, who vowed ..."
                return c
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if t.dep_ == "acl" and _aimed_passive(t):
            return None  # "Macrae accused of ‘hiding behind winter’": the one accused, as in the passive
        if t is verb and t.dep_ == "acl" and t.doc[t.i - 1].text == "," and any(a.dep_ == "relcl" for a in t.head.ancestors):
            # "Stuart Stevens, who served as … during the 2012 campaign, called …": the parser hung the verb on the
            # relative clause's last noun; the one named before that clause is its subject
            return None
        if not released and (t.dep_ == "relcl" or t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN")):
            return t.head  # "Biden, who said ..."; "footage of Hillary Clinton asking, ..."
        if t.dep_ not in _CLIMB_DEPS or t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in lexicon.STATEMENT_NOUNS:
            return None
    return None


def _aimed_passive(verb: Token) -> bool:
    """A speech verb aimed at someone, in the passive ("has been accused of", "Macrae accused of"): its subject,
    or the noun it follows, is the target, not the speaker."""
    if verb.lemma_.lower() not in _AIMED_AT or verb.tag_ != "VBN":
        return False
    doc = verb.doc
    # with an object outside the quotation it is active, whatever the tagger said: "Beruff called Florida’s
    # standards “strong”"
    active = any(c.dep_ in ("dobj", "oprd") and not c.left_edge.is_quote
                 and not (c.left_edge.i > 0 and doc[c.left_edge.i - 1].is_quote) for c in verb.children)
    # ("the 43-year-old asked in the video": a question asked after its asker reads as a reduced relative)
    reduced = verb.dep_ == "acl" and verb.lemma_.lower() not in _ASKING and verb.lemma_.lower() != "tell"
    return not active and (reduced or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children))


def _asked(verb: Token) -> Token | None:
    """The one a question was put to, who answers in the quotation after it: "Reporters asked Ms Threlfall
    whether …", "When RNZ put the claims to Ms Ruru, …"."""
    if verb.lemma_.lower() not in _ASKING:
        return None
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and (c.ent_type_ == "PERSON" or c.pos_ in ("PRON", "PROPN")):
            return c
        if c.dep_ == "prep" and c.lower_ == "to" and verb.lemma_.lower() == "put":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _modifiers(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.lefts if c.dep_ in ("amod", "compound")} | {
        g.lower_ for c in tok.lefts if c.dep_ == "compound" for g in c.lefts if g.dep_ == "compound"}


def _content_clause(clause: Token) -> bool:
    """ "reports [that Trump called her “Miss Piggy”]": what a report or claim says, not a relative clause."""
    noun = clause.head.lemma_.lower()
    return clause.dep_ == "acl" and (noun in lexicon.STATEMENT_NOUNS or noun in lexicon.CLAIM_NOUNS) and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _head_word(speaker: Speaker) -> str:
    """The last word of the mention as written: "the statement", "one questioner"."""
    return (speaker.mention.split() or [""])[-1]


def _own_event(clause: Token) -> bool:
    """A clause set in time or cause by "after", "when", "because" …, with a subject of its own."""
    return any(c.dep_ == "mark" and c.lower_ in _EVENT_MARKS for c in clause.children) and any(
        c.dep_ in _SUBJECT_DEPS for c in clause.children)


def _one_person(speaker: Speaker) -> bool:
    """A description of one person ("the announcer", "a spokesman"), whatever kind it was given."""
    head = _head_word(speaker).lower()
    return speaker.kind is SpeakerKind.UNKNOWN and (head in lexicon.PERSON_NOUNS or head in _PERSON_VOICES)


def _can_speak(speaker: Speaker) -> bool:
    """A person, an organisation, or a description of people or of a statement."""
    if speaker.kind is not SpeakerKind.UNKNOWN:
        return True
    word = _head_word(speaker)
    head = word.lower()
    if word[:1].isupper() or head in lexicon.PRONOUN_GENDER:
        return True  # a name the tagger did not know ("Hannity", "Millennials")
    return any(w in words for w in (head, head.rstrip("s")) for words in (
        lexicon.PERSON_NOUNS, lexicon.GROUP_NOUNS, lexicon.STATEMENT_NOUNS, lexicon.CLAIM_NOUNS, _ORG_ANAPHORS, _VOICES))


def _noun_phrase(tok: Token) -> str:
    """The words naming a described speaker: "a campaign operative", "White House aides"."""
    left = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("punct",)]
    right = []
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "with"):
            # (not the clause after it: "An official at National Medical Stores, who asked not to be named")
            clause = {d.i for t in c.subtree if t.dep_ in ("relcl", "acl") for d in t.subtree}
            right.extend(t for t in c.subtree if t.i not in clause)
            break
    words = [t for t in left + right]
    start = words[0].i if words else tok.i
    end = (words[-1].i + 1) if words else tok.i + 1
    end = min(end, start + 10)
    # not '…accomplishment,” Bozell', where the parse reached back into the quotation: a closing mark after
    # a comma or full stop ends the quoted words ('Juan "Chico" Manriquez' keeps its nickname)
    closes = [t.i for t in tok.doc[start:tok.i] if t.is_quote and t.i > 0 and tok.doc[t.i - 1].text in (",", ".", "!", "?")]
    start = max(closes, default=start - 1) + 1
    text = tok.doc[start:end].text
    return re.sub(r"^\W+", "", text).strip(" ,")  # nor '">Sanders' where markup clings to a name


_SMALL_WORDS = frozenset("a an and as at but by for in of on or the to with vs".split())


def _title_case(words: list[str]) -> bool:
    """Every word but the small ones starts with a capital: how titles of works are written."""
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and all(w[0].isupper() or w[0].isdigit() for w in big) and (words[0][0].isupper() or words[0][0].isdigit())


def _words(text: str) -> str:
    """The words of a quotation, for finding it again: "HANDS OFF OUR MOTORS" in “Hands off our motors, Rachel.”"""
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


def _looks_full(quote: str) -> bool:
    """A quote that opens with a capital and ends as a sentence does reads as whole sentences."""
    q = quote.strip(" …'‘’\"“”")
    return bool(q) and q[0].isupper() and len(q.split()) >= 3 and q[-1] in ".!?,;:—-"
