# The two set-up commands from README.md: `make run` and `make test`.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: run test system-deps

run: $(VENV)/.installed-app
	$(BIN)/wellbeing-app $(ARGS)

test: system-deps $(VENV)/.installed-test
	$(BIN)/ruff check wellbeing_app tests
	$(BIN)/ruff format --check wellbeing_app tests
	$(BIN)/mypy
	desktop-file-validate packaging/io.github.wellbeing_app.WellbeingApp.desktop
	appstreamcli validate --no-net --pedantic packaging/io.github.wellbeing_app.WellbeingApp.metainfo.xml
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

system-deps:
	@bash packaging/system-deps.sh

$(VENV)/.installed-app: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --editable .
	touch $@

$(VENV)/.installed-test: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --editable '.[test]'
	touch $@ $(VENV)/.installed-app
