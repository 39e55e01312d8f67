# Every target creates .venv on first use, so a fresh clone needs nothing but python3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint samples bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/proseco-check check samples/ --fail-on never

test: $(STAMP)
	$(BIN)/ruff check proseco_check tests scripts
	$(BIN)/proseco-check rules test
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check proseco_check tests scripts

samples: $(STAMP)
	$(BIN)/python scripts/build_samples.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info
