# Petaflop Atlas — the two set-up commands are `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8501
# Debian packages the test suite needs, as PACKAGE:COMMAND pairs.
SYSDEPS := default-jre-headless:java virtuoso-opensource:virtuoso-t chromium:chromium fonts-nanum:fonts-nanum

.PHONY: run test venv sysdeps lint pytest build clean

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q -e '.[dev]'
	@touch $@

venv: $(VENV)/.installed

sysdeps:
	@bash scripts/sysdeps.sh $(SYSDEPS)

# The graph is rebuilt when the code, the ontology, the mapping data or the report changed.
REPORT ?= $(or $(PETAFLOP_REPORT),../shared/seeds/000_76f8ec56cf8c30fd.txt)
BUILD_INPUTS := $(shell git ls-files ingest petaflop ontology 2>/dev/null) $(wildcard $(REPORT))

build/atlas.nq: $(VENV)/.installed $(BUILD_INPUTS)
	@$(VENV)/bin/petaflop build --report "$(REPORT)"

build: build/atlas.nq

run: venv build
	@echo "Petaflop Atlas: http://$(HOST):$(PORT)"
	@$(VENV)/bin/streamlit run app.py --server.address $(HOST) --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

lint: venv
	@$(VENV)/bin/ruff check .

pytest: venv sysdeps
	@set +e; $(VENV)/bin/pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests (exit 5): the suite is missing" >&2; exit 1; fi; \
	exit $$rc

test: lint pytest

clean:
	rm -rf build .pytest_cache
