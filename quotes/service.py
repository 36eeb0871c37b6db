"""The HTTP service: the look-ups, fact-checks and extraction of quotes, over HTTP and as a page.

A thin layer: every answer comes from the Python API (`quotes.search`,
`quotes.factcheck`, `quotes.extract`) and is shaped by `quotes.api_models`.
It is read-only over the dataset, reads no file a request names, and picks up
a new dataset version (written by `quotes extract`) on the next request.

Bad input is a JSON `Problem` with a 4xx status, never a 5xx: malformed JSON is
400, a wrong type or an empty field 422, an unknown speaker 404 with close
names, a body over the limit 413 (counted as it streams in, so a missing or
false Content-Length does not get round it). spaCy is loaded on the first
`POST /extract`, not before.
"""
from __future__ import annotations

import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any, Callable

import pyarrow as pa
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException

from quotes import api_models as m
from quotes import search
from quotes.dataset import QuoteDataset, current_version, open_dataset
from quotes.errors import QuotesError, UnknownSpeaker

DEFAULT_MAX_BODY = 2_000_000  # bytes; a long article is ~50 kB


def create_app(data_dir: str | Path, max_body_bytes: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The service over the dataset at `data_dir`.

    Raises:
        DatasetNotFound: `data_dir` holds no dataset (checked now, not on the first request).
    """
    if max_body_bytes < 1:
        raise ValueError("max_body_bytes must be 1 or more")
    source = _Source(Path(data_dir))
    app = FastAPI(
        title="quotes",
        summary="Who said what, where: look up quotes by speaker, fact-check a quotation, extract quotes from an article.",
        version=_version(),
    )
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    _add_error_handlers(app)
    _add_api(app, source)
    _add_page(app, source)
    return app


class _Source:
    """The dataset, re-opened when a writer has made a new version current."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._data: QuoteDataset = open_dataset(root)
        self._lock = threading.Lock()

    def get(self) -> QuoteDataset:
        if current_version(self.root) != self._data.version:
            with self._lock:
                if current_version(self.root) != self._data.version:
                    self._data = open_dataset(self.root)
        return self._data


# --- the body limit ----------------------------------------------------------------


class BodyLimit:
    """ASGI middleware: answer 413 to a request body over `max_bytes`.

    The declared Content-Length is checked first; the body is then counted as
    it arrives and buffered (at most `max_bytes`), so a chunked upload or a
    false length is caught before the app reads any of it.
    """

    def __init__(self, app: Callable, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await self._refuse(scope, receive, send)
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                return await self._refuse(scope, receive, send)
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replay = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def receive_again() -> dict:
            return replay.pop() if replay else await receive()

        await self.app(scope, receive_again, send)

    async def _refuse(self, scope: dict, receive: Callable, send: Callable) -> None:
        problem = m.Problem(
            error="body_too_large",
            message=f"the request body is over the limit of {self.max_bytes:,} bytes; send less (an article, not an archive)",
        )
        response = JSONResponse(problem.model_dump(exclude_none=True), status_code=413, headers={"Connection": "close"})
        await response(scope, receive, send)


# --- errors ----------------------------------------------------------------------


def _problem(status: int, error: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(m.Problem(error=error, message=message, **extra).model_dump(exclude_none=True), status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        broken = next((e for e in errors if e.get("type") == "json_invalid"), None)
        if broken is not None:
            where = broken.get("ctx", {}).get("error", "")
            return _problem(400, "malformed_json", f"the request body is not valid JSON ({where}); send a JSON object")
        details = [{"field": _field(e["loc"]), "message": _message(e)} for e in errors]
        message = "; ".join(f"{d['field']}: {d['message']}" if d["field"] else d["message"] for d in details)
        return _problem(422, "invalid_request", message, details=details)

    @app.exception_handler(UnknownSpeaker)
    async def unknown(request: Request, exc: UnknownSpeaker) -> JSONResponse:
        return _problem(404, "unknown_speaker", str(exc), suggestions=exc.suggestions)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        error = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = "no such page; see /docs for the endpoints" if exc.status_code == 404 else str(exc.detail)
        return _problem(exc.status_code, error, message)

    @app.exception_handler(QuotesError)
    async def dataset_gone(request: Request, exc: QuotesError) -> JSONResponse:
        return _problem(503, "dataset_unavailable", str(exc))


def _field(loc: tuple) -> str:
    """("body", "quote") → "quote"; ("query", "limit") → "limit"; ("body",) → "body"."""
    parts = [str(p) for p in loc]
    return ".".join(parts[1:]) or parts[0] if parts else ""


def _message(error: dict) -> str:
    if tuple(error.get("loc", ())) == ("body",) and error.get("type") in ("model_attributes_type", "dict_type"):
        return "send a JSON object with Content-Type: application/json"
    return error.get("msg", "invalid").removeprefix("Value error, ")


# --- the API ---------------------------------------------------------------------


def _rows(frame) -> list[dict]:
    """DataFrame rows as plain Python values (None for missing, lists for list columns)."""
    return pa.Table.from_pandas(frame, preserve_index=False).to_pylist() if len(frame) else []


def _page(frame, limit: int, offset: int, model: type) -> m.Page:
    rows = _rows(frame.iloc[offset : offset + limit])
    return m.Page[model](total=len(frame), limit=limit, offset=offset, items=[model.model_validate(r) for r in rows])


LIMIT = Query(m.DEFAULT_PAGE, ge=1, le=m.MAX_PAGE, description=f"rows per page, at most {m.MAX_PAGE}")
OFFSET = Query(0, ge=0, description="rows to skip")
PROBLEMS = {code: {"model": m.Problem} for code in (400, 404, 413, 422)}


def _add_api(app: FastAPI, source: _Source) -> None:
    extract_lock = threading.Lock()  # one article through spaCy at a time

    @app.get("/health", response_model=m.Health, tags=["service"])
    def health() -> m.Health:
        data = source.get()
        counts = data.manifest.get("counts", {})
        return m.Health(
            dataset_version=data.version.name, quotes=counts.get("quotes", 0), speakers=counts.get("speakers", 0),
            articles=counts.get("articles", 0), extractor_loaded="spacy" in sys.modules,
        )

    @app.get("/speakers", response_model=m.Page[m.Speaker], responses=PROBLEMS, tags=["look-up"])
    def speakers(
        q: str | None = Query(None, max_length=200, description="a full name, alias or surname; omit to list everyone"),
        limit: int = LIMIT,
        offset: int = OFFSET,
    ) -> m.Page:
        """Speakers a name refers to (or all), most quoted first, with their counts."""
        return _page(search.find_speakers(source.get(), q), limit, offset, m.Speaker)

    @app.get("/speakers/{speaker_key}/quotes", response_model=m.Page[m.StoredQuote], responses=PROBLEMS, tags=["look-up"])
    def speaker_quotes(
        speaker_key: str,
        since: date | None = Query(None, description="published on or after (YYYY-MM-DD)"),
        until: date | None = Query(None, description="published on or before (YYYY-MM-DD)"),
        limit: int = LIMIT,
        offset: int = OFFSET,
    ) -> m.Page:
        """Every quote of one speaker (`joe biden`, as in GET /speakers), newest first."""
        if since and until and since > until:
            raise RequestValidationError([{"loc": ("query", "since"), "msg": f"since ({since}) is after until ({until})", "type": "value_error"}])
        frame = search.speaker_quotes(source.get(), speaker_key, since=since, until=until)
        return _page(frame, limit, offset, m.StoredQuote)

    @app.get("/quotes", response_model=m.Page[m.StoredQuote], responses=PROBLEMS, tags=["look-up"])
    def quotes(
        speaker: str | None = Query(None, max_length=200, description="a full name, alias or surname"),
        q: str | None = Query(None, max_length=500, description="words that must all occur in the quote (any case)"),
        limit: int = LIMIT,
        offset: int = OFFSET,
    ) -> m.Page:
        """Quotes by a speaker and/or holding some words, newest first."""
        try:
            frame = search.find_quotes(source.get(), speaker, q)
        except ValueError as exc:
            raise RequestValidationError([{"loc": ("query",), "msg": str(exc), "type": "value_error"}]) from None
        return _page(frame, limit, offset, m.StoredQuote)

    @app.post("/check", response_model=m.Verdict, responses=PROBLEMS, tags=["fact-check"])
    def check(claim: m.CheckRequest) -> m.Verdict:
        """Who said this quotation, and did the claimed speaker say it (or something like it)?"""
        return _check(source.get(), claim.quote, claim.speaker)

    @app.post("/extract", response_model=m.Extraction, responses=PROBLEMS, tags=["extraction"])
    def extract(article: m.ExtractRequest) -> m.Extraction:
        """The quotes of a posted article and who said them. Nothing is stored.

        The first call loads the language model (a few seconds).
        """
        from quotes.pipeline import extract as run

        with extract_lock:
            found = run(article.text, title=article.title)
        items = [m.ExtractedQuote.model_validate({**q.to_dict(), "speaker_label": q.speaker_label}) for q in found]
        return m.Extraction(title=article.title, url=article.url, quotes=items)


def _check(data: QuoteDataset, quote: str, speaker: str | None) -> m.Verdict:
    """The fact-check of issue 4 as a response model; a claim it cannot read is a 422."""
    from quotes.factcheck import check

    try:
        return m.Verdict.model_validate(check(data, quote, speaker))
    except ValueError as exc:
        raise RequestValidationError([{"loc": ("body", "quote"), "msg": str(exc), "type": "value_error"}]) from None


# --- the page --------------------------------------------------------------------


def highlight(sentence: str | None, quote: str) -> Markup:
    """The sentence, escaped, with the quote in <mark>; the quote alone when the sentence lacks it."""
    if not sentence:
        return Markup("<mark>{}</mark>").format(quote)
    at = sentence.find(quote)
    if at < 0:
        return escape(sentence)
    return Markup("{}<mark>{}</mark>{}").format(sentence[:at], quote, sentence[at + len(quote) :])


def _templates() -> Jinja2Templates:
    env = Environment(loader=PackageLoader("quotes", "templates"), autoescape=select_autoescape(["html"]))
    env.globals["highlight"] = highlight
    return Jinja2Templates(env=env)


PAGE_SIZE = 50


def _add_page(app: FastAPI, source: _Source) -> None:
    templates = _templates()

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page(
        request: Request,
        speaker: str = Query("", max_length=200),
        offset: int = Query(0, ge=0),
        quote: str = Query("", max_length=m.MAX_CLAIM),
        claimed: str = Query("", max_length=200),
    ) -> HTMLResponse:
        data = source.get()
        context: dict[str, Any] = {"speaker": speaker.strip(), "quote": quote.strip(), "claimed": claimed.strip(), "offset": offset, "page_size": PAGE_SIZE}
        if context["speaker"]:
            try:
                frame = search.find_quotes(data, context["speaker"])
            except UnknownSpeaker as exc:
                context["search_error"] = exc
            else:
                context["total"] = len(frame)
                context["names"] = sorted({name for name in frame["speaker"] if name})
                context["quotes"] = _rows(frame.iloc[offset : offset + PAGE_SIZE])
        if context["quote"]:
            try:
                context["verdict"] = _check(data, context["quote"], context["claimed"] or None)
            except QuotesError as exc:  # an unknown speaker, or a dataset without its fact-check index
                context["check_error"] = str(exc)
            except RequestValidationError as exc:
                context["check_error"] = "; ".join(_message(e) for e in exc.errors())
        return templates.TemplateResponse(request, "index.html", context)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quotes")
    except PackageNotFoundError:
        return "0"
