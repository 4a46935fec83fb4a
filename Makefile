# All set-up happens here: a fresh machine needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup site offline serve fast test check clean

# The one set-up command: the virtualenv with the project and its test tools (`briefing`).
setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Built in place, so that unchanged pages move back from the previous site instead of being
# written again; a failed build still leaves site/ as it was: invalid content fails before
# site/ is touched, and a later failure puts the previous site back (generator/publish/plugin.py).
site: $(STAMP)
	$(BIN)/mkdocs build --strict

# The site plus its offline copy, a zip linked from the home page.
offline: export BRIEFING_OFFLINE_ZIP = true
offline: site

serve: $(STAMP)
	$(BIN)/mkdocs serve

# `make check STRICT=1` (CI on pull requests): the warnings that mark a draft are errors.
check: $(STAMP)
	$(BIN)/briefing check $(if $(STRICT),--strict)

# The quick answer while editing, in under a minute: the linter (ruff) and the type checker
# (mypy), both configured in pyproject.toml, then the unit tests (no build, no browser:
# tests/conftest.py says which tests are which).
fast: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/mypy
	$(BIN)/python -m pytest -m unit -q

# Everything: the linter, the type checker, then every test (unit, build and browser) on
# every core (pytest-xdist; a module's tests on one worker, so that a site it builds once is
# built once). A Chromium for the browser tests is found or installed first
# (tests/find_chromium.py); without one they fail, never skip.
test: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/mypy
	$(BIN)/python tests/find_chromium.py
	$(BIN)/python -m pytest -n auto --dist loadscope

clean:
	rm -rf site $(VENV)
