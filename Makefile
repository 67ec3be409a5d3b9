# `make run` sets everything up and launches the app; `make test` sets everything up and runs all tests.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench bench-quick clean

run: $(STAMP)
	$(PY) -m rigsizer.gui.app

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) benchmarks/run_all.py --quick
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(PY) -m ruff check .

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

bench-quick: $(STAMP)
	$(PY) benchmarks/run_all.py --quick

$(STAMP): pyproject.toml setup.py packaging/system-deps.sh
	sh packaging/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info
