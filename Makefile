# Briefing: `make site` to build, `make test` to test. Everything else is optional.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SCORER ?= ../shared/eval/score_corpus.py
SHARED_PASTES ?= ../shared/corpus/pastes
# PolNeAR's train split, built outside the project (third-party text): see README, "Quotes"
POLNEAR ?= ../polnear-data

.PHONY: site test eval bench fuzz screenshots serve publish lint clean

$(BIN)/briefing: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/briefing package.json package-lock.json
	$(BIN)/python -m pip install --quiet -e '.[test]'
	./scripts/install-system-deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

site: $(BIN)/briefing  ## create .venv, install, build output/ from content/
	$(BIN)/briefing build

test: $(VENV)/.test-deps  ## install test tools (Chromium, poppler) where missing and run every test
	$(BIN)/python -m pytest

eval: $(BIN)/briefing  ## cleaning, quote and link figures against our labelled sets
	$(BIN)/briefing clean --evaluate tests/cases/clean tests/cases/holdout | tail -n 1
	$(BIN)/briefing quotes --evaluate tests/cases/quotes/eval.quotes tests/cases/quotes/holdout.quotes
	-$(BIN)/briefing links --evaluate tests/cases/corpus tests/cases/pastes-dev tests/cases/pastes-holdout tests/cases/pastes-blind8 \
	  $(wildcard $(SHARED_PASTES))
	@# Pastes in the shared label format, scored by the shared scorer when it is beside the project
	@if [ -f $(SCORER) ]; then for set in $(SHARED_PASTES) tests/cases/pastes-dev tests/cases/pastes-holdout tests/cases/pastes-quotes-holdout tests/cases/pastes-clean-holdout tests/cases/pastes-clean-dev2 tests/cases/pastes-quotes-blind tests/cases/pastes-blind5 tests/cases/pastes-blind6 tests/cases/pastes-blind7 tests/cases/pastes-blind8 tests/cases/pastes-blind9; do \
	  [ -d $$set ] && printf '%-28s ' "$$set" && $(PYTHON) $(SCORER) clean $$set | tail -n 1; done; \
	else echo "($(SCORER) not found: shared corpus figures skipped)"; fi
	@if [ -f $(SCORER) ]; then for set in $(SHARED_PASTES) tests/cases/pastes-dev tests/cases/pastes-holdout tests/cases/pastes-quotes-holdout tests/cases/pastes-clean-holdout tests/cases/pastes-clean-dev2 tests/cases/pastes-quotes-blind tests/cases/pastes-blind5 tests/cases/pastes-blind6 tests/cases/pastes-blind7 tests/cases/pastes-blind8 tests/cases/pastes-blind9; do \
	  [ -d $$set ] && printf '%-28s ' "$$set" && $(PYTHON) $(SCORER) quotes $$set | tail -n 1; done; fi
	@# Quotes and speakers on real news: PolNeAR's train split, when it has been built
	@if [ -f $(POLNEAR)/train.jsonl ]; then echo "PolNeAR train split ($(POLNEAR)/train.jsonl):"; \
	  $(PYTHON) $(POLNEAR)/run_briefing.py $(POLNEAR)/train.jsonl | grep -v '^exact'; \
	else echo "(PolNeAR figures skipped: no $(POLNEAR)/train.jsonl. To build it: fetch a git copy of"; \
	  echo " networkdynamics/PolNeAR, then ../shared/eval/polnear/setup.sh GIT_DIR $(POLNEAR);"; \
	  echo " or pass POLNEAR=/path/to/folder. Keep it outside the project: it is third-party text.)"; fi

bench: $(BIN)/briefing  ## timings: medians and side-by-side ratios (see docs/performance.md)
	$(BIN)/python scripts/bench.py

fuzz: $(VENV)/.test-deps  ## 100,000 examples per property over parse, clean and quotes (minutes)
	BRIEFING_FUZZ_EXAMPLES=100000 $(BIN)/python -m pytest -q -p no:randomly tests/test_fuzz.py

screenshots: $(VENV)/.test-deps site  ## docs/screenshots/*.png from the real build (headless Chromium)
	$(BIN)/python scripts/screenshots.py

serve: $(BIN)/briefing  ## preview on http://127.0.0.1:8000/ with rebuilds on change
	$(BIN)/briefing serve

publish: $(BIN)/briefing  ## build the publishable site (set BRIEFING_SITEURL)
	$(BIN)/briefing --settings publishconf.py build

lint: $(VENV)/.test-deps
	$(BIN)/ruff check generator tests
	$(BIN)/mypy

clean:
	rm -rf output .output.* $(VENV)
