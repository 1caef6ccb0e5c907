# Two commands on a fresh machine: `make demo` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint fuzz bench hostile fixtures devset clean java test-spark bench-spark

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

# Spark needs Java 17+: install Debian's headless JRE when java is missing or older (root with apt), else say how.
java:
	@v=$$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1); \
	if [ -z "$$v" ] || [ "$$v" -lt 17 ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing a headless Java runtime for Spark (apt-get install default-jre-headless)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else echo "Spark needs Java 17+: run 'sudo apt-get install default-jre-headless'" >&2; exit 1; fi; \
	fi

$(VENV)/.spark: $(STAMP)
	@$(PY) -m pip install -q -e '.[spark]' >>$(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }
	@touch $(VENV)/.spark

test-spark: java $(VENV)/.spark
	$(PY) -m pytest tests/spark -p no:cacheprovider

bench-spark: java $(VENV)/.spark
	$(PY) benchmarks/bench_spark.py

fixtures: $(VENV)/.dev
	$(PY) scripts/make_fixtures.py

devset: $(STAMP)
	../shared/devset/score

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
