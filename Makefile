# Dasbor Kinerja Kemnaker: `make help` lists the targets.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)
PORT   ?= 8501
HOST   ?= 0.0.0.0

.DEFAULT_GOAL := help
.PHONY: help install db rebuild-db run test lint data bench

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

run: db ## Install, build the database if needed, and start the dashboard on PORT (8501)
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.address $(HOST)

test: $(STAMP) ## Run the whole test suite (SQLite, PostgreSQL, AppTest, headless Chromium)
	$(PY) -m pytest -q

lint: $(STAMP) ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

data: $(STAMP) ## Re-extract data/*.csv from the LKj seed text in ../shared/seeds
	$(PY) -m data.extract

bench: $(STAMP) ## Run the benchmarks, write BENCHMARKS.md
	$(PY) -m bench
