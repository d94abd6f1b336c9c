# Two commands for a fresh machine with Python 3.11 and make: `make figures` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

KERNEL := fujian-fpa
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CHROMIUM ?= chromium
SHOTS := build/report-check

.PHONY: venv figures test check report report-check bench lab lint clean

venv: $(STAMP)

# The environment is rebuilt whenever the pinned requirements change. uv (pinned in
# requirements-setup.txt, installed from PyPI by pip into build/uv) sets it up several times faster
# than pip; where uv cannot be installed, pip does it. Both show what they install as they go.
UV := build/uv/bin/uv
$(STAMP): requirements.txt requirements-setup.txt pyproject.toml
	@if $(PYTHON) -m pip install --disable-pip-version-check --quiet --upgrade --target build/uv \
	      -r requirements-setup.txt 2>/dev/null && $(UV) --version >/dev/null 2>&1; then \
	  echo "Setting up $(VENV) with $$($(UV) --version)"; \
	  $(UV) venv --allow-existing --python "$$($(PYTHON) -c 'import sys; print(sys.executable)')" $(VENV) \
	  && VIRTUAL_ENV=$(VENV) $(UV) pip sync requirements.txt; \
	else \
	  echo "uv could not be installed; setting up $(VENV) with pip (a minute or two)"; \
	  $(PYTHON) -m venv $(VENV) \
	  && $(PY) -m pip install --disable-pip-version-check --progress-bar on -r requirements.txt; \
	fi
	touch $(STAMP)

figures: $(STAMP)
	$(PY) -m fujian_fpa build

# nbval runs each notebook in a worker of its own (--dist loadfile keeps a notebook's cells together).
test: $(STAMP)
	$(PY) -m pytest -n $(JOBS) --dist loadfile --nbval --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg

check: $(STAMP)
	$(PY) -m fujian_fpa check

report: $(STAMP)
	$(PY) -m fujian_fpa report

# A full-height screenshot of every page of the report, to look at before submitting a change to it.
# Chromium runs with a throwaway profile, removed afterwards.
report-check: report
	@command -v $(CHROMIUM) >/dev/null || { echo "needs Chromium: apt-get install chromium"; exit 1; }
	rm -rf $(SHOTS)
	$(PY) -m fujian_fpa.screenshots build/report $(SHOTS) $(CHROMIUM)

# Regeneration against its floor: prints a table, writes benchmarks/results.json (a few minutes).
bench: $(STAMP)
	$(PY) benchmarks/run.py

# A kernel named for this environment, so that JupyterLab runs the notebooks with the pinned packages.
# JupyterLab reads build/jupyter/custom/custom.css, which gives it the bundled CJK font, so Chinese shows
# on a machine with no CJK font; your own JupyterLab settings and workspaces stay where they were.
LAB_CONFIG := build/jupyter
lab: $(STAMP)
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python ($(KERNEL))"
	$(PY) -m fujian_fpa.webfont $(LAB_CONFIG)
	user=$$($(VENV)/bin/jupyter --config-dir); \
	JUPYTER_CONFIG_DIR=$(CURDIR)/$(LAB_CONFIG) JUPYTERLAB_SETTINGS_DIR=$$user/lab/user-settings \
	  JUPYTERLAB_WORKSPACES_DIR=$$user/lab/workspaces \
	  $(VENV)/bin/jupyter lab --notebook-dir=notebooks --LabApp.custom_css=True $(LAB_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) build
