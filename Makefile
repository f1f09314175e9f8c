# The two set-up commands from README.md: `make run` and `make test`.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: run test system-deps translations bundle

run: $(VENV)/.installed-app
	$(BIN)/wellbeing-app $(ARGS)

test: system-deps $(VENV)/.installed-test $(VENV)/.installed-bundle
	$(BIN)/ruff check wellbeing_app tests
	$(BIN)/ruff format --check wellbeing_app tests
	$(BIN)/mypy
	$(BIN)/mypy --platform win32 --cache-dir .mypy_cache/win32
	$(BIN)/mypy --platform darwin --cache-dir .mypy_cache/darwin
	desktop-file-validate packaging/io.github.wellbeing_app.WellbeingApp.desktop
	appstreamcli validate --no-net --pedantic packaging/io.github.wellbeing_app.WellbeingApp.metainfo.xml
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q
	$(BIN)/python tests/bundle/check_bundle.py

system-deps:
	@bash packaging/system-deps.sh

# The one-folder bundle that needs no Python, packed as dist/wellbeing-<version>-linux-<arch>.tar.gz
# with install.sh (packaging/bundle.py; rebuilt only when the source changed).
bundle: $(VENV)/.installed-bundle
	$(BIN)/python packaging/bundle.py

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

$(VENV)/.installed-bundle: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --editable '.[bundle]'
	touch $@ $(VENV)/.installed-app
