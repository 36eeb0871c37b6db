"""Language resources for attribution, kept apart from the rules that use them.

Each list is a text file in quotes/lexicon/ whose header says where it came
from. This module imports no spaCy, so the read side (identity, look-ups) shares
the same lists; the component registers the speech verbs as
`quotes.speech_verbs.v1` so a config can swap them.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources



def _lines(name: str) -> list[str]:
    text = resources.files("quotes").joinpath("lexicon", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(w for ln in _lines(name) for w in ln.lower().split())


def speech_verbs() -> frozenset[str]:
    """Lemmas of verbs that report speech: say, add, tell, vow, describe ..."""
    return frozenset(_lines("speech_verbs.txt"))


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Titles that stand before names, longest first so the fullest one wins."""
    return tuple(sorted({t.lower() for t in _lines("titles.txt")}, key=len, reverse=True))


@lru_cache(maxsize=1)
def honorifics() -> dict[str, str]:
    """Honorific → gender letter ('m', 'f' or '-')."""
    return dict(ln.lower().split() for ln in _lines("honorifics.txt"))


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Given name → 'm' or 'f'; names on both lists are left out as unknown."""
    male, female = _words("first_names_male.txt"), _words("first_names_female.txt")
    out = {n: "m" for n in male - female}
    out.update({n: "f" for n in female - male})
    return out


# Nouns naming a written or spoken statement: "according to a White House readout".
STATEMENT_NOUNS = frozenset(
    "statement readout release report memo letter email e-mail tweet post interview remarks speech "
    "announcement transcript filing complaint lawsuit ruling order opinion editorial op-ed column "
    "video ad advertisement spot commercial message note post poll survey study document website blog "
    "article piece story missive finding account memoir book audio recording footage sign banner summary".split()
)

# Nouns for what someone said, whose owner is the speaker: "his claim that people would “learn nothing”".
CLAIM_NOUNS = frozenset(
    "claim promise vow pledge remark comment assertion charge warning boast argument insistence suggestion "
    "threat accusation denial admission prediction contention conclusion assessment characterization characterisation "
    "verdict judgment judgement".split()
)

# Pronouns that can stand for a speaker, with the gender (or number) they carry.
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "they": "p", "them": "p", "their": "p",
                  "we": "p", "i": "?", "it": "n"}

# Role and kinship nouns that tell a person's gender: "Hope Hicks, a campaign spokeswoman".
GENDERED_NOUNS = {
    **dict.fromkeys("spokeswoman congresswoman chairwoman businesswoman councilwoman assemblywoman actress "
                    "mother daughter wife sister grandmother aunt widow girlfriend queen princess duchess "
                    "countess baroness lady".split(), "f"),
    **dict.fromkeys("spokesman congressman chairman businessman councilman assemblyman actor father son "
                    "husband brother grandfather uncle widower boyfriend king prince duke baron lord".split(), "m"),
}

# Words that, as a subject's head, name a group of people rather than a person.
GROUP_NOUNS = frozenset(
    "officials aides sources advisers advisors people experts analysts critics supporters leaders members "
    "democrats republicans lawmakers voters residents protesters staff staffers spokespeople authorities "
    "police investigators prosecutors officers troops organizers organisers economists".split()
)

# Nouns that describe a person by role or relation: "the Republican nominee said" points back to a
# person already named, where "the spot said" does not.
PERSON_NOUNS = frozenset(
    "nominee candidate official lawmaker congressman congresswoman senator governor mayor president premier head speaker "
    "secretary minister chairman chairwoman director billionaire mogul businessman businesswoman woman man "
    "mother father daughter son wife husband veteran activist author writer reporter host anchor actor "
    "actress singer star leader chief founder owner executive adviser advisor aide spokesman spokeswoman "
    "lawyer attorney judge professor economist analyst strategist pollster doctor physician general "
    "commander ambassador diplomat candidate-elect incumbent challenger opponent rival republican democrat "
    "friend staffer politician respondent researcher scientist student worker parent teacher resident citizen "
    "principal headteacher headmaster headmistress coach captain skipper manager detective inspector constable "
    "magistrate coroner prosecutor barrister solicitor councillor paramedic nurse surgeon consultant chairperson "
    "landlord tenant victim driver defendant witness legislator assemblyman assemblywoman councilman councilwoman "
    "councilor representative delegate commissioner treasurer officer mp mla td campaigner volunteer spokesperson".split()
)
