# Two commands set up everything on a fresh machine:
#   make run    create .venv, install the tool, run the default scenario
#   make test   create .venv, install the tool with test tools, run the tests
# Reinstallation happens only when pyproject.toml changes (stamp files in .venv).

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.12 2>/dev/null || command -v python3 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
ARGS ?=

define CHECK_PYTHON
if [ -z "$(1)" ] || ! "$(1)" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
  echo "error: Python 3.12 or newer is needed, found: $$("$(1)" --version 2>/dev/null || echo nothing) at '$(1)'." >&2; \
  echo "       Install Python 3.12 (e.g. 'pyenv install 3.12'; .python-version selects it), or" >&2; \
  echo "       run 'make PYTHON=/path/to/python3.12 ...'. Remove an old .venv with 'make clean'." >&2; \
  exit 1; \
fi
endef

DASH_STAMP := $(VENV)/.installed-dashboard

.PHONY: help run test test-slow lint dashboard bench clean

help:
	@echo "make run    set up .venv and run the default scenario (extra options: ARGS='--steps 52')"
	@echo "make test   set up .venv with test tools and run the tests (pytest)"
	@echo "make test-slow  the slow suites: field patterns at full scale, more stop/resume tests"
	@echo "make dashboard  set up .venv with the dashboard and start it on http://127.0.0.1:8765"
	@echo "make bench  run the benchmark suite (results/benchmarks/)"
	@echo "make lint   ruff check and the import contracts (lint-imports)"
	@echo "make clean  remove .venv"

$(BIN)/python:
	@$(call CHECK_PYTHON,$(PYTHON))
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	@$(call CHECK_PYTHON,$(BIN)/python)
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	@$(call CHECK_PYTHON,$(BIN)/python)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(RUN_STAMP) $(DASH_STAMP)

$(DASH_STAMP): pyproject.toml | $(BIN)/python
	@$(call CHECK_PYTHON,$(BIN)/python)
	$(BIN)/python -m pip install --quiet -e '.[dashboard]'
	touch $@ $(RUN_STAMP)

dashboard: $(DASH_STAMP)
	$(BIN)/simulatie dashboard $(ARGS)

bench: $(RUN_STAMP)
	$(BIN)/python -m benchmarks $(ARGS)

run: $(RUN_STAMP)
	$(BIN)/simulatie run $(ARGS)

test: $(DEV_STAMP)
	$(BIN)/python -m pytest -n 2 $(ARGS)

# The slow suites: the field patterns at full scale (one process pool of their own, so no
# xdist) and the slower stop-and-resume tests of the sweep runner.
test-slow: $(DEV_STAMP)
	$(BIN)/python -m pytest -m 'slow or patterns' $(ARGS)

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV)
