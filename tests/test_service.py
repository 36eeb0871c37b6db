"""The HTTP service through FastAPI's TestClient: every endpoint, and every kind of bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, SEEDS
from quotes.api_models import MAX_PAGE
from quotes.cli import main
from quotes.dataset import open_dataset
from quotes.ingest import ingest
from quotes.records import Article
from quotes.service import create_app, highlight

BIDEN_000 = "000_d704981dea4d9aae"
text_values = st.text(st.characters(codec="utf-8"), max_size=40)


@pytest.fixture(scope="module")
def client(seed_dataset):
    return TestClient(create_app(seed_dataset))


@pytest.fixture(scope="module")
def dated(tmp_path_factory, make_quote):
    """Two dated articles with urls and one undated, written without the extractor."""
    path = tmp_path_factory.mktemp("service") / "quotes"
    old = Article("old", "…", title="Blinken lands in Tel Aviv", url="https://news.test/old", published="2024-01-09")
    new = Article("new", "…", title="Blinken meets Netanyahu <again>", url="https://news.test/new", published="2024-02-07")
    undated = Article("undated", "…", title="Blinken, undated")
    ingest([
        (old, [make_quote("there is a lot of work to be done", "Antony Blinken", title="Secretary of State")]),
        (new, [make_quote("We will work at that relentlessly", "Antony Blinken", start=100),
               make_quote("<script>alert(1)</script> is not a quote", "Antony Blinken", start=300)]),
        (undated, [make_quote("an undated remark", "Antony Blinken")]),
    ], path)
    return path


@pytest.fixture(scope="module")
def dated_client(dated):
    return TestClient(create_app(dated))


def texts(response) -> list[str]:
    return [item["text"] for item in response.json()["items"]]


# --- GET /health ---------------------------------------------------------------


def test_health_reports_the_dataset(client, seed_dataset):
    body = client.get("/health").json()
    data = open_dataset(seed_dataset)
    assert body["status"] == "ok" and body["dataset_version"] == data.version.name
    assert (body["quotes"], body["speakers"], body["articles"]) == (data.quotes.count_rows(), len(data.speakers()), len(data.articles()))


def test_a_new_dataset_version_is_served_without_a_restart(tmp_path, make_quote):
    path = tmp_path / "quotes"
    ingest([(Article("a", "…"), [make_quote("first words", "Jen Psaki")])], path)
    client = TestClient(create_app(path))
    assert client.get("/health").json()["quotes"] == 1
    ingest([(Article("b", "…"), [make_quote("second words", "Jen Psaki")])], path)
    assert client.get("/health").json()["quotes"] == 2
    assert texts(client.get("/quotes", params={"speaker": "Psaki"})) == ["first words", "second words"]


def test_the_app_refuses_a_missing_dataset_at_once(tmp_path):
    with pytest.raises(FileNotFoundError, match="quotes extract"):
        create_app(tmp_path / "nothing")


# --- GET /speakers ---------------------------------------------------------------


def test_speakers_by_surname(client):
    body = client.get("/speakers", params={"q": "biden"}).json()
    assert body["total"] == 1
    [biden] = body["items"]
    assert (biden["speaker_key"], biden["speaker"], biden["quote_count"], biden["article_count"]) == ("joe biden", "Joe Biden", 8, 2)
    assert "Biden" in biden["aliases"]


def test_all_speakers_most_quoted_first_in_pages(client, seed_dataset):
    everyone = client.get("/speakers").json()
    assert everyone["total"] == len(open_dataset(seed_dataset).speakers())
    counts = [s["quote_count"] for s in everyone["items"]]
    assert counts == sorted(counts, reverse=True) and everyone["items"][0]["speaker"] == "Joe Biden"
    second = client.get("/speakers", params={"limit": 2, "offset": 2}).json()
    assert (second["limit"], second["offset"], second["total"]) == (2, 2, everyone["total"])
    assert second["items"] == everyone["items"][2:4]


def test_unknown_speaker_is_404_with_suggestions(client):
    response = client.get("/speakers", params={"q": "Bidden"})
    assert response.status_code == 404
    body = response.json()
    assert body["error"] == "unknown_speaker" and "Joe Biden" in body["suggestions"] and "Bidden" in body["message"]


@pytest.mark.parametrize("params, field", [
    ({"limit": MAX_PAGE + 1}, "limit"),
    ({"limit": 0}, "limit"),
    ({"limit": "ten"}, "limit"),
    ({"offset": -1}, "offset"),
    ({"q": "x" * 201}, "q"),
])
def test_speakers_bad_paging_is_422(client, params, field):
    response = client.get("/speakers", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_request" and body["details"][0]["field"] == field
    assert body["message"].startswith(f"{field}: ")


def test_the_largest_page_is_allowed(client):
    assert client.get("/speakers", params={"limit": MAX_PAGE}).status_code == 200


# --- GET /speakers/{key}/quotes ---------------------------------------------------


def test_quotes_of_a_speaker_key_match_the_python_api(client, seed_dataset):
    body = client.get("/speakers/joe biden/quotes").json()
    assert body["total"] == 8
    assert sorted(texts_of(body)) == sorted(open_dataset(seed_dataset).by_speaker("joe biden")["text"])
    assert any("a work in progress" in text for text in texts_of(body))
    assert {q["speaker"] for q in body["items"]} == {"Joe Biden"}
    assert [q["article_id"] for q in body["items"]].count(BIDEN_000) == 6


def texts_of(body: dict) -> list[str]:
    return [item["text"] for item in body["items"]]


def test_a_display_name_works_as_a_key_but_a_surname_does_not(client):
    assert client.get("/speakers/Joe Biden/quotes").json()["total"] == 8
    response = client.get("/speakers/biden/quotes")
    assert response.status_code == 404 and response.json()["suggestions"] == ["Joe Biden"]


def test_speaker_quotes_newest_first_and_undated_last(dated_client):
    body = dated_client.get("/speakers/antony blinken/quotes").json()
    assert [q["article_id"] for q in body["items"]] == ["new", "new", "old", "undated"]
    assert body["items"][0]["published_date"] == "2024-02-07" and body["items"][0]["url"] == "https://news.test/new"


@pytest.mark.parametrize("params, expected", [
    ({"since": "2024-02-01"}, ["new", "new"]),
    ({"until": "2024-01-31"}, ["old"]),
    ({"since": "2024-01-09", "until": "2024-01-09"}, ["old"]),
    ({"since": "2025-01-01"}, []),
])
def test_speaker_quotes_between_dates(dated_client, params, expected):
    body = dated_client.get("/speakers/antony blinken/quotes", params=params).json()
    assert [q["article_id"] for q in body["items"]] == expected


@pytest.mark.parametrize("params, field", [
    ({"since": "2024-13-01"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"since": "2024-03-01", "until": "2024-02-01"}, "since"),
    ({"limit": MAX_PAGE + 1}, "limit"),
])
def test_speaker_quotes_bad_query_is_422(dated_client, params, field):
    response = dated_client.get("/speakers/antony blinken/quotes", params=params)
    assert response.status_code == 422 and response.json()["details"][0]["field"] == field


def test_speaker_quotes_pages(dated_client):
    pages = [dated_client.get("/speakers/antony blinken/quotes", params={"limit": 3, "offset": o}).json() for o in (0, 3)]
    assert [len(p["items"]) for p in pages] == [3, 1] and {p["total"] for p in pages} == {4}


# --- GET /quotes -----------------------------------------------------------------


def test_quotes_by_speaker(client):
    found = texts(client.get("/quotes", params={"speaker": "Blinken"}))
    assert len(found) == 3 and "We will work at that relentlessly until we get there," in found


def test_quotes_by_words_ignore_case_and_need_every_word(client):
    found = client.get("/quotes", params={"q": "WORK progress"}).json()["items"]
    assert found and all("work" in q["text"].lower() and "progress" in q["text"].lower() for q in found)
    assert {q["speaker"] for q in found} == {"Joe Biden"}
    assert client.get("/quotes", params={"q": "progress relentlessly"}).json()["total"] == 0


def test_quotes_by_speaker_and_words(client):
    assert texts(client.get("/quotes", params={"speaker": "Blinken", "q": "relentlessly"})) == [
        "We will work at that relentlessly until we get there,"
    ]
    assert client.get("/quotes", params={"speaker": "Biden", "q": "relentlessly"}).json()["total"] == 0


def test_quotes_need_a_speaker_or_words(client):
    for params in ({}, {"q": "   ", "speaker": ""}):
        response = client.get("/quotes", params=params)
        assert response.status_code == 422 and "speaker" in response.json()["message"]


def test_quotes_of_an_unknown_speaker_is_404(client):
    response = client.get("/quotes", params={"speaker": "Antony Blinkin", "q": "work"})
    assert response.status_code == 404 and response.json()["suggestions"][0] == "Antony Blinken"


def test_quotes_limit_over_the_page_size_is_422(client):
    response = client.get("/quotes", params={"q": "work", "limit": 1000})
    assert response.status_code == 422 and str(MAX_PAGE) in response.json()["message"]


# --- POST /check ----------------------------------------------------------------


@pytest.fixture(scope="module")
def fact_check():
    """quotes.factcheck.check (issue 4)."""
    from quotes.factcheck import check

    return check


@pytest.mark.parametrize("claim, verdict, said_by", [
    ({"quote": "total victory", "speaker": "Biden"}, "misattributed", "Benjamin Netanyahu"),
    ({"quote": "a work in progress", "speaker": "Joe Biden"}, "attributed", "Joe Biden"),
    ({"quote": "We will work at that relentlessly until we get there,", "speaker": "Blinken"}, "attributed", "Antony Blinken"),
    ({"quote": "It is a work in progress right now", "speaker": "Biden"}, "altered", "Joe Biden"),
    ({"quote": "total victory"}, "found", "Benjamin Netanyahu"),
    ({"quote": "total victory", "speaker": ""}, "found", "Benjamin Netanyahu"),
])
def test_check_gives_the_verdict_of_the_python_api(client, seed_dataset, fact_check, claim, verdict, said_by):
    response = client.post("/check", json=claim)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["verdict"] == verdict and said_by in body["said_by"]
    expected = fact_check(open_dataset(seed_dataset), claim["quote"], claim.get("speaker") or None)
    assert (body["verdict"], body["said_by"]) == (expected.verdict, list(expected.said_by))
    assert [e["quote_id"] for e in body["evidence"]] == [e.quote_id for e in expected.evidence]
    assert body["evidence"] and body["evidence"][0]["speaker"] == said_by


def test_check_misattribution_shows_the_evidence(client, fact_check):
    body = client.post("/check", json={"quote": "total victory", "speaker": "Biden"}).json()
    [first, *_] = body["evidence"]
    assert first["speaker"] == "Benjamin Netanyahu" and first["match"] in ("exact", "fragment")
    assert "total victory" in first["sentence"] and first["title"].startswith("Israel-Hamas War")


def test_check_of_an_unknown_speaker_is_404(client, fact_check):
    response = client.post("/check", json={"quote": "total victory", "speaker": "Bidn"})
    assert response.status_code == 404
    assert response.json()["error"] == "unknown_speaker" and "Joe Biden" in response.json()["suggestions"]


@pytest.mark.parametrize("body, status, needle", [
    (b'{"quote": "total victory"', 400, "not valid JSON"),
    (b'"total victory"', 422, "JSON object"),
    (b'{"speaker": "Biden"}', 422, "quote: Field required"),
    (b'{"quote": 7}', 422, "quote: Input should be a valid string"),
    (b'{"quote": "   "}', 422, "quote: give the quotation to check; it is empty"),
    (b'{"quote": "total victory", "speaker": ["Biden"]}', 422, "speaker"),
    (b'{"quote": "total victory", "file": "/etc/passwd"}', 422, "file: Extra inputs are not permitted"),
    (json.dumps({"quote": "word " * 500}).encode(), 422, "quote: String should have at most 2000 characters"),
])
def test_check_bad_bodies(client, body, status, needle):
    response = client.post("/check", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == status and needle in response.json()["message"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quote=text_values.filter(str.strip), speaker=st.none() | text_values)
def test_no_claim_makes_a_5xx(client, fact_check, quote, speaker):
    response = client.post("/check", json={"quote": quote, "speaker": speaker})
    assert response.status_code in (200, 404, 422), response.text
    page = client.get("/", params={"quote": quote, "claimed": speaker or ""})
    assert page.status_code == 200


def test_page_fact_check_shows_verdict_and_evidence(client, fact_check):
    page = client.get("/", params={"quote": "total victory", "claimed": "Biden"}).text
    assert 'class="verdict v-misattributed"' in page and "Benjamin Netanyahu" in page
    assert "<mark>total victory</mark>" in page


def test_page_fact_check_of_an_unknown_speaker_says_so(client, fact_check):
    page = client.get("/", params={"quote": "total victory", "claimed": "Bidn"}).text
    assert "no speaker called &#39;Bidn&#39;" in page and "Joe Biden" in page


# --- POST /extract ---------------------------------------------------------------


def test_extract_returns_the_quotes_of_the_python_api(client, seed_dataset):
    import quotes

    text = (SEEDS / f"{BIDEN_000}.txt").read_text(encoding="utf-8")
    before = client.get("/health").json()
    response = client.post("/extract", json={"text": text, "title": "Biden on Gaza", "url": "https://news.test/a"})
    assert response.status_code == 200
    body = response.json()
    assert (body["title"], body["url"]) == ("Biden on Gaza", "https://news.test/a")
    expected = quotes.extract(text)
    assert [(q["text"], q["start"], q["end"], q["speaker"]) for q in body["quotes"]] == [(q.text, q.start, q.end, q.speaker) for q in expected]
    assert all(text[q["start"]:q["end"]] == q["text"] for q in body["quotes"])
    assert ("a work in progress", "Joe Biden") in {(q["text"], q["speaker"]) for q in body["quotes"]}
    after = client.get("/health").json()
    assert after["extractor_loaded"] and after["dataset_version"] == before["dataset_version"] and after["quotes"] == before["quotes"]


@pytest.mark.parametrize("body, status, error, needle", [
    (b'{"text": "Biden said', 400, "malformed_json", "not valid JSON"),
    (b"", 422, "invalid_request", "body"),
    (b'["text"]', 422, "invalid_request", "JSON object"),
    (b'{"title": "no text"}', 422, "invalid_request", "text: Field required"),
    (b'{"text": 42}', 422, "invalid_request", "text: Input should be a valid string"),
    (b'{"text": ""}', 422, "invalid_request", "text: give the article text; it is empty"),
    (b'{"text": " \\n\\t "}', 422, "invalid_request", "empty"),
    (b'{"text": "He said \\"yes.\\"", "title": ["a"]}', 422, "invalid_request", "title"),
    (b'{"text": "He said \\"yes.\\"", "path": "/etc/passwd"}', 422, "invalid_request", "path: Extra inputs are not permitted"),
])
def test_extract_bad_bodies(client, body, status, error, needle):
    response = client.post("/extract", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == status
    problem = response.json()
    assert problem["error"] == error and needle in problem["message"]


def test_extract_wants_json_not_a_form(client):
    response = client.post("/extract", data={"text": "hello"})
    assert response.status_code == 422 and "JSON object" in response.json()["message"]


# --- the body limit ----------------------------------------------------------------


@pytest.fixture(scope="module")
def small_limit(seed_dataset):
    return TestClient(create_app(seed_dataset, max_body_bytes=1_000))


def test_body_over_the_limit_is_413(small_limit):
    response = small_limit.post("/extract", json={"text": "x" * 2_000})
    assert response.status_code == 413
    assert response.json()["error"] == "body_too_large" and "1,000 bytes" in response.json()["message"]


def test_body_over_the_limit_without_content_length_is_413(small_limit):
    def chunks():
        for _ in range(20):
            yield b"x" * 100

    response = small_limit.post("/check", content=chunks(), headers={"Content-Type": "application/json"})
    assert "content-length" not in response.request.headers
    assert response.status_code == 413


def test_body_under_the_limit_passes(small_limit):
    assert small_limit.post("/extract", json={"text": ""}).status_code == 422  # reached the app


def test_default_limit_is_two_megabytes(client):
    assert client.post("/extract", content=b" " * 2_000_001, headers={"Content-Type": "application/json"}).status_code == 413


# --- anything else -------------------------------------------------------------------


def test_unknown_path_and_method_are_json(client):
    missing = client.get("/nowhere")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    wrong = client.get("/extract")
    assert wrong.status_code == 405 and wrong.json()["error"] == "method_not_allowed"


def test_openapi_docs_list_every_endpoint(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/health", "/speakers", "/speakers/{speaker_key}/quotes", "/quotes", "/check", "/extract"} <= set(paths)
    assert "/" not in paths


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=text_values, words=text_values, limit=st.integers(-5, 500) | st.text(max_size=5))
def test_no_query_string_makes_a_5xx(client, name, words, limit):
    for url, params in (
        ("/speakers", {"q": name, "limit": limit}),
        ("/quotes", {"speaker": name, "q": words, "offset": limit}),
        (f"/speakers/{quote(name, safe='')}/quotes", {"since": words}),
        ("/", {"speaker": name, "offset": limit}),
    ):
        response = client.get(url, params=params)
        assert response.status_code < 500, (url, params, response.text)
        if url != "/":
            assert isinstance(response.json(), dict)


def test_look_ups_and_the_page_never_load_spacy(seed_dataset):
    script = f"""
import sys
from fastapi.testclient import TestClient
from quotes.service import create_app
client = TestClient(create_app({str(seed_dataset)!r}))
for url in ("/health", "/speakers?q=biden", "/speakers/joe biden/quotes", "/quotes?q=work", "/?speaker=Biden"):
    assert client.get(url).status_code == 200, url
assert client.get("/health").json()["extractor_loaded"] is False
print("spacy" in sys.modules)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


# --- the page ------------------------------------------------------------------------


def test_page_lists_the_speaker_with_quotes_highlighted(client):
    response = client.get("/", params={"speaker": "Biden"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "Joe Biden: 8 quotes, newest first" in page
    assert "<mark>a work in progress</mark>" in page
    assert "Israeli-Palestinian ceasefire negotiations are ‘a work in progress,’ Biden says" in page


def test_page_links_titles_orders_newest_first_and_escapes(dated_client):
    page = dated_client.get("/", params={"speaker": "Antony Blinken"}).text
    assert '<a href="https://news.test/new" rel="noopener noreferrer">Blinken meets Netanyahu &lt;again&gt;</a>' in page
    assert page.index("2024-02-07") < page.index("2024-01-09") < page.index("undated</div>")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_page_suggests_names_for_an_unknown_speaker(client):
    page = client.get("/", params={"speaker": "Bidn"}).text
    assert "No speaker called “Bidn”" in page and '<a href="/?speaker=Joe%20Biden">Joe Biden</a>' in page


def test_page_without_a_query_shows_both_forms(client):
    page = client.get("/").text
    assert 'id="search-form"' in page and 'id="check-form"' in page and "search-result" not in page


@pytest.mark.parametrize("sentence, quote, expected", [
    ("“It’s a work in progress right now.”", "It’s a work in progress right now.", "“<mark>It’s a work in progress right now.</mark>”"),
    ("He said <b>“yes”</b>.", "yes", "He said &lt;b&gt;“<mark>yes</mark>”&lt;/b&gt;."),
    ("A sentence without it.", "absent", "A sentence without it."),
    (None, "<i>alone</i>", "<mark>&lt;i&gt;alone&lt;/i&gt;</mark>"),
])
def test_highlight(sentence, quote, expected):
    assert str(highlight(sentence, quote)) == expected


# --- quotes serve ----------------------------------------------------------------------


def test_serve_refuses_a_missing_dataset_and_a_bad_port(tmp_path, capsys):
    assert main(["serve", "--data", str(tmp_path / "none")]) == 2
    assert "no quotes dataset" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit:
        main(["serve", "--port", "70000"])
    assert exit.value.code == 2 and "not a port number" in capsys.readouterr().err
