# Warta: two commands from a clean clone.  `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install model bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Error: $(PYTHON) not found; set PYTHON=python3" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# An editable install compiles nothing: compileall gives the bytecode the benchmark measures with
# (Python reads .pyc files even under PYTHONDONTWRITEBYTECODE).
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/python -m compileall -q src/warta
	touch $(STAMP)

install: $(STAMP)

## Process the bundled examples into ./warta.db and show the result.
run: $(STAMP)
	$(BIN)/warta ingest examples/
	$(BIN)/warta list
	$(BIN)/warta entities --limit 10
	$(BIN)/warta events --limit 10
	@echo "Browse them: $(BIN)/warta serve   (then open http://127.0.0.1:8000/)"

## Run the test suite.
test: $(STAMP)
	$(BIN)/pytest

## Rebuild the shipped language model from ../shared/datasets (see src/warta/lang/MODEL_CARD.md).
model: $(STAMP)
	$(BIN)/warta train

## Throughput benchmarks (not part of the test run).
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) warta.db build *.egg-info src/*.egg-info
