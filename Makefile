# The two commands of the README: `make serve` and `make test`. Each sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
# Material 9.8 prints an end-of-life banner on every build (see README, Maintenance); it would
# bury the data errors that editors read in the same output.
export NO_MKDOCS_2_WARNING := 1

# CI (which sets CI=true) installs the exact versions of constraints.txt, so that a release
# upstream cannot change a scheduled build; a developer's `make` follows pyproject.toml.
CONSTRAINTS := $(if $(CI),-c constraints.txt)

.PHONY: serve test build validate schema lint clean constraints \
	check-internal check-changed check-external fetch-link-report pages \
	code-quality-report fix-redirects check-repos committed-outputs

# --dirty: an edit rebuilds only the pages it changes (hooks/site.py rebuilds the rest when
# the navigation or the problems change); bench/rebuild.py measures it.
SERVE_OPTIONS := --dirty
serve: $(READY)  ## Serve the site on http://127.0.0.1:8000, rebuilt on every edit
	$(BIN)/mkdocs serve $(SERVE_OPTIONS) --dev-addr 127.0.0.1:8000

test: $(READY)  ## Run every test, ruff and mypy included
	@sh .ci/ensure-chromium
	$(BIN)/pytest

build: $(READY)  ## Build the site into site/, failing on any warning
	$(BIN)/mkdocs build --strict

validate: $(READY) committed-outputs  ## Check data/*.yaml: every problem at file:line:col, formatting, YAML style
	$(BIN)/deepscopie validate
	$(BIN)/deepscopie fmt --check
	$(BIN)/yamllint --strict data

# What .gitignore keeps out of the repository (the link report, generated pages, site/) but a
# commit added anyway (git add -f): a merge request's link-report.json would be read by its
# preview and, with no published report to fetch, by the published site, unchecked, saying
# its links are fine. The link reports are named too: a merge request may change .gitignore.
# In CI, a checkout git cannot read (another owner) fails rather than passing unchecked;
# elsewhere (a tarball) there is nothing to check.
LINK_REPORTS := link-report.json link-report.md link-report.html link-report.junit.xml
committed-outputs:
	@if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  if [ -n "$(CI)" ]; then git rev-parse --is-inside-work-tree; exit 1; fi; \
	else \
	  files="$$( { git ls-files --cached --ignored --exclude-standard; \
	    git ls-files --cached -- $(LINK_REPORTS); } | sort -u)"; \
	  if [ -n "$$files" ]; then \
	    echo "Fichiers ignorés par .gitignore mais suivis par git (à retirer : git rm --cached FICHIER) :"; \
	    echo "Files that .gitignore excludes but git tracks (remove them: git rm --cached FILE):"; \
	    printf '%s\n' "$$files" | sed 's/^/  /'; \
	    exit 1; \
	  fi; \
	fi

# CI (merge requests): the data's problems as a GitLab Code Quality report, shown in the merge
# request; `make validate` then fails the job on them.
code-quality-report: $(READY)
	-$(BIN)/deepscopie validate --format codequality --output gl-code-quality-report.json

schema: $(READY)  ## Regenerate schemas/*.json after a change to deepscopie/model.py
	$(BIN)/deepscopie schema

check-internal: build  ## Every link and anchor inside the built site (both languages)
	$(BIN)/deepscopie check-links --internal-only --site site

# Merge requests: only the URLs the change adds or modifies (CHANGED_SINCE: the target branch).
CHANGED_SINCE ?= origin/main
check-changed: $(READY)
	$(BIN)/deepscopie check-links --changed-since $(CHANGED_SINCE) --markdown link-report.md \
	  --junit link-report.junit.xml

# Scheduled: every external URL, with the history of earlier runs in link-report.json.
check-external: $(READY)
	$(BIN)/deepscopie check-links --report link-report.json \
	  --markdown link-report.md --html link-report.html --junit link-report.junit.xml

# Scheduled, before check-external: last activity, archived flag, latest release and licence of
# the data's GitHub/GitLab repositories, into link-report.json (GITHUB_TOKEN/GITLAB_TOKEN raise
# the APIs' rate limits; without them, what a limit leaves waits for the next run).
check-repos: $(READY)
	$(BIN)/deepscopie check-repos --report link-report.json

# Scheduled, after check-external: permanent redirects (301/308) seen on two runs rewritten in
# data/ (comments and layout kept), as redirects.diff for a maintainer to apply with
# `git apply`; nothing is committed. The check's fresh results are reused, not fetched again.
fix-redirects: $(READY)
	-$(BIN)/deepscopie check-links --report link-report.json --fix-redirects
	git diff -- data > redirects.diff

# CI: the previous link report, from the published site ($CI_PAGES_URL/link-report.json) or
# else the pipeline cache (.cache/link-report/); no token needed. The log says where from.
fetch-link-report: $(READY)
	$(BIN)/deepscopie fetch-link-report

# GitLab Pages: the site in public/, with link health when link-report.json is there, and a
# compressed copy of each file of text, which Pages serves in its place (deepscopie/precompress.py).
pages: $(READY)
	$(BIN)/mkdocs build --strict --site-dir public
	$(BIN)/deepscopie precompress public

lint: $(READY)
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

clean:
	rm -rf $(VENV) site docs/generated .pytest_cache .mypy_cache .ruff_cache .deepscopie-search-*

$(READY): pyproject.toml $(if $(CI),constraints.txt)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || sh .ci/ensure-venv "$(PYTHON)" "$(VENV)"
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]' $(CONSTRAINTS)
	@touch $@

# After a change of dependencies in pyproject.toml: pin what the tests passed with.
constraints: $(READY)
	@{ echo "# The versions CI installs (make constraints, after a change to pyproject.toml)."; \
	  $(BIN)/python -m pip freeze --exclude-editable; } > constraints.txt
