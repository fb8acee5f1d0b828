"""Every-k proofs of the chance-corrected claims (Cohen's kappa, Matthews correlation).

Summary
    Two arguments, each for a symbolic number of labels k, each derived from the
    definitions in :mod:`metricproofs.definitions` and nothing else:

    - ``sympy`` (**transpose invariance**): a conclusion ``f(C) = f(C^T)`` holds for every
      k when the two sides are the *same sympy expression* after a canonical renaming of
      bound summation indices and a canonical order of rectangular double sums (finite
      sums with constant bounds commute). Used for ``mcc-symmetric``: the transposed
      matrix exchanges row and column sums, and every place they meet is symmetric.
    - ``z3-induction`` (**aggregates**): hypotheses and conclusion are functions of three
      aggregates only, T = trace(C), N = sum of C and X = sum_l support_l predicted_l
      (checked: after replacing them by variables no entry of C is left). Their facts for
      every k: X >= 0 (syntactically a sum of products of sums of non-negative entries)
      and 0 <= T <= N (induction over samples: one sample (t, p, w) adds w [t = p] to T and
      w to N, the step checked by z3 with k symbolic). z3 then proves the claim over the
      three variables. Used for ``kappa-at-most-accuracy``.

    A method returns None for a claim it does not apply to, so the general provers run.
"""

from __future__ import annotations

import itertools
import time

import sympy

from metricproofs import definitions as d
from metricproofs.catalogue import Claim, Formula, Hypothesis
from metricproofs.domains import VarSpec
from metricproofs.provers.results import MethodResult
from metricproofs.provers.smt import encode, solve

__all__ = ["canonical", "prove_transpose_invariance", "prove_by_aggregates", "every_k_schema", "AGGREGATE_SCHEMA",
           "TRANSPOSE_SCHEMA"]

AGGREGATE_SCHEMA = (
    "Induction schema (over samples, as for fp-fn-balance): T <= N holds for the empty dataset (both 0) and is "
    "preserved by adding one sample (t, p, w), w >= 0, 0 <= t, p < k, since T grows by w [t = p] <= w and N by w "
    "(these increments are computed by sympy from the generic-k definitions; z3 checks the step with k "
    "symbolic). X = sum_l support_l predicted_l >= 0 holds syntactically. The claim is then a statement about "
    "(T, N, X) alone, checked by z3 with no k at all."
)


# --- transpose invariance (sympy) -------------------------------------------------------------


def _bound(depth: int) -> sympy.Symbol:
    return sympy.Symbol(f"_i{depth}", integer=True, nonnegative=True)


def _flatten(expr: sympy.Sum) -> tuple[sympy.Basic, list[tuple]]:
    """A nest of Sums as (body, limits innermost first)."""
    body, limits = expr.function, list(expr.limits)
    while isinstance(body, sympy.Sum):
        limits = list(body.limits) + limits
        body = body.function
    return body, limits


def canonical(expr: sympy.Basic, depth: int = 0) -> sympy.Basic:
    """``expr`` with every bound index renamed by depth, and each rectangular nest of sums in
    the order that gives the smallest form (sound: finite sums with constant bounds commute)."""
    if isinstance(expr, sympy.Sum):
        body, limits = _flatten(expr)
        names = {lim[0] for lim in limits}
        rectangular = all(not (lim[1].free_symbols | lim[2].free_symbols) & names for lim in limits)
        orders = itertools.permutations(limits) if rectangular and len(limits) <= 3 else [tuple(limits)]
        best = None
        for order in orders:
            outer_first = list(reversed(order))
            renaming = {lim[0]: _bound(depth + j) for j, lim in enumerate(outer_first)}
            inner = canonical(body.xreplace(renaming), depth + len(limits))
            candidate = sympy.Sum(inner, *[(renaming[lim[0]], lim[1], lim[2]) for lim in order])
            if best is None or sympy.srepr(candidate) < sympy.srepr(best):
                best = candidate
        return best
    if not expr.args:
        return expr
    args = [canonical(arg, depth) for arg in expr.args]
    if isinstance(expr, (sympy.Add, sympy.Mul, sympy.Pow)):
        return expr.func(*args)  # canonical argument order: commutativity
    return sympy.Basic.__new__(type(expr), *args)


def _swapped_equations(formula: Formula) -> list[tuple[sympy.Basic, sympy.Basic]] | None:
    parts = formula.conclusion.args if isinstance(formula.conclusion, sympy.And) else (formula.conclusion,)
    if not all(isinstance(part, sympy.Eq) for part in parts):
        return None
    return [(part.lhs, part.rhs) for part in parts]


def _transpose_equations(claim: Claim) -> list[tuple[sympy.Basic, sympy.Basic]] | None:
    """The equations ``f(C) = f(C^T)`` of a claim of that form (the right side is the left
    side's transpose, after canonical renaming); None when it has another form."""
    if "sympy" not in claim.methods or claim.formula().encoding != "matrix":
        return None
    equations = _swapped_equations(claim.formula())
    if equations is None:
        return None

    def transposed_counts(matrix=d.C, n_labels=d.k):  # every matrix the claim builds, transposed
        entry = (lambda row, col: matrix[row, col]) if isinstance(matrix, sympy.IndexedBase) else matrix
        return d.confusion_counts(lambda row, col: entry(col, row), n_labels)

    transposed = _swapped_equations(claim.formula(transposed_counts))
    if not equations or transposed is None or len(transposed) != len(equations):
        return None
    if any(canonical(rhs) != canonical(lhs_t) for (_, rhs), (lhs_t, _) in zip(equations, transposed)):
        return None
    return equations


def prove_transpose_invariance(claim: Claim) -> MethodResult | None:
    """``sympy`` for a claim ``f(C) = f(C^T)`` whose sides are built from the definitions;
    None when the claim does not have that form."""
    start = time.perf_counter()
    equations = _transpose_equations(claim)
    if equations is None:
        return None
    for lhs, rhs in equations:
        if canonical(lhs) != canonical(rhs):
            return MethodResult("sympy", "unknown", time.perf_counter() - start, None,
                                "the two sides differ after canonical renaming; transpose invariance not shown")
    return MethodResult("sympy", "proved", time.perf_counter() - start, None,
                        "for symbolic k the expression and its transpose (rows and columns exchanged) are the "
                        "same sympy expression after renaming bound indices and ordering rectangular double "
                        "sums; the zero-division branches are identical too, so every case is covered",
                        scope="every k")


TRANSPOSE_SCHEMA = (
    "sympy covers every k: swapping y_true and y_pred transposes C, which exchanges row and column sums; for a "
    "symbolic k the claim's two sides are the same sympy expression once bound summation indices are renamed "
    "and rectangular double sums are put in one order (finite sums with constant bounds commute), "
    "zero-division branches included."
)


def every_k_schema(claim: Claim) -> str:
    """How this module covers every k for ``claim``, in words ('' when it does not apply);
    only the claim's form is read, no solver is run (for ``explain``)."""
    if claim.induction is not None:
        return ""
    if ("z3-induction" in claim.methods and claim.formula().encoding == "matrix"
            and _over_aggregates(claim, d.confusion_counts()) is not None):
        return ("z3-induction covers every k, through the aggregates T = trace(C), N and X = sum_l support_l "
                "predicted_l, of which the claim is a statement. " + AGGREGATE_SCHEMA)
    if _transpose_equations(claim) is not None:
        return TRANSPOSE_SCHEMA
    return ""


# --- aggregates (z3-induction) -------------------------------------------------------------------

T_, N_, X_ = (sympy.Symbol(name, nonnegative=True) for name in ("T_agg", "N_agg", "X_agg"))


def _aggregates(counts: d.Counts) -> dict[sympy.Basic, sympy.Symbol]:
    return {d.chance_agreement_sum(counts): X_, d.total(counts): N_, d.trace(counts): T_}


def _abstract(expr: sympy.Basic, counts: d.Counts) -> sympy.Basic:
    return expr.xreplace(_aggregates(counts))


def _nonnegative(expr: sympy.Basic) -> bool:
    """Syntactically non-negative for every k when every entry of C is: sums and products of
    entries of C and positive numbers."""
    if isinstance(expr, sympy.Indexed):
        return expr.base == d.C
    if isinstance(expr, sympy.Number):
        return bool(expr >= 0)
    if isinstance(expr, sympy.Sum):
        return _nonnegative(expr.function)
    if isinstance(expr, (sympy.Add, sympy.Mul)):
        return all(_nonnegative(arg) for arg in expr.args)
    if isinstance(expr, sympy.Pow):
        return expr.exp.is_Integer and expr.exp > 0 and _nonnegative(expr.base)
    return False


def _point_value(expr: sympy.Expr, t: sympy.Symbol, p: sympy.Symbol, w: sympy.Symbol) -> sympy.Expr:
    point = expr.replace(lambda x: isinstance(x, sympy.Indexed) and x.base == d.C,
                         lambda x: w * sympy.KroneckerDelta(x.indices[0], t) * sympy.KroneckerDelta(x.indices[1], p))
    return sympy.piecewise_fold(point.doit())


def _step(counts: d.Counts) -> Formula:
    """T <= N is preserved by one more sample, for symbolic k."""
    t, p = sympy.symbols("t p", integer=True)
    w = sympy.Symbol("w", nonnegative=True)
    t_next, n_next = sympy.Symbol("T_next", nonnegative=True), sympy.Symbol("N_next", nonnegative=True)
    hypotheses = (
        Hypothesis("single-label", "the new sample's labels are in 0..k-1",
                   sympy.And(sympy.Ge(d.k, 1), sympy.Ge(t, 0), sympy.Lt(t, d.k), sympy.Ge(p, 0), sympy.Lt(p, d.k))),
        Hypothesis("induction-hypothesis", "0 <= T <= N before the sample", sympy.Le(T_, N_)),
        Hypothesis("update", "T and N grow by their values on w e_{t,p}",
                   sympy.And(sympy.Eq(t_next, T_ + _point_value(d.trace(counts), t, p, w)),
                             sympy.Eq(n_next, N_ + _point_value(d.total(counts), t, p, w)))),
    )
    real = VarSpec("Real", lower="0.0")
    domains = {"T_agg": real, "N_agg": real, "T_next": real, "N_next": real, "w": real,
               "t": VarSpec("Int", lower=None), "p": VarSpec("Int", lower=None), "k": VarSpec("Int", lower="1")}
    return Formula(hypotheses, sympy.Le(t_next, n_next), domains)


def _over_aggregates(claim: Claim, counts: d.Counts) -> Formula | None:
    formula = claim.formula()
    conclusion = _abstract(formula.conclusion, counts)
    hypotheses = tuple(Hypothesis(h.name, h.statement, _abstract(h.formula, counts)) for h in formula.hypotheses)
    if any(part.has(d.C) for part in (conclusion, *[h.formula for h in hypotheses])):
        return None
    if not conclusion.has(X_):
        return None  # not a chance-corrected statement: left to the general induction
    facts = Hypothesis("every-k-facts", "0 <= T <= N (induction over samples) and X >= 0 (syntactic)",
                       sympy.And(sympy.Le(T_, N_), sympy.Ge(X_, 0)))
    real = VarSpec("Real", lower="0.0")
    return Formula(hypotheses + (facts,), conclusion, {"T_agg": real, "N_agg": real, "X_agg": real})


def _discharge(formula: Formula, timeout: float, what: str) -> tuple[str, str]:
    hyps = solve([encode(formula, 1, "hypotheses")], timeout)
    if hyps.status != "sat":
        return ("error" if hyps.status == "unsat" else "unknown"), f"{what}: hypotheses not shown satisfiable"
    defined = solve([encode(formula, 1, "definedness")], timeout)
    if defined.status != "unsat":
        return ("error" if defined.status == "sat" else "unknown"), f"{what}: a division may be undefined"
    answer = solve([encode(formula, 1, "negation")], timeout)
    if answer.status == "unsat":
        return "proved", f"{what}: unsat"
    return ("error" if answer.status == "sat" else "unknown"), f"{what}: {answer.status} {answer.reason}".strip()


def prove_by_aggregates(claim: Claim, *, timeout: float = 20.0) -> MethodResult | None:
    """``z3-induction`` for a claim about T, N and X only; None when it is not one."""
    if "z3-induction" not in claim.methods or claim.formula().encoding != "matrix":
        return None
    counts = d.confusion_counts()
    abstract = _over_aggregates(claim, counts)
    if abstract is None:
        return None
    start = time.perf_counter()
    if not _nonnegative(d.chance_agreement_sum(counts)):
        return MethodResult("z3-induction", "error", time.perf_counter() - start, None,
                            "X = sum_l support_l predicted_l is not syntactically non-negative")
    details = ["X >= 0: a sum of products of sums of entries of C (syntactic)",
               "base: T = N = 0 for the empty dataset"]
    for what, formula in (("induction step T <= N (one more sample, k symbolic)", _step(counts)),
                          ("the claim over (T, N, X)", abstract)):
        verdict, detail = _discharge(formula, timeout, what)
        details.append(detail)
        if verdict != "proved":
            return MethodResult("z3-induction", verdict, time.perf_counter() - start, None, "; ".join(details))
    details.append(AGGREGATE_SCHEMA)
    return MethodResult("z3-induction", "proved", time.perf_counter() - start, None, "; ".join(details),
                        scope="every k")
