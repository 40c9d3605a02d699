# Two commands from a fresh clone: `make run` and `make test`. Each does its own set-up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DESIGNER_STAMP := designer/node_modules/.installed-stamp
DESIGNER_BUILD := designer/dist/index.html
DESIGNER_SOURCES := $(shell find designer/src designer/public designer/index.html designer/vite.config.ts \
	designer/tsconfig*.json designer/package.json -type f 2>/dev/null)

.PHONY: run test test-fast bench system-deps designer clean

run: $(STAMP) $(DESIGNER_BUILD)
	$(BIN)/switchboard up $(ARGS)

test: $(STAMP) $(DESIGNER_BUILD) system-deps
	cd designer && npm test
	$(BIN)/pytest $(PYTEST_ARGS)

# Everything but the slow suites, for the edit-test loop.
test-fast: $(STAMP)
	$(BIN)/pytest -m "not slow and not browser" $(PYTEST_ARGS)

designer: $(DESIGNER_BUILD)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(DESIGNER_STAMP): designer/package-lock.json
	cd designer && npm ci --no-audit --no-fund
	touch $@

$(DESIGNER_BUILD): $(DESIGNER_STAMP) $(DESIGNER_SOURCES)
	cd designer && npm run build

system-deps:
	@scripts/system-deps.sh

clean:
	rm -rf $(VENV) designer/node_modules designer/dist
