"""The inputs a check generates: valid cases for a claim, and the one-sample probe.

Summary
    :func:`cases` is a hypothesis strategy of :class:`Case` values that scikit-learn
    accepts for the claimed metric and keyword arguments. With ``num_classes=C`` the labels
    are the integers 0..C-1 only, and a batch usually shows a few of them (so labels absent
    from a batch are common, which is where the label-space conventions differ). With
    torch inputs (no ``num_classes``) the labels are integers. Every case also carries a
    sample order, so permuting it costs one draw.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from metricproofs.testing.claim import CheckClaim
from metricproofs.testing.strategies import (
    binary_label_pairs,
    indicator_pairs,
    label_pairs,
    label_sets,
    sample_weights,
)

__all__ = ["Case", "cases", "probe", "column_bounds"]


@dataclass(frozen=True)
class Case:
    """One generated input: the two label vectors (or indicator rows), optional weights,
    a sample order."""

    y_true: list[Any]
    y_pred: list[Any]
    sample_weight: list[float] | None
    order: list[int]

    def permuted(self) -> Case:
        def take(values: list) -> list:
            return [values[i] for i in self.order]

        weights = None if self.sample_weight is None else take(self.sample_weight)
        return Case(take(self.y_true), take(self.y_pred), weights, list(range(len(self.order))))

    def swapped(self) -> Case:
        return Case(self.y_pred, self.y_true, self.sample_weight, self.order)


def _space_pairs(claim: CheckClaim) -> st.SearchStrategy[tuple[list, list]]:
    """Pairs over 0..C-1: a drawn handful of the labels (shrinking to {0}), or all of them."""
    space = claim.label_space or [0]
    few = st.lists(st.sampled_from(space), min_size=1, max_size=min(len(space), 6), unique=True)
    pools = st.one_of(few, few, few, st.just(space))
    return pools.flatmap(lambda pool: label_pairs(max_size=claim.max_size, pool=sorted(pool)))


def cases(claim: CheckClaim) -> st.SearchStrategy[Case]:
    """Inputs that scikit-learn accepts for the claimed metric and keyword arguments."""

    @st.composite
    def build(draw: st.DrawFn) -> Case:
        if claim.multilabel:
            y_true, y_pred = draw(indicator_pairs(max_rows=claim.max_size, **column_bounds(claim)))
        elif claim.average == "binary" and claim.num_classes is None:
            pos_label = claim.kwargs.get("pos_label", 1)
            y_true, y_pred = draw(binary_label_pairs(max_size=claim.max_size, pos_label=pos_label))
        elif claim.num_classes is not None:
            y_true, y_pred = draw(_space_pairs(claim))
        elif claim.labels is not None:
            # labels= given: draw from those labels plus a few outside them (samples that
            # labels= leaves out), all of the same type.
            pool = draw(label_sets(claim.labels, relation="superset", max_extra=2))
            y_true, y_pred = draw(label_pairs(max_size=claim.max_size, pool=pool))
        elif claim.inputs == "torch":
            y_true, y_pred = draw(label_pairs(max_size=claim.max_size, label_kinds=("small", "sparse")))
        else:
            y_true, y_pred = draw(label_pairs(max_size=claim.max_size))
        size = len(y_true)
        weights = draw(sample_weights(size=size)) if claim.with_sample_weight else None
        return Case(y_true, y_pred, weights, _order(size, draw(st.integers(0, 2**32))))

    return build()


def column_bounds(claim: CheckClaim) -> dict[str, int]:
    """Indicator widths for a multi-label claim: exactly C with num_classes, else at least 2
    columns (scikit-learn reads one column as binary), every column named in labels=, and a
    few columns outside it."""
    if claim.num_classes is not None:
        return {"min_columns": claim.num_classes, "max_columns": claim.num_classes}
    needed = 2 if claim.labels is None else max(2, max(claim.labels) + 1)
    return {"min_columns": needed, "max_columns": max(6, needed + 2)}


def _order(size: int, key: int) -> list[int]:
    """A sample order from one drawn integer: 0 (the shrink target) reverses the samples,
    any other key shuffles them (one draw, however many samples)."""
    order = list(range(size))[::-1]
    if key:
        random.Random(key).shuffle(order)
    return order


def probe(claim: CheckClaim) -> Case:
    """One valid one-sample case for the claim, with every label (column) right."""
    if claim.multilabel:
        row = [1] + [0] * (column_bounds(claim)["min_columns"] - 1)
        return Case([row], [list(row)], None, [0])
    if claim.average == "binary":
        y = [claim.kwargs.get("pos_label", 1)]
    else:
        y = claim.labels[:1] if claim.labels is not None else [0]
    return Case(list(y), list(y), None, [0])
