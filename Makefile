# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv themselves.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# uv itself comes from a tiny bootstrap venv, so `uv sync` (which removes what the lock lacks) never
# removes the uv that runs it; the lock also holds uv (dev extra), so .venv/bin/uv can relock.
UV_BOOT := .uv
UV ?= $(UV_BOOT)/bin/uv
UV_VERSION := 0.13.9
export UV_PYTHON_DOWNLOADS ?= never
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

.PHONY: demo test lint typecheck unit install browser libreoffice tesseract bench clean help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(UV_BOOT)/bin/uv:
	$(PY) -m venv --clear $(UV_BOOT)
	$(UV_BOOT)/bin/pip install -q uv==$(UV_VERSION)

# --locked: fails (and so fails CI) when uv.lock is out of date with pyproject.toml.
# --compile-bytecode, and compileall for our own (editable) sources: every `muniflow` command
# imports Prefect, Great Expectations and the readers in several processes; compiled from source
# each time (PYTHONDONTWRITEBYTECODE set, or a read-only venv) one cold report takes twice as long.
$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --extra dev --compile-bytecode --python $(PY)
	$(BIN)/python -m compileall -q src flows
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install muniflow with dev extras, exactly as uv.lock pins them

browser:  ## install Debian's Chromium for the report's browser test (root, apt)
	@command -v chromium >/dev/null 2>&1 || bash scripts/install-chromium.sh

libreoffice:  ## install headless LibreOffice Writer: .doc/.rtf/.odt conversion, PDF fixture tests, compile --pdf (root, apt)
	@bash scripts/install-libreoffice.sh

tesseract:  ## install Tesseract OCR with Russian to read scans and photos (root, apt)
	@bash scripts/install-tesseract.sh

demo: $(STAMP)  ## ingest the sample reports (sample_inputs/*.docx, *.pdf) into warehouse/muniflow.duckdb
	$(BIN)/muniflow ingest $(wildcard sample_inputs/*.docx sample_inputs/*.pdf)

lint: $(STAMP)  ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)  ## mypy on src/ and flows/
	$(BIN)/mypy src/ flows/

unit: $(STAMP)  ## pytest
	$(BIN)/pytest

test: $(STAMP) browser libreoffice tesseract lint typecheck unit  ## everything CI runs

bench: $(STAMP)  ## ingestion benchmark (soffice needed once to build the corpus)
	$(BIN)/python bench/run.py --docx 60 --pdf 60 --pages 6

clean:  ## remove the venv and generated files
	rm -rf $(VENV) $(UV_BOOT) .pytest_cache .mypy_cache .ruff_cache
