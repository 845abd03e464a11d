# Every target sets up .venv first if it is missing or pyproject.toml changed,
# so a fresh clone needs nothing but Python 3.11+ (with venv) and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PROJECT ?=


.PHONY: run test test-slow test-all bench lint typecheck clean venv screenshots package word-base

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	@touch $(STAMP)

## Open the app: the welcome window, or PROJECT=path/to/file.briefer
run: $(STAMP)
	@sh packaging/linux/check-qt-libs.sh $(VENV)
	$(BIN)/briefer $(if $(PROJECT),"$(PROJECT)",)

## The everyday suite, headless (Qt's offscreen platform): every test not marked slow
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

## Only the tests marked @pytest.mark.slow (kill loops, fuzzing, huge inputs in bounded memory)
test-slow: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow $(PYTEST_ARGS)

## The whole suite, as CI runs it: the everyday suite, then the slow set
test-all: test test-slow

## Speed and memory figures, printed (not pass/fail)
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

## The desktop application for this OS in dist/briefer/, then its smoke test.
## PyInstaller lives in its own venv (PKG_VENV) so the dev .venv stays as it is.
PKG_VENV  ?= build/package-venv
PKG_STAMP := $(PKG_VENV)/.installed

$(PKG_STAMP): pyproject.toml
	@test -x $(PKG_VENV)/bin/python || $(PYTHON) -m venv $(PKG_VENV)
	$(PKG_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PKG_VENV)/bin/python -m pip install --quiet -e '.[package]'
	@touch $(PKG_STAMP)

package: $(PKG_STAMP)
	$(PKG_VENV)/bin/python -m PyInstaller --noconfirm --clean \
		--distpath dist --workpath build/pyinstaller packaging/briefer.spec
	$(PKG_VENV)/bin/python packaging/smoke_test.py

## Render the main views to docs/screenshots/ (used by the README)
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py

## Rebuild resources/word/base.docx, the package a Word export without a reference
## document fills, through python-docx (after upgrading it or changing the writer;
## tests/exporters/test_docx_plain.py fails until then)
word-base: $(STAMP)
	$(BIN)/python -m briefer.exporters.docx_base resources/word/base.docx

lint: $(STAMP)
	$(BIN)/ruff check briefer tests bench docs packaging
	$(BIN)/ruff format --check briefer tests bench docs packaging

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache .hypothesis bench/out
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
