"""The page end to end: `quotes serve` on a free port, driven in headless Chromium by Playwright.

Uses Debian's `chromium` (`make test` installs it); never Playwright's own
browser downloads. Skips only when /usr/bin/chromium is not there.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK),
    reason=f"{CHROMIUM} is missing: install Debian's chromium (`make test` does: apt-get install chromium)",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(seed_dataset, tmp_path_factory):
    """`quotes serve` in a subprocess; yields its base URL once /health answers."""
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "quotes.cli", "serve", "--data", str(seed_dataset), "--port", str(port)],
            cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"quotes serve exited with {process.returncode}: {log.read_text()}")
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"quotes serve did not answer within 60 s: {log.read_text()}")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            tab = browser.new_page(viewport={"width": 1100, "height": 900})
            tab.set_default_timeout(20_000)
            yield tab
        finally:
            browser.close()


def test_search_a_speaker_in_the_browser(server, page, tmp_path):
    page.goto(server + "/")
    page.fill("#speaker", "Biden")
    page.click("#search-form button")
    results = page.locator("#search-result")
    results.wait_for()
    assert "Joe Biden: 8 quotes" in results.inner_text()
    marks = results.locator("mark").all_inner_texts()
    assert "a work in progress" in marks and len(marks) == 8
    page.screenshot(path=tmp_path / "search.png", full_page=True)
    assert (tmp_path / "search.png").stat().st_size > 10_000


def test_fact_check_in_the_browser(server, page, tmp_path):
    page.goto(server + "/")
    page.fill("#quote", "total victory")
    page.fill("#claimed", "Biden")
    page.click("#check-form button")
    verdict = page.locator("#check-result")
    verdict.wait_for()
    text = verdict.inner_text()
    assert "misattributed" in text.lower() and "Benjamin Netanyahu" in text
    assert "total victory" in verdict.locator("mark").all_inner_texts()
    page.screenshot(path=tmp_path / "check.png", full_page=True)
    assert (tmp_path / "check.png").stat().st_size > 10_000


def test_an_unknown_name_offers_the_close_one(server, page):
    page.goto(server + "/")
    page.fill("#speaker", "Bidn")
    page.click("#search-form button")
    page.click("text=Joe Biden")
    assert "Joe Biden: 8 quotes" in page.locator("#search-result").inner_text()
    assert page.url.endswith("/?speaker=Joe%20Biden")
