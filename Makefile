# Every target creates .venv on first use, so a fresh clone needs nothing but python3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint samples bench bench-quick golden clean browser ocr

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# Trainer mode: the flawed and the compliant Italian disciplinare side by side.
demo: $(STAMP)
	$(BIN)/proseco-check demo

# Headless Chromium for tests/test_html.py (skipped without it). Debian package; needs
# root (apt-get). Allowed to fail: `make test` does not depend on it.
browser:
	-which chromium >/dev/null 2>&1 || { apt-get update && apt-get install -y chromium; }

# Optional: OCR for scanned PDFs (check --ocr); the OCR test runs only where it exists.
ocr:
	-which ocrmypdf >/dev/null 2>&1 || { apt-get update && apt-get install -y ocrmypdf tesseract-ocr-ita; }

test: $(STAMP)
	$(BIN)/ruff check proseco_check tests scripts bench
	$(BIN)/proseco-check rules test
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check proseco_check tests scripts bench

samples: $(STAMP)
	$(BIN)/python scripts/build_samples.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

bench-quick: $(STAMP)
	$(BIN)/python bench/run.py --quick

# Regenerate tests/golden/*.json (the byte-identical output test) after an intended
# change of rules, facts or wording; review `git diff tests/golden` before committing.
golden: $(STAMP)
	$(BIN)/python scripts/golden.py --update

clean:
	rm -rf $(VENV) build dist *.egg-info
