"""Hypothesis strategies for the inputs of classification metrics.

Summary
    Strategies that generate what a metric function is handed in practice, biased towards
    the cases that break implementations: labels absent from ``y_true``, labels that occur
    only in the predictions, non-contiguous and large label ids (>= 1000), string labels,
    a single sample, a few hundred samples, zero and fractional sample weights, label
    subsets and supersets for ``labels=``, and every ``zero_division`` policy.

Main definitions
    - :func:`label_pools`: a list of distinct labels of one kind (the label set of a dataset).
    - :func:`label_vectors`, :func:`label_pairs`: single-label ``y`` and ``(y_true, y_pred)``.
    - :func:`binary_label_pairs`: two-valued ``(y_true, y_pred)`` for ``average='binary'``.
    - :func:`indicator_matrices`, :func:`indicator_pairs`: multi-label 0/1 rows.
    - :func:`sample_weights`, :func:`label_sets`, :func:`zero_division_values`.

Every strategy returns plain Python lists (not numpy arrays) so that a shrunk
counterexample prints as a call a user can paste. Bounds are keyword-only
(``min_*`` / ``max_*``), as in hypothesis itself, and are validated eagerly with
:class:`metricproofs.errors.UsageError`.
"""

from __future__ import annotations

import math
from typing import Any, Hashable, Sequence

from hypothesis import strategies as st

from metricproofs.errors import UsageError

__all__ = [
    "LABEL_KINDS",
    "ZERO_DIVISION_VALUES",
    "label_pools",
    "label_vectors",
    "label_pairs",
    "binary_label_pairs",
    "indicator_matrices",
    "indicator_pairs",
    "sample_weights",
    "label_sets",
    "zero_division_values",
]

#: The kinds of label a dataset can use. ``"small"``: integers 0..9 (contiguous-ish);
#: ``"sparse"``: non-contiguous integers up to 10**6 (often >= 1000); ``"string"``: short strings.
LABEL_KINDS: tuple[str, ...] = ("small", "sparse", "string")

#: scikit-learn's legal ``zero_division`` values.
ZERO_DIVISION_VALUES: tuple[Any, ...] = ("warn", 0.0, 1.0, math.nan)

_STRING_ALPHABET = "abxyz019"
_WEIGHT_KINDS = ("integer", "float")


def _check_bounds(name: str, low: int, high: int, *, floor: int) -> None:
    """Raise a clear :class:`UsageError` unless ``floor <= low <= high`` (whole numbers)."""
    for label, value in ((f"min_{name}", low), (f"max_{name}", high)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise UsageError(f"{label} must be a whole number, got {value!r}")
    if low < floor:
        raise UsageError(f"min_{name} must be >= {floor}, got {low!r}")
    if high < low:
        raise UsageError(f"max_{name} must be >= min_{name} ({low!r}), got {high!r}")


def _check_kinds(label_kinds: Sequence[str]) -> tuple[str, ...]:
    kinds = tuple(label_kinds)
    if not kinds:
        raise UsageError(f"label_kinds must name at least one of {LABEL_KINDS!r}, got {label_kinds!r}")
    for kind in kinds:
        if kind not in LABEL_KINDS:
            raise UsageError(f"unknown label kind {kind!r}; expected one of {LABEL_KINDS!r}")
    return kinds


def _labels_of_kind(kind: str) -> st.SearchStrategy[Hashable]:
    """Single labels of one kind; each shrinks towards a small, simple label."""
    if kind == "small":
        return st.integers(min_value=0, max_value=9)
    if kind == "sparse":
        return st.integers(min_value=0, max_value=10**6)
    return st.text(alphabet=_STRING_ALPHABET, min_size=1, max_size=4)


def label_pools(
    *,
    min_labels: int = 1,
    max_labels: int = 6,
    label_kinds: Sequence[str] = LABEL_KINDS,
) -> st.SearchStrategy[list[Hashable]]:
    """Lists of distinct labels, all of one kind (never ints mixed with strings).

    The kind is drawn first, so a shrunk example uses the first kind in ``label_kinds``
    when the failure does not depend on it.
    """
    _check_bounds("labels", min_labels, max_labels, floor=1)
    kinds = _check_kinds(label_kinds)
    return st.sampled_from(kinds).flatmap(
        lambda kind: st.lists(_labels_of_kind(kind), min_size=min_labels, max_size=max_labels, unique=True)
    )


def _sized_lists(element: st.SearchStrategy[Any], min_size: int, max_size: int) -> st.SearchStrategy[list]:
    """Lists of ``min_size..max_size`` elements where long lists really occur.

    ``st.lists`` alone averages a handful of elements. One draw in four here is long
    (upper half of the size range): a short drawn pattern repeated to a drawn length.
    Few choices describe it, so hypothesis shrinks it quickly (shrinking hundreds of
    individually drawn samples took minutes), and its length shrinks to the smallest
    size that still fails, which is what a size-dependent bug needs.
    """
    upper = max(min_size, max_size // 2, 1)
    if max_size < 1:
        return st.lists(element, min_size=min_size, max_size=max_size)
    patterns = st.lists(element, min_size=1, max_size=8)
    long = st.tuples(patterns, st.integers(min_value=upper, max_value=max_size)).map(_repeat)

    def sized(branch: str) -> st.SearchStrategy[list]:
        return long if branch == "long" else st.lists(element, min_size=min_size, max_size=max_size)

    return st.sampled_from(("any", "any", "any", "long")).flatmap(sized)


def _repeat(pattern_and_length: tuple[list, int]) -> list:
    pattern, length = pattern_and_length
    return (pattern * (length // len(pattern) + 1))[:length]


def label_vectors(
    *,
    min_size: int = 1,
    max_size: int = 200,
    min_labels: int = 1,
    max_labels: int = 6,
    label_kinds: Sequence[str] = LABEL_KINDS,
) -> st.SearchStrategy[list[Hashable]]:
    """Single-label vectors ``y`` with ``min_size..max_size`` entries from one label pool."""
    _check_bounds("size", min_size, max_size, floor=0)
    pools = label_pools(min_labels=min_labels, max_labels=max_labels, label_kinds=label_kinds)
    return pools.flatmap(lambda pool: _sized_lists(st.sampled_from(pool), min_size, max_size))


def _pairs_over_pool(pool: Sequence[Hashable], min_size: int, max_size: int) -> st.SearchStrategy[tuple[list, list]]:
    """``y_true`` from the pool; each prediction either copies the truth or is any pool label.

    Copying keeps accuracies spread over [0, 1] rather than near 1/k. Each sample is one
    integer (a draw per sample keeps generation of a few hundred samples cheap) that
    shrinks towards 0 = (first label, prediction copied), so shrinking removes whole
    samples and makes the rest simple and correct unless wrongness matters.
    """
    labels = list(pool)
    width = len(labels) + 1  # the prediction: copy the truth, or one of the labels
    codes = st.integers(min_value=0, max_value=len(labels) * width - 1)

    def decode(sample_codes: list[int]) -> tuple[list, list]:
        y_true: list[Hashable] = []
        y_pred: list[Hashable] = []
        for code in sample_codes:
            truth, pick = labels[code // width], code % width
            y_true.append(truth)
            y_pred.append(truth if pick == 0 else labels[pick - 1])
        return y_true, y_pred

    return _sized_lists(codes, min_size, max_size).map(decode)


def label_pairs(
    *,
    min_size: int = 1,
    max_size: int = 200,
    min_labels: int = 1,
    max_labels: int = 6,
    label_kinds: Sequence[str] = LABEL_KINDS,
    pool: Sequence[Hashable] | None = None,
) -> st.SearchStrategy[tuple[list[Hashable], list[Hashable]]]:
    """Pairs ``(y_true, y_pred)`` of equal length for single-label classification.

    Labels are drawn per pair from one pool (or from ``pool`` when given), so some labels
    occur in both vectors, some only in ``y_true``, some only in ``y_pred``, some in neither.
    """
    _check_bounds("size", min_size, max_size, floor=0)
    if pool is not None:
        if len(pool) == 0:
            raise UsageError("pool must hold at least one label, got an empty sequence")
        return _pairs_over_pool(list(pool), min_size, max_size)
    pools = label_pools(min_labels=min_labels, max_labels=max_labels, label_kinds=label_kinds)
    return pools.flatmap(lambda labels: _pairs_over_pool(labels, min_size, max_size))


def binary_label_pairs(
    *,
    min_size: int = 1,
    max_size: int = 200,
    pos_label: Hashable = 1,
) -> st.SearchStrategy[tuple[list[Hashable], list[Hashable]]]:
    """Pairs over exactly two labels, ``pos_label`` and one negative label of the same type.

    For ``average='binary'``: scikit-learn needs at most two distinct labels, one of them
    ``pos_label`` when both occur.
    """
    if isinstance(pos_label, str):
        negative: Hashable = f"not-{pos_label}"
    elif isinstance(pos_label, int) and not isinstance(pos_label, bool):
        negative = 0 if pos_label != 0 else 1
    else:
        raise UsageError(f"pos_label must be an int or a str, got {pos_label!r}")
    return label_pairs(min_size=min_size, max_size=max_size, pool=[negative, pos_label])


def indicator_matrices(
    *,
    min_rows: int = 1,
    max_rows: int = 50,
    min_columns: int = 1,
    max_columns: int = 6,
    columns: int | None = None,
) -> st.SearchStrategy[list[list[int]]]:
    """Multi-label 0/1 indicator matrices (rows = samples, columns = labels), as lists.

    Rows may be all zeros (a sample with no label) or all ones.
    """
    _check_bounds("rows", min_rows, max_rows, floor=0)
    _check_bounds("columns", min_columns, max_columns, floor=1)

    @st.composite
    def build(draw: st.DrawFn) -> list[list[int]]:
        width = columns if columns is not None else draw(st.integers(min_columns, max_columns))
        rows = draw(st.integers(min_value=min_rows, max_value=max_rows))
        row = st.lists(st.integers(0, 1), min_size=width, max_size=width)
        return draw(st.lists(row, min_size=rows, max_size=rows))

    return build()


def indicator_pairs(
    *,
    min_rows: int = 1,
    max_rows: int = 50,
    min_columns: int = 1,
    max_columns: int = 6,
) -> st.SearchStrategy[tuple[list[list[int]], list[list[int]]]]:
    """Pairs of indicator matrices of the same shape: ``(y_true, y_pred)``.

    Each predicted row copies its true row, differs from it in one label, or is any row,
    one third each, so subset accuracy is spread over [0, 1] rather than near 0. Each row
    pair is one integer (a draw per cell made a few hundred rows slow to generate and to
    shrink) that shrinks towards 0 = (no true label, prediction copied); long matrices
    occur as in :func:`label_pairs`. The row codes do not depend on the drawn width (the
    columns past it are cut off), so the width shrinks without invalidating the rows.
    """
    _check_bounds("rows", min_rows, max_rows, floor=0)
    _check_bounds("columns", min_columns, max_columns, floor=1)
    distinct = 1 << max_columns  # distinct 0/1 rows of the widest matrix
    codes = st.integers(min_value=0, max_value=distinct * 3 * distinct - 1)

    @st.composite
    def build(draw: st.DrawFn) -> tuple[list[list[int]], list[list[int]]]:
        width = draw(st.integers(min_columns, max_columns))
        mask = (1 << width) - 1
        y_true: list[list[int]] = []
        y_pred: list[list[int]] = []
        for code in draw(_sized_lists(codes, min_rows, max_rows)):
            truth, rest = divmod(code, 3 * distinct)
            how, value = divmod(rest, distinct)
            y_true.append(_bits(truth & mask, width))
            y_pred.append(_bits(_predicted_row(truth & mask, how, value & mask, width), width))
        return y_true, y_pred

    return build()


def _predicted_row(truth: int, how: int, value: int, width: int) -> int:
    """``how`` 0 copies the true row, 1 flips label ``value % width`` of it, 2 is row ``value``."""
    if how == 0:
        return truth
    if how == 1:
        return truth ^ (1 << (value % width))
    return value


def _bits(row: int, width: int) -> list[int]:
    """The 0/1 row of ``width`` columns whose column ``j`` is bit ``j`` of ``row``."""
    return [(row >> j) & 1 for j in range(width)]


def sample_weights(
    *,
    size: int,
    kinds: Sequence[str] = _WEIGHT_KINDS,
    max_value: float = 100.0,
    allow_all_zero: bool = False,
) -> st.SearchStrategy[list[float]]:
    """Non-negative sample weights of length ``size``: integers, floats, and zeros.

    Zeros are frequent (the first choice of each weight, so shrinking reaches them).
    Floats are non-subnormal and finite. With ``allow_all_zero=False`` at least one
    weight is positive, so the weighted sample count N is > 0.
    """
    if not isinstance(size, int) or size < 0:
        raise UsageError(f"size must be a whole number >= 0, got {size!r}")
    chosen = tuple(kinds)
    if not chosen or any(kind not in _WEIGHT_KINDS for kind in chosen):
        raise UsageError(f"kinds must be a non-empty subset of {_WEIGHT_KINDS!r}, got {kinds!r}")
    if not max_value > 0 or math.isinf(max_value):
        raise UsageError(f"max_value must be a finite number > 0, got {max_value!r}")

    options: list[st.SearchStrategy[float]] = [st.just(0)]
    if "integer" in chosen:
        options.append(st.integers(min_value=1, max_value=max(1, int(max_value))))
    if "float" in chosen:
        options.append(st.floats(min_value=0.0, max_value=max_value, allow_nan=False,
                                 allow_infinity=False, allow_subnormal=False))
    weights = st.lists(st.one_of(*options), min_size=size, max_size=size)
    if allow_all_zero or size == 0:
        return weights
    return weights.map(_ensure_positive)


def _ensure_positive(weights: list[float]) -> list[float]:
    """Make the last weight 1 when every weight is zero (a map, so nothing is rejected)."""
    if sum(weights) > 0:
        return weights
    return weights[:-1] + [1]


def label_sets(
    present: Sequence[Hashable],
    *,
    relation: str = "superset",
    max_extra: int = 3,
) -> st.SearchStrategy[list[Hashable]]:
    """Values for ``labels=`` relative to the labels ``present`` in the data.

    ``relation="superset"``: every present label plus up to ``max_extra`` absent ones of the
    same kind, in any order (the micro identities still hold). ``relation="subset"``: a
    non-empty proper-or-improper subset (the identities may fail: scikit-learn's ``labels=``).
    """
    labels = list(dict.fromkeys(present))
    if relation not in ("superset", "subset"):
        raise UsageError(f"relation must be 'superset' or 'subset', got {relation!r}")
    if not labels:
        raise UsageError("present must hold at least one label, got an empty sequence")
    if relation == "subset":
        return st.lists(st.sampled_from(labels), min_size=1, max_size=len(labels), unique=True)
    if not isinstance(max_extra, int) or max_extra < 0:
        raise UsageError(f"max_extra must be a whole number >= 0, got {max_extra!r}")
    kind = "string" if isinstance(labels[0], str) else "sparse"
    extra = _labels_of_kind(kind).filter(lambda label: label not in labels)
    return st.lists(extra, max_size=max_extra, unique=True).flatmap(
        lambda more: st.permutations(labels + more)
    ).map(list)


def zero_division_values() -> st.SearchStrategy[Any]:
    """scikit-learn's ``zero_division`` values: ``"warn"``, ``0.0``, ``1.0`` and ``nan``."""
    return st.sampled_from(ZERO_DIVISION_VALUES)
