# Two commands from a fresh clone: `make run` and `make test`. Each does its own set-up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DESIGNER_STAMP := designer/node_modules/.installed-stamp
# json-logic-js for the rules engine's differential tests (tests/engine/test_rules_differential.py).
JS_HARNESS_STAMP := tests/js/node_modules/.installed-stamp
# openapi-typescript (and the TypeScript 5 it runs on) for `make api-types` and tests/test_api_types.py.
CODEGEN_STAMP := designer/codegen/node_modules/.installed-stamp
BENCH_STAMP := $(VENV)/.bench-stamp
# json-logic-qubit and panzi-json-logic both install a top-level `json_logic`
# package, so qubit gets a folder of its own that bench/rules_bench.py loads.
QUBIT_DIR := $(VENV)/bench-peers/json-logic-qubit
DESIGNER_BUILD := designer/dist/index.html
# pytest processes for `make test` (CI has two cores); each takes a whole test file at a time.
TEST_PROCESSES ?= 2
DESIGNER_SOURCES := $(shell find designer/src designer/public designer/index.html designer/vite.config.ts \
	designer/tsconfig*.json designer/package.json -type f 2>/dev/null)

.PHONY: run test test-fast bench system-deps designer api-types clean

run: $(STAMP) $(DESIGNER_BUILD)
	$(BIN)/switchboard up $(ARGS)

test: $(STAMP) $(DESIGNER_BUILD) $(JS_HARNESS_STAMP) $(CODEGEN_STAMP) system-deps
	cd designer && npm test
	$(BIN)/pytest -n $(TEST_PROCESSES) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

# Everything but the slow suites, for the edit-test loop.
test-fast: $(STAMP) $(JS_HARNESS_STAMP) $(CODEGEN_STAMP)
	$(BIN)/pytest -m "not slow and not browser" $(PYTEST_ARGS)

designer: $(DESIGNER_BUILD)

# The designer's API types (designer/src/api/schema.gen.ts) from the API's OpenAPI document, no server needed:
# run it after changing a route or a model (tests/test_api_types.py fails until then).
api-types: $(STAMP) $(CODEGEN_STAMP)
	PYTHON=$(BIN)/python designer/codegen/generate.sh

$(CODEGEN_STAMP): designer/codegen/package-lock.json
	cd designer/codegen && npm ci --no-audit --no-fund
	touch $@

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

$(JS_HARNESS_STAMP): tests/js/package-lock.json
	cd tests/js && npm ci --no-audit --no-fund
	touch $@

# The rules benchmark (engine.rules against datalogic-py, panzi-json-logic and json-logic-qubit),
# then cases/s and ingest -> assigned latency on the embedded default, then bare Temporal's floor,
# then discovery's mentions/s/core, the sentiment scorer against vaderSentiment, and the calendar
# maths on calendars open rarely or never against an office calendar and an hourly is_open walk.
bench: $(BENCH_STAMP) $(DESIGNER_BUILD)
	$(BIN)/python -m bench.rules_bench $(ARGS)
	$(BIN)/python -m bench.lifecycle
	$(BIN)/python -m bench.temporal_floor
	$(BIN)/python -m bench.discovery
	$(BIN)/python -m bench.replay_verify
	$(BIN)/python -m bench.backtest
	$(BIN)/python -m bench.sentiment_bench
	$(BIN)/python -m bench.calendars

$(BENCH_STAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/pip install --quiet --no-deps --upgrade --target $(QUBIT_DIR) json-logic-qubit==0.9.1
	touch $@

system-deps:
	@scripts/system-deps.sh

clean:
	rm -rf $(VENV) designer/node_modules designer/dist tests/js/node_modules designer/codegen/node_modules
