# Two commands on a fresh machine: `make demo` and `make test`. Both build .venv themselves.
# `make demo` installs the runtime only (spacy, pdfminer.six, lxml, rapidfuzz); `make test` adds every extra,
# the test tools and, when missing, headless Chromium (Debian's `chromium`) for the HTML evidence tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime
STAMP := $(VENV)/.installed
CHROMIUM ?= chromium
APT_GET ?= apt-get

.PHONY: demo test lint fuzz bench hostile fixtures devset clean chromium java test-spark bench-spark

# Debian's python3 has no venv module (ensurepip) until python3-venv is installed: add it with apt when root,
# else stop at once with the one command to run.
$(VENV)/bin/python:
	@$(PYTHON) -m venv $(VENV) || { \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ] && command -v $(APT_GET) >/dev/null 2>&1; then \
	    v=$$($(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])'); \
	    echo "installing python$$v-venv (apt-get) so that $(PYTHON) can build $(VENV)"; \
	    $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq python$$v-venv >/dev/null \
	      && $(PYTHON) -m venv $(VENV) || { echo "error: could not build $(VENV) with $(PYTHON)" >&2; exit 1; }; \
	  else \
	    echo "error: $(PYTHON) cannot build a virtual environment; run: sudo apt-get install -y python3-venv" >&2; \
	    exit 1; \
	  fi; }
	@$(PY) -m pip install -q --upgrade pip >/dev/null 2>&1 || true

# pip's build chatter goes to a log, shown only when the install fails.
$(RUNTIME): pyproject.toml | $(VENV)/bin/python
	@echo "installing resume_signals (runtime only) into $(VENV) (log: $(VENV)/install.log)"
	@$(PY) -m pip install -q -e . >$(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }
	@touch $(RUNTIME)

$(STAMP): pyproject.toml | $(VENV)/bin/python
	@echo "installing resume_signals[test] into $(VENV) (log: $(VENV)/install.log)"
	@$(PY) -m pip install -q -e '.[test,fast]' >$(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }
	@touch $(STAMP) $(RUNTIME)

$(VENV)/.dev: $(STAMP)
	@$(PY) -m pip install -q -e '.[dev]' >>$(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }
	@touch $(VENV)/.dev

# Headless Chromium renders the HTML evidence view in tests/outputs/test_html.py. Installed with apt when this
# is root on a Debian-like system; otherwise stop at once with the one command to run (never skip those tests).
chromium:
	@command -v $(CHROMIUM) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v $(APT_GET) >/dev/null 2>&1; then \
	    echo "installing chromium (apt-get) for the HTML evidence tests"; \
	    $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq chromium >/dev/null \
	      || { echo "error: apt-get install chromium failed" >&2; exit 1; }; \
	  else \
	    echo "error: headless Chromium is needed by the HTML evidence tests; run: sudo apt-get update && sudo apt-get install -y chromium" >&2; \
	    exit 1; \
	  fi; }

demo: $(RUNTIME)
	$(VENV)/bin/resume-signals score --format table --as-of 2026-11-01 fixtures/build

test: chromium $(STAMP)
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
