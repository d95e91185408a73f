# Blue Lamp: `make run` serves the demo site, `make test` runs the whole suite.
# Both create the virtualenv and install what they need on first use.

# The newest Python from 3.13 down to 3.11 on the machine (scripts/find-python says why);
# PYTHON=python3.11 make test, say, to choose. The virtualenv keeps the Python it was made
# with: `make clean` first to change it.
PYTHON ?= $(shell ./scripts/find-python)
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Read by config/settings/dev.py: links in emails and the demo Site's address use this port.
export PORT
# The suite runs on every core (pytest-xdist, one test database per worker; a worker that
# runs out of tests takes some of another's, as browser tests vary from 1 to 15 s); set
# PYTEST_ARGS="-n0 tests/news" (say) to run part of it in one process.
PYTEST_ARGS ?= -n auto --dist worksteal
# Line coverage of the whole run, printed at the end; below 93% (the figure before the suite
# moved to factories) fails. For part of the suite, turn it off: COVERAGE_ARGS= .
COVERAGE_ARGS ?= --cov --cov-report=term --cov-fail-under=93
# The demo users' password. Set your own; this default is for a local demo only.
DEMO_PASSWORD ?= blue-lamp-demo-2026
export DEMO_PASSWORD
# Where the password came from, for the message `make run` prints.
ifeq ($(origin DEMO_PASSWORD),file)
DEMO_PASSWORD_FROM := the Makefile's default, blue-lamp-demo-2026 (set DEMO_PASSWORD to choose your own)
else
DEMO_PASSWORD_FROM := your DEMO_PASSWORD
endif

.PHONY: run test check lint format demo clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"

$(VENV)/.run-installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --group run
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --group test
	touch $@

# axe-core for the accessibility suite and eslint for the lint step, pinned by
# package-lock.json; the stamp skips npm once the lock file is installed.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

run: $(VENV)/.run-installed
	@echo "Migrating the database and loading the demo site..."
	@$(PY) manage.py migrate --noinput --verbosity 0
	@$(PY) manage.py load_demo_content
	@echo "The demo users' password is $(DEMO_PASSWORD_FROM)."
	@echo "Blue Lamp is at http://127.0.0.1:$(PORT)/ and its admin at http://127.0.0.1:$(PORT)/admin/ (Ctrl+C stops it)."
	@$(PY) manage.py runserver 127.0.0.1:$(PORT)

demo: $(VENV)/.run-installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content

test: lint
	./scripts/install-chromium
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(COVERAGE_ARGS) $(PYTEST_ARGS)

# The house style, checked by `make test` and fixed by `make format`: ruff for Python, djhtml
# for the Django templates (test dependency group), eslint for static/js (package-lock.json).
TEMPLATES := templates accounts/templates recruitment/templates
SCRIPTS := static/js recruitment/static/recruitment/js

lint: $(VENV)/.test-installed node_modules/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/djhtml --check $(TEMPLATES)
	node_modules/.bin/eslint $(SCRIPTS)

format: $(VENV)/.test-installed node_modules/.installed
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .
	$(VENV)/bin/djhtml $(TEMPLATES)
	node_modules/.bin/eslint --fix $(SCRIPTS)

clean:
	rm -rf $(VENV) staticfiles
