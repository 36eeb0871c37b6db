# Every target does its own set-up: a fresh machine needs only Python 3.11 and make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install chromium clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=python3 ...'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,notebooks]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/quotes extract seeds/ --out data/quotes

# The browser test (tests/test_service_browser.py) drives Debian's chromium, never a
# browser Playwright downloads. Installed once (as root, or through password-less sudo);
# where that is impossible the test skips and says why.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then as_root=""; elif command -v sudo >/dev/null 2>&1; then as_root="sudo -n"; else as_root=none; fi; \
	  if [ "$$as_root" = none ]; then echo "warning: /usr/bin/chromium is missing and neither root nor sudo is available; the browser test will skip"; \
	  else echo "installing chromium for the browser test (apt-get)"; \
	    $$as_root sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium' \
	      || echo "warning: could not install chromium; the browser test will skip"; fi; \
	fi

test: $(STAMP) chromium
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) data build *.egg-info
