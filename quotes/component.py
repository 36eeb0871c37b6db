"""The `quote_attribution` spaCy component: sets `doc._.quotes`."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from quotes import lexicon
from quotes.attribution import Attributor
from quotes.records import Quote

# The speech-verb lexicon as a versioned, swappable function: `{"@misc": "quotes.speech_verbs.v1"}`.
registry.misc("quotes.speech_verbs.v1", func=lexicon.speech_verbs)

_KEY = "quotes.records"


def _get_quotes(doc: Doc) -> list[Quote]:
    return [Quote.from_dict(d) for d in doc.user_data.get(_KEY, ())]


# The records live in doc.user_data as plain dicts, so Docs cross process
# boundaries (nlp.pipe(n_process=N), DocBin) and come back as Quote objects.
if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", getter=_get_quotes)


# A wire dateline: "PHILADELPHIA, July 25 (UPI) — ", "LONDON (Reuters) - ", "BOCA RATON, Fla. -- ".
_DATELINE = re.compile(r"[A-Z][A-Z.'’\- ]{2,40}(?:,\s*[A-Z][\w.'’ ]{1,30}){0,2}\s*(?:\([A-Za-z.\- ]{1,30}\))?\s*(?:—|–|--|-)\s+(?=\S)")
# The colon form of Indian and other agencies, at the top of a story only: "New Delhi:", "Mumbai, Jan 5 (PTI):".
_COLON_DATELINE = re.compile(r"(?:[A-Z][\w.'’-]+ ){0,2}[A-Z][\w.'’-]+(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \([A-Za-z.\- ]{1,30}\))?:\s+(?=[A-Z])")


_SAYS = frozenset(["says", "said"])


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: without this the parser runs a timestamp ("5:45 p.m.") or the
    last paragraph's words into the next sentence and takes them for its subject. So does a wire
    dateline ("PHILADELPHIA (UPI) — The committee released …" is not said by Philadelphia). No
    sentence starts right after "says". Runs before the parser, which keeps boundaries already set."""
    text = doc.text
    for tok in doc[:-1]:
        if tok.i > 0 and doc[tok.i - 1].lower_ in _SAYS and tok.is_alpha:
            tok.is_sent_start = False  # "Phone ban in schools ‘long overdue’, says Phillipson": no sentence starts there
        elif tok.is_space and "\n" in tok.text or tok.i == 0:
            first = doc[tok.i + 1] if tok.is_space else tok
            first.is_sent_start = True
            dateline = _DATELINE.match(text, first.idx) or (_COLON_DATELINE.match(text, first.idx) if 0 < first.idx < 600 else None)
            after = doc.char_span(dateline.end(), dateline.end() + 1, alignment_mode="expand") if dateline else None
            if after is not None and after[0].i > first.i:
                after[0].is_sent_start = True
    return doc


class QuoteAttribution:
    """Finds quote-marked spans and attributes each to its speaker.

    Two steps, as in spaCy's own components: find the quotes and their
    cues (quotes.attribution), then set `doc._.quotes` to Quote records.
    Quote-marked spans that no rule attributes (scare quotes, titles of
    works) are left out: they are not quotations.
    """

    def __init__(self, nlp: Language, name: str = "quote_attribution", *, speech_verbs: frozenset[str]):
        self.name = name
        self.speech_verbs = frozenset(speech_verbs)

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[_KEY] = [q.to_dict() for q in Attributor(doc, self.speech_verbs).quotes()]
        return doc


@Language.factory(
    "quote_attribution",
    assigns=["doc._.quotes"],
    requires=["token.dep", "token.lemma", "doc.ents"],
    default_config={"speech_verbs": {"@misc": "quotes.speech_verbs.v1"}},
)
def make_quote_attribution(nlp: Language, name: str, speech_verbs: frozenset[str]) -> QuoteAttribution:
    return QuoteAttribution(nlp, name, speech_verbs=speech_verbs)
