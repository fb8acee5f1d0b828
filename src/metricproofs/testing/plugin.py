"""The metricproofs pytest plugin: a ``metric_conformance`` fixture.

Summary
    Registered through the ``pytest11`` entry point, so it is loaded in every pytest
    session of anyone who installed metricproofs. It therefore imports only pytest at
    import time; numpy and hypothesis are imported when the fixture is first called.

Usage::

    def test_my_f1(metric_conformance):
        metric_conformance(my_f1, metric="f1", average="micro")

The call runs :func:`metricproofs.testing.check_metric` with the same arguments and
fails the test with the report (a minimal, paste-able counterexample) when the function
disagrees with scikit-learn's meaning or breaks a proven identity. It returns the report.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

__all__ = ["metric_conformance"]


@pytest.fixture
def metric_conformance() -> Callable[..., Any]:
    """A function ``(fn, metric, average=None, **options) -> CheckReport`` that fails the test
    when ``fn`` disagrees; options are those of ``check_metric`` (examples, seed, labels, ...)."""

    def check(fn: Callable[..., Any], metric: str, average: str | None = None, **options: Any) -> Any:
        from metricproofs.testing.conformance import check_metric

        report = check_metric(fn, metric, average, **options)
        if not report.ok:
            pytest.fail(str(report), pytrace=False)
        return report

    return check
