"""IEEE-754 binary64 claims: micro P, R, F1 and accuracy as scikit-learn computes them, bit for bit.

Summary
    The identities of the catalogue hold in real arithmetic. scikit-learn computes in
    binary64 with round-to-nearest-even, and adds the same weights in different orders for
    the two sides, so ``precision_score(...) == recall_score(...)`` can be false in the
    last bit. This module decides the three float64 claims:

    - ``z3-induction`` (integer weights, holds): four lemmas in z3's floating-point theory
      (QF_FP, Float64), each an unsat query, plus one sat query showing the hypotheses are
      not vacuous. With a, b integer-valued doubles, 0 <= b <= a < 2^53:
      ``fl(a + b)`` rounded towards zero, up and to nearest are the same double when the
      sum is below 2^53 (so the addition is exact), and the same for ``fl(a - b)``. The
      induction over scikit-learn's additions (:data:`SCHEMA`) then makes both micro
      denominators the exact total N.
    - ``z3-bounded`` (float weights, fails): a search over small datasets (n samples,
      k = 2, weights from {0.1, ..., 1.0}, smallest n first, seeded) of a model of
      scikit-learn's order of operations in Python floats (binary64, RNE); a candidate is recomputed in z3's Float64
      semantics along the same order (constants folded by z3), and becomes a
      counterexample only when **scikit-learn itself**, run on it, gives two different
      doubles under ``==``. If scikit-learn is missing or does not show it, the verdict is
      ``error``, never ``refuted``.

References
    IEEE 754-2019, section 4.3 (correct rounding); Goldberg (1991), "What every computer
    scientist should know about floating-point arithmetic"; scikit-learn 1.9.1,
    ``sklearn/metrics/_classification.py`` (multilabel_confusion_matrix,
    _precision_recall_fscore_support, accuracy_score).
"""

from __future__ import annotations

import random
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from metricproofs.catalogue import Claim
from metricproofs.provers.results import MethodResult

__all__ = ["applies", "Lemma", "lemmas", "SCHEMA", "prove_by_float_induction", "search_float64",
           "sklearn_order", "WEIGHTS", "script", "lemma_files", "recheck_with_cvc5",
           "FloatObligation", "certificate_obligations", "certificate_header"]

METHOD_INDUCTION = "z3-induction"
METHOD_SEARCH = "z3-bounded"
WEIGHTS = tuple(i / 10 for i in range(1, 11))  #: the weight menu of the search: 0.1, 0.2, ..., 1.0
#: the menu for integer weights without a bound on their total (the near-miss claim)
LARGE_WEIGHTS = (1.0, 2.0, 3.0, float(2**53))
LEMMA_TIMEOUT = 60.0
MAX_SAMPLES = 6
TRIES_PER_SIZE = 2000
SEED = 20260

SCHEMA = (
    "Induction over the additions scikit-learn performs (structural induction on its computation): every "
    "value it adds or subtracts is a weight or an earlier partial sum. Invariant: each partial sum is an "
    "integer-valued double equal to the exact sum of the weights it covers, which lies in [0, N] with N < 2^53. "
    "Base: np.bincount starts from +0.0; a weight is an integer-valued double by hypothesis. Step: the sum "
    "or difference of two such values (0 <= b <= a, result below 2^53) is computed exactly (lemmas add-exact, "
    "sub-exact, checked by z3 in QF_FP: rounding down, up and to nearest give the same double), and the exact "
    "result of integers is an integer. Hence sum_l pred_l and sum_l true_l are the doubles of their exact real "
    "values, which are both N (sample-weights-preserve-identity, every k), i.e. the same double, and "
    "fl(tp / x) is a function of (tp, x). Without weights scikit-learn counts in int64, exact below 2^63, "
    "and converts N < 2^53 to float64 exactly."
)

_PRELUDE = """(set-logic QF_FP)
(declare-const a (_ FloatingPoint 11 53))
(declare-const b (_ FloatingPoint 11 53))
(define-fun two53 () (_ FloatingPoint 11 53) ((_ to_fp 11 53) RNE 9007199254740992.0))
; a and b are integer-valued doubles with 0 <= b <= a < 2^53 (not NaN, not infinite)
(assert (= a (fp.roundToIntegral RTZ a)))
(assert (= b (fp.roundToIntegral RTZ b)))
(assert (fp.leq (_ +zero 11 53) b))
(assert (fp.leq b a))
(assert (fp.lt a two53))
"""
_SUM_BELOW = "; the exact sum a + b is below 2^53 (rounding up stays below it)\n(assert (fp.lt (fp.add RTP a b) two53))\n"


@dataclass(frozen=True)
class Lemma:
    """One QF_FP query: its name, what its expected answer establishes, and the SMT-LIB2 text."""

    name: str
    statement: str
    expected: str
    text: str


def _differ(op: str, first: str, second: str) -> str:
    return f"(assert (not (fp.eq ({op} {first} a b) ({op} {second} a b))))\n(check-sat)\n"


def lemmas() -> list[Lemma]:
    """The obligations of the integer-weights proof, in plain SMT-LIB2 (z3 and cvc5 read them)."""
    return [
        Lemma("hypotheses", "sat: integer-valued doubles with a sum below 2^53 exist (nothing is vacuous)", "sat",
              _PRELUDE + _SUM_BELOW + "(check-sat)\n"),
        Lemma("add-exact-up", "unsat: fl(a + b) rounded towards zero equals it rounded up, so a + b is a double",
              "unsat", _PRELUDE + _SUM_BELOW + _differ("fp.add", "RTZ", "RTP")),
        Lemma("add-exact-nearest", "unsat: round-to-nearest-even gives that same double", "unsat",
              _PRELUDE + _SUM_BELOW + _differ("fp.add", "RNE", "RTZ")),
        Lemma("sub-exact-up", "unsat: fl(a - b) rounded towards zero equals it rounded up, so a - b is a double",
              "unsat", _PRELUDE + _differ("fp.sub", "RTZ", "RTP")),
        Lemma("sub-exact-nearest", "unsat: round-to-nearest-even gives that same double", "unsat",
              _PRELUDE + _differ("fp.sub", "RNE", "RTZ")),
    ]


def applies(claim: Claim) -> bool:
    """The claim is about scikit-learn's float64 arithmetic (decided here, not by the matrix provers)."""
    return claim.formula().encoding == "float64"


def _run_z3(texts: list[str], timeout: float) -> list[str]:
    """Each script's answer (sat / unsat / unknown / error), z3 processes run side by side."""
    from metricproofs.provers.smt import z3_binary

    binary = z3_binary()
    if binary is None:
        return ["error: no z3 executable (install the z3-solver wheel)"] * len(texts)
    folder = Path(tempfile.mkdtemp(prefix="metricproofs-fp-"))
    procs = []
    for number, text in enumerate(texts):
        path = folder / f"q{number}.smt2"
        path.write_text(text)
        procs.append(subprocess.Popen([binary, f"-T:{max(1, int(timeout))}", str(path)], stdout=subprocess.PIPE,
                                      stderr=subprocess.STDOUT, text=True))
    answers = []
    for proc in procs:
        try:
            out, _ = proc.communicate(timeout=timeout + 5)
        except subprocess.TimeoutExpired:
            proc.kill()
            out = "timeout"
        first = out.strip().splitlines()[0] if out.strip() else ""
        answers.append(first if first in ("sat", "unsat") else ("unknown" if first in ("unknown", "timeout", "")
                                                               else f"error: {out.strip()[:200]}"))
    return answers


def prove_by_float_induction(claim: Claim, *, timeout: float = 20.0) -> MethodResult | None:
    """``z3-induction`` for the integer-weights claim; None for other claims."""
    if not applies(claim) or claim.expected != "holds":
        return None
    start = time.perf_counter()
    obligations = lemmas()
    # About 6 s of z3 CPU for all five (measured: add ~1.8 s each, sub ~0.9 s each, hypotheses 0.2 s),
    # so run side by side they need ~3 s on two idle cores; a floor of LEMMA_TIMEOUT seconds keeps a
    # loaded machine from turning that into "unknown".
    answers = _run_z3([lemma.text for lemma in obligations], max(timeout, LEMMA_TIMEOUT))
    parts = [f"{lemma.name}: {answer}" for lemma, answer in zip(obligations, answers)]
    seconds = time.perf_counter() - start
    if any(answer.startswith("error") for answer in answers):
        return MethodResult(METHOD_INDUCTION, "error", seconds, None, "; ".join(parts))
    wrong = [lemma for lemma, answer in zip(obligations, answers) if answer in ("sat", "unsat") and answer != lemma.expected]
    if wrong:
        return MethodResult(METHOD_INDUCTION, "error", seconds, None,
                            f"a lemma got the wrong answer ({', '.join(x.name for x in wrong)}): " + "; ".join(parts))
    if any(answer == "unknown" for answer in answers):
        return MethodResult(METHOD_INDUCTION, "unknown", seconds, None, "z3 gave up: " + "; ".join(parts))
    return MethodResult(METHOD_INDUCTION, "proved", seconds, None,
                        "z3 QF_FP (Float64): " + "; ".join(parts) + f". {SCHEMA}", scope="every k")


# --- the search for the claims that fail ---------------------------------------------------------


def sklearn_order(y_true: list[int], y_pred: list[int], weights: list[float]) -> dict[str, float]:
    """Micro P, R, F1 and accuracy_score in numpy float64, in scikit-learn 1.9.1's order of operations
    (labels 0 and 1 both present): the model the search runs; scikit-learn itself confirms."""
    # Python floats are binary64 with round-to-nearest-even, as numpy's float64; sums run left to
    # right as np.bincount does, and as np.sum does for fewer than 8 terms.
    size = max(max(y_true), max(y_pred)) + 1
    tp, pred_counts, true_counts = [0.0] * size, [0.0] * size, [0.0] * size
    correct = total = 0.0
    for t, p, w in zip(y_true, y_pred, weights):
        pred_counts[p] += w
        true_counts[t] += w
        total += w
        if t == p:
            tp[t] += w
            correct += w
    pred = [tp[lab] + (pred_counts[lab] - tp[lab]) for lab in range(size)]
    true = [tp[lab] + (true_counts[lab] - tp[lab]) for lab in range(size)]
    tp_sum, pred_sum, true_sum = _left_sum(tp), _left_sum(pred), _left_sum(true)
    return {"precision": tp_sum / pred_sum, "recall": tp_sum / true_sum,
            "f1": 2.0 * tp_sum / (1.0 * true_sum + pred_sum), "accuracy": correct / total}


def _left_sum(values: list[float]) -> float:
    out = values[0]
    for value in values[1:]:
        out += value
    return out


def _z3_order(y_true: list[int], y_pred: list[int], weights: list[float]) -> dict[str, float]:
    """The same computation in z3's IEEE-754 binary64 semantics (RNE), folded to constants by z3.
    Sums over labels and samples are taken left to right, as numpy does for fewer than 8 terms."""
    import z3

    rne, f64 = z3.RNE(), z3.Float64()
    zero = z3.FPVal(0.0, f64)
    w = [z3.FPVal(x, f64) for x in weights]

    def add(x: Any, y: Any) -> Any:
        return z3.simplify(z3.fpAdd(rne, x, y))

    def sub(x: Any, y: Any) -> Any:
        return z3.simplify(z3.fpSub(rne, x, y))

    def binsum(keep: Callable[[int], bool]) -> Any:
        total = zero
        for i in range(len(w)):
            if keep(i):
                total = add(total, w[i])
        return total

    labels = range(max(max(y_true), max(y_pred)) + 1)
    tp = [binsum(lambda i, lab=lab: y_true[i] == y_pred[i] == lab) for lab in labels]
    pred = [add(tp[lab], sub(binsum(lambda i, lab=lab: y_pred[i] == lab), tp[lab])) for lab in labels]
    true = [add(tp[lab], sub(binsum(lambda i, lab=lab: y_true[i] == lab), tp[lab])) for lab in labels]

    def total(values: list) -> Any:
        out = values[0]
        for value in values[1:]:
            out = add(out, value)
        return out

    tp_sum, pred_sum, true_sum = total(tp), total(pred), total(true)
    correct = total([w[i] if y_true[i] == y_pred[i] else zero for i in range(len(w))])
    weight = total(w)

    def div(x: Any, y: Any) -> float:
        return float(eval(z3.simplify(z3.fpToReal(z3.simplify(z3.fpDiv(rne, x, y)))).as_decimal(40).rstrip("?")))

    two = z3.FPVal(2.0, f64)
    return {"precision": div(tp_sum, pred_sum), "recall": div(tp_sum, true_sum),
            "f1": div(z3.simplify(z3.fpMul(rne, two, tp_sum)), add(true_sum, pred_sum)),
            "accuracy": div(correct, weight)}


def _pair(claim: Claim) -> tuple[str, str]:
    """Which two model values the claim says are equal (read from its sklearn witness's keys)."""
    return ("f1", "accuracy") if "f1" in claim.id else ("precision", "recall")


def search_float64(claim: Claim, *, timeout: float = 20.0) -> MethodResult | None:
    """``z3-bounded`` for the float64 claims: search, recompute in z3 FPA, confirm in scikit-learn."""
    if not applies(claim):
        return None
    from metricproofs.witnesses import Dataset

    start = time.perf_counter()
    if claim.expected == "holds":
        return None  # proved by z3-induction; a bounded search cannot prove it
    first, second = _pair(claim)
    menu = LARGE_WEIGHTS if any(h.name == "integer-weights" for h in claim.formula().hypotheses) else WEIGHTS
    rng = random.Random(SEED)
    tried = 0
    for n in range(2, MAX_SAMPLES + 1):
        for _ in range(TRIES_PER_SIZE):
            if time.perf_counter() - start > timeout:
                return MethodResult(METHOD_SEARCH, "unknown", time.perf_counter() - start, 2,
                                    f"no counterexample within {timeout:g} s ({tried} datasets tried)")
            y_true = [rng.randrange(2) for _ in range(n)]
            y_pred = [rng.randrange(2) for _ in range(n)]
            if len(set(y_true) | set(y_pred)) < 2:
                continue
            weights = [rng.choice(menu) for _ in range(n)]
            tried += 1
            model = sklearn_order(y_true, y_pred, weights)
            if model[first] == model[second]:
                continue
            exact = _z3_order(y_true, y_pred, weights)
            if exact[first] == exact[second]:
                continue  # the Python model and z3 disagree about this candidate: not a finding, keep searching
            return _confirm(claim, Dataset(y_true, y_pred, None, weights), start, tried, model, exact, menu)
    return MethodResult(METHOD_SEARCH, "unknown", time.perf_counter() - start, 2,
                        f"no counterexample among {tried} datasets of 2..{MAX_SAMPLES} samples")


def _confirm(claim: Claim, data: Any, start: float, tried: int, model: dict, exact: dict,
             menu: tuple[float, ...]) -> MethodResult:
    first, second = _pair(claim)
    try:
        values = claim.values(data) if claim.values is not None else None
    except ImportError as exc:
        return MethodResult(METHOD_SEARCH, "error", time.perf_counter() - start, 2,
                            f"a candidate was found but scikit-learn is not importable to confirm it ({exc}); "
                            "not refuted")
    if values is None or claim.violated is None or not claim.violated(values):
        return MethodResult(METHOD_SEARCH, "error", time.perf_counter() - start, 2,
                            f"the model of scikit-learn's order found {model[first]!r} != {model[second]!r}, "
                            f"but scikit-learn itself gives {values}; not refuted")
    counterexample = {"y_true": data.y_true, "y_pred": data.y_pred, "labels": None,
                      "sample_weight": data.sample_weight, "values": values}
    detail = (f"counterexample with {len(data.y_true)} samples (after {tried} datasets, weights from "
              f"{', '.join(map(repr, menu))}): scikit-learn gives {values}, compared with ==; the same two doubles in "
              f"z3's Float64 semantics along scikit-learn's order ({exact[first]!r} vs {exact[second]!r})")
    return MethodResult(METHOD_SEARCH, "refuted", time.perf_counter() - start, 2, detail,
                        counterexample=counterexample, call=claim.call(data) if claim.call else None)


def script(lemma: Lemma, header: str = "") -> str:
    """The lemma as a complete file: its declared status, then the query."""
    declared = f"(set-logic QF_FP)\n(set-info :status {lemma.expected})\n"
    return header + lemma.text.replace("(set-logic QF_FP)\n", declared, 1) + "(exit)\n"


def lemma_files(directory: str | Path | None = None) -> list[Path]:
    """Write the lemmas as ``<name>.smt2`` files (for a re-check by another solver)."""
    root = Path(directory or tempfile.mkdtemp(prefix="metricproofs-fp-"))
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for lemma in lemmas():
        path = root / f"{lemma.name}.smt2"
        path.write_text(script(lemma))
        paths.append(path)
    return paths


def recheck_with_cvc5(claim: Claim, *, timeout: float = 20.0) -> MethodResult | None:
    """``cvc5`` for the integer-weights claim: the same QF_FP lemmas answered by cvc5; None for
    the claims that fail (their counterexamples are confirmed by scikit-learn, not by a solver)."""
    if not applies(claim) or claim.expected != "holds":
        return None
    from metricproofs.provers import cvc5

    if not cvc5.cvc5_available():
        return None
    start = time.perf_counter()
    parts, verdict = [], "proved"
    for lemma, path in zip(lemmas(), lemma_files()):
        answer = cvc5.run_cvc5(path, timeout)
        parts.append(f"{lemma.name}: {answer.status}")
        if answer.status in ("sat", "unsat") and answer.status != lemma.expected:
            verdict = "error"
        elif answer.status not in ("sat", "unsat") and verdict == "proved":
            verdict = "unknown" if answer.status == "unknown" else "error"
    return MethodResult("cvc5", verdict, time.perf_counter() - start, None, "cvc5 QF_FP: " + "; ".join(parts),
                        scope="every k" if verdict == "proved" else "bounded")


#: what ``explain`` prints for a float64 claim (how it is decided, and what it means for a user's tests)
HOW_CHECKED = {
    "holds": ("z3-induction: five QF_FP queries in z3's IEEE-754 binary64 theory (round-to-nearest-even), "
              "cvc5 re-checks them on request (--method cvc5): integer-valued doubles below 2^53 add and "
              "subtract exactly; the induction over scikit-learn's additions then makes both denominators "
              "the exact total N. This covers every class count and every sample count."),
    "fails": ("z3-bounded: a seeded search over small datasets (labels 0/1, weights 0.1..1.0, smallest first) "
              "of a model of scikit-learn's order of operations; the candidate is recomputed in z3's binary64 "
              "semantics and shown only after scikit-learn itself, run on it, returns two different doubles "
              "under ==. Without scikit-learn the verdict is error, never refuted."),
}
ADVICE = (
    "A test that asserts precision_score(...) == recall_score(...) (or f1_score(average='micro') == "
    "accuracy_score(...)) with float sample weights can fail by one unit in the last place although the "
    "identity is true. Compare with a tolerance: math.isclose(p, r, rel_tol=1e-9), pytest.approx(r, rel=1e-9) "
    "or numpy.isclose. How large a tolerance: the difference is rounding in the sums of the weights, which "
    "scikit-learn's np.bincount adds one sample at a time, so for n samples it is at most about 2 n u relative "
    "(u = 2^-53, about 1.1e-16) and usually far less; rel_tol=1e-9 covers n up to about 4 million, and "
    "rel_tol = 4 * n * 2**-53 any n. Integer weights (or none) are exact while their total stays below 2^53 = 9007199254740992: "
    "then == holds bit for bit (proved). To keep float weights and exact equality, scale them to integers "
    "(e.g. weights in tenths times 10) when the units allow it."
)


# --- certificates: the same facts as SMT-LIB2 files (written by metricproofs.certificates) -------


@dataclass(frozen=True)
class FloatObligation:
    """One QF_FP file: the goal it answers, its expected status and its query (without check-sat)."""

    name: str
    expected: str
    text: str

    def script(self, header: str = "") -> str:
        return f"{header}(set-logic QF_FP)\n(set-info :status {self.expected})\n{self.text}(check-sat)\n(exit)\n"


def _body(lemma_text: str) -> str:
    return lemma_text.replace("(set-logic QF_FP)\n", "", 1).replace("(check-sat)\n", "")


def _ground_order(y_true: list[int], y_pred: list[int], weights: list[float]) -> tuple[list[str], dict[str, str]]:
    """scikit-learn's order of operations on a dataset as SMT-LIB2 define-funs over exact constants."""
    from decimal import Decimal

    lines: list[str] = []

    def name(text: str, label: str) -> str:
        lines.append(f"(define-fun {label} () (_ FloatingPoint 11 53) {text})")
        return label

    def exact(x: float) -> str:  # the double's exact value as an SMT-LIB2 decimal
        text = format(Decimal(x), "f")
        return text if "." in text else f"{text}.0"

    w = [name(f"((_ to_fp 11 53) RNE {exact(x)})", f"w{i}") for i, x in enumerate(weights)]
    zero = "(_ +zero 11 53)"

    def binsum(keep: Callable[[int], bool], label: str) -> str:
        total = zero
        for i in range(len(w)):
            if keep(i):
                total = f"(fp.add RNE {total} {w[i]})"
        return name(total, label)

    labels = range(max(max(y_true), max(y_pred)) + 1)
    parts: dict[str, list[str]] = {"tp": [], "pred": [], "true": []}
    for lab in labels:
        tp = binsum(lambda i, lab=lab: y_true[i] == y_pred[i] == lab, f"tp{lab}")
        pc = binsum(lambda i, lab=lab: y_pred[i] == lab, f"pred_count{lab}")
        tc = binsum(lambda i, lab=lab: y_true[i] == lab, f"true_count{lab}")
        parts["tp"].append(tp)
        parts["pred"].append(name(f"(fp.add RNE {tp} (fp.sub RNE {pc} {tp}))", f"pred{lab}"))
        parts["true"].append(name(f"(fp.add RNE {tp} (fp.sub RNE {tc} {tp}))", f"true{lab}"))

    def left(values: list[str]) -> str:
        out = values[0]
        for value in values[1:]:
            out = f"(fp.add RNE {out} {value})"
        return out

    tp_sum, pred_sum, true_sum = (name(left(parts[key]), f"{key}_sum") for key in ("tp", "pred", "true"))
    correct = name(left([w[i] if y_true[i] == y_pred[i] else zero for i in range(len(w))]), "correct")
    weight = name(left(w), "weight")
    two = "((_ to_fp 11 53) RNE 2.0)"
    return lines, {"precision": f"(fp.div RNE {tp_sum} {pred_sum})", "recall": f"(fp.div RNE {tp_sum} {true_sum})",
                   "f1": f"(fp.div RNE (fp.mul RNE {two} {tp_sum}) (fp.add RNE {true_sum} {pred_sum}))",
                   "accuracy": f"(fp.div RNE {correct} {weight})"}


def certificate_obligations(claim: Claim) -> list[FloatObligation]:
    """The files of a float64 claim: for the integer-weights claim each lemma with its hypotheses
    (sat, nothing vacuous) and its negation (unsat); for a failing claim the search's counterexample as a ground QF_FP
    query along scikit-learn's order (sat: the two doubles differ)."""
    if claim.expected == "holds":
        out = []
        for lemma in lemmas():
            if lemma.expected == "unsat":
                premises = _body(lemma.text).rsplit("(assert (not", 1)[0]
                out.append(FloatObligation(f"{lemma.name}-hypotheses", "sat", premises))
                out.append(FloatObligation(f"{lemma.name}-negation", "unsat", _body(lemma.text)))
        return out
    found = _find_candidate(claim)
    if found is None:
        return []
    y_true, y_pred, weights = found
    lines, results = _ground_order(y_true, y_pred, weights)
    first, second = _pair(claim)
    comment = (f"; y_true = {y_true}, y_pred = {y_pred}, sample_weight = {weights!r}\n"
               f"; {first} = {results[first]}\n; {second} = {results[second]}\n")
    text = comment + "\n".join(lines) + f"\n(assert (not (fp.eq {results[first]} {results[second]})))\n"
    return [FloatObligation("negation", "sat", text)]


def _find_candidate(claim: Claim) -> tuple[list[int], list[int], list[float]] | None:
    """The search's first candidate (no scikit-learn needed; the prover confirms it there)."""
    first, second = _pair(claim)
    menu = LARGE_WEIGHTS if any(h.name == "integer-weights" for h in claim.formula().hypotheses) else WEIGHTS
    rng = random.Random(SEED)
    for n in range(2, MAX_SAMPLES + 1):
        for _ in range(TRIES_PER_SIZE):
            y_true = [rng.randrange(2) for _ in range(n)]
            y_pred = [rng.randrange(2) for _ in range(n)]
            if len(set(y_true) | set(y_pred)) < 2:
                continue
            weights = [rng.choice(menu) for _ in range(n)]
            model = sklearn_order(y_true, y_pred, weights)
            if model[first] != model[second]:
                return y_true, y_pred, weights
    return None


def certificate_header(claim: Claim, obligation: FloatObligation, path: str) -> str:
    """The comment header of a float64 certificate: what it asks and how to re-check it."""
    import textwrap

    meaning = {("sat", "hypotheses"): "sat: the lemma's hypotheses have a model, so its unsat answer is not vacuous.",
               ("unsat", "negation"): "unsat: no pair of doubles satisfies the hypotheses and violates the lemma.",
               ("sat", "negation"): "sat: along scikit-learn's order of operations the two doubles differ (the "
                                    "constants are the counterexample's weights, exactly)."}
    kind = "hypotheses" if obligation.name.endswith("hypotheses") else "negation"
    text = [f"metricproofs certificate: {claim.id} (expected: {claim.expected}), query '{obligation.name}', "
            f"IEEE-754 binary64 (QF_FP, round-to-nearest-even).",
            f"Claim: {claim.statement}",
            f"Expected answer: {meaning[(obligation.expected, kind)]}",
            "Re-check from the repository root (either solver):",
            "Written by 'metricproofs export --smt2 proofs/smt2' from metricproofs.provers.floating; do not edit."]
    lines = []
    for paragraph in text:
        lines += [f"; {line}" for line in textwrap.wrap(paragraph, width=92, break_long_words=False,
                                                        break_on_hyphens=False)]
        if paragraph.startswith("Re-check"):
            lines += [f";   z3 {path}", f";   cvc5 {path}"]  # commands are never broken
    return "\n".join(lines) + "\n"
