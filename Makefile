# Two commands on a fresh machine: `make demo` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint fuzz bench hostile fixtures devset clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip >/dev/null 2>&1 || true

# pip's build chatter goes to a log, shown only when the install fails.
$(STAMP): pyproject.toml | $(VENV)/bin/python
	@echo "installing resume_signals[test] into $(VENV) (log: $(VENV)/install.log)"
	@$(PY) -m pip install -q -e '.[test,fast]' >$(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }
	@touch $(STAMP)

$(VENV)/.dev: $(STAMP)
	@$(PY) -m pip install -q -e '.[dev]' >>$(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }
	@touch $(VENV)/.dev

demo: $(STAMP)
	$(VENV)/bin/resume-signals score --format table --as-of 2026-11-01 fixtures/build

test: $(STAMP)
	$(PY) -m pytest resume_signals tests

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check resume_signals tests scripts benchmarks
	$(VENV)/bin/mypy resume_signals

fuzz: $(STAMP)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-5000} $(PY) -m pytest tests/fuzz -q -p no:cacheprovider

hostile: $(STAMP)
	$(PY) benchmarks/hostile_inputs.py

bench: $(STAMP)
	$(PY) benchmarks/bench.py

fixtures: $(VENV)/.dev
	$(PY) scripts/make_fixtures.py

devset: $(STAMP)
	../shared/devset/score

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
