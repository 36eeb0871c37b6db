"""Quote-mark pairing on raw text: one row per convention of news copy."""
import pytest

from quotes.marks import find_spans


def quoted(text):
    return [text[s.start:s.end] for s in find_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will win," he said.', ["We will win,"]),
        ("“We will win,” he said.", ["We will win,"]),
        # single quotes in a headline, apostrophes left alone
        ("Israeli-Palestinian ceasefire negotiations are ‘a work in progress,’ Biden says", ["a work in progress,"]),
        ("Israel’s army said I’ll go, and Hamas’ demands stand.", []),
        ("Hamas’ demands were ‘unacceptable,’ officials said.", ["unacceptable,"]),
        # ... but a closer before "as", "and", "says" ends a quotation: nobody owns a function word
        ("Minister says cap is ‘fair to taxpayers’ as Tories attack ‘stealth rise’", ["fair to taxpayers", "stealth rise"]),
        ("they would 'escalate more and more' until the end", ["escalate more and more"]),
        # NYT style: two apostrophes make a double mark
        ("''Good economic news,'' said Geoff Garin.", ["Good economic news,"]),
        # a quote within a quote stays inside the outer one
        ("“He told me ‘never again,’ and meant it,” she said.", ["He told me ‘never again,’ and meant it,"]),
        # a quotation within a quotation marked in the other style is also a span of its own
        ('"I will read you the question: “Do you trust her?” Forty percent said no," he said.',
         ["I will read you the question: “Do you trust her?” Forty percent said no,", "Do you trust her?"]),
        # ... or in curly marks, when enough closers follow to close both
        ("“I’d rather live in what he calls “hell” than in his world.” ― Ana Ruiz",
         ["I’d rather live in what he calls “hell” than in his world.", "hell"]),
        # British style: single marks outside, double ones inside, plural possessives left alone
        ("'The MPs' expenses were \"never\" justified,' he said.", ['The MPs\' expenses were "never" justified,']),
        ("Students stayed 'til midnight and said \"it was fine,\" she said.", ["it was fine,"]),
        # marks inside HTML tags left by a scraper are not quotation
        ('<tweet author="carl">Hi</tweet> “Jail time,” she said.', ["Jail time,"]),
    ],
)
def test_pairs_marks(text, expected):
    assert quoted(text) == expected


def test_multi_paragraph_quotation_reopens_each_paragraph():
    text = "“The first part goes on.\n\n“The second part ends here,” he said."
    assert quoted(text) == ["The first part goes on.", "The second part ends here,"]
    assert [s.closed for s in find_spans(text)] == [False, True]


def test_single_marks_reopen_each_paragraph_too():
    text = "'The first part goes on.\n\n'The second part ends here,' he said."
    assert quoted(text) == ["The first part goes on.", "The second part ends here,"]


def test_stray_mark_spoils_only_its_own_paragraph():
    text = "He said “this never closes.\n\n“Fine,” she said."
    assert quoted(text)[-1] == "Fine,"
