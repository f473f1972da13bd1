# Linli — two commands: `make run` and `make test`. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
LINLI := target/debug/linli
NPM_STAMP := frontend/node_modules/.package-lock.json

.PHONY: help run test build spa serve-deps lint fmt check-deps rust-test rust-test-year-ahead \
        contract fuzz spa-test e2e e2e-year-ahead openapi stop-db faults bench

help:
	@echo "make run    build everything, find or start PostgreSQL, load the demo district, serve on http://127.0.0.1:8080"
	@echo "make test   every check and test: fmt, clippy, dependency direction, Rust tests on PostgreSQL, contract drift, contract fuzzing (schemathesis), SPA unit and browser tests"
	@echo "make openapi  regenerate openapi/openapi.json and the SPA's typed client after an API change"
	@echo "make bench  the API against pgbench of its own SQL: req/s, p50/p99, errors, RSS, ratio (docs/PERFORMANCE.md)"
	@echo "make faults PostgreSQL restarted, killed and exhausted under load; SIGTERM mid-request (docs/RELIABILITY.md)"

## ---- run -------------------------------------------------------------------------

run: spa build
	@server="$$(scripts/pg.sh)"; \
	db_url="$${DATABASE_URL:-$$server/linli}"; \
	if [ -z "$${DATABASE_URL:-}" ]; then scripts/ensure-db.sh "$$server" linli; fi; \
	export DATABASE_URL="$$db_url"; \
	$(LINLI) migrate; \
	$(LINLI) seed-demo; \
	if [ -z "$${LINLI_JWT_SECRET:-}" ]; then export LINLI_DEMO=1; fi; \
	echo "Linli: http://$${LINLI_BIND:-127.0.0.1:8080}  (API docs: /docs; demo users: admin, houjiatang, ziyuan, rongcheng.property, rongcheng.secretary, rongcheng.committee, weiji.resident, weiji.committee, auditor, finance.maker, finance.checker, volunteer, team.leader)"; \
	exec $(LINLI) serve

build:
	$(CARGO) build -p linli

$(NPM_STAMP): frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

spa: $(NPM_STAMP)
	cd frontend && npm run --silent build

## ---- test ------------------------------------------------------------------------

test: lint check-deps rust-test rust-test-year-ahead contract fuzz spa-test e2e e2e-year-ahead
	@echo "make test: all checks passed"

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --quiet -- -D warnings

fmt:
	$(CARGO) fmt --all

check-deps:
	scripts/check-domain-deps.sh

rust-test:
	@server="$$(scripts/pg.sh)"; \
	scripts/drop-test-dbs.sh "$$server"; \
	LINLI_TEST_PG="$$server" $(CARGO) nextest run --workspace --no-fail-fast

# The API tests again with the server's and the demo's clock a year ahead: a test that
# holds only on the day it was written fails here (LINLI_CLOCK, docs/TIME.md).
YEAR_AHEAD ?= +365d
rust-test-year-ahead:
	@server="$$(scripts/pg.sh)"; \
	scripts/drop-test-dbs.sh "$$server"; \
	LINLI_CLOCK="$(YEAR_AHEAD)" LINLI_TEST_PG="$$server" $(CARGO) nextest run -p linli-tests --no-fail-fast

contract: build
	@$(LINLI) openapi | diff -q - openapi/openapi.json >/dev/null || { \
	  echo "openapi/openapi.json is stale: run 'make openapi' and commit the result"; exit 1; }
	@echo "contract: openapi/openapi.json matches the code"

fuzz: build
	scripts/contract-fuzz.sh

spa-test: $(NPM_STAMP)
	cd frontend && npm run --silent check:api && npm test && npm run --silent build

e2e: build spa
	bash frontend/scripts/ensure-browser.sh
	scripts/e2e.sh

# The browser suite with the server's, the seed's and the browsers' clock a year ahead.
e2e-year-ahead: build spa
	bash frontend/scripts/ensure-browser.sh
	LINLI_CLOCK="$(YEAR_AHEAD)" scripts/e2e.sh

## ---- maintenance ---------------------------------------------------------------

openapi: build
	$(LINLI) openapi > openapi/openapi.json
	if [ -d frontend/node_modules ]; then cd frontend && npm run --silent gen:api; fi

stop-db:
	@if [ -f .data/pg/postmaster.pid ]; then \
	  if [ "$$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$$(pg_config --bindir)/pg_ctl -D $(CURDIR)/.data/pg stop"; \
	  else "$$(pg_config --bindir)/pg_ctl" -D .data/pg stop; fi; fi

faults:
	bench/faults.sh

bench:
	bench/run.sh
