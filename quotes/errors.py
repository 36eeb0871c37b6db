"""One home for the errors of the dataset and article-loading side.

Each message says what was wrong and what to do about it, so the CLI can print
it as one line and exit without a traceback.
"""
from __future__ import annotations


class QuotesError(Exception):
    """Base class: an error whose message is fit to show a user as it is."""


class DatasetNotFound(QuotesError, FileNotFoundError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"no quotes dataset at {path}; create one with `quotes extract ARTICLES... --out {path}`"
        )


class DatasetLocked(QuotesError):
    def __init__(self, path: str, holder: str | None) -> None:
        who = f" (held by {holder})" if holder else ""
        super().__init__(
            f"another writer is updating the dataset at {path}{who}; "
            "wait for it to finish and run again"
        )


class SchemaMismatch(QuotesError):
    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            f"the dataset at {path} does not have the expected layout ({detail}); "
            "rebuild it with `quotes extract ... --out` into a new directory"
        )


class AliasFileError(QuotesError):
    def __init__(self, path: str, line: int, detail: str) -> None:
        super().__init__(f"{path}:{line}: {detail} (expected CSV rows `alias,canonical name`)")


class UnknownSpeaker(QuotesError, LookupError):
    """No speaker in the dataset answers to a name; `suggestions` are close names to offer."""

    def __init__(self, name: str, suggestions: list[str] | tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        hint = f"; did you mean {' or '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no speaker called {name!r} in the dataset{hint}")


class IndexMissing(QuotesError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"the dataset at {path} has no fact-check index of this version of quotes; "
            f"run `quotes extract ARTICLES... --out {path}` once more to add it"
        )
