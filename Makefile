# One command runner. `make demo` and `make test` are the two README quick-start commands.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: venv test test-fast lint format demo bench schemas clean

$(BIN)/wirestream: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,spacy]'
	@touch $@

venv: $(BIN)/wirestream

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

bench: venv  ## the pipeline against the redis-py limit (~5 min); add --large for the memory run
	$(BIN)/python -m benchmarks.stages
	$(BIN)/python -m benchmarks.pipeline

schemas: venv
	$(BIN)/wirestream schemas

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

.PHONY: secrets
secrets:  ## .env with a random password per Redis ACL user (git-ignored; existing ones are kept)
	@umask 077; touch .env; \
	for user in ADMIN INGEST NORMALISE EXTRACT PUBLISH PRODUCER CONSUMER; do \
	  grep -q "^WIRESTREAM_$${user}_PASSWORD=." .env || \
	    echo "WIRESTREAM_$${user}_PASSWORD=$$($(PYTHON) -c 'import secrets; print(secrets.token_hex(24))')" >> .env; \
	done; \
	echo ".env holds a password for each Redis user (admin, ingest, normalise, extract, publish, producer, consumer)"
