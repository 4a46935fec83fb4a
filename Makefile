# All set-up happens here: a fresh machine needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Every dependency, test tools included, at the version and with the hashes of the lock: the
# same install on every machine. pyproject.toml keeps the compatible ranges (for library users).
LOCK := requirements.lock
UV_VERSION := 0.13.9
# The lock is installed by uv (pinned here, installed by pip): the same versions and hashes
# as `pip install --require-hashes` checks, downloaded in parallel, in seconds instead of a
# minute. No bytecode compiled at install (uv's default): a run compiles the modules it
# imports, once, instead of the set-up compiling every module of every package first.
UV_PIP = $(BIN)/uv pip install --quiet --python $(BIN)/python

# Every command run here keeps the bytecode of what it imports (and pytest its rewritten test
# modules) even where the environment turns writing it off (PYTHONDONTWRITEBYTECODE: empty is
# off): otherwise each build, each xdist worker and each command a test starts would compile
# them all again.
export PYTHONDONTWRITEBYTECODE =

.PHONY: setup lock site offline serve fast test check clean

# The one set-up command: the virtualenv with the project and its test tools (`briefing`).
setup: $(STAMP)

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(UV_PIP) --require-hashes -r $(LOCK)
	$(UV_PIP) --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Resolve the lock again after a change of pyproject.toml's dependencies, keeping every
# version that still fits; `make lock UPGRADE=1` takes the newest releases the ranges allow.
# One lock for Linux, macOS and Windows, Python 3.11 and later (uv's universal resolution).
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
	  --generate-hashes --custom-compile-command 'make lock' --quiet \
	  $(if $(UPGRADE),--upgrade) -o $(LOCK)

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

# The quick answer while editing, in under a minute: the linter (ruff) and the type checker
# (mypy), both configured in pyproject.toml, then the unit tests (no build, no browser:
# tests/conftest.py says which tests are which).
fast: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/mypy
	$(BIN)/python -m pytest -m unit -q

# Everything: the linter, then every test (unit, build and browser) on every core with the
# type checker beside them (pytest-xdist; a module's tests on one worker, so that a site it
# builds once is built once; the modules in tests/conftest.py's order, longest first, not
# xdist's by number of tests, so that no long module starts last). mypy's first run in a
# clone (~11 s on one core) overlaps the tests instead of delaying them; its report is printed
# when they end, and a type error fails `make test` as a failed test does. A Chromium for the
# browser tests is found or installed first (tests/find_chromium.py); without one they fail,
# never skip.
# CPU is the measure on this shared 2-core machine (wall time measures the neighbours), read
# from /proc by bench/tree_cpu.py: /usr/bin/time misses most of Chromium's.
# docs-dev/TESTING.md has the figures. Under heavy load some browser tests hit Playwright's
# 10 s timeouts; alone, they pass.
PYTEST_ALL = $(BIN)/python -m pytest -n auto --dist loadscope --no-loadscope-reorder
test: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/python tests/find_chromium.py
	types=$$(mktemp); $(BIN)/mypy >$$types 2>&1 & \
	$(PYTEST_ALL); tests=$$?; \
	wait $$!; typed=$$?; cat $$types; rm -f $$types; \
	if [ $$typed != 0 ]; then exit $$typed; fi; exit $$tests

clean:
	rm -rf site $(VENV)
