"""Method ``z3-bounded``: the claim at every class count k up to a bound, for every n.

For a claim that holds, each k from the claim's smallest class count to the bound is
checked in three steps (hypotheses satisfiable, every division defined, negation
unsat). The matrix entries are unbounded non-negative integers (reals for weights), so
a proof at k covers every sample count. For a claim that fails, the search looks for
the smallest k with a model, first with small entries (so the counterexample is
small), and shows it only after :func:`~metricproofs.provers.counterexamples.confirm`.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Callable

import sympy

from metricproofs.catalogue import Claim, CountsOf, Formula, get
from metricproofs.definitions import confusion_counts
from metricproofs.provers.counterexamples import confirm, decode
from metricproofs.provers.results import MethodResult
from metricproofs.provers.smt import VARIANTS, encode, solve

__all__ = ["prove_bounded", "class_range", "relax_counts", "sample_bound", "SMALL_BOUNDS"]

METHOD = "z3-bounded"
SMALL_BOUNDS = (2, 3, 4, 6, 8, 12)  # sample-count bounds tried first, so counterexamples are small

Progress = Callable[[str], None]


def class_range(claim: Claim, max_classes: int | None) -> range:
    """The class counts the bounded method checks."""
    if claim.only_classes is not None:
        return range(claim.only_classes, claim.only_classes + 1)
    top = claim.max_classes if max_classes is None else max_classes
    return range(claim.min_classes, max(top, claim.min_classes) + 1)


def sample_bound(declared: dict, bound: int) -> tuple[str, ...]:
    """At most ``bound`` samples: the unbounded counts add up to at most ``bound``."""
    counts = [name for name, spec in declared.items() if spec.sort == "Int" and spec.upper is None]
    if not counts:
        return ()
    total = counts[0] if len(counts) == 1 else f"(+ {' '.join(counts)})"
    return (f"(assert (<= {total} {bound}))",)


def prove_bounded(claim: Claim, *, max_classes: int | None = None, timeout: float = 60.0,
                  counts_of: CountsOf = confusion_counts, progress: Progress = lambda _: None) -> MethodResult:
    """Run ``z3-bounded`` on one claim."""
    start = time.perf_counter()
    formula = claim.formula(counts_of)
    if claim.expected == "holds":
        formula = relax_counts(formula)
    use_reference = counts_of is confusion_counts
    ks = class_range(claim, max_classes)
    checked: list[int] = []

    def result(verdict: str, detail: str, **extra: object) -> MethodResult:
        return MethodResult(METHOD, verdict, time.perf_counter() - start,
                            max(checked) if checked else None, detail, **extra)  # type: ignore[arg-type]

    for k in ks:
        progress(f"{claim.id}: z3-bounded k={k}")
        hyps = solve([encode(formula, k, "hypotheses")], timeout)
        if hyps.status == "unsat":
            return result("error", f"vacuous: the hypotheses contradict each other at k={k}; nothing is proved")
        if hyps.status == "unknown":
            return result("unknown", f"z3 could not decide the hypotheses at k={k}: {hyps.reason}")
        defined = solve([encode(formula, k, "definedness", variant=v) for v in VARIANTS[:2]], timeout)
        if defined.status == "sat":
            return result("error", f"ill-defined at k={k}: the hypotheses allow a zero denominator "
                                   f"(SMT division by zero is unspecified); model {_short(defined.model)}")
        if defined.status == "unknown":
            return result("unknown", f"z3 could not decide definedness at k={k}: {defined.reason}")
        lemmas = _proved_lemmas(claim, formula, k, counts_of, timeout)
        attempts = [sample_bound(encode(formula, k, "negation").declared, b) for b in SMALL_BOUNDS] \
            if claim.expected == "fails" else []
        answer = None
        for extra in attempts + [()]:
            answer = solve([encode(formula, k, "negation", extra, lemmas, v) for v in VARIANTS], timeout)
            if answer.status == "sat":
                break
        assert answer is not None
        if answer.status == "unknown":
            return result("unknown", f"z3 gave up at k={k} ({answer.reason}); "
                                     f"proved for k in {ks.start}..{k - 1}" if checked else
                                     f"z3 gave up at k={k} ({answer.reason})")
        if answer.status == "sat":
            data, exact = decode(formula, k, answer.model or {})
            confirmation = confirm(claim, formula, k, data, exact, use_reference)
            checked.append(k)
            if not confirmation.confirmed:
                return result("error", f"z3 found a model at k={k} but it was not confirmed: {confirmation.reason}")
            values = confirmation.values
            counterexample = {"y_true": data.y_true, "y_pred": data.y_pred, "labels": data.labels,
                              "sample_weight": data.sample_weight, "values": values}
            if data.params:
                counterexample["params"] = data.params
            call = claim.call(data) if claim.call is not None else None
            return result("refuted", f"counterexample at k={k}, {len(data.y_true)} samples; "
                                     f"{confirmation.reason}", counterexample=counterexample, call=call)
        checked.append(k)
    span = f"k = {ks.start}" if len(ks) == 1 else f"every k in {ks.start}..{ks.stop - 1}"
    return result("proved", f"unsat for {span} (hypotheses satisfiable, every division defined); "
                            f"entries unbounded, so every sample count n is covered")


def relax_counts(formula: Formula) -> Formula:
    """Let unbounded integer counts range over the non-negative reals.

    A statement proved for every non-negative real matrix holds in particular for every
    integer one (and covers sample weights too); nonlinear real arithmetic is decidable
    and z3 is far faster on it than on mixed integer/real problems. 0/1 indicators stay
    integers. Counterexample searches keep integer counts, so datasets stay unweighted.
    """
    domains = {name: (dataclasses.replace(spec, sort="Real", lower="0.0") if spec.sort == "Int"
                      and spec.upper is None and spec.lower == "0" else spec)
               for name, spec in formula.domains.items()}
    return dataclasses.replace(formula, domains=domains)


def _proved_lemmas(claim: Claim, formula: Formula, k: int, counts_of: CountsOf,
                   timeout: float) -> tuple[sympy.Basic, ...]:
    """The lemmas' conclusions, each first proved at k under this claim's own hypotheses
    and domains (so a lemma proved over integers is never used for real weights)."""
    facts = tuple(get(lemma).formula(counts_of).conclusion for lemma in claim.lemmas)
    if not facts:
        return ()
    in_context = dataclasses.replace(formula, conclusion=sympy.And(*facts))
    answer = solve([encode(in_context, k, "negation", variant=v) for v in VARIANTS[:2]], timeout)
    return facts if answer.status == "unsat" else ()


def _short(model: dict | None) -> str:
    if not model:
        return "{}"
    items = [f"{key}={value}" for key, value in model.items() if value != 0][:8]
    return "{" + ", ".join(items) + ("" if len(items) < 8 else ", ...") + "}"
