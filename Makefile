# Dasbor Kinerja Kemnaker: `make help` lists the targets.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)
PORT   ?= 8501
API_PORT ?= 8502
REPLICAS ?= 2
HOST   ?= 127.0.0.1
# listen on every interface (behind a firewall or proxy): make run HOST=0.0.0.0

.DEFAULT_GOAL := help
.PHONY: help install db rebuild-db run test lint data bench api cluster bench-cluster

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP) ## Create the virtualenv and install the pinned requirements

db: $(STAMP) ## Build the database from data/ if it holds no data yet (SQLite file or DATABASE_URL)
	$(PY) -m loaders ensure

rebuild-db: $(STAMP) ## Rebuild the database from data/ (replaces what is loaded)
	$(PY) -m loaders build

run: db ## Install, build the database if needed, and start the dashboard on HOST:PORT (127.0.0.1:8501)
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.address $(HOST)

api: db ## Start the read-only API on API_PORT (8502): /api/v1/..., docs at /docs
	$(PY) -m api --host $(HOST) --port $(API_PORT)

cluster: $(STAMP) ## nginx on 127.0.0.1:8600 in front of REPLICAS (2) dashboard replicas and the API, on PostgreSQL
	$(PY) -m deploy.cluster --replicas $(REPLICAS)

test: $(STAMP) ## Run the whole test suite (SQLite, PostgreSQL, AppTest, headless Chromium)
	$(PY) -m pytest -q

lint: $(STAMP) ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

data: $(STAMP) ## Re-extract data/*.csv from the LKj seed text in ../shared/seeds
	$(PY) -m data.extract

bench: $(STAMP) ## Run the benchmarks, write BENCHMARKS.md
	$(PY) -m bench

bench-cluster: $(STAMP) ## Load-test 1 and 2 replicas behind nginx, kill one, publish; writes BENCHMARKS.md section 8
	$(PY) -m bench.cluster
