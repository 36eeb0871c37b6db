"""One speaker across articles: which names merge, and which never do by guesswork."""
from __future__ import annotations

import pytest

from quotes.errors import AliasFileError
from quotes.identity import name_key, read_aliases, resolve


@pytest.mark.parametrize(
    "name, key",
    [
        ("Joe Biden", "joe biden"),
        ("  JOE   BIDEN ", "joe biden"),
        ("José Álvarez-Díaz", "jose alvarez-diaz"),
        ("Beto O’Rourke", "beto o'rourke"),
        ("Mr. Trump", "trump"),
        ("Dr. Anthony S. Fauci", "anthony s fauci"),
        ("Mr.", "mr"),
        ("—", None),
        (None, None),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


def people(*names, kind="person"):
    return {(n, kind): 1 for n in names}


@pytest.mark.parametrize(
    "names, expected",
    [
        # a bare surname joins the one full name that has it
        (people("Biden", "Joe Biden"), {"Biden": "Joe Biden", "Joe Biden": "Joe Biden"}),
        # two people share it: "Clinton" stays apart, neither is guessed
        (people("Clinton", "Bill Clinton", "Hillary Clinton"), {"Clinton": "Clinton", "Bill Clinton": "Bill Clinton", "Hillary Clinton": "Hillary Clinton"}),
        # courtesy titles and middle initials
        (people("Mr. Trump", "Donald J. Trump", "Donald Trump"), {"Mr. Trump": "Donald Trump", "Donald J. Trump": "Donald Trump", "Donald Trump": "Donald Trump"}),
        # case and accents: one speaker, shown in the spelling with accents (longer, most used)
        ({("José Álvarez", "person"): 2, ("Jose Alvarez", "person"): 1, ("Álvarez", "person"): 1},
         {"José Álvarez": "José Álvarez", "Jose Alvarez": "José Álvarez", "Álvarez": "José Álvarez"}),
        # no full name in the corpus: the surname is the speaker
        (people("Netanyahu"), {"Netanyahu": "Netanyahu"}),
        # organisations are never folded into a person
        ({("Hamas", "organisation"): 1, ("Ali Hamas", "person"): 1}, {"Hamas": "Hamas", "Ali Hamas": "Ali Hamas"}),
    ],
)
def test_resolve(names, expected):
    assert {name: identity.name for name, identity in resolve(names).items()} == expected


def test_aliases_settle_what_the_rules_leave_apart():
    aliases = {"clinton": "Hillary Clinton", "potus": "Joe Biden"}
    found = resolve(people("Clinton", "Bill Clinton", "Hillary Clinton", "POTUS", "Joe Biden"), aliases)
    assert found["Clinton"].key == found["Hillary Clinton"].key == "hillary clinton"
    assert found["POTUS"].name == "Joe Biden"
    assert found["Bill Clinton"].key == "bill clinton"


def test_read_aliases(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("alias,canonical\n# the user's corrections\nClinton,Hillary Clinton\n\nPOTUS , Joe Biden\n", encoding="utf-8")
    assert read_aliases(path) == {"clinton": "Hillary Clinton", "potus": "Joe Biden"}
    assert read_aliases(tmp_path / "absent.csv") == {}
    path.write_text("Clinton\n", encoding="utf-8")
    with pytest.raises(AliasFileError, match=r"aliases.csv:1: a row needs an alias and a canonical name"):
        read_aliases(path)
