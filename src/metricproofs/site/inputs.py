"""Everything the site is rendered from, gathered in one value.

The renderers are pure functions of a :class:`SiteInputs`: the catalogue's claims, the
JSON of a real ``prove`` run (DESIGN section 4), the bibliography, the certificate files
and Coq theorems that re-check each claim, and the worked example. The build step
(:mod:`metricproofs.site.build`) fills it from the source tree; tests may fill it from the
committed paper/generated/prove.json.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

__all__ = ["SiteInputs", "Counterexample", "results_by_id", "single_label_matrix", "MAX_PLAYGROUND_CLASSES"]

#: the playground's largest matrix (DESIGN section 7: k = 2..8)
MAX_PLAYGROUND_CLASSES = 8


@dataclass(frozen=True)
class SiteInputs:
    """The inputs of every page (see the module docstring)."""

    claims: Sequence[Any]  #: metricproofs.catalogue.Claim, in catalogue order
    prove: Mapping[str, Any]  #: a ``prove --json`` object
    version: str
    results_note: str  #: where the prove results come from, in words
    bib: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  #: key -> fields (site.bib)
    #: claim id -> certificate paths relative to proofs/smt2 (copied into the site)
    certificates: Mapping[str, Sequence[str]] = field(default_factory=dict)
    #: claim id -> [(Coq theorem, qualifier, file name)] from the ``(* catalogue: id *)`` tags
    coq: Mapping[str, Sequence[tuple[str, str, str]]] = field(default_factory=dict)
    coq_files: Sequence[str] = ()  #: Coq source file names copied into the site
    worked: Mapping[str, Any] | None = None  #: metricproofs.examples.worked_example()


@dataclass(frozen=True)
class Counterexample:
    """A single-label counterexample as the playground takes it: a matrix and a label subset."""

    matrix: list[list[int]]
    labels: list[int] | None  #: label indices of S, or None for every label


def results_by_id(prove: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """The results of a prove run by claim id."""
    return {result["id"]: result for result in prove.get("results", [])}


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def single_label_matrix(counterexample: Mapping[str, Any] | None) -> Counterexample | None:
    """The confusion matrix of a single-label counterexample with whole-number weights, or None.

    None for multi-label indicator rows, labels that are not indices 0..7, and weights that
    are not whole numbers (the playground's cells are counts).
    """
    if not counterexample:
        return None
    y_true, y_pred = counterexample.get("y_true") or [], counterexample.get("y_pred") or []
    labels = counterexample.get("labels")
    every = [*y_true, *y_pred, *(labels or [])]
    if not y_true or len(y_true) != len(y_pred) or any(_whole(x) is None or _whole(x) < 0 for x in every):
        return None
    k = max(2, max(_whole(x) for x in every) + 1)
    if k > MAX_PLAYGROUND_CLASSES:
        return None
    weights = counterexample.get("sample_weight")
    if weights is None:
        weights = [1] * len(y_true)
    if len(weights) != len(y_true) or any(_whole(w) is None or _whole(w) < 0 for w in weights):
        return None
    matrix = [[0] * k for _ in range(k)]
    for t, p, w in zip(y_true, y_pred, weights):
        matrix[_whole(t)][_whole(p)] += _whole(w)
    subset = None if labels is None else sorted({_whole(x) for x in labels})
    return Counterexample(matrix, subset)
