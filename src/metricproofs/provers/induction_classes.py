"""Method ``z3-induction``, scheme *over classes*: claims about sums of per-label terms, every k.

Summary
    Claims such as "support-weighted recall equals accuracy" are statements about a few
    sums over the labels 0..k-1 of per-label terms (support_l * recall_l, TP_l, ...).
    This scheme proves them for every k by induction over the number m of labels summed.
    Everything is derived from the claim's formula, built by :mod:`metricproofs.definitions`:

    1. Abstraction (sympy). Every sum over the labels in the claim, its hypotheses and its
       lemmas becomes one variable (one per distinct summand); inside a summand the label's
       own counts become per-label variables (matrix: its diagonal entry ``diag_l``, the
       rest of its row ``offrow_l``, the rest of its column ``offcol_l``; free counts:
       ``TP_l, FP_l, FN_l``) and a sum that does not involve the label stays a constant (its
       total). A hypothesis "for every label l: ..." becomes a per-label hypothesis.
    2. The invariant. Candidate relations between the partial sums are generated from the
       summands: a summand whose defined branch is linear in the per-label variables gives
       "its sum = that linear form of the sums" (so sum_l support_l recall_l = sum_l diag_l);
       two summands that agree give "their sums agree"; every sum of non-negative terms is
       non-negative; a positive total hypothesis (N > 0) gives "that sum > 0 implies this
       one > 0". Candidates false on small exact examples are dropped before any solver runs
       (Houdini-style); what remains is proved. With ``superadditive`` the claim itself at
       k = 1 (the sums in place of the means) is the invariant.
    3. The obligations, each discharged by z3 (hypotheses shown satisfiable, every division
       defined, negation unsat): the per-label variables are non-negative (induction over
       samples, k symbolic); each relation holds for one label (no k); the relations are
       preserved when one label's terms are added (no k); for ``superadditive``, the side that
       is not a plain sum is superadditive on the non-negative orthant (no k); the claim
       follows from the relations at m = k and the lemmas (k symbolic). The base case (every
       sum empty, m = 0) is checked by z3 as well.
"""

from __future__ import annotations

import dataclasses
import itertools
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Sequence

import sympy
import sympy.printing.str
from sympy.functions.elementary.piecewise import ExprCondPair

from metricproofs import definitions as d
from metricproofs.catalogue import Claim, CountsOf, Formula, Hypothesis
from metricproofs.evaluation import ExactBackend, UnsupportedExpression, VarSpec, compile_expr
from metricproofs.provers.obligations import Obligation, formula_plan
from metricproofs.provers.results import MethodResult
from metricproofs.provers.smt import solve

__all__ = ["SCHEMA", "SUPERADDITIVE_SCHEMA", "NotOverClasses", "Abstraction", "Atom", "ClassInduction",
           "plan_over_classes", "steps_of", "obligations", "export_obligations", "prove_over_classes", "invariant_text", "describe", "readable",
           "substitute", "discharge", "defined_branch", "one_sample_value", "is_linear_form"]

METHOD = "z3-induction"
WRITTEN = "macros"  #: the encoding of these obligations (small, k-free or k symbolic)

SCHEMA = (
    "Induction over classes (applied by hand, stated here): let A(m) be the sums over the labels "
    "0..m-1 of the claim's per-label terms. If an invariant I holds at m = 0 (every sum empty) and "
    "I(A(m)) together with the relations for one label l implies I(A(m) + terms of l) for any per-label "
    "counts that meet the per-label hypotheses, then I(A(k)) holds for every k; the claim is then "
    "derived from I(A(k)) with k symbolic. The per-label counts (the diagonal entry, the rest of the row, "
    "the rest of the column) are non-negative by induction over samples."
)
SUPERADDITIVE_SCHEMA = (
    " Here I is the claim with each mean over the labels replaced by the sum (the claim at k = 1); it is "
    "preserved because the side that is not a plain sum is superadditive on the non-negative orthant "
    "(f(x) + f(y) <= f(x + y), checked by z3), and the claim for k labels follows by dividing by k."
)


class NotOverClasses(ValueError):
    """The claim is not a statement about sums of per-label terms (the scheme does not apply)."""


# --- sympy helpers shared with the induction over samples -----------------------------------

T_, P_ = sympy.symbols("t p", integer=True)
WEIGHT = sympy.Symbol("w", nonnegative=True)


def is_linear_form(expr: sympy.Basic, base: sympy.IndexedBase) -> bool:
    """A sum of entries of ``base`` times constants, with no constant term."""
    if isinstance(expr, sympy.Indexed):
        return expr.base == base
    if isinstance(expr, sympy.Add):
        return all(is_linear_form(arg, base) for arg in expr.args)
    if isinstance(expr, sympy.Sum):
        return is_linear_form(expr.function, base)
    if isinstance(expr, sympy.Mul):
        with_base = [arg for arg in expr.args if arg.has(base)]
        return len(with_base) == 1 and is_linear_form(with_base[0], base) and all(
            arg.is_number for arg in expr.args if arg is not with_base[0])
    return False


def one_sample_value(expr: sympy.Expr) -> sympy.Expr:
    """A linear form of C on the one-sample matrix w e_{t,p}, by sympy summation."""
    point = expr.replace(lambda x: isinstance(x, sympy.Indexed) and x.base == d.C,
                         lambda x: WEIGHT * sympy.KroneckerDelta(x.indices[0], T_) * sympy.KroneckerDelta(x.indices[1], P_))
    return sympy.piecewise_fold(point.doit())


def substitute(expr: sympy.Basic, rule: dict) -> sympy.Basic:
    """``expr.xreplace(rule)`` without re-evaluating a Piecewise (sympy's constructor rewrites a
    condition that holds a Piecewise, and fails on :class:`~metricproofs.definitions.IsZero`)."""
    if expr in rule:
        return rule[expr]
    if not expr.args:
        return expr
    args = [substitute(arg, rule) for arg in expr.args]
    if all(new is old for new, old in zip(args, expr.args)):
        return expr
    if isinstance(expr, ExprCondPair):
        return sympy.Tuple.__new__(ExprCondPair, *args)
    if isinstance(expr, sympy.Piecewise):
        return sympy.Basic.__new__(sympy.Piecewise, *args)
    return expr.func(*args)


def defined_branch(expr: sympy.Basic) -> sympy.Basic:
    """Replace every zero-division Piecewise by its division branch (the defined value)."""
    def pick(piecewise: sympy.Piecewise) -> sympy.Basic:
        for value, condition in piecewise.args:
            if condition is sympy.true or condition == True:  # noqa: E712
                return value
        return piecewise

    return expr.replace(lambda node: isinstance(node, sympy.Piecewise), pick)


# --- 1. abstraction: sums over the labels become variables ----------------------------------

# Plain symbols (their domains are the VarSpecs of the queries): sympy's assumption system
# would otherwise be consulted at every rebuilt node, which costs more than the solver.
DIAG, OFFROW, OFFCOL = sympy.symbols("diag_l offrow_l offcol_l")
FREE_TP, FREE_FP, FREE_FN = sympy.symbols("TP_l FP_l FN_l")
SELECT = sympy.Symbol("s_l")
LABELS = sympy.Symbol("m")  #: the number of labels summed so far

#: what each per-label variable is, in words (for the detail and the paper)
MEANING = {DIAG: "C[l,l]", OFFROW: "sum_b C[l,b] - C[l,l]", OFFCOL: "sum_a C[a,l] - C[l,l]",
           FREE_TP: "TP[l]", FREE_FP: "FP[l]", FREE_FN: "FN[l]", SELECT: "s[l]"}


def _outer_sums(expr: sympy.Basic) -> list[sympy.Sum]:
    if isinstance(expr, sympy.Sum):
        return [expr]
    return [node for arg in expr.args for node in _outer_sums(arg)]


@dataclass
class Abstraction:
    """Sums over the labels as variables: each distinct summand once, with its symbol.

    ``summands`` maps a per-label term (over the per-label variables) to the symbol of its
    sum over all labels; ``totals`` maps that symbol to the constant that stands for the
    same sum inside another summand (the total, fixed while the induction runs over m).
    """

    encoding: str
    summands: dict[sympy.Expr, sympy.Symbol] = field(default_factory=dict)
    totals: dict[sympy.Symbol, sympy.Symbol] = field(default_factory=dict)
    per_label: list[Hypothesis] = field(default_factory=list)

    @property
    def primitives(self) -> tuple[sympy.Symbol, ...]:
        return (DIAG, OFFROW, OFFCOL) if self.encoding == "matrix" else (FREE_TP, FREE_FP, FREE_FN)

    def __post_init__(self) -> None:
        for var in self.primitives:  # the sums of the per-label variables always exist
            self.sum_of(var)

    def sum_of(self, summand: sympy.Expr) -> sympy.Symbol:
        """The symbol of ``sum over l of summand`` (created on first use)."""
        summand = sympy.sympify(summand)
        symbol = self.summands.get(summand)
        if symbol is None:
            name = f"sum_{summand}" if summand in self.primitives else f"sum{len(self.summands) + 1}"
            symbol = self.summands[summand] = sympy.Symbol(name)
        return symbol

    def total(self, expr: sympy.Basic) -> sympy.Basic:
        """``expr`` (no label free) with every sum over the labels replaced by its symbol."""
        return substitute(expr, {node: self._aggregate(node) for node in _outer_sums(expr)})

    def hypothesis(self, hypothesis: Hypothesis) -> Hypothesis | None:
        """A global hypothesis abstracted; a 'for every label' one is kept as per-label (None)."""
        formula = hypothesis.formula
        if isinstance(formula, d.ForAll):
            var, lo, hi = formula.limits
            if (lo, hi) != (0, d.k - 1):
                raise NotOverClasses(f"hypothesis {hypothesis.name!r} ranges over {lo}..{hi}, not over the labels")
            self.per_label.append(Hypothesis(hypothesis.name, hypothesis.statement, self.term(formula.condition, var)))
            return None
        return Hypothesis(hypothesis.name, hypothesis.statement, self.total(formula))

    def _aggregate(self, node: sympy.Sum) -> sympy.Symbol:
        var, lo, hi = node.limits[-1]
        if (lo, hi) != (0, d.k - 1):
            raise NotOverClasses(f"a sum over {var} = {lo}..{hi} is not a sum over the labels")
        inner = node.function if len(node.limits) == 1 else sympy.Sum(node.function, *node.limits[:-1])
        return self.sum_of(self.term(inner, var))

    def term(self, expr: sympy.Basic, label: sympy.Symbol) -> sympy.Basic:
        """A per-label expression of ``label`` over the per-label variables."""
        replace: dict[sympy.Basic, sympy.Basic] = {}
        for node in _outer_sums(expr):
            if label not in node.free_symbols:
                aggregate = self._aggregate(node)
                replace[node] = self.totals.setdefault(aggregate, sympy.Symbol(f"{aggregate.name}_total"))
                continue
            var, lo, hi = node.limits[0]
            if len(node.limits) != 1 or (lo, hi) != (0, d.k - 1) or not isinstance(node.function, sympy.Indexed) \
                    or node.function.base != d.C:
                raise NotOverClasses(f"a sum inside a per-label term is not a row or column of the label: {node}")
            if node.function.indices == (label, var):
                replace[node] = DIAG + OFFROW
            elif node.function.indices == (var, label):
                replace[node] = DIAG + OFFCOL
            else:
                raise NotOverClasses(f"a sum inside a per-label term is not a row or column of the label: {node}")
        expr = substitute(substitute(expr, replace), {d.C[label, label]: DIAG, d.S[label]: SELECT, d.TP[label]: FREE_TP,
                                                d.FP[label]: FREE_FP, d.FN[label]: FREE_FN})
        if label in expr.free_symbols or expr.has(sympy.Indexed):
            raise NotOverClasses(f"a per-label term is not a function of the label's own counts: {expr}")
        return expr


# --- 2. the invariant: relations between partial sums ---------------------------------------


@dataclass(frozen=True)
class Atom:
    """One relation of the invariant over the partial sums (symbols of :class:`Abstraction`)
    and the number of labels summed ``m``; ``kind`` says where it comes from."""

    kind: str
    relation: sympy.Basic
    text: str


def _linear_form(term: sympy.Expr, variables: Sequence[sympy.Symbol]) -> tuple[sympy.Expr, dict] | None:
    """(constant, {variable: coefficient}) when ``term`` is affine in ``variables``."""
    term = sympy.expand(term)
    coefficients = {v: sympy.diff(term, v) for v in variables}
    if any(c.free_symbols & set(variables) for c in coefficients.values()):
        return None
    constant = term.subs({v: 0 for v in variables})
    if constant.free_symbols & set(variables) or any(isinstance(n, sympy.Piecewise) for n in sympy.preorder_traversal(term)):
        return None
    return constant, {v: c for v, c in coefficients.items() if c != 0}


def candidate_atoms(abstraction: Abstraction, positive: Sequence[sympy.Symbol]) -> list[Atom]:
    """Relations that may hold between the sums: linear, equal, non-negative, positive."""
    prims = abstraction.primitives
    sums = {abstraction.summands[v]: v for v in prims}
    atoms = [Atom("non-negative", sympy.Ge(sums_symbol, 0), f"{sums_symbol} >= 0") for sums_symbol in sums]
    nonlinear = []
    for summand, symbol in abstraction.summands.items():
        if summand in prims:
            continue
        guess = substitute(defined_branch(summand), {SELECT: sympy.Integer(1)})
        form = _linear_form(guess, prims)
        if form is not None:
            constant, coefficients = form
            rhs = constant * LABELS + sympy.Add(*[c * abstraction.summands[v] for v, c in coefficients.items()])
            atoms.append(Atom("linear", sympy.Eq(symbol, rhs), f"{symbol} = {readable(rhs)}"))
        nonlinear.append(symbol)
        atoms.append(Atom("non-negative", sympy.Ge(symbol, 0), f"{symbol} >= 0"))
    for first, second in itertools.combinations(nonlinear, 2):
        atoms.append(Atom("equal", sympy.Eq(first, second), f"{first} = {second}"))
    for reason in positive:
        for symbol in nonlinear:
            if symbol != reason:
                atoms.append(Atom("positive", sympy.Implies(sympy.Gt(reason, 0), sympy.Gt(symbol, 0)),
                                  f"{reason} > 0 implies {symbol} > 0"))
    return atoms


def _positive_sums(hypotheses: Sequence[Hypothesis]) -> list[sympy.Symbol]:
    """Sums that a global hypothesis says are positive (``N > 0``, ``sum TP > 0``)."""
    found = []
    for hypothesis in hypotheses:
        formula = hypothesis.formula
        if isinstance(formula, sympy.StrictGreaterThan) and formula.rhs == 0 and isinstance(formula.lhs, sympy.Symbol):
            found.append(formula.lhs)
    return found


# --- the induction as formulas --------------------------------------------------------------


@dataclass
class ClassInduction:
    """The induction over classes of one claim: the abstraction, the invariant, the obligations."""

    claim: Claim
    abstraction: Abstraction
    hypotheses: tuple[Hypothesis, ...]  # global hypotheses, abstracted
    conclusion: sympy.Basic  # abstracted
    lemmas: tuple[sympy.Basic, ...]  # lemma conclusions, abstracted
    domains: dict[str, VarSpec]
    atoms: list[Atom] = field(default_factory=list)
    superadditive: sympy.Basic | None = None  # the side of the claim at k = 1 that must be superadditive

    # substitutions --------------------------------------------------------------------
    def _terms(self) -> dict[sympy.Symbol, sympy.Expr]:
        """Each sum's symbol -> the term of one label (its summand)."""
        return {symbol: summand for summand, symbol in self.abstraction.summands.items()}

    def _step_vars(self) -> dict[sympy.Symbol, sympy.Symbol]:
        """Each sum's symbol -> the symbol of one label's term in the step."""
        return {symbol: sympy.Symbol(f"{symbol.name}_l") for symbol in self.abstraction.summands.values()}

    def one_label(self, relation: sympy.Basic) -> sympy.Basic:
        """The relation for a single label: every sum is that label's term, m = 1."""
        return substitute(relation, {**self._terms(), LABELS: sympy.Integer(1)})

    def at_zero(self, relation: sympy.Basic) -> sympy.Basic:
        return substitute(relation, {**{s: sympy.Integer(0) for s in self.abstraction.summands.values()},
                                  LABELS: sympy.Integer(0)})

    def added(self, relation: sympy.Basic) -> sympy.Basic:
        """The relation after one more label's terms are added."""
        step = self._step_vars()
        return substitute(relation, {**{s: s + v for s, v in step.items()}, LABELS: LABELS + 1})

    def stepped(self, relation: sympy.Basic) -> sympy.Basic:
        """The relation for one label, over the step's term symbols (as the step assumes it)."""
        return substitute(relation, {**self._step_vars(), LABELS: sympy.Integer(1)})

    def at_end(self, relation: sympy.Basic) -> sympy.Basic:
        """The relation at m = k, where every total is its sum."""
        return substitute(relation, {LABELS: d.k, **{total: s for s, total in self.abstraction.totals.items()}})

    # domains ----------------------------------------------------------------------------
    def _real(self, symbols: Sequence[sympy.Symbol], lower: str | None = None) -> dict[str, VarSpec]:
        return {s.name: VarSpec("Real", lower=lower) for s in symbols}

    def per_label_domains(self) -> dict[str, VarSpec]:
        counts = self.domains.get("C", self.domains.get("TP"))
        prim = VarSpec(counts.sort, lower="0.0" if counts.sort == "Real" else "0")
        out = {v.name: prim for v in self.abstraction.primitives}
        out[SELECT.name] = self.domains.get("s", VarSpec("Int", lower="0", upper="1"))
        out.update(self._real(list(self.abstraction.totals.values())))
        out.update(self._real(list(self.abstraction.summands.values())))  # in global hypotheses
        out.update({name: spec for name, spec in self.domains.items() if name not in ("C", "TP", "FP", "FN", "s")})
        out["k"] = VarSpec("Int", lower="1")
        return out

    def global_hypotheses_at_totals(self) -> tuple[Hypothesis, ...]:
        """The global hypotheses over the totals (constants while the induction runs over m)."""
        totals = self.abstraction.totals
        for symbol in set().union(*[h.formula.free_symbols for h in self.hypotheses]):
            if symbol in self.abstraction.summands.values():
                totals.setdefault(symbol, sympy.Symbol(f"{symbol.name}_total"))
        return tuple(Hypothesis(h.name, h.statement, substitute(h.formula, totals)) for h in self.hypotheses)

    # formulas ---------------------------------------------------------------------------
    def one_label_formula(self, atoms: Sequence[Atom]) -> Formula:
        """Every atom for one label, under the per-label and the global hypotheses."""
        hyps = (Hypothesis("per-label counts", "the label's counts are non-negative (proved by induction over samples)"),
                *self.abstraction.per_label, *self.global_hypotheses_at_totals())
        conclusion = sympy.And(*[self.one_label(a.relation) for a in atoms])
        return Formula(hyps, conclusion, self.per_label_domains())

    def base_formula(self, atoms: Sequence[Atom]) -> Formula:
        hyps = self.global_hypotheses_at_totals() or (Hypothesis("none", "no hypothesis"),)
        return Formula(hyps, sympy.And(*[self.at_zero(a.relation) for a in atoms]), self.per_label_domains())

    def step_formula(self, atoms: Sequence[Atom]) -> Formula:
        """I(A) and the atoms for one label imply I(A + that label's terms)."""
        invariant = sympy.And(*[a.relation for a in atoms])
        hyps = [Hypothesis("invariant", "the invariant for the labels summed so far", invariant),
                Hypothesis("one label", "each relation for the label added (proved above)",
                           sympy.And(*[self.stepped(a.relation) for a in atoms])),
                *self.global_hypotheses_at_totals()]
        if self.superadditive is not None:
            hyps.append(Hypothesis("superadditive", "f(x) + f(y) <= f(x + y) for x, y >= 0 (proved above)",
                                   self._superadditive_instance()))
        domains = {**self.per_label_domains(), **self._real(list(self.abstraction.summands.values())),
                   **self._real(list(self._step_vars().values())), LABELS.name: VarSpec("Int", lower="0")}
        return Formula(tuple(hyps), self.added(invariant), domains)

    def _superadditive_vars(self) -> list[sympy.Symbol]:
        return sorted(self.superadditive.free_symbols & set(self.abstraction.summands.values()), key=str)

    def _superadditive_instance(self) -> sympy.Basic:
        f = self.superadditive
        step = self._step_vars()
        xs = self._superadditive_vars()
        nonneg = sympy.And(*[sympy.Ge(x, 0) for x in xs], *[sympy.Ge(step[x], 0) for x in xs])
        return sympy.Implies(nonneg, sympy.Le(f + substitute(f, step), self.added(f)))

    def superadditive_formula(self) -> Formula:
        """f(x) + f(y) <= f(x + y) on the non-negative orthant (the variables of f only)."""
        f = self.superadditive
        xs = self._superadditive_vars()
        ys = {x: sympy.Symbol(f"{x.name}_y") for x in xs}
        conclusion = sympy.Le(f + substitute(f, ys), substitute(f, {x: x + y for x, y in ys.items()}))
        domains = {**self._real(xs, "0.0"), **self._real(list(ys.values()), "0.0"), "k": VarSpec("Int", lower="1")}
        return Formula((Hypothesis("orthant", "x, y >= 0"),), conclusion, domains)

    def conclusion_formula(self, atoms: Sequence[Atom]) -> Formula:
        """The claim from the invariant at m = k and the lemmas, k symbolic."""
        invariant = sympy.And(*[self.at_end(a.relation) for a in atoms])
        hyps = (*self.hypotheses, Hypothesis("invariant", "the invariant at m = k (proved by the induction)", invariant),
                *[Hypothesis("lemma", "a lemma proved for every k", fact) for fact in self.lemmas])
        domains = {**self._real(list(self.abstraction.summands.values())), "k": VarSpec("Int", lower="1")}
        domains.update({name: spec for name, spec in self.domains.items() if name not in ("C", "TP", "FP", "FN", "s")})
        return Formula(tuple(hyps), self.conclusion, domains)

    def domain_formula(self) -> Formula:
        """Each per-label variable is non-negative on every dataset (induction over samples)."""
        label = d.l
        counts = {DIAG: d.C[label, label],
                  OFFROW: sympy.Sum(d.C[label, d.b], (d.b, 0, d.k - 1)) - d.C[label, label],
                  OFFCOL: sympy.Sum(d.C[d.a, label], (d.a, 0, d.k - 1)) - d.C[label, label]}
        for var, expr in counts.items():
            if not is_linear_form(expr, d.C):
                raise NotOverClasses(f"{MEANING[var]} is not a linear form in C")
        inside = lambda x: sympy.And(sympy.Ge(x, 0), sympy.Lt(x, d.k))  # noqa: E731
        hyps = (Hypothesis("one sample", "its labels t, p and the label l are in 0..k-1, weight w >= 0",
                           sympy.And(inside(T_), inside(P_), inside(label))),)
        conclusion = sympy.And(*[sympy.Ge(one_sample_value(expr), 0) for expr in counts.values()])
        number = self.domains["C"]
        domains = {"t": VarSpec("Int", lower=None), "p": VarSpec("Int", lower=None), "l": VarSpec("Int", lower=None),
                   "k": VarSpec("Int", lower="1"), "w": VarSpec(number.sort, lower="0.0" if number.sort == "Real" else "0")}
        return Formula(hyps, conclusion, domains)


def _lemma_fact(abstraction: Abstraction, lemma: Claim, formula: Formula, counts_of: CountsOf) -> sympy.Basic:
    """A lemma's conclusion over the sums, as a fact: only over the same kind of counts (a lemma
    proved for integer counts says nothing about real weights), and under its own hypotheses."""
    stated = lemma.formula(counts_of)
    if stated.encoding != formula.encoding or stated.domains.get("C") != formula.domains.get("C"):
        raise NotOverClasses(f"lemma {lemma.id} is about other counts than this claim")
    conditions = [abstraction.hypothesis(h) for h in stated.hypotheses if h.formula is not sympy.true]
    if any(condition is None for condition in conditions):
        raise NotOverClasses(f"lemma {lemma.id} has a per-label hypothesis; it cannot be used as a fact")
    conclusion = abstraction.total(stated.conclusion)
    return sympy.Implies(sympy.And(*[c.formula for c in conditions]), conclusion) if conditions else conclusion


def build(claim: Claim, counts_of: CountsOf, lemma_claims: Sequence[Claim] = ()) -> ClassInduction:
    """Abstract the claim (and its lemmas) and collect the candidate invariant."""
    formula = claim.formula(counts_of)
    if formula.encoding not in ("matrix", "free-counts"):
        raise NotOverClasses(f"the {formula.encoding} encoding has no per-label counts")
    abstraction = Abstraction(formula.encoding)
    hypotheses = tuple(h for h in (abstraction.hypothesis(h) for h in formula.hypotheses) if h is not None)
    conclusion = abstraction.total(formula.conclusion)
    lemmas = tuple(_lemma_fact(abstraction, lemma, formula, counts_of) for lemma in lemma_claims)
    for obj in (conclusion, *lemmas, *[h.formula for h in hypotheses]):
        if obj.has(d.C) or obj.has(sympy.Indexed) or obj.has(d.l):
            raise NotOverClasses(f"not a function of sums over the labels: {obj}")
    induction = ClassInduction(claim, abstraction, hypotheses, conclusion, lemmas, dict(formula.domains))
    induction.atoms = candidate_atoms(abstraction, _positive_sums(hypotheses))
    return induction


def _drop_impossible_cases(expr: sympy.Basic) -> sympy.Basic:
    """Drop the zero-division case of a ratio whose denominator is a non-zero number (x / 1 is x)."""
    if isinstance(expr, sympy.Piecewise):
        (value, condition), *rest = expr.args
        if isinstance(condition, d.IsZero) and condition.expr.is_number and condition.expr != 0 and rest:
            return _drop_impossible_cases(rest[0][0] if len(rest) == 1 and rest[0][1] == sympy.true
                                          else sympy.Basic.__new__(sympy.Piecewise, *rest))
    if not expr.args:
        return expr
    return substitute(expr, {arg: _drop_impossible_cases(arg) for arg in expr.args})


def with_superadditive(induction: ClassInduction) -> ClassInduction:
    """Add the claim at k = 1 as an atom; its non-sum side must be superadditive."""
    at_one = _drop_impossible_cases(substitute(induction.conclusion, {d.k: sympy.Integer(1)}))
    if not isinstance(at_one, (sympy.GreaterThan, sympy.LessThan)):
        raise NotOverClasses("a superadditive step needs an inequality")
    big, small = (at_one.lhs, at_one.rhs) if isinstance(at_one, sympy.GreaterThan) else (at_one.rhs, at_one.lhs)
    sums = set(induction.abstraction.summands.values())
    plain = defined_branch(small)
    if not (plain.free_symbols <= sums and _linear_form(plain, sorted(sums, key=str)) is not None
            and _linear_form(plain, sorted(sums, key=str))[0] == 0):
        raise NotOverClasses(f"the smaller side at k = 1 is not a plain sum: {small}")
    induction.superadditive = big
    induction.atoms.append(Atom("claim at k = 1", sympy.Ge(big, small), f"{readable(big)} >= {readable(small)}"))
    return induction


# --- filtering candidates on small exact examples ------------------------------------------

_GRID = (0, 1, 3)


def _points(induction: ClassInduction) -> list[dict[sympy.Symbol, Any]]:
    """Small exact assignments of the per-label variables, totals and parameters."""
    prims = induction.abstraction.primitives
    totals = list(induction.abstraction.totals.values())
    exprs = [induction.one_label(a.relation) for a in induction.atoms] + [h.formula for h in induction.abstraction.per_label]
    params = sorted({s for e in exprs for s in e.free_symbols if s.name in ("z", "beta")}, key=str)
    choices: list[tuple] = [_GRID] * len(prims) + [(0, 1)] + [(1, 4)] * len(totals)
    for param in params:
        choices.append((Fraction(1, 2), Fraction(2)) if param.name == "beta" else (0, Fraction(1, 2), 1))
    names = [*prims, SELECT, *totals, *params]
    return [dict(zip(names, values)) for values in itertools.product(*choices)]


def _holds_at(compiled: Any, point: dict) -> bool | None:
    try:
        value = compiled(ExactBackend(), dict(point))
    except (UnsupportedExpression, ZeroDivisionError, TypeError):
        return None
    return value is True


def filter_atoms(induction: ClassInduction, points: Sequence[dict] | None = None) -> list[Atom]:
    """The atoms that hold for one label at every given point (default: the small examples
    that meet the per-label and global hypotheses)."""
    if points is None:
        hyps = [h.formula for h in (*induction.abstraction.per_label, *induction.global_hypotheses_at_totals())]
        context = compile_expr(sympy.And(*hyps)) if hyps else None
        points = [p for p in _points(induction) if context is None or _holds_at(context, p)]
        if not points:
            raise NotOverClasses("no small example meets the per-label and global hypotheses")
    kept = []
    for atom in induction.atoms:
        try:
            compiled = compile_expr(induction.one_label(atom.relation))
        except UnsupportedExpression:
            continue
        if all(_holds_at(compiled, point) for point in points):
            kept.append(atom)
    return kept


# --- 3. the obligations and their discharge -------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One obligation of the scheme: what it establishes and its formula."""

    name: str
    formula: Formula


def plan_over_classes(claim: Claim, counts_of: CountsOf = d.confusion_counts,
                      lemma_claims: Sequence[Claim] = ()) -> ClassInduction:
    """The induction with its candidate invariant, filtered on small exact examples
    (raises :class:`NotOverClasses` when the scheme does not apply)."""
    induction = build(claim, counts_of, lemma_claims)
    if claim.induction is not None and claim.induction.step == "superadditive":
        with_superadditive(induction)
    induction.atoms = filter_atoms(induction)
    return induction


def steps_of(induction: ClassInduction) -> list[Step]:
    """The obligations of the induction, in order."""
    atoms = induction.atoms
    steps = []
    if induction.abstraction.encoding == "matrix":
        steps.append(Step("per-label counts non-negative (induction over samples, k symbolic)", induction.domain_formula()))
    steps.append(Step("each relation for one label (no k)", induction.one_label_formula(atoms)))
    if induction.superadditive is not None:
        steps.append(Step("superadditive on the non-negative orthant (no k)", induction.superadditive_formula()))
    steps.append(Step("base m = 0 (no k)", induction.base_formula(atoms)))
    steps.append(Step("step m -> m + 1 (no k)", induction.step_formula(atoms)))
    steps.append(Step("claim from the invariant at m = k (k symbolic)", induction.conclusion_formula(atoms)))
    return steps


def obligations(steps: Sequence[Step]) -> list[Obligation]:
    """Every query of the plan with the status that discharges it (for export and cvc5)."""
    out = []
    for step in steps:
        for check in formula_plan(step.formula, 1, written=WRITTEN):
            out.append(dataclasses.replace(check, name=f"{step.name}: {check.name}"))
    return out


def export_obligations(claims: Sequence[Claim], timeout: float = 20.0) -> list[Obligation]:
    """The obligations of each claim's induction over classes, named ``<id>-classes-<step>-<check>``,
    with the invariant z3 settles on (one solver call per claim), ready to be written as files."""
    import re

    from metricproofs.catalogue import get

    out = []
    for claim in claims:
        if claim.induction is None or claim.induction.over != "classes":
            continue
        induction = plan_over_classes(claim, lemma_claims=[get(lemma) for lemma in claim.induction.lemmas])
        _settle_atoms(induction, timeout)
        for obligation in obligations(steps_of(induction)):
            slug = re.sub(r"[^a-z0-9]+", "-", obligation.name.lower()).strip("-")
            out.append(dataclasses.replace(obligation, name=f"{claim.id}-classes-{slug}"))
    return out


def discharge(formula: Formula, timeout: float, what: str) -> tuple[str, str]:
    """('proved' | 'error' | 'unknown' | 'refuted', detail) for one step of an induction: the plan
    of :func:`~metricproofs.provers.obligations.formula_plan` (hypotheses sat, divisions defined,
    negation unsat). Both induction schemes discharge their steps here."""
    *checks, negation = formula_plan(formula, 1, written=WRITTEN)
    for check in checks:
        answer = solve([check.query()], timeout)
        if answer.status == check.expected:
            continue
        if check.name == "hypotheses":
            return ("unknown" if answer.status == "unknown" else "error"), \
                f"{what}: hypotheses not shown satisfiable ({answer.status})"
        return ("unknown" if answer.status == "unknown" else "error"), f"{what}: a division may be undefined"
    answer = solve([negation.query()], timeout)
    if answer.status == "unsat":
        return "proved", f"{what}: unsat"
    if answer.status == "sat":
        return "refuted", f"{what}: z3 found a model of the negation: {answer.model}"
    if answer.status == "error":
        return "error", f"{what}: z3 failed ({answer.reason})"
    return "unknown", f"{what}: z3 gave up ({answer.reason})"


def _discharge(step: Step, timeout: float) -> tuple[str, str]:
    return discharge(step.formula, timeout, step.name)


class _Readable(sympy.printing.str.StrPrinter):
    """Prints a zero-division ratio as ``num/den (z if den = 0)`` instead of a raw Piecewise."""

    def _print_Piecewise(self, expr: sympy.Piecewise) -> str:
        *cases, (otherwise, _) = expr.args
        shown = self._print(otherwise)
        for value, condition in reversed(cases):
            shown = f"({self._print(value)} if {self._print(condition)} else {shown})"
        return shown

    def _print_ExprCondPair(self, expr: ExprCondPair) -> str:
        return f"{self._print(expr.args[0])} if {self._print(expr.args[1])}"


def readable(expr: sympy.Basic) -> str:
    """``expr`` as the detail and the paper show it."""
    return _Readable().doprint(expr)


_DISCHARGED: dict[str, tuple[str, str]] = {}  # the per-label domain step, proved once per process and sort


def _discharge_once(step: Step, timeout: float) -> tuple[str, str]:
    """:func:`_discharge`, except that the base case is first tried by sympy (every relation at
    m = 0 often evaluates to True outright) and the per-label domain step, which is the same
    for every claim over a matrix of the same sort, is proved once."""
    if step.name.startswith("base") and step.formula.conclusion is sympy.true:
        return "proved", f"{step.name}: sympy: every relation evaluates to true when every sum is 0"
    if step.name.startswith("per-label counts"):
        key = step.formula.domains["w"].sort
        if _DISCHARGED.get(key, ("",))[0] != "proved":
            _DISCHARGED[key] = _discharge(step, timeout)
        return _DISCHARGED[key]
    return _discharge(step, timeout)


def describe(induction: ClassInduction) -> str:
    """The invariant in words: what each sum is, and the relations."""
    legend = [f"{symbol} = sum_l {readable(summand)}" for summand, symbol in induction.abstraction.summands.items()
              if summand not in induction.abstraction.primitives]
    prims = ", ".join(f"{v} = {MEANING[v]}" for v in induction.abstraction.primitives)
    atoms = "; ".join(a.text for a in induction.atoms)
    return f"per label: {prims}; sums: {'; '.join(legend) or 'only of those'}; invariant I: {atoms}"


def _settle_atoms(induction: ClassInduction, timeout: float) -> None:
    """Drop the atoms that z3 shows false for one label, until the rest is proved (or nothing
    is left to drop): each round's model is a per-label example, and every atom false at it goes."""
    for _ in range(len(induction.atoms)):
        step = Step("one label", induction.one_label_formula(induction.atoms))
        *_, negation = formula_plan(step.formula, 1, written=WRITTEN)
        answer = solve([negation.query()], timeout)
        if answer.status != "sat" or answer.model is None:
            return
        point = {symbol: answer.model.get(symbol.name, Fraction(0))
                 for symbol in step.formula.conclusion.free_symbols}
        kept = filter_atoms(induction, [point])
        if len(kept) == len(induction.atoms):
            return
        induction.atoms = kept


def invariant_text(claim: Claim) -> str:
    """The per-label variables, the sums and the candidate invariant of the claim (sympy and small
    exact examples only, no solver; the proof may still drop a relation z3 refutes)."""
    from metricproofs.catalogue import get

    try:
        return describe(plan_over_classes(claim, lemma_claims=[get(lemma) for lemma in claim.induction.lemmas]))
    except (NotOverClasses, UnsupportedExpression) as why:
        return f"the induction over classes does not apply: {why}"


def prove_over_classes(claim: Claim, *, timeout: float = 60.0, counts_of: CountsOf = d.confusion_counts,
                       lemma_claims: Sequence[Claim] = ()) -> MethodResult:
    """Run the induction over classes on one claim; the lemmas must already be proved for every k."""
    start = time.perf_counter()
    try:
        induction = plan_over_classes(claim, counts_of, lemma_claims)
        _settle_atoms(induction, timeout)
        if induction.superadditive is not None and not any(a.kind == "claim at k = 1" for a in induction.atoms):
            raise NotOverClasses("the claim for one label (k = 1) is false, so it cannot be the invariant")
        steps = steps_of(induction)
    except (NotOverClasses, UnsupportedExpression) as why:
        return MethodResult(METHOD, "error", time.perf_counter() - start, None, f"induction over classes: {why}")
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(lambda step: _discharge_once(step, timeout), steps))
    details = [detail for _, detail in outcomes]
    schema = SCHEMA + (SUPERADDITIVE_SCHEMA if induction.superadditive is not None else "")
    text = f"{describe(induction)}; obligations: {'; '.join(details)}; schema: {schema}"
    verdicts = {verdict for verdict, _ in outcomes}
    seconds = time.perf_counter() - start
    if verdicts == {"proved"}:
        return MethodResult(METHOD, "proved", seconds, None, text, scope="every k")
    # A model of a step's negation is not a dataset: a failed step is an error of the proof.
    verdict = "unknown" if verdicts <= {"proved", "unknown"} else "error"
    return MethodResult(METHOD, verdict, seconds, None, text)
