# Touchstone: `make run` serves the app on SQLite with demo data; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TS := $(BIN)/touchstone
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup static lint format check-deploy test-sqlite test-postgres test-browser lock worker bench mutate clean

## Environment: a virtualenv with the locked dependencies, rebuilt only when the lock changes.
$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==0.13.9"
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

## Front-end: GOV.UK Frontend, MOJ Frontend and htmx from npm (package-lock.json), built into frontend/build.
frontend/build/.built: frontend/package-lock.json frontend/build.mjs
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	cd frontend && npm run --silent build
	touch $@

setup: $(VENV)/.installed frontend/build/.built
	mkdir -p var/static

## Production static files: hashed, compressed, under var/static (or $TOUCHSTONE_VAR_DIR/static).
static: setup
	TOUCHSTONE_DEBUG=false $(TS) collectstatic --noinput --verbosity 1

run: setup
	$(TS) migrate --verbosity 0
	$(TS) demo-data
	$(TS) runserver $(HOST):$(PORT)

worker: setup
	$(TS) db_worker

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-deploy: setup
	DJANGO_SETTINGS_MODULE=touchstone.settings_deploy_check $(TS) check --deploy --fail-level WARNING
	$(TS) makemigrations --check --dry-run

test-sqlite: setup
	$(BIN)/pytest --ds=touchstone.settings_test -n 2 --dist loadgroup -m "not browser" -q

test-postgres: setup
	@if [ -n "$$TOUCHSTONE_TEST_POSTGRES_URL" ]; then \
	  TOUCHSTONE_TEST_DATABASE=postgres $(BIN)/pytest --ds=touchstone.settings_test -n 2 --dist loadgroup -m "not browser" -q; \
	else echo "TOUCHSTONE_TEST_POSTGRES_URL not set: PostgreSQL run skipped"; fi

test-browser: setup
	@if [ -x "$${TOUCHSTONE_CHROMIUM:-/usr/bin/chromium}" ]; then \
	  $(BIN)/pytest --ds=touchstone.settings_test -m browser -q -n 2 tests/browser && \
	  if [ -n "$$TOUCHSTONE_TEST_POSTGRES_URL" ]; then \
	    TOUCHSTONE_TEST_DATABASE=postgres $(BIN)/pytest --ds=touchstone.settings_test -m browser -q -n 2 tests/browser; fi; \
	else echo "no chromium at $${TOUCHSTONE_CHROMIUM:-/usr/bin/chromium}: browser tests skipped (apt-get install chromium)"; fi

test: lint check-deploy test-sqlite test-postgres test-browser

lock: $(VENV)/.installed
	$(BIN)/uv pip compile pyproject.toml --extra dev -o requirements.lock --python-version 3.11 -q --custom-compile-command "make lock"

bench: setup
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } \
	  || echo "wrk not installed: throughput is measured with a Python client instead"
	$(BIN)/python -m bench.register_search --db sqlite
	$(BIN)/python -m bench.register_search --db postgres
	$(BIN)/python -m bench.rights_checks
	$(BIN)/python -m bench.portfolio_compile

## Mutation testing of the pure rules, outside CI (docs/testing.md): mutmut mutates every
## touchstone/*/rules.py and runs only the rules tests against each mutant, one child at a
## time; fails when any rules module kills less than MUTATE_MIN percent of its mutants.
MUTATE_MIN ?= 95
mutate: setup
	rm -rf mutants
	$(BIN)/mutmut run --max-children 1 > var/mutmut.log 2>&1 || { tail -40 var/mutmut.log; exit 1; }
	@$(BIN)/mutmut results
	@$(BIN)/mutmut results --all true | awk -v min=$(MUTATE_MIN) ' \
	  { split($$1, part, ".x_"); total[part[1]]++; if ($$2 == "killed") killed[part[1]]++ } \
	  END { for (m in total) { score = 100 * killed[m] / total[m]; \
	          printf "%s: %d of %d mutants killed (%.1f%%)\n", m, killed[m], total[m], score; \
	          if (score < min) low = 1 } \
	        if (low) { print "below " min "%"; exit 1 } }'

clean:
	rm -rf $(VENV) frontend/node_modules frontend/build var mutants
