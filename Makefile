# Liaison's two commands:
#   make run   - virtualenv, install, translations, migrate the SQLite database, seed the demo
#                (kept across runs), print the demo accounts, serve on 127.0.0.1:$(PORT)
#   make test  - virtualenv with the test extras, Debian's chromium, ruff, the whole suite
#                against the local PostgreSQL and Redis
#   make test-future - the non-browser suite again with the application's clock moved to
#                2029-02-28 23:30 in Los Angeles (liaison.clock reads LIAISON_CLOCK_AT)
# Stamp files in .venv/ make a second run reinstall only when pyproject.toml changed.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
HOST := 127.0.0.1
export BASE_URL ?= http://$(HOST):$(PORT)

CHROMIUM := /usr/bin/chromium
TRANSLATIONS := platform/liaison/translations
PO_FILES := $(wildcard $(TRANSLATIONS)/*/LC_MESSAGES/*.po platform/liaison/*/translations/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)
# Two test processes, each with its own database (see tests/conftest.py).
PYTEST_ARGS ?= -n 2 --durations=15

FUTURE_CLOCK_AT := 2029-02-28T23:30:00-08:00

.PHONY: help run test test-future lint format translations clean

help:
	@echo "make run    serve the demo on http://$(HOST):$(PORT)/ (embedded mode, SQLite)"
	@echo "make test   lint and run the whole test suite (PostgreSQL and Redis on loopback)"
	@echo "make test-future  the non-browser suite with the clock moved to $(FUTURE_CLOCK_AT)"
	@echo "make lint   ruff check, ruff format --check and the import contracts (lint-imports)"
	@echo "make format ruff format and ruff check --fix"
	@echo "make clean  remove the virtualenv, the local database and caches"

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed (python3.11 or python3)"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
		|| { echo "$(PYTHON) is not Python 3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.stamp-install: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.stamp-install-test: pyproject.toml $(VENV)/.stamp-install
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Compiled catalogues are not committed; each .mo is rebuilt when its .po changes.
translations: $(MO_FILES)

%.mo: %.po $(VENV)/.stamp-install
	$(BIN)/pybabel compile -i $< -o $@

# Debian's package, never a browser download by Playwright.
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium

run: $(VENV)/.stamp-install translations
	$(BIN)/liaison db upgrade
	$(BIN)/liaison seed-demo
	@echo
	@echo "Liaison is serving on $(BASE_URL)/  (sign in at $(BASE_URL)/login; Ctrl-C stops it)"
	@echo "Public agency site: $(BASE_URL)/waltham/   outbox: var/outbox/"
	PORT=$(PORT) $(BIN)/liaison serve --host $(HOST) --port $(PORT)

lint: $(VENV)/.stamp-install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.stamp-install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(VENV)/.stamp-install-test translations $(CHROMIUM) lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The same suite (browsers aside) on 28 February 2029 at 23:30 in Los Angeles: 07:30 UTC on
# 1 March, already 1 March in the agencies' zones but not in the process's own.
test-future: $(VENV)/.stamp-install-test translations lint
	TZ=America/Los_Angeles LIAISON_CLOCK_AT=$(FUTURE_CLOCK_AT) \
		$(BIN)/python -m pytest $(PYTEST_ARGS) --ignore=tests/browser

clean:
	rm -rf $(VENV) var build *.egg-info .pytest_cache .ruff_cache .hypothesis test-results
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find $(TRANSLATIONS) -name '*.mo' -delete 2>/dev/null || true
