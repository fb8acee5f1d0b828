"""The named claims: identities that hold, and nearby beliefs that fail.

Summary
    Each :class:`Claim` has a contract id (kebab case, DESIGN section 3), a statement in
    words, named hypotheses, the expected truth (``holds`` / ``fails``), a human proof or
    the reason it fails, references (BibTeX keys of paper/references.bib), and a formal
    statement built from :mod:`metricproofs.definitions` - never retyped.

Main statements
    The central one is ``fp-fn-balance``: in single-label data every error is a false
    positive of the predicted label and a false negative of the true label, so
    ``sum FP = sum FN = N - trace``. Its corollaries (micro P = R = F1 = accuracy, ...)
    and the false beliefs around them (label subsets, multi-label, abstention, top-k,
    macro averages) follow.

Modelling
    Single-label claims are stated over a k x k confusion matrix with unbounded
    non-negative entries. Every such matrix is the confusion matrix of some dataset
    (C[a][b] copies of the pair (a, b); Real entries are sample weights), so a proof for
    every matrix covers every sample count n. Multi-label claims use free per-label
    counts (each non-negative (TP, FP, FN) per label is realised by one-label rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Literal

import importlib
from types import ModuleType

from metricproofs.domains import VarSpec


class _Lazy(ModuleType):
    """A module imported on first attribute access: listing the catalogue needs no sympy."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._target = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._target), attribute)


def _deferred(module: str, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)
    call.__name__ = name
    return call


sympy = _Lazy("sympy")
d = _Lazy("metricproofs.definitions")
And, Eq, Ge, Gt, Le, Lt, Or, Sum = (_deferred("sympy", name) for name in ("And", "Eq", "Ge", "Gt", "Le", "Lt", "Or", "Sum"))
ForAll, free_counts, indicator_counts = (_deferred("metricproofs.definitions", name)
                                         for name in ("ForAll", "free_counts", "indicator_counts"))


def confusion_counts(*args: Any, **kwargs: Any) -> Any:
    """The library's own single-label counts (metricproofs.definitions.confusion_counts)."""
    return d.confusion_counts(*args, **kwargs)

__all__ = ["Hypothesis", "Formula", "Induction", "Claim", "CATALOGUE", "get", "ids", "catalogue_json", "closest_ids"]

Expected = Literal["holds", "fails"]
CountsOf = Callable[..., Any]  # -> metricproofs.definitions.Counts

INT_COUNTS = VarSpec("Int", lower="0")
REAL_WEIGHTS = VarSpec("Real", lower="0.0")
INDICATOR = VarSpec("Int", lower="0", upper="1")
POSITIVE = VarSpec("Real", lower="0.0", strict_lower=True)
UNIT = VarSpec("Real", lower="0.0", upper="1.0")



def _z() -> Any:
    """``z``: a zero_division value, any number in [0, 1]."""
    return sympy.Symbol("z", nonnegative=True)


@dataclass(frozen=True)
class Hypothesis:
    """A named hypothesis: its name, its statement in words, and its formula.

    For a proof step (:attr:`Claim.steps`), ``uses`` names what its proof assumes besides the
    variables' domains: some of the claim's hypotheses and earlier steps (None: every
    hypothesis, no step). Fewer assumptions make the step's own query a stronger statement,
    often a far easier one (kappa's T <= N is linear without the hypothesis p_e < 1).
    """

    name: str
    statement: str
    formula: Any = field(default_factory=lambda: importlib.import_module("sympy").true)
    uses: tuple[str, ...] | None = None
    #: For a proof step: whether z3-bounded asks it one instance at a time (a bounded "for
    #: every label" is a conjunction of its instances) or whole. Many small instances are
    #: cheaper whole: MCC's margin steps took 1.2-1.6 s a k at k = 20 asked per label, 0.4 s whole.
    split: bool = True


@dataclass(frozen=True)
class Formula:
    """A claim made formal: hypotheses, conclusion, and the domain of every variable.

    ``encoding`` says how a model decodes into data: ``matrix`` (C, s), ``free-counts``
    (TP, FP, FN per label) or ``indicators`` (Y, Yhat rows). ``sizes`` binds other sizes
    (e.g. the number of samples ``n`` for sample-level statements) for a class count k.
    """

    hypotheses: tuple[Hypothesis, ...]
    conclusion: sympy.Basic
    domains: dict[str, VarSpec]
    encoding: str = "matrix"
    sizes: Callable[[int], dict[sympy.Symbol, int]] = lambda k: {}


@dataclass(frozen=True)
class Induction:
    """How method ``z3-induction`` proves a claim for every k: which induction, and what it uses.

    ``over`` names the scheme: ``samples`` (add one sample at a time; for statements about
    sums of confusion-matrix entries, such as sum FP = sum FN) or ``classes`` (add one label
    at a time; for statements about sums of per-label terms, such as
    sum_l support_l * recall_l = trace). ``lemmas`` are claims proved for every k by their
    own induction whose conclusions this proof uses. ``step`` is how the invariant of an
    induction over classes is preserved: ``additive`` (relations between sums, closed under
    adding a label's terms) or ``superadditive`` (the claim for the sums, preserved because
    one side is superadditive; the claim for k labels follows by dividing by k).
    """

    over: Literal["samples", "classes"]
    lemmas: tuple[str, ...] = ()
    step: Literal["additive", "superadditive"] = "additive"


@dataclass(frozen=True)
class Claim:
    """One entry of the catalogue."""

    id: str
    title: str
    expected: Expected
    statement: str
    proof: str
    references: tuple[str, ...]
    build: Callable[[CountsOf], Formula]
    methods: tuple[str, ...] = ("z3-bounded",)
    min_classes: int = 1
    max_classes: int = 20  #: default bound of z3-bounded for this claim (--max-classes raises it)
    #: largest class count whose obligations are committed under proofs/smt2 (kept apart from
    #: max_classes: raising the prover's bound must not change the certificates both solvers re-check)
    export_max_classes: int = 4
    only_classes: int | None = None  #: the claim is about this one class count
    #: claims whose conclusions z3-bounded may use as facts; each is itself proved by
    #: z3-bounded at the same k (the prover checks this before using it)
    lemmas: tuple[str, ...] = ()
    #: intermediate facts of the proof (name, statement in words, formula over the counts),
    #: proved by z3-bounded at each k under the claim's hypotheses together with the lemmas,
    #: then asserted in the negation: the steps a reader would take, so the solver need not
    #: find them (kappa <= accuracy: T <= N and X >= 0)
    steps: Callable[[CountsOf], tuple[Hypothesis, ...]] | None = None
    values: Callable[[Any], dict[str, float]] | None = None  #: reference re-evaluation of a dataset
    violated: Callable[[dict[str, float]], bool] | None = None
    call: Callable[[Any], str] | None = None  #: a paste-able call that shows the values
    #: what metricproofs.testing computes to check this claim on user code (its key there), if it does
    kit: str | None = None
    #: the false beliefs (fails-claims) that show what this claim's hypotheses are for: each
    #: drops or changes one of them, and its counterexample is shown beside this claim
    when_hypotheses_drop: tuple[str, ...] = ()
    #: the nine-sample worked example (metricproofs.examples) illustrates this claim
    worked_example: bool = False
    #: the induction that proves the claim for every k (method z3-induction), if one does
    induction: Induction | None = None
    #: the key argument in a sentence or two, in words (explain prints it before the proof)
    key_argument: str = ""

    def formula(self, counts_of: CountsOf = confusion_counts) -> Formula:
        """The formal statement, built from the definitions (``counts_of`` may be swapped in tests).

        Built once with the library's own counts (a Formula is immutable): z3-bounded reads each
        lemma's conclusion at every k, and building it in sympy took longer than encoding it."""
        if counts_of is not confusion_counts and counts_of is not d.confusion_counts:
            return self.build(counts_of)
        built = self.__dict__.get("_built")
        if built is None:
            built = self.build(counts_of)
            object.__setattr__(self, "_built", built)  # a cache, not a field: equality and hash ignore it
        return built

    @property
    def hypotheses(self) -> tuple[Hypothesis, ...]:
        return self.formula().hypotheses

    def proof_steps(self, counts_of: CountsOf = confusion_counts) -> tuple[Hypothesis, ...]:
        """The intermediate facts z3-bounded proves and then uses (none for most claims)."""
        return () if self.steps is None else self.steps(counts_of)

    @property
    def used_facts(self) -> tuple[str, ...]:
        """What the negation query may assume once proved: the lemmas' ids, then the steps' names."""
        return (*self.lemmas, *(step.name for step in self.proof_steps()))


# --- shared hypotheses ---------------------------------------------------------------------

SINGLE_LABEL = "single-label"
SINGLE_LABEL_TEXT = ("each sample has exactly one true and one predicted label, both in 0..k-1, "
                     "and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of "
                     "non-negative integers, which is the confusion matrix of some dataset)")


def _single_label() -> Hypothesis:
    return Hypothesis(SINGLE_LABEL, SINGLE_LABEL_TEXT)


def _nonempty(c: d.Counts) -> Hypothesis:
    return Hypothesis("nonempty", "there is at least one sample: N > 0", Gt(d.total(c), 0))


def _all_labels_occur(c: d.Counts) -> Hypothesis:
    return Hypothesis(
        "every-label-predicted-and-true",
        "every label occurs in y_true and in y_pred, so every per-label precision and recall is defined",
        ForAll(And(Gt(d.support(c, d.l), 0), Gt(d.predicted(c, d.l), 0)), (d.l, 0, d.k - 1)),
    )


def _labels_outside_set_absent(c: d.Counts) -> Hypothesis:
    return Hypothesis(
        "superset",
        "S contains every label that occurs: a label outside S is neither true nor predicted",
        ForAll(Or(Eq(d.S[d.l], 1), And(Eq(d.support(c, d.l), 0), Eq(d.predicted(c, d.l), 0))), (d.l, 0, d.k - 1)),
    )


def _prf(c: d.Counts, labels: Any = None) -> tuple[sympy.Expr, sympy.Expr, sympy.Expr]:
    return d.micro_precision(c, labels), d.micro_recall(c, labels), d.micro_f1(c, labels)


def _macro_of(metric: Callable[..., sympy.Expr]) -> Callable[[d.Counts, sympy.Expr], sympy.Expr]:
    return lambda c, lab: metric(c, lab)


# --- the claims that hold ------------------------------------------------------------------


def _fp_fn_balance(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula(
        (_single_label(),),
        And(Eq(d.micro_fp(c), d.micro_fn(c)), Eq(d.micro_fn(c), d.total(c) - d.trace(c))),
        {"C": INT_COUNTS},
    )


def _micro_p_eq_r(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula((_single_label(), _nonempty(c)), Eq(d.micro_precision(c), d.micro_recall(c)), {"C": INT_COUNTS})


def _micro_f1_eq_acc(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    p, r, f = _prf(c)
    return Formula((_single_label(), _nonempty(c)), And(Eq(f, p), Eq(p, r), Eq(r, d.accuracy(c))), {"C": INT_COUNTS})


def _micro_fbeta_eq_acc(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula(
        (_single_label(), _nonempty(c), Hypothesis("beta-positive", "beta is any real number > 0")),
        Eq(d.micro_fbeta(c, None, d.beta), d.accuracy(c)),
        {"C": INT_COUNTS, "beta": POSITIVE},
    )


def _micro_superset(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula(
        (_single_label(), _nonempty(c), _labels_outside_set_absent(c)),
        And(Eq(d.micro_precision(c, d.S), d.accuracy(c)), Eq(d.micro_recall(c, d.S), d.accuracy(c))),
        {"C": INT_COUNTS, "s": INDICATOR},
    )


def _weighted_recall(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula(
        (_single_label(), _nonempty(c),
         Hypothesis("any-zero-division", "a label with no support gets any recall z in [0, 1]; its weight is 0")),
        Eq(d.weighted(c, lambda cc, lab: d.recall(cc, lab, _z())), d.accuracy(c)),
        {"C": INT_COUNTS, "z": UNIT},
    )


def _prediction_weighted_precision(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula(
        (_single_label(), _nonempty(c),
         Hypothesis("any-zero-division", "a never-predicted label gets any precision z in [0, 1]; its weight is 0")),
        Eq(d.prediction_weighted(c, lambda cc, lab: d.precision(cc, lab, _z())), d.accuracy(c)),
        {"C": INT_COUNTS, "z": UNIT},
    )


def _micro_jaccard(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    acc = d.accuracy(c)
    return Formula((_single_label(), _nonempty(c)), Eq(d.micro_jaccard(c), acc / (2 - acc)), {"C": INT_COUNTS})


def _binary_micro(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    p, r, f = _prf(c)
    acc = d.accuracy(c)
    return Formula(
        (_single_label(), _nonempty(c), Hypothesis("two-classes", "k = 2; micro over both labels")),
        And(Eq(p, acc), Eq(r, acc), Eq(f, acc)),
        {"C": INT_COUNTS},
    )


def _sample_weights(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    p, r, f = _prf(c)
    return Formula(
        (Hypothesis("weighted-single-label", "each sample adds its non-negative real weight to exactly one cell "
                    "(encoded: C is any k x k matrix of non-negative reals)"), _nonempty(c)),
        And(Eq(d.micro_fp(c), d.micro_fn(c)), Eq(p, r), Eq(r, f), Eq(f, d.accuracy(c))),
        {"C": REAL_WEIGHTS},
    )


def _symmetric(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    swapped = counts_of(lambda row, col: d.C[col, row])
    p, r, f = _prf(c)
    ps, rs, fs = _prf(swapped)
    return Formula(
        (_single_label(), _nonempty(c),
         Hypothesis("swap", "swapping y_true and y_pred transposes the confusion matrix")),
        And(Eq(p, ps), Eq(r, rs), Eq(f, fs)),
        {"C": INT_COUNTS},
    )


def _ovr_accuracy(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    mean_ovr = Sum(d.ovr_accuracy(c, d.l), (d.l, 0, d.k - 1)) / d.k
    return Formula((_single_label(), _nonempty(c)), Eq(mean_ovr, 1 - 2 * (1 - d.accuracy(c)) / d.k), {"C": INT_COUNTS})


def _f1_of_averages(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula(
        (_single_label(), _all_labels_occur(c)),
        Ge(d.f1_of_averages(c, None, 0), d.macro(c, _macro_of(d.f1))),
        {"C": INT_COUNTS},
    )


def _harmonic(x: sympy.Expr, y: sympy.Expr) -> sympy.Expr:
    """H(x, y) = 2xy / (x + y), 0 where x + y = 0 (the definitions' harmonic mean)."""
    return d.harmonic_mean(x, y, 0)


def _f1_of_averages_steps(counts_of: CountsOf, mean: Callable[[sympy.Expr, sympy.Expr], sympy.Expr] = _harmonic,
                          ) -> tuple[Hypothesis, ...]:
    """Opitz and Burst's argument as facts over the counts at each k: per-label F1 is the harmonic
    mean of its P and R; adding label j to the labels before it never loses (H is superadditive);
    and k H(P/k, R/k) = H(P, R) (H is homogeneous). With these the negation is linear in the H
    terms. ``mean`` stands for H so a test can put a wrong mean in its place."""
    c = counts_of(d.C)
    j = sympy.Symbol("j", integer=True, positive=True)
    p = lambda lab: d.precision(c, lab, 0)  # noqa: E731
    r = lambda lab: d.recall(c, lab, 0)  # noqa: E731
    upto = lambda term, last: sympy.Sum(term(d.l), (d.l, 0, last))  # noqa: E731
    return (
        Hypothesis("per-label-f1-is-harmonic-mean", "F1_l = H(P_l, R_l) = 2 P_l R_l / (P_l + R_l) for every label l",
                   ForAll(Eq(d.f1(c, d.l), mean(p(d.l), r(d.l))), (d.l, 0, d.k - 1))),
        Hypothesis("harmonic-mean-superadditive-over-labels",
                   "H(sum_{l<j} P_l, sum_{l<j} R_l) + H(P_j, R_j) <= H(sum_{l<=j} P_l, sum_{l<=j} R_l) for j = 1..k-1",
                   ForAll(Le(mean(upto(p, j - 1), upto(r, j - 1)) + mean(p(j), r(j)),
                             mean(upto(p, j), upto(r, j))), (j, 1, d.k - 1))),
        Hypothesis("harmonic-mean-homogeneous", "k H(macro P, macro R) = H(sum_l P_l, sum_l R_l)",
                   Eq(d.k * d.f1_of_averages(c, None, 0), mean(upto(p, d.k - 1), upto(r, d.k - 1)))),
    )


def _multilabel_iff(counts_of: CountsOf) -> Formula:
    c = free_counts()
    return Formula(
        (Hypothesis("multi-label", "each sample has any set of true and of predicted labels (encoded: free "
                    "non-negative per-label TP, FP, FN)"),
         Hypothesis("some-true-positive", "sum TP > 0", Gt(d.micro_tp(c), 0))),
        sympy.Equivalent(Eq(d.micro_precision(c), d.micro_recall(c)),
                         Eq(d.micro_tp(c) + d.micro_fp(c), d.micro_tp(c) + d.micro_fn(c))),
        {"TP": INT_COUNTS, "FP": INT_COUNTS, "FN": INT_COUNTS},
        encoding="free-counts",
    )


def _fbeta_count_form(counts_of: CountsOf) -> Formula:
    c = free_counts()
    lab = sympy.Integer(0)
    p, r = d.precision(c, lab), d.recall(c, lab)
    return Formula(
        (Hypothesis("defined", "precision and recall are defined and not both 0: TP > 0",
                    Gt(c.tp(lab), 0)),
         Hypothesis("beta-positive", "beta is any real number > 0")),
        Eq(d.fbeta(c, lab, d.beta), (1 + d.beta**2) * p * r / (d.beta**2 * p + r)),
        {"TP": INT_COUNTS, "FP": INT_COUNTS, "FN": INT_COUNTS, "beta": POSITIVE},
        encoding="free-counts",
    )


def _balanced_true_labels(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula(
        (_single_label(), _nonempty(c),
         Hypothesis("labels-of-y-true", "S is exactly the set of labels that occur in y_true",
                    ForAll(sympy.Equivalent(Eq(d.S[d.l], 1), Gt(d.support(c, d.l), 0)), (d.l, 0, d.k - 1)))),
        Eq(d.balanced_accuracy(c), d.macro(c, lambda cc, lab: d.recall(cc, lab, 0), d.S)),
        {"C": INT_COUNTS, "s": INDICATOR},
    )


# --- the claims that fail ------------------------------------------------------------------


def _micro_subset(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    p, r = d.micro_precision(c, d.S), d.micro_recall(c, d.S)
    return Formula(
        (_single_label(),
         Hypothesis("proper-subset", "S leaves out at least one label", Lt(Sum(d.S[d.l], (d.l, 0, d.k - 1)), d.k)),
         Hypothesis("defined", "P_S and R_S are defined: S is predicted and occurs in y_true",
                    And(Gt(d.micro_tp(c, d.S) + d.micro_fp(c, d.S), 0), Gt(d.micro_tp(c, d.S) + d.micro_fn(c, d.S), 0)))),
        Eq(p, r),
        {"C": INT_COUNTS, "s": INDICATOR},
    )


def _multilabel_p_eq_r(counts_of: CountsOf) -> Formula:
    c = free_counts()
    return Formula(
        (Hypothesis("multi-label", "each sample has any set of true and of predicted labels"),
         Hypothesis("defined", "micro P and micro R are defined",
                    And(Gt(d.micro_tp(c) + d.micro_fp(c), 0), Gt(d.micro_tp(c) + d.micro_fn(c), 0)))),
        Eq(d.micro_precision(c), d.micro_recall(c)),
        {"TP": INT_COUNTS, "FP": INT_COUNTS, "FN": INT_COUNTS},
        encoding="free-counts",
    )


def _abstaining(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    last = d.k - 1
    return Formula(
        (Hypothesis("abstention", "label k-1 stands for 'abstain': it is never a true label and is not in the "
                    "label set S = {0..k-2}",
                    And(ForAll(Eq(d.S[d.l], 1), (d.l, 0, d.k - 2)), Eq(d.S[last], 0),
                        ForAll(Eq(d.C[last, d.b], 0), (d.b, 0, last)))),
         Hypothesis("defined", "P_S and R_S are defined",
                    And(Gt(d.micro_tp(c, d.S) + d.micro_fp(c, d.S), 0), Gt(d.micro_tp(c, d.S) + d.micro_fn(c, d.S), 0)))),
        Eq(d.micro_precision(c, d.S), d.micro_recall(c, d.S)),
        {"C": INT_COUNTS, "s": INDICATOR},
    )


def _top_k(counts_of: CountsOf) -> Formula:
    c = indicator_counts()
    return Formula(
        (Hypothesis("one-true-label", "each sample has exactly one true label",
                    ForAll(Eq(Sum(d.Y[d.i, d.l], (d.l, 0, d.k - 1)), 1), (d.i, 0, d.n - 1))),
         Hypothesis("two-predictions", "each sample predicts exactly 2 labels (top-2)",
                    ForAll(Eq(Sum(d.Yhat[d.i, d.l], (d.l, 0, d.k - 1)), 2), (d.i, 0, d.n - 1))),
         Hypothesis("defined", "micro P and R are defined", Gt(d.micro_tp(c) + d.micro_fp(c), 0))),
        Eq(d.micro_precision(c), d.micro_recall(c)),
        {"Y": INDICATOR, "Yhat": INDICATOR},
        encoding="indicators",
        sizes=lambda k: {d.n: 1},
    )


def _macro_p_eq_r(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula((_single_label(), _all_labels_occur(c)),
                   Eq(d.macro(c, _macro_of(d.precision)), d.macro(c, _macro_of(d.recall))), {"C": INT_COUNTS})


def _weighted_precision(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula((_single_label(), _all_labels_occur(c)),
                   Eq(d.weighted(c, _macro_of(d.precision)), d.accuracy(c)), {"C": INT_COUNTS})


def _macro_f1_definitions(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula((_single_label(), _all_labels_occur(c)),
                   Eq(d.macro(c, _macro_of(d.f1)), d.f1_of_averages(c, None, 0)), {"C": INT_COUNTS})


def _macro_f1_between(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    p, r, f = d.macro(c, _macro_of(d.precision)), d.macro(c, _macro_of(d.recall)), d.macro(c, _macro_of(d.f1))
    return Formula((_single_label(), _all_labels_occur(c)),
                   Or(And(Le(p, f), Le(f, r)), And(Le(r, f), Le(f, p))), {"C": INT_COUNTS})


def _micro_f1_at_least_macro(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula((_single_label(), _all_labels_occur(c)),
                   Ge(d.micro_f1(c), d.macro(c, _macro_of(d.f1))), {"C": INT_COUNTS})


def _balanced_default_labels(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula(
        (_single_label(), _nonempty(c),
         Hypothesis("default-labels", "scikit-learn's default label set: every label 0..k-1 occurs in y_true or y_pred",
                    ForAll(Gt(d.support(c, d.l) + d.predicted(c, d.l), 0), (d.l, 0, d.k - 1)))),
        Eq(d.balanced_accuracy(c), d.macro(c, lambda cc, lab: d.recall(cc, lab, 0))),
        {"C": INT_COUNTS},
    )


# --- the second catalogue: chance-corrected agreement (kappa, MCC) and IEEE-754 float64 ----------


def _chance_below_one(c: d.Counts) -> Hypothesis:
    return Hypothesis(
        "chance-below-one",
        "the chance agreement p_e = sum_l support_l predicted_l / N^2 is below 1 (not every sample has one and "
        "the same label on both sides), so kappa is defined",
        Lt(d.chance_agreement_sum(c), d.total(c) ** 2),
    )


def _both_labels_true(c: d.Counts) -> Hypothesis:
    return Hypothesis("both-labels-in-y-true", "k = 2 and both labels occur in y_true, so TPR, TNR and the "
                      "adjusted balanced accuracy are defined",
                      ForAll(Gt(d.support(c, d.l), 0), (d.l, 0, d.k - 1)))


def _swap() -> Hypothesis:
    return Hypothesis("swap", "swapping y_true and y_pred transposes the confusion matrix")


def _kappa_at_most_accuracy(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula((_single_label(), _nonempty(c), _chance_below_one(c)),
                   Le(d.cohen_kappa(c), d.accuracy(c)), {"C": INT_COUNTS})


def _kappa_steps(counts_of: CountsOf) -> tuple[Hypothesis, ...]:
    c = counts_of(d.C)
    # both follow from the counts' signs alone (no hypothesis: kappa's p_e < 1 made T <= N a
    # nonlinear query that took 1-6 s at k = 6..20)
    return (Hypothesis("trace-at-most-N", "T <= N: the correct samples are some of the samples",
                       Le(d.trace(c), d.total(c)), uses=()),
            Hypothesis("chance-sum-non-negative", "X = sum_l support_l predicted_l >= 0: a sum of products of "
                       "non-negative counts", Ge(d.chance_agreement_sum(c), 0), uses=()))


def _kappa_equals_accuracy(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula((_single_label(), _nonempty(c), _chance_below_one(c)),
                   Eq(d.cohen_kappa(c), d.accuracy(c)), {"C": INT_COUNTS})


def _binary_mcc_squared(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    mcc, bm, mk = d.matthews_corrcoef(c), d.informedness(c), d.markedness(c)
    same_sign = And(*(sympy.Equivalent(rel(mcc, 0), rel(other, 0)) for other in (bm, mk) for rel in (Gt, Lt)))
    return Formula((_single_label(), _all_labels_occur(c)), And(Eq(mcc**2, bm * mk), same_sign), {"C": INT_COUNTS})


def _binary_mcc_equals_kappa(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula((_single_label(), _all_labels_occur(c)), Eq(d.matthews_corrcoef(c), d.cohen_kappa(c)),
                   {"C": INT_COUNTS})


def _mcc_symmetric(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    swapped = counts_of(lambda row, col: d.C[col, row])
    return Formula((_single_label(), _swap()), Eq(d.matthews_corrcoef(c), d.matthews_corrcoef(swapped)),
                   {"C": INT_COUNTS})


def _mcc_steps(counts_of: CountsOf) -> tuple[Hypothesis, ...]:
    """The spreads under MCC's root are >= 0, in four steps per margin, each small for z3: a
    margin is at most N, so its square is at most margin times N; N^2 is the sum of the margins
    times N; so the squares add up to at most N^2 (the spread N^2 - sum_l support_l^2 >= 0
    asked at once took 21.6 s at k = 8)."""
    c = counts_of(d.C)
    steps: list[Hypothesis] = []
    for margin, side, spread in ((d.support, "true", d.mcc_true_spread), (d.predicted, "predicted", d.mcc_pred_spread)):
        name = margin.__name__
        m = margin(c, d.l)
        at_most = Hypothesis(f"{name}-at-most-N", f"{name}_l <= N for every label l: a part of the samples",
                             ForAll(Le(m, d.total(c)), (d.l, 0, d.k - 1)), uses=(), split=False)
        squared = Hypothesis(f"{name}-squared-at-most-{name}-times-N",
                             f"{name}_l^2 <= {name}_l N for every label l: {name}_l <= N multiplied by {name}_l >= 0",
                             ForAll(Le(m ** 2, m * d.total(c)), (d.l, 0, d.k - 1)), uses=(at_most.name,),
                             split=False)
        distributed = Hypothesis(f"N-squared-is-sum-of-{name}-times-N", f"N^2 = sum_l {name}_l N: as sum_l {name}_l = N",
                                 Eq(d.total(c) ** 2, d.Sum(m * d.total(c), (d.l, 0, d.k - 1))), uses=())
        spread_ok = Hypothesis(f"{side}-spread-non-negative",
                               f"N^2 - sum_l {name}_l^2 >= 0: the two steps before, summed over l",
                               Ge(spread(c), 0), uses=(squared.name, distributed.name))
        steps += [at_most, squared, distributed, spread_ok]
    return tuple(steps)


def _binary_adjusted_balanced(counts_of: CountsOf) -> Formula:
    c = counts_of(d.C)
    return Formula((_single_label(), _both_labels_true(c)),
                   Eq(d.adjusted_balanced_accuracy(c), d.informedness(c)), {"C": INT_COUNTS})


FLOAT64 = ("float64-arithmetic", "micro P, micro R, micro F1 and accuracy_score as scikit-learn 1.9.1 computes them "
           "in IEEE-754 binary64 with round-to-nearest-even: per-label sums by np.bincount in sample order, "
           "pred_l = tp_l + (pred_l - tp_l) and true_l = tp_l + (true_l - tp_l), totals over labels by np.sum, "
           "one division each; accuracy_score = np.average(y_true == y_pred, weights=w)")


def _float64(conclusion: Callable[[d.Counts], Any], weights: tuple[str, str]) -> Callable[[CountsOf], Formula]:
    """A float64 claim; ``weights`` is its weight hypothesis as (name, statement), built on use (no sympy at import)."""
    def build(counts_of: CountsOf) -> Formula:
        c = counts_of(d.C)
        samples = Hypothesis(SINGLE_LABEL, "each sample has one true and one predicted label and one weight; "
                             "scikit-learn adds the weight to exactly one cell of its confusion counts")
        return Formula((samples, Hypothesis(*weights), Hypothesis(*FLOAT64), _nonempty(c)), conclusion(c), {},
                       encoding="float64")
    return build


def _fl(expr: Any) -> Any:
    """``fl(x)``: the double scikit-learn computes for x (a symbol for the paper, not evaluated)."""
    return sympy.Function("fl")(expr)


INTEGER_WEIGHTS = ("integer-weights-below-2^53", "no weights, or every weight is a non-negative "
                   "integer-valued double, and the exact total weight N is below 2^53 = 9007199254740992")
ANY_WEIGHTS = ("float-weights", "every weight is a non-negative finite double, not all zero (e.g. 0.1)")

_float64_p_eq_r_integer = _float64(lambda c: Eq(_fl(d.micro_precision(c)), _fl(d.micro_recall(c))), INTEGER_WEIGHTS)
_float64_p_eq_r = _float64(lambda c: Eq(_fl(d.micro_precision(c)), _fl(d.micro_recall(c))), ANY_WEIGHTS)
BIG_INTEGER_WEIGHTS = ("integer-weights", "every weight is a non-negative integer-valued double; the "
                       "total may reach 2^53 (the integer-weights claim without its bound)")
_float64_p_eq_r_big = _float64(lambda c: Eq(_fl(d.micro_precision(c)), _fl(d.micro_recall(c))), BIG_INTEGER_WEIGHTS)
_float64_f1_eq_acc = _float64(lambda c: Eq(_fl(d.micro_f1(c)), _fl(d.accuracy(c))), ANY_WEIGHTS)


# --- reference re-evaluation: what a counterexample gives in metricproofs.reference ----------

from metricproofs import witnesses as w  # noqa: E402  (the witnesses read the claims' datasets)

# --- the catalogue -------------------------------------------------------------------------

FP_FN_PROOF = (
    "Double counting. Take any sample (t, p) with weight w. If t = p it adds w to TP_t and to the trace and to "
    "nothing else. If t != p it is an error: it adds w to FP_p (label p was predicted but is not the truth) and "
    "w to FN_t (label t is the truth but was not predicted), and to no other FP or FN. So every error is counted "
    "exactly once in sum FP and exactly once in sum FN, and both sums equal the total weight of the errors, "
    "N - trace(C). In matrix terms: sum_l FP_l = sum of the off-diagonal entries by columns, sum_l FN_l = the same "
    "entries summed by rows."
)

CATALOGUE: tuple[Claim, ...] = (
    Claim("fp-fn-balance", "Sum of false positives equals sum of false negatives", "holds",
          "In single-label classification, sum_l FP_l = sum_l FN_l = N - trace(C).",
          FP_FN_PROOF, ("sokolova2009", "sklearn-docs"), _fp_fn_balance, induction=Induction("samples"),
          key_argument="Each misclassified sample (true t, predicted p) is counted twice: once as a false positive of p and once as a false negative of t; a correct sample is in neither. So sum FP and sum FN each count every error exactly once, and both equal N - trace(C).",
          methods=("z3-bounded", "z3-induction"), max_classes=100, export_max_classes=5, **w.fp_fn_balance, when_hypotheses_drop=('multilabel-micro-precision-equals-recall', 'abstaining-micro-precision-equals-recall'), worked_example=True),
    Claim("micro-precision-equals-recall", "Micro precision equals micro recall", "holds",
          "In single-label classification with N > 0, micro precision over all labels equals micro recall.",
          "P = sum TP / (sum TP + sum FP) and R = sum TP / (sum TP + sum FN). By fp-fn-balance sum FP = sum FN, so "
          "the two denominators are the same number, N (which is > 0): P = R = trace(C) / N.",
          ("sokolova2009", "sklearn-docs"), _micro_p_eq_r, induction=Induction("samples", lemmas=("fp-fn-balance",)),
          key_argument="P and R share the numerator sum TP; their denominators are sum TP + sum FP and sum TP + sum FN. Each error is a false positive of its predicted label and a false negative of its true label, so sum FP = sum FN and the two denominators are the same number, N (lemma fp-fn-balance).", lemmas=("fp-fn-balance",), methods=("z3-bounded", "z3-induction", "sympy"),
          **w.micro_precision_equals_recall, when_hypotheses_drop=('micro-subset-precision-equals-recall', 'multilabel-micro-precision-equals-recall', 'abstaining-micro-precision-equals-recall', 'top-k-micro-precision-equals-recall', 'macro-precision-equals-recall'), worked_example=True, kit="micro P = micro R"),
    Claim("micro-f1-equals-accuracy", "Micro F1 equals accuracy", "holds",
          "In single-label classification with N > 0, micro F1 = micro P = micro R = accuracy.",
          "Both denominators equal N (fp-fn-balance), so P = R = trace/N = accuracy, and the harmonic mean of two "
          "equal numbers is that number. In count form F1 = 2 TP / (2 TP + FP + FN) = 2 TP / (2 N) = accuracy.",
          ("sokolova2009", "grandini2020", "sklearn-docs"), _micro_f1_eq_acc, induction=Induction("samples", lemmas=("fp-fn-balance",)),
          key_argument="Each error is one false positive and one false negative, so sum FP = sum FN and both micro denominators equal N (lemma fp-fn-balance): P = R = trace / N = accuracy, and F1, the harmonic mean of two equal numbers, is that number.", lemmas=("fp-fn-balance",),
          methods=("z3-bounded", "z3-induction", "sympy"), **w.micro_f1_equals_accuracy, when_hypotheses_drop=('micro-subset-precision-equals-recall', 'multilabel-micro-precision-equals-recall', 'micro-f1-at-least-macro-f1'), worked_example=True, kit="micro P, R, F1 = accuracy"),
    Claim("micro-fbeta-equals-accuracy", "Micro F-beta equals accuracy for every beta", "holds",
          "In single-label classification with N > 0, micro F-beta = accuracy for every real beta > 0.",
          "F_beta = (1 + b^2) TP / (b^2 (TP + FN) + (TP + FP)); with sum FP = sum FN the denominator is "
          "(1 + b^2)(TP + FP) = (1 + b^2) N, so F_beta = TP / N.",
          ("sklearn-docs",), _micro_fbeta_eq_acc, induction=Induction("samples", lemmas=("fp-fn-balance",)),
          key_argument="In count form F-beta = (1 + b^2) TP / ((1 + b^2) TP + b^2 FN + FP); every error adds one to sum FP and one to sum FN (lemma fp-fn-balance), so the denominator is (1 + b^2) N whatever beta is, and F-beta = trace / N.", lemmas=("fp-fn-balance",), methods=("z3-bounded", "z3-induction", "sympy"), **w.micro_fbeta_equals_accuracy, kit="micro F-beta = accuracy"),
    Claim("micro-superset-labels-equals-accuracy", "Extra absent labels change nothing", "holds",
          "If the label set S contains every label that occurs, micro P_S = R_S = accuracy.",
          "A label outside S is absent, so it contributes 0 to every count; the sums over S equal the sums over all "
          "labels, and the identity over all labels applies.",
          ("sklearn-docs",), _micro_superset, methods=("z3-bounded", "z3-induction"), induction=Induction("classes", lemmas=("fp-fn-balance",)),
          key_argument="A label outside S occurs in neither y_true nor y_pred, so its TP, FP and FN are 0 and it adds nothing to any sum: the sums over S are the sums over all labels, where each error is one FP and one FN (lemma fp-fn-balance), so P_S = R_S = trace / N.", lemmas=("fp-fn-balance",), export_max_classes=3, **w.micro_superset_labels_equals_accuracy, when_hypotheses_drop=('micro-subset-precision-equals-recall',), kit="micro over a label superset = accuracy"),
    Claim("weighted-recall-equals-accuracy", "Support-weighted recall equals accuracy", "holds",
          "In single-label classification with N > 0, the support-weighted mean of per-label recall equals accuracy, "
          "whatever the zero_division value.",
          "support_l * recall_l = support_l * TP_l / support_l = TP_l when support_l > 0, and 0 = TP_l when "
          "support_l = 0. Summing, sum_l support_l recall_l = trace(C), and sum_l support_l = N.",
          ("sklearn-docs", "grandini2020"), _weighted_recall, induction=Induction("classes"),
          key_argument="Weighting recall_l = TP_l / support_l by support_l cancels its denominator: each label contributes TP_l (and 0 = TP_l when it has no support, whatever zero_division says), so the weighted sum is trace(C) and the weights add up to N.", methods=("z3-bounded", "z3-induction"),
          **w.weighted_recall_equals_accuracy, when_hypotheses_drop=('weighted-precision-equals-accuracy',), kit="weighted recall = accuracy"),
    Claim("prediction-weighted-precision-equals-accuracy", "Prediction-weighted precision equals accuracy", "holds",
          "Precision averaged with weights = number of predictions of each label equals accuracy (the dual of "
          "weighted recall).",
          "predicted_l * precision_l = TP_l (also when predicted_l = 0), and sum_l predicted_l = N.",
          ("grandini2020",), _prediction_weighted_precision, induction=Induction("classes", lemmas=("fp-fn-balance",)),
          key_argument="Weighting precision_l = TP_l / predicted_l by predicted_l cancels its denominator: each label contributes TP_l, so the sum is trace(C); the weights add up to sum (TP + FP) = N because each error is one FP and one FN (lemma fp-fn-balance).", methods=("z3-bounded", "z3-induction"),
          **w.prediction_weighted_precision_equals_accuracy, when_hypotheses_drop=('weighted-precision-equals-accuracy',)),
    Claim("micro-jaccard-from-accuracy", "Micro Jaccard is a function of accuracy", "holds",
          "In single-label classification with N > 0, micro Jaccard = acc / (2 - acc).",
          "J = TP / (TP + FP + FN) = TP / (TP + 2 (N - TP)) = TP / (2N - TP); divide by N. This is the F* = J "
          "relation of Hand, Christen & Kirielle applied to micro F1 = accuracy.",
          ("hand2021",), _micro_jaccard, induction=Induction("samples", lemmas=("fp-fn-balance",)),
          key_argument="Micro Jaccard is sum TP / (sum TP + sum FP + sum FN); each error is one FP and one FN (lemma fp-fn-balance), so sum FP + sum FN = 2 (N - trace) and J = trace / (2N - trace) = acc / (2 - acc).", lemmas=("fp-fn-balance",), methods=("z3-bounded", "z3-induction", "sympy"), **w.micro_jaccard_from_accuracy, kit="micro Jaccard = acc / (2 - acc)"),
    Claim("binary-micro-equals-accuracy", "Binary: micro over both labels equals accuracy", "holds",
          "With k = 2 labels, micro P, R and F1 over both labels equal accuracy (this is not scikit-learn's "
          "average='binary', which scores the positive label only).",
          "The case k = 2 of micro-f1-equals-accuracy; the z3-bounded check at k = 2 covers every sample count.",
          ("sklearn-docs",), _binary_micro, induction=Induction("samples", lemmas=("fp-fn-balance",)),
          key_argument="With two labels every error is a false positive of one label and a false negative of the other, so both micro denominators are N (lemma fp-fn-balance) and P = R = F1 = accuracy: micro-f1-equals-accuracy at k = 2.", lemmas=("fp-fn-balance",), only_classes=2, methods=("z3-bounded", "z3-induction"), **w.binary_micro_equals_accuracy),
    Claim("sample-weights-preserve-identity", "The identities hold with real sample weights", "holds",
          "With non-negative real sample weights (N > 0), sum FP = sum FN and micro P = R = F1 = accuracy.",
          "The double-counting argument never used that weights are 1: each error adds its weight w to one FP and "
          "one FN. (In floating point the two sums may round differently: the identity is exact in real "
          "arithmetic, not always bit-for-bit.)",
          ("sklearn-docs",), _sample_weights, induction=Induction("samples", lemmas=("fp-fn-balance",)),
          key_argument="The double counting does not depend on the size of the weight: a misclassified sample of weight w adds w to one FP and w to one FN, so sum FP = sum FN = the total weight of the errors (lemma fp-fn-balance, over real weights), and P = R = F1 = accuracy as before.", lemmas=("fp-fn-balance",), methods=("z3-bounded", "z3-induction"),
          **w.sample_weights_preserve_identity),
    Claim("micro-metrics-symmetric", "Micro metrics are symmetric in y_true and y_pred", "holds",
          "Swapping y_true and y_pred leaves micro P, R and F1 (over all labels) unchanged.",
          "Swapping transposes C: FP and FN exchange roles, so P and R exchange; they are equal, so each is "
          "unchanged, and so is F1. All three equal accuracy, which the swap does not change.",
          ("sklearn-docs",), _symmetric, induction=Induction("samples", lemmas=("fp-fn-balance",)),
          key_argument="Swapping y_true and y_pred transposes C, which turns every false positive into a false negative and back; micro P = R = F1 = trace / N (lemma fp-fn-balance), and neither the trace nor N changes.", lemmas=("fp-fn-balance",), methods=("z3-bounded", "z3-induction"), **w.micro_metrics_symmetric, kit="micro value unchanged by swapping y_true, y_pred"),
    Claim("ovr-accuracy-from-accuracy", "Mean one-vs-rest accuracy is determined by accuracy", "holds",
          "The mean over labels of one-vs-rest accuracy equals 1 - 2 (1 - acc) / k.",
          "OvR accuracy of l is (N - FP_l - FN_l) / N. Averaging over k labels: 1 - (sum FP + sum FN) / (k N) "
          "= 1 - 2 (N - trace) / (k N).",
          ("sokolova2009",), _ovr_accuracy, methods=("z3-bounded", "z3-induction"), induction=Induction("classes", lemmas=("fp-fn-balance",)),
          key_argument="One-vs-rest accuracy of l counts the samples that are neither in FP_l nor in FN_l: (N - FP_l - FN_l) / N. Over all labels each error is subtracted twice, once as an FP and once as an FN (lemma fp-fn-balance), so the mean is 1 - 2 (N - trace) / (k N).", lemmas=("fp-fn-balance",), export_max_classes=3, **w.ovr_accuracy_from_accuracy),
    Claim("f1-of-averages-at-least-averaged-f1", "F1 of macro P and R is at least macro F1", "holds",
          "When every label is predicted and true at least once, F1(macro P, macro R) >= mean of per-label F1.",
          "The harmonic mean H(p, r) = 2pr/(p + r) is concave on the positive quadrant, and it is homogeneous, so "
          "H(p, r) <= (2 R^2 p + 2 P^2 r) / (P + R)^2 for every (P, R) (its tangent plane at (P, R)). Average "
          "over labels with (P, R) = (macro P, macro R): mean H(p_l, r_l) <= H(P, R) (Jensen). Opitz & Burst "
          "show the gap can be large.",
          ("opitz2019",), _f1_of_averages, induction=Induction("classes", step="superadditive"),
          steps=_f1_of_averages_steps,
          key_argument="The harmonic mean H(p, r) = 2pr / (p + r) is superadditive: H(p1, r1) + H(p2, r2) <= H(p1 + p2, r1 + r2). Adding the labels one at a time, the sum of the per-label F1 = H(p_l, r_l) stays at most H(sum p_l, sum r_l); dividing by k (H is homogeneous) gives mean F1 <= F1(macro P, macro R).", methods=("z3-bounded", "z3-induction"), max_classes=8, export_max_classes=2,
          **w.f1_of_averages_at_least_averaged_f1, when_hypotheses_drop=('macro-f1-definitions-agree', 'macro-f1-between-macro-precision-and-recall')),
    Claim("multilabel-micro-equal-iff-equal-totals", "Multi-label: micro P = R exactly when totals match", "holds",
          "In multi-label classification with sum TP > 0, micro P = micro R if and only if the total number of "
          "predicted labels equals the total number of true labels.",
          "P = TP / (TP + FP) and R = TP / (TP + FN) with TP > 0 are equal iff TP + FP = TP + FN; those are the "
          "totals of predicted and of true labels.",
          ("sokolova2009",), _multilabel_iff, methods=("z3-bounded", "z3-induction"), induction=Induction("classes"),
          key_argument="P and R share the numerator TP > 0, so they are equal exactly when their denominators TP + FP (labels predicted) and TP + FN (labels true) are equal; multi-label data, unlike single-label data, does not force that.", **w.multilabel_micro_equal_iff_equal_totals, kit="multi-label micro P = R at equal totals"),
    Claim("fbeta-count-form-equals-harmonic-form", "The two forms of F-beta agree", "holds",
          "Where TP > 0, scikit-learn's count form (1 + b^2) TP / ((1 + b^2) TP + b^2 FN + FP) equals "
          "(1 + b^2) P R / (b^2 P + R).",
          "Substitute P = TP / (TP + FP), R = TP / (TP + FN) and multiply numerator and denominator by "
          "(TP + FP)(TP + FN) / TP.",
          ("sklearn-docs", "manning2008"), _fbeta_count_form,
          key_argument="Divide numerator and denominator of the count form by (TP + FP)(TP + FN) / TP: precision and recall appear, and the harmonic form results.", max_classes=1, methods=("z3-bounded", "sympy"),
          **w.fbeta_count_form_equals_harmonic_form),
    Claim("balanced-accuracy-equals-macro-recall-over-true-labels", "Balanced accuracy is macro recall over y_true's labels",
          "holds",
          "Balanced accuracy equals macro recall over exactly the labels that occur in y_true.",
          "Both are the unweighted mean of TP_l / support_l over the labels with support_l > 0.",
          ("sklearn-docs",), _balanced_true_labels, methods=("z3-bounded", "z3-induction"), induction=Induction("classes"),
          key_argument="Balanced accuracy averages recall over the labels that occur in y_true; macro recall over exactly those labels averages the same per-label recalls over the same labels, so the two agree term by term.", **w.balanced_accuracy_equals_macro_recall_over_true_labels, when_hypotheses_drop=('balanced-accuracy-equals-macro-recall',)),
    # --- false beliefs ---
    Claim("micro-subset-precision-equals-recall", "Micro P = R over a proper label subset", "fails",
          "Micro precision equals micro recall over a proper subset S of the labels (scikit-learn labels=).",
          "Restricted to S, the errors are no longer balanced: an error from a label outside S predicted as a label "
          "in S is an FP in S with no matching FN in S (and vice versa).",
          ("sklearn-docs",), _micro_subset, min_classes=2, **w.micro_subset_precision_equals_recall),
    Claim("multilabel-micro-precision-equals-recall", "Multi-label micro P = R", "fails",
          "Micro precision equals micro recall in multi-label classification.",
          "A sample may carry a predicted label with no matching missing true label, so FP and FN need not pair up.",
          ("sokolova2009",), _multilabel_p_eq_r, min_classes=2, **w.multilabel_micro_precision_equals_recall),
    Claim("abstaining-micro-precision-equals-recall", "Micro P = R when the classifier may abstain", "fails",
          "Micro P = R when the classifier may abstain (predict a label outside the label set).",
          "An abstention is a false negative of the true label but a false positive of no label in the set.",
          ("sklearn-docs",), _abstaining, min_classes=2, **w.abstaining_micro_precision_equals_recall),
    Claim("top-k-micro-precision-equals-recall", "Micro P = R for top-2 predictions", "fails",
          "Micro P = R when each sample predicts k > 1 labels (here 2) and has one true label.",
          "Each sample contributes 2 predicted labels and 1 true label: sum (TP + FP) = 2n but sum (TP + FN) = n.",
          ("manning2008",), _top_k, min_classes=2, **w.top_k_micro_precision_equals_recall),
    Claim("macro-precision-equals-recall", "Macro P = macro R", "fails",
          "Macro precision equals macro recall.",
          "The per-label FP and FN are not balanced label by label, only in total.",
          ("sokolova2009", "opitz2019"), _macro_p_eq_r, min_classes=2, **w.macro_precision_equals_recall),
    Claim("weighted-precision-equals-accuracy", "Support-weighted precision equals accuracy", "fails",
          "The support-weighted mean of per-label precision equals accuracy.",
          "Support weights match recall's denominators, not precision's; the dual identity needs prediction weights.",
          ("sklearn-docs",), _weighted_precision, min_classes=2, **w.weighted_precision_equals_accuracy),
    Claim("macro-f1-definitions-agree", "The two macro F1 definitions agree", "fails",
          "The mean of per-label F1 equals the F1 of (macro P, macro R).",
          "The harmonic mean is not linear; Opitz & Burst show the two can differ by a lot.",
          ("opitz2019",), _macro_f1_definitions, min_classes=2, **w.macro_f1_definitions_agree),
    Claim("macro-f1-between-macro-precision-and-recall", "Macro F1 lies between macro P and macro R", "fails",
          "Macro F1 lies between macro precision and macro recall.",
          "Per label F1 lies between P_l and R_l, but averaging does not preserve that: labels with P high and R low "
          "and labels with the reverse give macro P and R near 1/2 and macro F1 much lower.",
          ("opitz2019",), _macro_f1_between, min_classes=2, **w.macro_f1_between_macro_precision_and_recall),
    Claim("micro-f1-at-least-macro-f1", "Micro F1 is at least macro F1", "fails",
          "Micro F1 >= macro F1 always.",
          "When a frequent label is predicted badly and rare labels well, the label-level mean exceeds the "
          "sample-level score.",
          ("sokolova2009", "forman2010"), _micro_f1_at_least_macro, min_classes=2, **w.micro_f1_at_least_macro_f1),
    Claim("balanced-accuracy-equals-macro-recall", "Balanced accuracy equals macro recall (default labels)", "fails",
          "Balanced accuracy equals macro recall with scikit-learn's default labels (those of y_true and y_pred).",
          "A label that occurs only in y_pred gets recall 0 (zero_division) in macro recall; balanced accuracy "
          "ignores it. It is true when the labels are those of y_true.",
          ("sklearn-docs",), _balanced_default_labels, min_classes=2, **w.balanced_accuracy_equals_macro_recall),
    # --- the second catalogue: chance-corrected agreement ---
    Claim("kappa-at-most-accuracy", "Cohen's kappa is at most accuracy", "holds",
          "In single-label classification with N > 0 and chance agreement p_e < 1, Cohen's kappa <= accuracy.",
          "Write T = trace(C), X = sum_l support_l predicted_l, so accuracy = T / N and kappa = (N T - X) / (N^2 - X) "
          "(multiply (p_o - p_e) / (1 - p_e) by N^2). With p_e < 1 the denominator N^2 - X is > 0, so kappa <= T / N "
          "iff N (N T - X) <= T (N^2 - X) iff X (N - T) >= 0, which holds because X >= 0 (a sum of products of "
          "non-negative counts) and T <= N (the correct samples are some of the samples). Equality holds exactly "
          "when X = 0 (impossible for N > 0) or T = N: kappa = accuracy only for a perfect prediction.",
          ("cohen1960", "chicco2020"), _kappa_at_most_accuracy, methods=("z3-bounded", "z3-induction"), min_classes=2,
          steps=_kappa_steps, export_max_classes=2,
          when_hypotheses_drop=("kappa-equals-accuracy",), **w.kappa_at_most_accuracy, kit="kappa <= accuracy when p_e < 1"),
    Claim("binary-mcc-squared-equals-informedness-times-markedness",
          "Binary: MCC^2 = informedness x markedness", "holds",
          "With k = 2 labels, each occurring in y_true and in y_pred, MCC^2 = informedness x markedness, and MCC, "
          "informedness and markedness have the same sign.",
          "With TP, TN, FP, FN of the positive label, informedness = TP/(TP+FN) + TN/(TN+FP) - 1 = "
          "(TP TN - FP FN) / ((TP+FN)(TN+FP)) and markedness = TP/(TP+FP) + TN/(TN+FN) - 1 = "
          "(TP TN - FP FN) / ((TP+FP)(TN+FN)). For k = 2 scikit-learn's formula reduces to Matthews' "
          "MCC = (TP TN - FP FN) / sqrt((TP+FN)(TN+FP)(TP+FP)(TN+FN)): the product of the two is MCC^2, and all "
          "three have the sign of TP TN - FP FN because the square root and the margins are > 0 (Powers 2011).",
          ("matthews1975", "powers2011", "chicco2020"), _binary_mcc_squared, only_classes=2,
          **w.binary_mcc_squared_equals_informedness_times_markedness),
    Claim("mcc-symmetric", "MCC is symmetric in y_true and y_pred", "holds",
          "Multi-class MCC (scikit-learn's formula, Gorodkin's R_K) is unchanged by swapping y_true and y_pred.",
          "Swapping transposes C: the trace and N stay, the row sums (support) and the column sums (predicted) "
          "exchange. cov(t, p) = N trace - sum_l support_l predicted_l is symmetric in the two, and the product "
          "cov(p, p) cov(t, t) under the root only swaps its factors; the zero case (the product is 0) is the same "
          "on both sides.",
          ("gorodkin2004", "matthews1975"), _mcc_symmetric, methods=("z3-bounded", "sympy"), steps=_mcc_steps, max_classes=12, export_max_classes=2,
          **w.mcc_symmetric, kit="MCC unchanged by swapping y_true, y_pred"),
    Claim("binary-adjusted-balanced-accuracy-equals-informedness",
          "Binary: adjusted balanced accuracy is informedness", "holds",
          "With k = 2 labels, both occurring in y_true, scikit-learn's balanced_accuracy_score(adjusted=True) "
          "equals informedness TPR + TNR - 1.",
          "Balanced accuracy is (TPR + TNR) / 2 (recall of each label), chance is 1/2, and adjusting gives "
          "((TPR + TNR) / 2 - 1/2) / (1 - 1/2) = TPR + TNR - 1.",
          ("powers2011", "sklearn-docs"), _binary_adjusted_balanced, only_classes=2,
          **w.binary_adjusted_balanced_accuracy_equals_informedness),
    Claim("kappa-equals-accuracy", "Cohen's kappa equals accuracy (micro F1)", "fails",
          "Cohen's kappa equals accuracy (and so micro F1) in single-label classification.",
          "Kappa subtracts the agreement expected by chance: kappa = (acc - p_e) / (1 - p_e), which is below "
          "accuracy whenever p_e > 0 and the prediction is not perfect (kappa-at-most-accuracy).",
          ("cohen1960", "chicco2020"), _kappa_equals_accuracy, min_classes=2, **w.kappa_equals_accuracy),
    Claim("binary-mcc-equals-kappa", "Binary: MCC equals Cohen's kappa", "fails",
          "With k = 2 labels, MCC equals Cohen's kappa.",
          "With A = (TP + FP)(FP + TN) and B = (TP + FN)(FN + TN), kappa = (TP TN - FP FN) / ((A + B) / 2) and "
          "MCC = (TP TN - FP FN) / sqrt(A B): the same numerator over the arithmetic and over the geometric mean "
          "of A and B. They agree only when A = B or TP TN = FP FN; otherwise |kappa| < |MCC| (Chicco & Jurman "
          "2020).",
          ("chicco2020", "matthews1975", "cohen1960"), _binary_mcc_equals_kappa, only_classes=2,
          **w.binary_mcc_equals_kappa),
    # --- the second catalogue: IEEE-754 float64, as scikit-learn computes ---
    Claim("float64-micro-precision-equals-recall-integer-weights",
          "float64: micro P and R are the same double with integer weights", "holds",
          "In scikit-learn's float64 arithmetic, with no weights or non-negative integer-valued weights whose "
          "total is below 2^53, precision_score and recall_score with average='micro' return the same double, "
          "bit for bit.",
          "Induction over the additions. Every partial sum scikit-learn forms (per-label np.bincount sums in "
          "sample order, tp + (pred - tp) per label, the np.sum over labels in any order) is an exact sum of some "
          "weights, so an integer between 0 and N < 2^53. Step (checked by z3 in IEEE-754 binary64, "
          "round-to-nearest-even): if a and b are integer-valued doubles with 0 <= a, b and a + b < 2^53, the "
          "rounded sum fl(a + b) is exactly a + b, again integer-valued; a difference b - a with 0 <= a <= b is "
          "exact too. So both denominators are the exact real numbers sum_l pred_l = sum_l true_l = N "
          "(sample-weights-preserve-identity), the same double, and IEEE division of the same operands gives the "
          "same result (z3: fl(t / y1) = fl(t / y2) when y1 = y2).",
          ("ieee754", "goldberg1991", "sklearn-docs"), _float64_p_eq_r_integer,
          methods=("z3-induction",), only_classes=2,
          when_hypotheses_drop=("float64-micro-precision-equals-recall", "float64-micro-f1-equals-accuracy-score",
                                "float64-micro-precision-equals-recall-large-integer-weights"),
          **w.float64_micro_precision_equals_recall_integer_weights),
    Claim("float64-micro-precision-equals-recall", "float64: micro P == micro R with float weights", "fails",
          "In scikit-learn's float64 arithmetic with non-integer float weights, precision_score and recall_score "
          "with average='micro' return the same double, bit for bit.",
          "The identity P = R holds in real arithmetic, but scikit-learn adds the weights in two different orders: "
          "per predicted label for the precision denominator, per true label for the recall denominator. "
          "Floating-point addition is not associative (0.1 + 0.2 + 0.3 != 0.1 + (0.2 + 0.3)), so the two totals "
          "can be neighbouring doubles, and the two quotients then differ in the last bit (about 1e-16 "
          "relative). What to do in a test: compare with a tolerance, math.isclose(p, r, rel_tol=1e-9) or "
          "pytest.approx(r, rel=1e-9), never p == r; or use integer weights, which are exact while their total stays "
          "below 2^53 (float64-micro-precision-equals-recall-integer-weights).",
          ("ieee754", "goldberg1991", "sklearn-docs"), _float64_p_eq_r, only_classes=2,
          **w.float64_micro_precision_equals_recall),
    Claim("float64-micro-precision-equals-recall-large-integer-weights",
          "float64: integer weights are not enough once the total reaches 2^53", "fails",
          "In scikit-learn's float64 arithmetic, with non-negative integer-valued weights of any size, "
          "precision_score and recall_score with average='micro' return the same double, bit for bit.",
          "The near miss of the integer-weights claim without its bound: from 2^53 on, not every integer is a "
          "double (2^53 + 1 rounds to 2^53, ties to even), so a sum of integer weights is rounded again, and the "
          "two orders of addition can end on different doubles.",
          ("ieee754", "goldberg1991"), _float64_p_eq_r_big, only_classes=2,
          **w.float64_micro_precision_equals_recall_large_integer_weights),
    Claim("float64-micro-f1-equals-accuracy-score", "float64: f1_score(micro) == accuracy_score with float weights",
          "fails",
          "In scikit-learn's float64 arithmetic with non-integer float weights, f1_score(average='micro') and "
          "accuracy_score return the same double, bit for bit.",
          "accuracy_score is np.average(y_true == y_pred, weights=w): a weighted sum of the correct samples over "
          "np.sum(w), in numpy's pairwise order; micro F1 is 2 tp / (true + pred) from per-label bincount sums. "
          "Equal in the reals (micro-f1-equals-accuracy), the two roundings can end one unit in the last place "
          "apart. Compare with a tolerance (math.isclose, pytest.approx), or use integer weights.",
          ("ieee754", "goldberg1991", "sklearn-docs"), _float64_f1_eq_acc, only_classes=2,
          **w.float64_micro_f1_equals_accuracy_score),
)

_BY_ID = {claim.id: claim for claim in CATALOGUE}


def ids() -> list[str]:
    """Every claim id, in catalogue order."""
    return [claim.id for claim in CATALOGUE]


def closest_ids(word: str, limit: int = 3) -> list[str]:
    """The ids closest to a misspelt one, for error messages."""
    import difflib

    return difflib.get_close_matches(word, ids(), n=limit, cutoff=0.4)


def get(claim_id: str) -> Claim:
    """The claim with this id; a :class:`~metricproofs.errors.UsageError` names the closest ids."""
    from metricproofs.errors import UsageError

    try:
        return _BY_ID[claim_id]
    except KeyError:
        near = closest_ids(claim_id)
        hint = f"; did you mean {', '.join(near)}?" if near else "; 'metricproofs list' shows every id"
        raise UsageError(f"unknown claim id {claim_id!r}{hint}") from None


def catalogue_json() -> dict:
    """The catalogue as one JSON-ready dict (``metricproofs list --json``)."""
    from metricproofs._version import __version__

    claims = []
    for claim in CATALOGUE:
        formula = claim.formula()
        claims.append({
            "id": claim.id,
            "title": claim.title,
            "expected": claim.expected,
            "statement": claim.statement,
            "formula_latex": sympy.latex(formula.conclusion),
            "hypotheses": [{"name": h.name, "statement": h.statement} for h in formula.hypotheses],
            "proof": claim.proof,
            "references": list(claim.references),
            "methods": list(claim.methods),
        })
    return {"metricproofs": __version__, "claims": claims}
