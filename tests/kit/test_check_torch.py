"""The torch input path of check (``inputs="torch"``): int64 tensors in, 0-d tensors read as numbers,
the float32 tolerance, and the README's torchmetrics command. Skipped where torch is not installed
(CI has no torch; ``make conformance`` installs it)."""

from __future__ import annotations

import io
from typing import Any

import pytest

from metricproofs.cli import run
from metricproofs.testing import check_metric

FEW = 60

torch = pytest.importorskip("torch", reason="torch is not installed: the torch-input path is checked where it is")


def test_torch_inputs_are_int64_tensors_and_float32_tensors_are_read() -> None:
    dtypes: set = set()

    def accuracy(y_pred: Any, y_true: Any) -> Any:
        dtypes.add((y_pred.dtype, y_true.dtype))
        return (y_pred == y_true).float().mean()  # a 0-d float32 tensor

    report = check_metric(accuracy, "accuracy", num_classes=5, inputs="torch", preds_first=True, examples=FEW)
    assert report.ok and report.rtol == 1e-6, str(report)
    assert dtypes == {(torch.int64, torch.int64)}


def test_the_readme_torchmetrics_command_agrees() -> None:
    pytest.importorskip("torchmetrics", reason="torchmetrics is not installed")
    out_stream, err_stream = io.StringIO(), io.StringIO()
    code = run(["check", "torchmetrics.functional.classification:multiclass_f1_score", "--metric", "f1",
                          "--average", "macro", "--num-classes", "10", "--absent-labels", "skip", "--inputs", "torch",
                          "--preds-first", "--kwarg", "num_classes=10", "--kwarg", 'average="macro"'], out_stream, err_stream)
    out, err = out_stream.getvalue(), err_stream.getvalue()
    assert code == 0, out + err
    assert "agrees" in out and "rtol=1e-06" in out
