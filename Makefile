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

# Headless Chromium for tests/test_html.py: `make test` installs the Debian package when it
# is missing and the user is root (apt-get); otherwise, or when the install fails, the
# browser tests skip cleanly.
browser:
	-@which chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
	  { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || \
	  echo "make browser: chromium could not be installed; the browser tests will skip"

# OCR for scanned PDFs (check --ocr) and its test in tests/test_bad_inputs.py: `make test`
# installs ocrmypdf with the Italian Tesseract data when missing and the user is root;
# otherwise, or when the install fails, the OCR test skips cleanly.
ocr:
	-@which ocrmypdf >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
	  { apt-get update -qq && apt-get install -y -qq ocrmypdf tesseract-ocr-ita >/dev/null; } || \
	  echo "make ocr: ocrmypdf could not be installed; the OCR test will skip"

test: $(STAMP) browser ocr
	$(BIN)/ruff check proseco_check tests scripts bench
	$(BIN)/mypy proseco_check
	$(BIN)/proseco-check clauses test
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
