# Every target creates .venv on first use; a second run installs nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: prove test paper bench coq mutation clean site conformance

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

prove: $(STAMP)
	$(BIN)/metricproofs prove

# One worker per core; a file's tests stay on one worker, so its expensive fixtures (the Coq build,
# scikit-learn's suite runs) are built once.
test: $(STAMP)
	$(BIN)/python -m pytest -q -n auto --dist loadfile

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

paper: $(STAMP)
	$(BIN)/metricproofs paper

coq:
	$(MAKE) -C proofs/coq

# The teaching site from a fresh prove run, then screenshots to look at (not committed).
# Exit code of the prove run kept (3: some verdict unknown), but the screenshots are written either way.
site: $(STAMP)
	$(BIN)/metricproofs site build/site; code=$$?; \
	$(BIN)/python tests/artefacts/_browser.py build/site build/site-screenshots micro-subset-precision-equals-recall \
	    && exit $$code

# A fresh run (6105 mutants; the per-module runs of 2026-12-02 took 46 min together on 2 shared cores): cached verdicts could outlive the tests that made them.
mutation: $(STAMP)
	$(BIN)/python -m pip install --quiet 'mutmut>=3.8'
	rm -rf mutants
	CI=true $(BIN)/mutmut run
	$(BIN)/python tools/mutation_score.py

# Real libraries against scikit-learn's meaning (not part of `make test`): its own venv, since torch is
# large. torch 2.13.0 is pinned to the CPU wheel; the run rewrites conformance/RESULTS.md and .json.
CONFORMANCE_VENV := .venv-conformance
CONFORMANCE_STAMP := $(CONFORMANCE_VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

$(CONFORMANCE_STAMP): pyproject.toml
	$(PYTHON) -m venv $(CONFORMANCE_VENV)
	$(CONFORMANCE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(CONFORMANCE_VENV)/bin/python -m pip install --quiet torch==2.13.0 torchmetrics torcheval pytorch-ignite pycm mlxtend scikit-learn
	$(CONFORMANCE_VENV)/bin/python -m pip install --quiet -e '.[test]'
	rm -f $(CONFORMANCE_VENV)/.installed-*
	touch $(CONFORMANCE_STAMP)

conformance: $(CONFORMANCE_STAMP)
	$(CONFORMANCE_VENV)/bin/python conformance/run.py

clean:
	rm -rf $(VENV) .pytest_cache build dist
