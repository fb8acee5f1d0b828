"""The search: find every distinct way a metric function breaks its claim, each shrunk.

Summary
    :func:`check_metric` (and :func:`check_call`, the same with the function's keyword
    arguments as one mapping) searches with hypothesis for an input on which the function
    breaks a property, shrinks it, then searches again for inputs whose first broken
    property is a new one, up to :data:`MAX_FAILURES` distinct properties. So a function
    that raises on one sample does not hide a wrong value on two, while an error that
    breaks the identity and the reference together is one failure, not two.

Determinism: by default the search is derandomized (the same counterexamples every
run); ``seed=`` varies it. Hypothesis settings are local to the call and
``database=None``, so nothing is written into the user's project.
"""

from __future__ import annotations

import contextlib
import random
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from hypothesis import HealthCheck, Phase, Verbosity, find, reject
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import NoSuchExample, Unsatisfiable

from metricproofs.errors import UsageError
from metricproofs.testing.cases import Case, cases, probe
from metricproofs.testing.claim import REFERENCE_NAMES, CheckClaim, validated_claim
from metricproofs.testing.evaluation import (
    Violation,
    first_reading,
    kwargs_rejected,
    tolerance_for,
    violations,
)
from metricproofs.testing.oracles import InvalidCase, possible_identities, reference_value, symmetric
from metricproofs.testing.report import CheckReport, Counterexample, plain

__all__ = ["check_metric", "check_call", "MAX_FAILURES"]

#: At most this many distinct failures are reported (each costs one more search).
MAX_FAILURES = 5


def _settings(examples: int, seed: int | None) -> hypothesis_settings:
    """Settings local to one check, independent of any profile the user has loaded."""
    # an alternative backend chosen in the user's profile (e.g. a solver) is not inherited
    extra = {"backend": "hypothesis"} if hasattr(hypothesis_settings.default, "backend") else {}
    return hypothesis_settings(
        **extra,
        max_examples=examples,
        derandomize=seed is None,
        database=None,
        deadline=None,
        phases=(Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
        verbosity=Verbosity.quiet,
        print_blob=False,
        report_multiple_bugs=False,
    )


@contextlib.contextmanager
def _storage_outside_the_project() -> Iterator[None]:
    """Point hypothesis's storage directory at a temporary one for the duration of a check.

    ``database=None`` stops the example database, but hypothesis also caches constants
    it reads from loaded source files under ``./.hypothesis``; a check run from a user's
    project must not litter it. The previous setting is restored afterwards, so the
    user's own hypothesis tests in the same session keep their directory.
    """
    import hypothesis.configuration as configuration

    attribute = "__hypothesis_home_directory"
    previous = getattr(configuration, attribute, None)
    configuration.set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "metricproofs-hypothesis")
    try:
        yield
    finally:
        setattr(configuration, attribute, previous)


def _target_name(function: Callable[..., Any]) -> str:
    module = getattr(function, "__module__", None)
    name = getattr(function, "__qualname__", None) or getattr(function, "__name__", None)
    if name is None:
        return type(function).__name__
    return f"{module}:{name}" if module else name


def _properties_for(claim: CheckClaim) -> tuple[str, ...]:
    """The property ids this claim is checked against (identities where they apply)."""
    names = ["no-exception", "returns-a-number"]
    if claim.multilabel:
        return _multilabel_properties(claim)
    names += possible_identities(claim) + ["agrees-with-reference"]
    swap = symmetric(claim, probe(claim))
    if swap is not None:
        names.append(swap)
    return tuple(names + ["sample-order-invariance"])


def _multilabel_properties(claim: CheckClaim) -> tuple[str, ...]:
    from metricproofs.testing.oracles import MULTILABEL_TOTALS

    identity = [MULTILABEL_TOTALS] if claim.average == "micro" and claim.metric in ("precision", "recall") else []
    return ("no-exception", "returns-a-number", *identity, "agrees-with-reference", "sample-order-invariance")


def _preflight(fn: Callable[..., Any], claim: CheckClaim) -> None:
    """Ask the reference once, so bad keyword arguments fail as a usage error; and the
    function, so a keyword argument it does not take is one too."""
    first = probe(claim)
    try:
        reference_value(claim, first)
    except InvalidCase as exc:
        raise UsageError(f"the reference {REFERENCE_NAMES[claim.metric]} rejects these arguments: {exc}") from None
    if claim.extra_kwargs:
        text = kwargs_rejected(fn, claim, first, {name: None for name in claim.extra_kwargs})
        if text is not None:
            raise UsageError(f"keyword argument(s) {', '.join(claim.extra_kwargs)} not understood by the function "
                             f"({text}) nor by the reference {REFERENCE_NAMES[claim.metric]}")


def _tolerance(fn: Callable[..., Any], claim: CheckClaim, failures: list[Violation]) -> tuple[float, float, str]:
    """The tolerance in force and where it comes from (the claim, or the dtype returned)."""
    if claim.rtol is not None and claim.atol is not None:
        return claim.rtol, claim.atol, "as given"
    if failures and failures[0].prop not in ("no-exception", "returns-a-number"):
        precision = failures[0].precision
    else:
        reading = first_reading(fn, claim, probe(claim))
        precision = "float64" if reading is None else reading.precision
    rtol, atol = tolerance_for(claim, precision)
    given = [name for name, value in (("rtol", claim.rtol), ("atol", claim.atol)) if value is not None]
    source = f"the default for a {precision} return" + (f"; {' and '.join(given)} as given" if given else "")
    return rtol, atol, source


def _counterexample(claim: CheckClaim, violation: Violation, also: list[str]) -> Counterexample:
    rtol, atol = tolerance_for(claim, violation.precision)
    case = violation.case
    return Counterexample(
        y_true=[list(v) if isinstance(v, list) else v for v in case.y_true],
        y_pred=[list(v) if isinstance(v, list) else v for v in case.y_pred],
        sample_weight=None if case.sample_weight is None else list(case.sample_weight),
        kwargs=dict(claim.kwargs),
        expected=plain(violation.expected),
        got=plain(violation.got),
        violated=violation.prop,
        detail=violation.detail,
        also_violated=tuple(dict.fromkeys(p for p in also if p != violation.prop)),
        error=violation.error,
        inputs=claim.inputs,
        preds_first=claim.preds_first,
        rtol=rtol,
        atol=atol,
    )


def _search(fn: Callable[..., Any], claim: CheckClaim, examples: int, seed: int | None,
            found: set[str], rejected: list[str], calls: dict[str, int]) -> Case | None:
    """A shrunk case whose first broken property is not in ``found``, or None."""

    def breaks_something_new(case: Case) -> bool:
        calls["total"] += 1
        if not calls["found"]:
            calls["before_found"] += 1
        try:
            broken = violations(fn, claim, case, first_only=True)
        except InvalidCase as exc:
            rejected[:] = [str(exc)]
            reject()
        new = bool(broken) and broken[0].prop not in found
        calls["found"] = calls["found"] or new
        return new

    rng = None if seed is None else random.Random(seed + len(found))
    try:
        return find(cases(claim), breaks_something_new, settings=_settings(examples, seed), random=rng)
    except NoSuchExample:
        return None


def _run(fn: Callable[..., Any], claim: CheckClaim, *, examples: int, seed: int | None, target: str) -> CheckReport:
    with _storage_outside_the_project():  # every call of fn, the preflight's included
        return _run_here(fn, claim, examples=examples, seed=seed, target=target)


def _run_here(fn: Callable[..., Any], claim: CheckClaim, *, examples: int, seed: int | None,
              target: str) -> CheckReport:
    _preflight(fn, claim)
    report: dict[str, Any] = dict(target=target, metric=claim.metric, average=claim.average,
                                  properties=_properties_for(claim), seed=seed, multilabel=claim.multilabel,
                                  convention=claim.convention())
    calls = {"total": 0, "before_found": 0, "found": 0}
    rejected: list[str] = []
    failures: list[Counterexample] = []
    first_violations: list[Violation] = []
    examples_to_first = 0
    while len(failures) < MAX_FAILURES:
        try:
            minimal = _search(fn, claim, examples, seed, {cx.violated for cx in failures}, rejected, calls)
        except Unsatisfiable:
            why = rejected[0] if rejected else "no valid input"
            return CheckReport(verdict="error", examples=calls["total"],
                               error=f"the reference rejected every generated input ({why})", **report)
        if not failures:
            examples_to_first = calls["before_found"]
        if minimal is None:
            break
        broken = violations(fn, claim, minimal, first_only=False)
        if not broken:
            broken = [Violation("deterministic", minimal, None, None,
                                "a property broke during the search but not when the input was replayed")]
        if broken[0].prop in {cx.violated for cx in failures}:
            break  # replaying found an old property first: nothing new to add
        first_violations.append(broken[0])
        failures.append(_counterexample(claim, broken[0], [v.prop for v in broken[1:]]))
        if broken[0].prop == "deterministic":
            break
    rtol, atol, source = _tolerance(fn, claim, first_violations)
    if not failures:
        return CheckReport(verdict="agrees", examples=calls["total"], rtol=rtol, atol=atol,
                           tolerance_source=source, **report)
    return CheckReport(verdict="disagrees", examples=examples_to_first, failures=tuple(failures), rtol=rtol,
                       atol=atol, tolerance_source=source, **report)


def check_metric(
    fn: Callable[..., Any],
    metric: str,
    average: str | None = None,
    *,
    multilabel: bool = False,
    examples: int = 200,
    seed: int | None = None,
    with_sample_weight: bool = False,
    max_size: int = 200,
    target: str | None = None,
    num_classes: int | None = None,
    absent_labels: str | None = None,
    inputs: str = "list",
    preds_first: bool = False,
    zero_division: Any = None,
    rtol: float | None = None,
    atol: float | None = None,
    **kwargs: Any,
) -> CheckReport:
    """Search for inputs on which ``fn`` is not scikit-learn's ``metric``/``average``.

    ``fn`` is called as ``fn(y_true, y_pred, **kwargs)`` (``fn(y_pred, y_true, ...)`` with
    ``preds_first=True``), with Python lists, numpy arrays or int64 torch tensors
    (``inputs``). ``kwargs`` the reference understands (``labels``, ``zero_division``,
    ``pos_label``, ``beta``; ``normalize`` for accuracy) go to ``fn`` and to the reference;
    others (a library's ``num_classes``, ``task``) to ``fn`` only. ``average`` is what
    ``fn`` claims to compute, with scikit-learn's meaning: ``None`` is one value per label
    (and the only choice for ``"accuracy"``), ``"binary"`` scores ``pos_label`` on
    two-label data. ``with_sample_weight=True`` also generates weights.

    Label space: ``num_classes=C`` draws labels from 0..C-1 only; ``absent_labels`` says
    how a label of 0..C-1 that occurs in neither y_true nor y_pred counts in macro and
    weighted averages: ``"include"`` (the default; scikit-learn with ``labels=range(C)``,
    as pytorch-ignite) or ``"skip"`` (scikit-learn's default label set, as torchmetrics and
    torcheval). ``zero_division`` is the claimed convention (0, 1, nan), given to the
    reference only. ``rtol``/``atol``: agreement is ``|got - expected| <= atol + rtol
    |expected|``; by default rtol follows the precision returned (float64 1e-9, float32
    1e-6, float16 1e-3) and atol is 1e-12.

    ``multilabel=True`` checks multi-label input instead: 0/1 indicator matrices (rows =
    samples, at least two columns; exactly C with ``num_classes``); averages ``None``,
    ``"micro"``, ``"macro"``, ``"weighted"``, ``"samples"``; ``labels`` are column indices;
    ``"accuracy"`` is subset accuracy, as in scikit-learn.

    Returns a :class:`CheckReport` with one shrunk failure per distinct violated property
    (up to 5); raises :class:`~metricproofs.errors.UsageError` for arguments the check
    cannot honour. Deterministic unless ``seed`` is given.
    """
    return check_call(fn, metric, average, kwargs, multilabel=multilabel, examples=examples, seed=seed,
                      with_sample_weight=with_sample_weight, max_size=max_size, target=target,
                      num_classes=num_classes, absent_labels=absent_labels, inputs=inputs,
                      preds_first=preds_first, zero_division=zero_division, rtol=rtol, atol=atol)


def check_call(
    fn: Callable[..., Any],
    metric: str,
    average: str | None,
    kwargs: Mapping[str, Any],
    *,
    multilabel: bool = False,
    examples: int = 200,
    seed: int | None = None,
    with_sample_weight: bool = False,
    max_size: int = 200,
    target: str | None = None,
    num_classes: int | None = None,
    absent_labels: str | None = None,
    inputs: str = "list",
    preds_first: bool = False,
    zero_division: Any = None,
    rtol: float | None = None,
    atol: float | None = None,
) -> CheckReport:
    """:func:`check_metric` with the keyword arguments for ``fn`` given as one mapping.

    For callers (the CLI) whose keyword arguments may include ``average`` itself: it is
    passed to ``fn`` and must equal the claimed ``average``.
    """
    if not callable(fn):
        raise UsageError(f"fn must be callable, got {fn!r}")
    claim = validated_claim(metric, average, kwargs, examples=examples, seed=seed, max_size=max_size,
                            multilabel=multilabel, with_sample_weight=with_sample_weight,
                            num_classes=num_classes, absent_labels=absent_labels, inputs=inputs,
                            preds_first=preds_first, zero_division=zero_division, rtol=rtol, atol=atol)
    return _run(fn, claim, examples=examples, seed=seed, target=target or _target_name(fn))
