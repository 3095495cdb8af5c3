# One command runner. `make demo` and `make test` are the two README quick-start commands.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

COMPILED ?= .venv-compiled
SOURCES := $(shell find services -name '*.py' -o -name '*.tsv' -o -name '*.json' -o -name '*.txt' -o -name '*.csv')

.PHONY: venv compiled test test-fast lint format demo bench schemas clean

$(BIN)/wirestream: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,spacy]'
	@touch $@

venv: $(BIN)/wirestream

# The production build (as in the Dockerfile): the normalise and extract text modules compiled with mypyc, installed
# (not editable) in a venv of its own, so the development tree stays pure Python.
$(COMPILED)/bin/python:
	$(PYTHON) -m venv $(COMPILED)
	$(COMPILED)/bin/pip install --quiet --upgrade pip setuptools wheel 'mypy>=1.10' 'pydantic>=2.7,<3'

$(COMPILED)/.built: $(COMPILED)/bin/python pyproject.toml setup.py $(SOURCES)
	$(COMPILED)/bin/pip install --quiet .
	WIRESTREAM_COMPILE=1 $(COMPILED)/bin/pip install --quiet --no-build-isolation --force-reinstall --no-deps .
	@touch $@

compiled: $(COMPILED)/.built  ## the compiled build in .venv-compiled (needs a C compiler)
	$(COMPILED)/bin/wirestream version

test: venv  ## every tier: unit, integration (real Redis), e2e (workers as processes)
	$(BIN)/pytest

test-fast: venv  ## unit tests only
	$(BIN)/pytest tests/unit

lint: venv  ## ruff (lint + format check) and mypy --strict on services/
	$(BIN)/ruff check services tests benchmarks
	$(BIN)/ruff format --check services tests benchmarks
	$(BIN)/mypy services

format: venv
	$(BIN)/ruff format services tests benchmarks
	$(BIN)/ruff check --fix services tests benchmarks

demo: venv  ## private Redis, four workers, samples/ pushed, each enriched event summarised
	$(BIN)/python -m services.demo

bench: venv compiled  ## the pipeline against the redis-py limit (~5 min), compiled build; ARGS=--large adds the memory run
	$(BIN)/python -m benchmarks.stages
	$(COMPILED)/bin/python -P benchmarks/stages.py
	$(COMPILED)/bin/python -P benchmarks/pipeline.py $(ARGS)

schemas: venv
	$(BIN)/wirestream schemas

clean:
	rm -rf $(VENV) $(COMPILED) build .pytest_cache .mypy_cache .ruff_cache

.PHONY: secrets
secrets:  ## .env with a random password per Redis ACL user (git-ignored; existing ones are kept)
	@umask 077; touch .env; \
	for user in ADMIN INGEST NORMALISE EXTRACT PUBLISH PRODUCER CONSUMER; do \
	  grep -q "^WIRESTREAM_$${user}_PASSWORD=." .env || \
	    echo "WIRESTREAM_$${user}_PASSWORD=$$($(PYTHON) -c 'import secrets; print(secrets.token_hex(24))')" >> .env; \
	done; \
	echo ".env holds a password for each Redis user (admin, ingest, normalise, extract, publish, producer, consumer)"
