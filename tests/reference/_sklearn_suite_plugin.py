"""A pytest plugin, loaded with ``-p`` in a subprocess, that runs scikit-learn's own metric tests.

Summary
-------
Mode ``sklearn`` runs them as shipped; mode ``reference`` first puts metricproofs.reference's
ten functions wherever scikit-learn's modules hold scikit-learn's (``sklearn.metrics``,
``sklearn.metrics._classification``, whose other metrics then call the reference, every other
``sklearn.*`` module that imported them, and the scorers' score functions), before any test
module is imported, so the test modules' own imports and their tables of metrics get the
reference too. In both modes each of the ten is wrapped in a thin recorder, so the run knows
which tests reach one of them ("relevant" tests) and, in mode ``reference``, that the
reference really was called. After collection, mode ``reference`` also lists anything that
still holds one of scikit-learn's ten functions (``leaks``: a module global, a scorer, a
test's parameters), which would let scikit-learn's code run in a test counted as passing on
the reference.

The environment passes the mode (``METRICPROOFS_SUITE_MODE``), where to write the outcome
of every test as JSON (``METRICPROOFS_SUITE_OUT``) and, optionally, a JSON list of node ids
to run (``METRICPROOFS_SUITE_SELECT``; others are deselected).
"""

from __future__ import annotations

import functools
import json
import os
import sys
import types
from typing import Any, Callable

import pytest

import sklearn.metrics
import sklearn.metrics._classification
import sklearn.metrics._scorer

PATCHED = (
    "accuracy_score",
    "balanced_accuracy_score",
    "confusion_matrix",
    "f1_score",
    "fbeta_score",
    "jaccard_score",
    "multilabel_confusion_matrix",
    "precision_recall_fscore_support",
    "precision_score",
    "recall_score",
)
"""The ten functions metricproofs.reference provides under scikit-learn's names."""

MODE = os.environ.get("METRICPROOFS_SUITE_MODE", "sklearn")
_reached: set[str] = set()
_outcomes: dict[str, dict[str, Any]] = {}


def _recording(fn: Callable[..., Any], name: str) -> Callable[..., Any]:
    """``fn`` with a note that the current test reached ``name`` (signature kept)."""

    @functools.wraps(fn)
    def recorded(*args: Any, **kwargs: Any) -> Any:
        _reached.add(name)
        return fn(*args, **kwargs)

    return recorded


_ORIGINALS = {name: getattr(sklearn.metrics._classification, name) for name in PATCHED}


def _replacements() -> dict[int, Callable[..., Any]]:
    """id(scikit-learn's function) -> the recorded function to use in its place."""
    originals = _ORIGINALS
    if MODE == "reference":
        import metricproofs.reference as ref

        chosen = {name: getattr(ref, name) for name in PATCHED}
    elif MODE == "sklearn":
        chosen = originals
    else:
        raise ValueError(f"METRICPROOFS_SUITE_MODE must be 'sklearn' or 'reference'; got {MODE!r}")
    return {id(originals[name]): _recording(chosen[name], name) for name in PATCHED}


def _patch_modules(table: dict[int, Callable[..., Any]]) -> int:
    """Replace every module-level reference (and scorer score function) in ``sklearn.*``."""
    scorer_type = sklearn.metrics._scorer._BaseScorer
    replaced = 0
    for mod_name, module in list(sys.modules.items()):
        if not (mod_name == "sklearn" or mod_name.startswith("sklearn.")) or module is None:
            continue
        for attr, value in list(vars(module).items()):
            if id(value) in table and callable(value):
                setattr(module, attr, table[id(value)])
                replaced += 1
            elif isinstance(value, scorer_type) and id(value._score_func) in table:
                value._score_func = table[id(value._score_func)]
                replaced += 1
            elif isinstance(value, dict):
                for item in value.values():
                    if isinstance(item, scorer_type) and id(item._score_func) in table:
                        item._score_func = table[id(item._score_func)]
                        replaced += 1
    return replaced


_TABLE = _replacements()
_patch_modules(_TABLE)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep only the selected node ids (when a selection is given)."""
    path = os.environ.get("METRICPROOFS_SUITE_SELECT")
    if not path:
        return
    with open(path, encoding="utf-8") as fh:
        wanted = set(json.load(fh))
    keep = [item for item in items if item.nodeid in wanted]
    config.hook.pytest_deselected(items=[item for item in items if item.nodeid not in wanted])
    items[:] = keep


def pytest_collection_finish(session: pytest.Session) -> None:
    """Patch again: modules imported during collection may have taken the originals; then
    (mode ``reference``) note anything that still holds one of scikit-learn's ten functions."""
    _patch_modules(_TABLE)
    if MODE == "reference":
        _leaks.extend(_holders_of_originals())


_leaks: list[str] = []


def _holders_of_originals() -> list[str]:
    """What still refers to one of scikit-learn's ten functions after patching (this module's
    own table aside): a module global, a table of metrics, a test's parameters... Each would
    let a test run scikit-learn's code while counted as the reference's."""
    import gc

    found = []
    for name in PATCHED:  # no comprehension or items() tuple here: each would hold the function too
        fn = _ORIGINALS[name]
        for holder in gc.get_referrers(fn):
            if holder is _ORIGINALS or holder is globals() or isinstance(holder, types.FrameType):
                continue
            label = holder.get("__name__", "not a module") if isinstance(holder, dict) else ""
            found.append(f"{name}: a {type(holder).__name__} {label}".rstrip())
        del fn
    return found


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    """Record which of the ten functions a test reached, setup to teardown."""
    _reached.clear()
    result = yield
    _outcomes.setdefault(item.nodeid, {"outcome": "passed"})["reached"] = sorted(_reached)
    return result


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Outcome per test: the first of error (setup/teardown), failed, skipped, xfailed, passed."""
    entry = _outcomes.setdefault(report.nodeid, {"outcome": "passed"})
    entry["seconds"] = entry.get("seconds", 0.0) + report.duration
    if report.when != "call" and report.failed:
        entry["outcome"] = "error"
    elif report.skipped:
        xfail = hasattr(report, "wasxfail")
        if entry["outcome"] == "passed":
            entry["outcome"] = "xfailed" if xfail else "skipped"
    elif report.when == "call":
        if report.failed:
            entry["outcome"] = "failed"
            entry["message"] = report.longreprtext[-2000:]
        elif hasattr(report, "wasxfail"):
            entry["outcome"] = "xpassed"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Write every outcome to the JSON file the harness reads."""
    out = os.environ.get("METRICPROOFS_SUITE_OUT")
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            json.dump({"mode": MODE, "exitstatus": int(exitstatus), "tests": _outcomes, "leaks": _leaks}, fh)
