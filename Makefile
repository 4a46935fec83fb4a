# All set-up happens here: a fresh machine needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup site offline serve test check clean

# The one set-up command: the virtualenv with the project and its test tools (`briefing`).
setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# The new site is written beside site/ (unchanged pages linked from it) and takes its place
# only when complete: a failed or killed build leaves site/ as it was
# (generator/publish/site_folder.py).
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

# The type checker first (mypy, configured in pyproject.toml: generator/ must be clean).
# A Chromium for the browser tests is found or installed next (tests/find_chromium.py);
# without one they fail, never skip.
test: $(STAMP)
	$(BIN)/mypy
	$(BIN)/python tests/find_chromium.py
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV)
