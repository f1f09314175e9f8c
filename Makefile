# The two set-up commands from README.md: `make run` and `make test`.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: run test system-deps translations

run: $(VENV)/.installed-app
	$(BIN)/wellbeing-app $(ARGS)

test: system-deps $(VENV)/.installed-test
	$(BIN)/ruff check wellbeing_app tests
	$(BIN)/ruff format --check wellbeing_app tests
	$(BIN)/mypy
	$(BIN)/mypy --platform win32 --cache-dir .mypy_cache/win32
	$(BIN)/mypy --platform darwin --cache-dir .mypy_cache/darwin
	desktop-file-validate packaging/io.github.wellbeing_app.WellbeingApp.desktop
	appstreamcli validate --no-net --pedantic packaging/io.github.wellbeing_app.WellbeingApp.metainfo.xml
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

system-deps:
	@bash packaging/system-deps.sh

# Extract marked strings, update each language's .po, compile the .mo files the app reads.
translations: $(VENV)/.installed-test
	$(BIN)/python packaging/translations.py

$(VENV)/.installed-app: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --editable .
	touch $@

$(VENV)/.installed-test: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --editable '.[test]'
	touch $@ $(VENV)/.installed-app
