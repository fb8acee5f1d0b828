"""Counting: the k x k confusion matrix of a stream of record batches.

Summary
    :class:`Tally` turns each :class:`~metricproofs.scoring.reading.Batch` into integer
    label arrays and adds the batch's joint (true, pred) table, counted by the reference
    implementation's counting pass (:mod:`metricproofs.reference`: one chunked
    ``np.bincount`` over ``t * k + p``), into a running matrix. Integer labels are counted
    as they are; text labels arrive dictionary-encoded from the reader, and only the small
    dictionary is looked at in Python (labels are stripped of surrounding whitespace and
    given a code the first time they are seen). Memory is the batch plus the k x k matrix.

    Labels are integers when the columns hold integers (or floats with integral values),
    else text; text labels that all spell distinct integers (``"3"``, ``" 17"``) become
    integers, as the old reader did. Integer labels sort numerically, text labels as text.

    A label *occurs* when some row carries it, whatever that row's weight (scikit-learn's
    label set); in a pre-aggregated table (``counts=True``) a row with count 0 stands for no
    rows at all, so it is skipped.

Main definitions
    :class:`Tally`, :data:`MAX_LABELS`, :class:`Where`.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from metricproofs import reference as ref
from metricproofs.errors import InputError
from metricproofs.scoring.reading import Batch, Columns

__all__ = ["Tally", "Where", "MAX_LABELS", "EXACT_LIMIT"]

MAX_LABELS = 4096
"""Most distinct labels scored: the dense matrix then takes at most 128 MiB."""

EXACT_LIMIT = 2.0**53
"""Integer weights sum exactly in float64 below this total."""

_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")


@dataclass(frozen=True)
class Where:
    """How messages name the input and its rows: files count data rows from 1, tables from 0."""

    source: str
    first: int = 1
    empty: str = "an empty"  #: how a missing label is described ('an empty' in CSV, 'a null' elsewhere)

    def row(self, position: int) -> str:
        """``FILE: data row 3`` (files) or ``the table: row 2`` (in-memory tables)."""
        word = "data row" if self.first == 1 else "row"
        return f"{self.source}: {word} {position + self.first}"


def _first(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])


def _pc() -> Any:
    """pyarrow.compute, imported on first use: building its functions takes about 30 ms, and
    integer or dictionary-encoded labels (CSV text, Parquet strings) never need it."""
    import pyarrow.compute

    return pyarrow.compute


def _numpy(arr: pa.Array) -> np.ndarray:
    """A numeric arrow array as numpy: a read-only view of its data buffer when it is integer or
    floating without nulls, else pyarrow's copy. (pyarrow's ``to_numpy`` imports pandas, 0.3 s
    of a 10^7-row score, even where it only returns the same view.)"""
    kind = arr.type
    if arr.null_count == 0 and (pa.types.is_integer(kind) or pa.types.is_floating(kind)):
        code = "f" if pa.types.is_floating(kind) else ("i" if pa.types.is_signed_integer(kind) else "u")
        dtype = np.dtype(f"{code}{kind.bit_width // 8}")
        return np.frombuffer(arr.buffers()[1], dtype=dtype, count=len(arr), offset=arr.offset * dtype.itemsize)
    return arr.to_numpy(zero_copy_only=False)


@dataclass
class Tally:
    """The running confusion matrix over every label seen so far, and the row count."""

    cols: Columns
    where: Where
    kind: str | None = None  #: 'num' (integer labels) or 'str' (text labels)
    values: list[Any] = field(default_factory=list)  #: label of each code
    codes: dict[Any, int] = field(default_factory=dict)
    table: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.int64))
    #: codes that label some counted row (a dictionary may hold text no row uses)
    occurs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    rows: int = 0
    integer_weights: bool = True

    # ----------------------------------------------------------------------- labels

    def _labels(self, arr: pa.Array, name: str, first: int) -> tuple[str, Any]:
        """('num', int64 array) or ('str', dictionary array of stripped text); bad cells raise."""
        if arr.null_count:
            at = _first(arr.is_null().to_numpy(zero_copy_only=False))
            raise InputError(f"{self.where.row(first + at)} has {self.where.empty} label in column {name!r}")
        kind = arr.type
        if pa.types.is_dictionary(kind):
            if not (pa.types.is_string(kind.value_type) or pa.types.is_large_string(kind.value_type)):
                arr, kind = arr.cast(kind.value_type), kind.value_type
            else:
                return "str", arr
        if pa.types.is_integer(kind):
            return "num", _numpy(arr)
        if pa.types.is_floating(kind):
            return "num", self._float_labels(_numpy(arr).astype(np.float64), name, first)
        if pa.types.is_string(kind) or pa.types.is_large_string(kind):
            return "str", _pc().dictionary_encode(arr)
        if pa.types.is_boolean(kind):
            return "str", _pc().dictionary_encode(arr.cast(pa.string()))
        if pa.types.is_binary(kind) or pa.types.is_large_binary(kind):
            raise InputError(f"{self.where.source}: column {name!r} is not UTF-8 text")
        raise InputError(f"{self.where.source}: column {name!r} has type {kind}; labels must be integers or text")

    def _float_labels(self, x: np.ndarray, name: str, first: int) -> np.ndarray:
        """Floats with integral values as int64; NaN, infinities and fractions raise."""
        bad = ~np.isfinite(x)
        if bad.any():
            at = _first(bad)
            raise InputError(f"{self.where.row(first + at)} has the label {x[at].item()!r} in column {name!r}; "
                             "labels must be integers or text")
        bad = (x != np.round(x)) | (np.abs(x) >= 2.0**53)
        if bad.any():
            at = _first(bad)
            raise InputError(f"{self.where.row(first + at)}: label {x[at].item()!r} in column {name!r} is not an "
                             "integer; labels must be integers or text (round or map the predictions first)")
        return x.astype(np.int64)

    def _to_text(self) -> None:
        """Turn the integer labels seen so far into text (a later batch holds text labels)."""
        self.values = [str(v) for v in self.values]
        self.codes = {v: i for i, v in enumerate(self.values)}
        self.kind = "str"

    def _text_codes(self, arr: pa.DictionaryArray, name: str, first: int) -> np.ndarray:
        """Global codes of a dictionary-encoded text column (new labels get new codes)."""
        lut = np.empty(len(arr.dictionary), dtype=np.int64)
        for j, text in enumerate(arr.dictionary.to_pylist()):
            label = text.strip()
            if not label:
                lut[j] = -1
                continue
            code = self.codes.get(label)
            if code is None:
                code = self.codes[label] = len(self.values)
                self.values.append(label)
            lut[j] = code
        codes = lut[_numpy(arr.indices)]
        if (lut < 0).any() and (codes < 0).any():
            at = _first(codes < 0)
            raise InputError(f"{self.where.row(first + at)} has an empty label in column {name!r}")
        return codes

    def _label_arrays(self, batch: Batch) -> tuple[np.ndarray, np.ndarray, bool]:
        """Both label columns as int64 arrays, and whether they are global codes (text)."""
        (kt, t), (kp, p) = (self._labels(a, n, batch.first_row)
                            for a, n in ((batch.true, self.cols.true), (batch.pred, self.cols.pred)))
        if "str" in (kt, kp) or self.kind == "str":
            if self.kind == "num":
                self._to_text()
            self.kind = "str"
            t, p = (x if k == "str" else _pc().dictionary_encode(pa.array(x).cast(pa.string()))
                    for k, x in ((kt, t), (kp, p)))
            return (self._text_codes(t, self.cols.true, batch.first_row),
                    self._text_codes(p, self.cols.pred, batch.first_row), True)
        self.kind = "num"
        return np.asarray(t), np.asarray(p), False

    # ----------------------------------------------------------------------- weights

    def _weights(self, arr: pa.Array, first: int) -> np.ndarray:
        """The weight (or count) column as float64 or int64: finite and >= 0, else an InputError."""
        word, name = self.cols.weight_word, self.cols.weight
        if arr.null_count:
            at = _first(arr.is_null().to_numpy(zero_copy_only=False))
            raise InputError(f"{self.where.row(first + at)}: {word} '' is not a number (the cell is empty)")
        kind = arr.type
        if pa.types.is_dictionary(kind):
            arr, kind = arr.cast(kind.value_type), kind.value_type
        if pa.types.is_string(kind) or pa.types.is_large_string(kind):
            try:
                arr, kind = _pc().cast(arr, pa.float64()), pa.float64()
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                for at, cell in enumerate(arr.to_pylist()):
                    try:
                        float(cell)
                    except ValueError:
                        raise InputError(f"{self.where.row(first + at)}: {word} {cell.strip()!r} is not a number") from None
                raise InputError(f"{self.where.source}: column {name!r} holds {word}s that are not numbers") from None
        if pa.types.is_integer(kind):
            w = _numpy(arr)
            if w.dtype.kind == "u":
                w = w.astype(np.float64) if w.dtype.itemsize == 8 else w.astype(np.int64)
        elif pa.types.is_floating(kind):
            w = _numpy(arr).astype(np.float64, copy=False)
            bad = ~np.isfinite(w)
            if bad.any():
                at = _first(bad)
                raise InputError(f"{self.where.row(first + at)}: {word} {str(w[at])!r} is not a finite number")
        else:
            raise InputError(f"{self.where.source}: column {name!r} has type {kind}; {word}s must be numbers")
        negative = w < 0
        if negative.any():
            at = _first(negative)
            value = w[at].item()
            text = str(int(value)) if float(value).is_integer() else str(value)
            raise InputError(f"{self.where.row(first + at)}: {word} {text!r} is negative; {word}s must be >= 0")
        if self.integer_weights and w.dtype.kind == "f":
            self.integer_weights = bool((w == np.floor(w)).all())
        return w

    # ----------------------------------------------------------------------- counting

    def _code(self, value: Any) -> int:
        code = self.codes.get(value)
        if code is None:
            code = self.codes[value] = len(self.values)
            self.values.append(value)
        return code

    def _grow(self) -> None:
        """Pad the matrix to the number of labels seen so far."""
        size, old = len(self.values), self.table.shape[0]
        if size > MAX_LABELS:
            raise InputError(f"{self.where.source} has more than {MAX_LABELS} distinct labels; score reports "
                             "a k x k confusion matrix and supports at most that many")
        if size > old:
            table = np.zeros((size, size), dtype=self.table.dtype)
            table[:old, :old] = self.table
            self.table = table
            self.occurs = np.concatenate([self.occurs, np.zeros(size - old, dtype=bool)])

    def add(self, batch: Batch) -> None:
        """Validate one batch and add its joint counts."""
        n = len(batch.true)
        if n == 0:
            return
        w = None if batch.weight is None else self._weights(batch.weight, batch.first_row)
        t, p, coded = self._label_arrays(batch)
        if self.cols.counts and w is not None and not w.all():
            keep = w != 0  # a count of 0 stands for no rows: its labels do not occur
            t, p, w = t[keep], p[keep], w[keep]
        if w is not None and self.table.dtype != np.float64:
            self.table = self.table.astype(np.float64)
        if t.shape[0] and w is not None and not w.any():
            # all weights zero: the labels occur (scikit-learn's label set) but add nothing
            self._count(t, p, np.ones(t.shape[0]), coded, scale=0.0)
        elif t.shape[0]:
            self._count(t, p, w, coded)
        self.rows += n

    def _count(self, t: np.ndarray, p: np.ndarray, w: np.ndarray | None, coded: bool, scale: float = 1.0) -> None:
        """The reference's counting pass over one batch, added into the running matrix."""
        try:
            data = ref._read_targets(t, p)
            enc, stats = ref._count_single(data, w)
            occurs = np.flatnonzero(stats.occurs)
            present = enc.values[occurs]
            if stats.table is not None:
                part = stats.table[np.ix_(occurs, occurs)]
            else:  # a label range too wide for the joint bincount: the reference's matrix pass
                with warnings.catch_warnings():  # its one-label shape warning is about its own callers
                    warnings.simplefilter("ignore")
                    part = ref.confusion_matrix(t, p, labels=present, sample_weight=w)
        except ValueError as exc:
            raise InputError(f"{self.where.source}: {exc}") from None
        codes = present.tolist() if coded else [self._code(v) for v in present.tolist()]
        self._grow()
        self.table[np.ix_(codes, codes)] += part if scale == 1.0 else part * scale
        self.occurs[codes] = True

    # ----------------------------------------------------------------------- result

    def finish(self) -> tuple[list[Any], np.ndarray, bool]:
        """(sorted labels, matrix in that order, exact) once every batch is added."""
        if self.rows == 0:
            raise InputError(f"{self.where.source} has a header but no data rows"
                             if self.where.first == 1 else f"{self.where.source} has no rows")
        total = float(self.table.sum())
        if not total > 0:
            word = self.cols.weight_word
            raise InputError(f"{self.where.source}: every {word} in column {self.cols.weight!r} is zero; nothing to score")
        codes = np.flatnonzero(self.occurs).tolist()
        shown = self._display_labels([self.values[c] for c in codes])
        ranks = sorted(range(len(codes)), key=lambda i: shown[i])
        order = [codes[i] for i in ranks]
        matrix = self.table[np.ix_(order, order)]
        exact = self.integer_weights and total < EXACT_LIMIT and math.isfinite(total)
        if exact and matrix.dtype != np.int64:
            matrix = matrix.astype(np.int64)
        return [shown[i] for i in ranks], matrix, exact

    def _display_labels(self, values: list[Any]) -> list[Any]:
        """Integer labels as ints; text labels as ints when all spell distinct integers."""
        if self.kind == "num":
            return [int(v) for v in values]
        if all(_INTEGER_TEXT.fullmatch(v) for v in values):
            ints = [int(v) for v in values]
            if len(set(ints)) == len(ints):
                return ints
        return list(values)
