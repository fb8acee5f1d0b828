"""proofs/coq/Float64.v: the float64 counterexamples as Coq theorems, decided by computation.

Each failing float64 claim gets one theorem: along scikit-learn's order of operations on the
dataset of its certificate (:func:`floating.certificate_obligations` finds the same one), the
two doubles the claim says are equal compare unequal under IEEE-754 equality. The arithmetic
is the standard library's ``SpecFloat`` (binary floats defined in Gallina, round to nearest
even), not the primitive floats, whose operations ``Print Assumptions`` lists as axioms. The
terms are translated from the SMT-LIB2 certificate's define-funs, so the Coq file and the
QF_FP file state one computation; ``metricproofs prove --method coq`` confirms the dataset
with scikit-learn before it reports "refuted".

Regenerate with ``python -m metricproofs.provers.coq_float proofs/coq/Float64.v``.
"""

from __future__ import annotations

import math
import sys
import textwrap
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from metricproofs.catalogue import CATALOGUE, Claim
from metricproofs.provers.floating import _find_candidate, _ground_order, _pair, applies
from metricproofs.provers.smt import _sexprs

__all__ = ["coq_float_source", "spec_float", "theorem_name", "theorem_text", "value_name", "float_of_spec"]

_OPS = {"fp.add": "f64_add", "fp.sub": "f64_sub", "fp.mul": "f64_mul", "fp.div": "f64_div"}

_HEADER = """(** * The float64 claims that fail, refuted by computation in the kernel

    Written by [python -m metricproofs.provers.coq_float proofs/coq/Float64.v] from the
    QF_FP certificates' order of operations (metricproofs.provers.floating); do not edit.
    Each dataset is the one of the claim's certificate in proofs/smt2. The arithmetic is
    [SpecFloat]: IEEE-754 binary64 (precision 53, emax 1024) defined in Gallina, rounding to
    nearest even, so the theorems rest on no axiom (the primitive floats' operations would be
    listed by [Print Assumptions]). [SFeqb] is IEEE equality, as [==] on numpy doubles. *)

From Coq Require Import ZArith SpecFloat.
Local Open Scope Z_scope.

Definition f64_add := SFadd 53 1024.
Definition f64_sub := SFsub 53 1024.
Definition f64_mul := SFmul 53 1024.
Definition f64_div := SFdiv 53 1024.
"""


def spec_float(x: float) -> str:
    """The Coq ``spec_float`` of a finite double: ``S754_finite sign m e`` with x = m 2^e and
    a 53-bit m (normal numbers, the only ones the datasets hold), or a signed zero."""
    if x == 0:
        return f"(S754_zero {'true' if math.copysign(1.0, x) < 0 else 'false'})"
    if not math.isfinite(x) or abs(x) < 2.0 ** -1022:
        raise ValueError(f"{x!r} is not a normal double")
    fraction, exponent = math.frexp(abs(x))
    return f"(S754_finite {'true' if x < 0 else 'false'} {int(fraction * 2 ** 53)} ({exponent - 53}))"


def float_of_spec(text: str) -> float:
    """The double a ``spec_float`` value printed by Coq stands for (the inverse of :func:`spec_float`)."""
    words = text.replace("(", " ").replace(")", " ").split()
    if words[0] == "S754_zero":
        return -0.0 if words[1] == "true" else 0.0
    assert words[0] == "S754_finite", text
    value = int(words[2]) * 2.0 ** int(words[3])
    return -value if words[1] == "true" else value


def theorem_name(claim: Claim) -> str:
    return claim.id.replace("-", "_") + "_refuted"


def _prefix(claim: Claim) -> str:
    return claim.id.replace("-", "_").removeprefix("float64_") + "__"


def value_name(claim: Claim, key: str) -> str:
    """The Coq name of one of the two compared doubles (``precision``, ``recall``, ``f1``, ``accuracy``)."""
    return _prefix(claim) + key


def _coq_term(node: object, prefix: str) -> str:
    """One SMT-LIB2 QF_FP term of the certificate as a Coq term over spec_float."""
    if isinstance(node, str):
        return prefix + node
    assert isinstance(node, list) and node, node
    head = node[0]
    if head == "_" and node[1] == "+zero":
        return spec_float(0.0)
    if isinstance(head, list) and head[:2] == ["_", "to_fp"]:  # ((_ to_fp 11 53) RNE decimal): an exact double
        value = float(Fraction(Decimal(node[2])))
        assert Fraction(value) == Fraction(Decimal(node[2])), node  # the decimal is the double's exact value
        return spec_float(value)
    if head in _OPS and node[1] == "RNE":
        return f"({_OPS[head]} {' '.join(_coq_term(arg, prefix) for arg in node[2:])})"
    raise ValueError(f"no Coq reading of {node!r}")


def _theorem(claim: Claim) -> tuple[str, str]:
    found = _find_candidate(claim)
    if found is None:
        raise ValueError(f"{claim.id}: the float64 search found no dataset")
    return theorem_name(claim), theorem_text(claim, *found)


def theorem_text(claim: Claim, y_true: list[int], y_pred: list[int], weights: list[float]) -> str:
    """The definitions and the refutation of ``claim`` on one dataset (it compiles only if the
    two doubles differ on it)."""
    lines, results = _ground_order(y_true, y_pred, weights)
    prefix = _prefix(claim)
    out = [textwrap.fill(f"(** [{claim.id}]: {claim.statement} *)", width=96, subsequent_indent="    ",
                         break_long_words=False, break_on_hyphens=False)]
    for line in lines:
        (define,) = _sexprs(line)
        assert define[0] == "define-fun", line
        out.append(f"Definition {prefix}{define[1]} := {_coq_term(define[4], prefix)}.")
    first, second = _pair(claim)
    for key in (first, second):
        (term,) = _sexprs(results[key])
        out.append(f"Definition {prefix}{key} := {_coq_term(term, prefix)}.")
    name = theorem_name(claim)
    out.append(f"Theorem {name} (* refutes: {claim.id}; y_true = {y_true}; y_pred = {y_pred}; "
               f"sample_weight = {weights!r} *) :\n  SFeqb {prefix}{first} {prefix}{second} = false.")
    out.append("Proof. vm_compute. reflexivity. Qed.")
    return "\n".join(out)


def coq_float_source() -> str:
    """The text of proofs/coq/Float64.v."""
    failing = [c for c in CATALOGUE if applies(c) and c.expected == "fails"]
    theorems = [_theorem(claim) for claim in failing]
    members = ",\n   ".join(name for name, _ in theorems)
    body = "\n\n".join(text for _, text in theorems)
    return (f"{_HEADER}\n{body}\n\n(** One [Print Assumptions] for all of them (see Refutations.v). *)\n"
            f"Definition float64_refutation_theorems :=\n  ({members}).\n"
            "Print Assumptions float64_refutation_theorems.\n")


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "proofs/coq/Float64.v")
    target.write_text(coq_float_source())
    print(f"wrote {target}")
