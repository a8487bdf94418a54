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

# Lint: ruff; the layering and module sizes (tests/test_layering.py, tests/test_module_size.py);
# mypy (pyproject.toml: strict on foundation/); repeated code (pylint's duplicate-code checker:
# six or more lines, imports, comments and docstrings aside; tests and generated HTML are not read).
lint: venv
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/pytest -q -p no:cacheprovider tests/test_layering.py tests/test_module_size.py
	@$(VENV)/bin/mypy
	@$(VENV)/bin/pylint --disable=all --enable=duplicate-code --min-similarity-lines=6 --ignore-imports=y \
		--ignore-comments=y --ignore-docstrings=y --ignore-signatures=y --score=n \
		foundation ingest ontology queries petaflop bench

pytest: venv sysdeps
	@set +e; $(VENV)/bin/pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests (exit 5): the suite is missing" >&2; exit 1; fi; \
	exit $$rc

# After the tests, the regression guard (bench/README.md): the quick benchmark against the last
# committed quick results. It prints the figures more than 30 % slower and never fails `make test`.
test: lint pytest
	-@d=$$(mktemp -d); \
	if timeout 90 $(VENV)/bin/petaflop bench --quick --compare --json "$$d/quick.json" >"$$d/out" 2>"$$d/log"; \
	then sed -n '/^bench guard/,$$p' "$$d/out"; \
	else echo "bench guard: the quick benchmark did not finish within 90 s (ignored):"; tail -n 3 "$$d/log"; fi; \
	rm -rf "$$d"

clean:
	rm -rf build .pytest_cache
