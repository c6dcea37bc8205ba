# Two commands for a fresh clone: `make html` and `make test`. Both set up their own
# virtual environment from pyproject.toml first (only python3 >= 3.11 and make needed).
# `make check` is the contributor's quick loop: the build and every test that needs no browser.

PYTHON  ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
SPHINXOPTS ?= -nW --keep-going
BUILDDIR   ?= _build
HOST    ?= 127.0.0.1
PORT    ?= 8000

.PHONY: html serve check test clean distclean help

help:
	@echo "make html   build the site into $(BUILDDIR)/html (sets up $(VENV) first)"
	@echo "make check  quick loop: build with warnings as errors, then every test without a browser"
	@echo "make test   run the whole test suite (sets up $(VENV) with test dependencies first)"
	@echo "make serve  live preview on http://$(HOST):$(PORT) with sphinx-autobuild"
	@echo "make clean  remove $(BUILDDIR)"

# The stamp files are rebuilt whenever pyproject.toml changes.
$(VENV)/.site-installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required (found " + sys.version.split()[0] + "): set PYTHON=python3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet ".[dev,test]"
	touch $@

# The browser tests' npm tools (axe-core, vnu.jar), exactly as locked. Scripts stay disabled:
# vnu-jar's would download a JDK, and vnu.jar is in the package itself. The stamp lives inside
# node_modules/, so deleting node_modules/ reinstalls them.
node_modules/.test-installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed to install the browser tests' tools (Debian/Ubuntu: apt-get install npm)" >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	test -f node_modules/axe-core/axe.min.js && test -f node_modules/vnu-jar/build/dist/vnu.jar
	touch $@

html: $(VENV)/.site-installed
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) . $(BUILDDIR)/html

serve: $(VENV)/.site-installed
	$(BIN)/sphinx-autobuild --host $(HOST) --port $(PORT) $(SPHINXOPTS) . $(BUILDDIR)/html

# No npm, Java or Chromium: the tests that need them are marked `browser` (tests/conftest.py).
# Two processes (pytest-xdist) keep it under a minute on two cores.
check: $(VENV)/.test-installed
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) . $(BUILDDIR)/html
	QUICK_CHECK=1 $(BIN)/python -m pytest -n 2 -m "not browser" $(PYTEST_ARGS)

test: $(VENV)/.test-installed node_modules/.test-installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(BUILDDIR)

distclean: clean
	rm -rf $(VENV) node_modules
