# sitrep: `make demo` runs the main job on the bundled articles, `make test` runs the tests.
# Both create .venv and install everything on first use (no network beyond the package registry).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install eval gate lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,ray,postgres]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/sitrep demo

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/sitrep eval seed
	$(BIN)/sitrep eval plover

gate: $(STAMP)
	$(BIN)/python scripts/check_floors.py

# style (ruff), types (mypy against its shrinking baseline) and structure (complexity, import cycles)
lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/python scripts/check_types.py
	$(BIN)/python scripts/check_structure.py --top 5

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/memory.py
	$(BIN)/python benchmarks/profile_stages.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
