"""Every metric of metricproofs, defined once, in sympy, over symbolic counts.

Summary
    This module is the single source of truth. The z3 encodings, the exact evaluator
    used by the tests, the induction proofs and the paper's formulas are all derived
    from the expressions built here; nothing else restates a metric.

Main definitions
    - :func:`confusion_counts`: per-label TP, FP, FN of a k x k confusion matrix
      ``C[a, b]`` (rows true, columns predicted, as scikit-learn), for symbolic ``k``.
    - :func:`indicator_counts` and :func:`free_counts`: the same statistics for
      multi-label indicator matrices and for free per-label counts.
    - per-label :func:`precision`, :func:`recall`, :func:`fbeta`, :func:`jaccard`;
      :func:`micro`, :func:`macro` and :func:`weighted` averages over a label set;
      :func:`accuracy`, :func:`balanced_accuracy`, :func:`ovr_accuracy`.
    - :func:`ratio`: the only division; its zero-denominator value is explicit
      (scikit-learn's ``zero_division``: 0, 1, or :data:`UNDEFINED`).

Conventions
    Labels are ``0 .. k-1``. A label set ``S`` is an indicator ``s[l]`` in {0, 1}
    (``labels=None`` means every label). Sums over labels are sympy ``Sum`` objects
    with the symbolic upper limit ``k - 1``, so one expression describes every class
    count; binding ``k`` to a number (see :mod:`metricproofs.evaluation`) instantiates it.
    Micro sums are written as separate sums (``sum TP + sum FP``), which by linearity
    of finite sums equals DESIGN's ``sum (TP + FP)`` and keeps the aggregates visible.

References
    scikit-learn's ``precision_recall_fscore_support`` documentation (zero_division,
    F-beta in count form); Sokolova & Lapalme (2009) for the averaging schemes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Union

import sympy
from sympy import Expr, IndexedBase, Piecewise, Sum, Symbol, Tuple
from sympy.functions.elementary.piecewise import ExprCondPair

__all__ = [
    "k", "n", "beta", "C", "S", "TP", "FP", "FN", "Y", "Yhat", "T", "P", "W",
    "a", "b", "i", "l",
    "UNDEFINED", "ZeroDivision", "ForAll", "IsZero",
    "Counts", "confusion_counts", "indicator_counts", "free_counts", "sample_confusion",
    "ratio", "label_weight",
    "support", "predicted", "tn",
    "precision", "recall", "fbeta", "f1", "jaccard",
    "micro_tp", "micro_fp", "micro_fn",
    "micro_precision", "micro_recall", "micro_fbeta", "micro_f1", "micro_jaccard",
    "macro", "weighted", "prediction_weighted", "f1_of_averages", "harmonic_mean",
    "total", "trace", "accuracy", "balanced_accuracy", "ovr_accuracy",
    "chance_agreement_sum", "chance_agreement", "cohen_kappa",
    "mcc_covariance", "mcc_true_spread", "mcc_pred_spread", "matthews_corrcoef",
    "true_positive_rate", "true_negative_rate", "negative_predictive_value",
    "informedness", "markedness", "adjusted_balanced_accuracy",
    "latex_definitions",
]

# --- symbols -----------------------------------------------------------------------

k = Symbol("k", integer=True, positive=True)  #: number of labels
n = Symbol("n", integer=True, nonnegative=True)  #: number of samples (sample-level forms)
beta = Symbol("beta", positive=True)  #: the F-beta parameter

C = IndexedBase("C")  #: confusion matrix, C[a, b] = weight of samples with true a, predicted b
S = IndexedBase("s")  #: label-set indicator, s[l] = 1 when label l is in the set
TP = IndexedBase("TP")  #: free per-label true positives (multi-label count level)
FP = IndexedBase("FP")  #: free per-label false positives
FN = IndexedBase("FN")  #: free per-label false negatives
Y = IndexedBase("Y")  #: multi-label truth, Y[i, l] in {0, 1}
Yhat = IndexedBase("Yhat")  #: multi-label prediction, Yhat[i, l] in {0, 1}
T = IndexedBase("t")  #: single-label truth per sample
P = IndexedBase("p")  #: single-label prediction per sample
W = IndexedBase("w")  #: sample weight per sample

a, b, i, l = sympy.symbols("a b i l", integer=True, nonnegative=True)

#: The value of a metric whose denominator is zero and whose zero_division is "undefined".
UNDEFINED = sympy.nan

ZeroDivision = Union[int, Expr]  # 0, 1, UNDEFINED, or a symbol standing for one of them


class ForAll(sympy.logic.boolalg.Boolean):
    """A bounded universal statement ``for every index in lo..hi: condition``.

    sympy has no bounded quantifier; hypotheses such as "every sample has exactly one
    true label" need one. Evaluators expand it over the bound range.
    """

    def __new__(cls, condition: sympy.Basic, limits: tuple) -> "ForAll":
        return sympy.Basic.__new__(cls, condition, sympy.Tuple(*limits))

    @property
    def condition(self) -> sympy.Basic:
        return self.args[0]

    @property
    def limits(self) -> sympy.Tuple:
        return self.args[1]

    def _latex(self, printer: sympy.printing.latex.LatexPrinter) -> str:
        var, lo, hi = self.limits
        return r"\forall %s \in \{%s, \dots, %s\}\colon %s" % (
            printer._print(var), printer._print(lo), printer._print(hi), printer._print(self.condition)
        )


class IsZero(sympy.logic.boolalg.Boolean):
    """The condition ``expr = 0`` of a zero-division branch.

    Not a sympy relation on purpose: sympy "folds" a relation whose side contains a
    Piecewise, and that folding was seen to pull a per-label condition out of its Sum,
    leaving the label index free. This opaque condition is never rewritten.
    """

    def __new__(cls, expr: Expr) -> "IsZero":
        return sympy.Basic.__new__(cls, sympy.sympify(expr))

    @property
    def expr(self) -> Expr:
        return self.args[0]

    def rewrite(self, *args: object, **hints: object) -> "IsZero":
        # Piecewise rewrites conditions that contain a Piecewise into ITE form; keep ours.
        return self

    def _latex(self, printer: sympy.printing.latex.LatexPrinter) -> str:
        return f"{printer._print(self.expr)} = 0"

    def _sympystr(self, printer: sympy.printing.str.StrPrinter) -> str:
        return f"Eq({printer._print(self.expr)}, 0)"


def ratio(numerator: Expr, denominator: Expr, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """``numerator / denominator``, or ``zero_division`` when the denominator is 0.

    This is the only division in the module: the 0/0 policy is stated here, once,
    instead of being hidden in the arithmetic.
    """
    # Built directly: sympy's constructor "folds" conditions that contain a Piecewise and
    # was seen to move a per-label condition out of its Sum, leaving the label index free.
    zero = Tuple.__new__(ExprCondPair, sympy.sympify(zero_division), IsZero(denominator))
    other = Tuple.__new__(ExprCondPair, numerator / denominator, sympy.true)
    return sympy.Basic.__new__(Piecewise, zero, other)


# --- per-label sufficient statistics -----------------------------------------------


@dataclass(frozen=True)
class Counts:
    """Per-label TP, FP, FN as sympy expressions in a label index, and the totals.

    ``tp``, ``fp`` and ``fn`` map a label index expression to an expression; ``n_labels``
    is the number of labels (usually ``k``) and ``n_samples`` the total weight N.
    """

    tp: Callable[[Expr], Expr]
    fp: Callable[[Expr], Expr]
    fn: Callable[[Expr], Expr]
    n_labels: Expr
    n_samples: Expr


Matrix = Callable[[Expr, Expr], Expr]


def _entries(matrix: IndexedBase | Matrix) -> Matrix:
    if isinstance(matrix, IndexedBase):
        return lambda row, col: matrix[row, col]
    return matrix


def confusion_counts(matrix: IndexedBase | Matrix = C, n_labels: Expr = k) -> Counts:
    """Per-label statistics of a single-label confusion matrix (rows true, columns predicted).

    ``TP_l = C[l, l]``, ``FP_l = sum_{a != l} C[a, l]`` (the column without its diagonal),
    ``FN_l = sum_{b != l} C[l, b]`` (the row without its diagonal), ``N = sum of all C``.
    ``matrix`` may be a callable ``(row, col) -> entry``, e.g. a transpose.
    """
    entry = _entries(matrix)
    last = n_labels - 1
    return Counts(
        tp=lambda lab: entry(lab, lab),
        fp=lambda lab: Sum(entry(a, lab), (a, 0, last)) - entry(lab, lab),
        fn=lambda lab: Sum(entry(lab, b), (b, 0, last)) - entry(lab, lab),
        n_labels=n_labels,
        n_samples=Sum(Sum(entry(a, b), (b, 0, last)), (a, 0, last)),
    )


def indicator_counts(truth: IndexedBase = Y, prediction: IndexedBase = Yhat,
                     n_samples: Expr = n, n_labels: Expr = k) -> Counts:
    """Per-label statistics of multi-label 0/1 indicator matrices (one row per sample).

    ``TP_l = sum_i Y[i,l] Yhat[i,l]``, ``FP_l = sum_i (1 - Y[i,l]) Yhat[i,l]``,
    ``FN_l = sum_i Y[i,l] (1 - Yhat[i,l])``; N is the number of samples.
    """
    last = n_samples - 1
    return Counts(
        tp=lambda lab: Sum(truth[i, lab] * prediction[i, lab], (i, 0, last)),
        fp=lambda lab: Sum((1 - truth[i, lab]) * prediction[i, lab], (i, 0, last)),
        fn=lambda lab: Sum(truth[i, lab] * (1 - prediction[i, lab]), (i, 0, last)),
        n_labels=n_labels,
        n_samples=n_samples,
    )


def free_counts(n_labels: Expr = k) -> Counts:
    """Free per-label counts ``TP[l], FP[l], FN[l]`` (every non-negative triple per label
    is the multi-label confusion of some dataset, so this covers every multi-label input)."""
    return Counts(tp=lambda lab: TP[lab], fp=lambda lab: FP[lab], fn=lambda lab: FN[lab],
                  n_labels=n_labels, n_samples=Symbol("N", nonnegative=True))


def sample_confusion(row: Expr, col: Expr, n_samples: Expr = n) -> Expr:
    """``C[row, col] = sum_i w_i [t_i = row][p_i = col]``: the link from samples to the matrix.

    Each sample adds its weight to exactly one cell, the single-label hypothesis.
    """
    return Sum(W[i] * sympy.KroneckerDelta(T[i], row) * sympy.KroneckerDelta(P[i], col), (i, 0, n_samples - 1))


def support(counts: Counts, lab: Expr) -> Expr:
    """Number (weight) of samples whose true label is ``lab``: ``TP + FN``."""
    return counts.tp(lab) + counts.fn(lab)


def predicted(counts: Counts, lab: Expr) -> Expr:
    """Number (weight) of samples predicted as ``lab``: ``TP + FP``."""
    return counts.tp(lab) + counts.fp(lab)


def tn(counts: Counts, lab: Expr) -> Expr:
    """True negatives of ``lab``: ``N - TP - FP - FN``."""
    return counts.n_samples - counts.tp(lab) - counts.fp(lab) - counts.fn(lab)


# --- per-label metrics -------------------------------------------------------------


def precision(counts: Counts, lab: Expr, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """``TP / (TP + FP)``."""
    return ratio(counts.tp(lab), predicted(counts, lab), zero_division)


def recall(counts: Counts, lab: Expr, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """``TP / (TP + FN)``."""
    return ratio(counts.tp(lab), support(counts, lab), zero_division)


def _fbeta_from_counts(tp: Expr, true_total: Expr, pred_total: Expr, beta_: Expr,
                       zero_division: ZeroDivision) -> Expr:
    # scikit-learn's count form: (1 + b^2) TP / (b^2 (TP + FN) + (TP + FP)); it equals
    # (1 + b^2) P R / (b^2 P + R) wherever P and R are defined and P + R > 0 (catalogue
    # claim fbeta-count-form-equals-harmonic-form), and is 0 when TP = 0 < denominator.
    return ratio((1 + beta_**2) * tp, beta_**2 * true_total + pred_total, zero_division)


def fbeta(counts: Counts, lab: Expr, beta_: Expr = beta, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Per-label F-beta in scikit-learn's count form."""
    return _fbeta_from_counts(counts.tp(lab), support(counts, lab), predicted(counts, lab), beta_, zero_division)


def f1(counts: Counts, lab: Expr, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Per-label F1: F-beta with beta = 1."""
    return fbeta(counts, lab, sympy.Integer(1), zero_division)


def jaccard(counts: Counts, lab: Expr, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """``TP / (TP + FP + FN)``."""
    return ratio(counts.tp(lab), counts.tp(lab) + counts.fp(lab) + counts.fn(lab), zero_division)


# --- averages over a label set -------------------------------------------------------


def label_weight(labels: IndexedBase | None, lab: Expr) -> Expr:
    """1 for every label when ``labels`` is None, else the indicator ``labels[lab]``."""
    return sympy.Integer(1) if labels is None else labels[lab]


def _over_labels(counts: Counts, labels: IndexedBase | None, term: Callable[[Expr], Expr]) -> Expr:
    return Sum(label_weight(labels, l) * term(l), (l, 0, counts.n_labels - 1))


def micro_tp(counts: Counts, labels: IndexedBase | None = None) -> Expr:
    """``sum_{l in S} TP_l``."""
    return _over_labels(counts, labels, counts.tp)


def micro_fp(counts: Counts, labels: IndexedBase | None = None) -> Expr:
    """``sum_{l in S} FP_l``."""
    return _over_labels(counts, labels, counts.fp)


def micro_fn(counts: Counts, labels: IndexedBase | None = None) -> Expr:
    """``sum_{l in S} FN_l``."""
    return _over_labels(counts, labels, counts.fn)


def micro_precision(counts: Counts, labels: IndexedBase | None = None,
                    zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Micro precision ``sum_S TP / sum_S (TP + FP)``."""
    tp_ = micro_tp(counts, labels)
    return ratio(tp_, tp_ + micro_fp(counts, labels), zero_division)


def micro_recall(counts: Counts, labels: IndexedBase | None = None,
                 zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Micro recall ``sum_S TP / sum_S (TP + FN)``."""
    tp_ = micro_tp(counts, labels)
    return ratio(tp_, tp_ + micro_fn(counts, labels), zero_division)


def micro_fbeta(counts: Counts, labels: IndexedBase | None = None, beta_: Expr = beta,
                zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Micro F-beta: F-beta of the summed counts (scikit-learn's count form)."""
    tp_ = micro_tp(counts, labels)
    return _fbeta_from_counts(tp_, tp_ + micro_fn(counts, labels), tp_ + micro_fp(counts, labels),
                              beta_, zero_division)


def micro_f1(counts: Counts, labels: IndexedBase | None = None, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Micro F1."""
    return micro_fbeta(counts, labels, sympy.Integer(1), zero_division)


def micro_jaccard(counts: Counts, labels: IndexedBase | None = None,
                  zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Micro Jaccard ``sum_S TP / sum_S (TP + FP + FN)``."""
    tp_ = micro_tp(counts, labels)
    return ratio(tp_, tp_ + micro_fp(counts, labels) + micro_fn(counts, labels), zero_division)


PerLabel = Callable[[Counts, Expr], Expr]


def macro(counts: Counts, metric: PerLabel, labels: IndexedBase | None = None,
          zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Unweighted mean of ``metric(counts, l)`` over the labels in S."""
    size = counts.n_labels if labels is None else Sum(labels[l], (l, 0, counts.n_labels - 1))
    return ratio(_over_labels(counts, labels, lambda lab: metric(counts, lab)), size, zero_division)


def weighted(counts: Counts, metric: PerLabel, labels: IndexedBase | None = None,
             zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Mean of ``metric(counts, l)`` weighted by support (scikit-learn's average='weighted')."""
    return ratio(_over_labels(counts, labels, lambda lab: support(counts, lab) * metric(counts, lab)),
                 _over_labels(counts, labels, lambda lab: support(counts, lab)), zero_division)


def prediction_weighted(counts: Counts, metric: PerLabel, labels: IndexedBase | None = None,
                        zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Mean of ``metric(counts, l)`` weighted by the number of predictions of ``l``."""
    return ratio(_over_labels(counts, labels, lambda lab: predicted(counts, lab) * metric(counts, lab)),
                 _over_labels(counts, labels, lambda lab: predicted(counts, lab)), zero_division)


def harmonic_mean(x: Expr, y: Expr, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """``2xy / (x + y)``: F1 of a precision x and a recall y."""
    return ratio(2 * x * y, x + y, zero_division)


def f1_of_averages(counts: Counts, labels: IndexedBase | None = None,
                   zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """The harmonic mean of macro precision and macro recall (the other "macro F1")."""
    p_ = macro(counts, lambda c, lab: precision(c, lab, zero_division), labels, zero_division)
    r_ = macro(counts, lambda c, lab: recall(c, lab, zero_division), labels, zero_division)
    return harmonic_mean(p_, r_, zero_division)


# --- whole-matrix metrics ------------------------------------------------------------


def total(counts: Counts) -> Expr:
    """N, the number (weight) of samples."""
    return counts.n_samples


def trace(counts: Counts) -> Expr:
    """``sum_l TP_l``, the number (weight) of correct predictions in single-label data."""
    return micro_tp(counts, None)


def accuracy(counts: Counts, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """``trace(C) / N`` (single-label data)."""
    return ratio(trace(counts), total(counts), zero_division)


def balanced_accuracy(counts: Counts, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Mean recall over the labels that occur in y_true (scikit-learn's balanced_accuracy_score)."""
    occurs = lambda lab: Piecewise((1, support(counts, lab) > 0), (0, True))  # noqa: E731
    last = counts.n_labels - 1
    return ratio(Sum(occurs(l) * recall(counts, l, 0), (l, 0, last)), Sum(occurs(l), (l, 0, last)),
                 zero_division)


def ovr_accuracy(counts: Counts, lab: Expr, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """One-vs-rest accuracy of ``lab``: ``(TP + TN) / N = (N - FP - FN) / N``."""
    return ratio(counts.n_samples - counts.fp(lab) - counts.fn(lab), counts.n_samples, zero_division)


# --- chance-corrected agreement: Cohen's kappa, Matthews correlation (second catalogue) ---------


def chance_agreement_sum(counts: Counts) -> Expr:
    """``sum_l support_l * predicted_l``: N^2 times the chance agreement p_e."""
    return Sum(support(counts, l) * predicted(counts, l), (l, 0, counts.n_labels - 1))


def chance_agreement(counts: Counts, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """``p_e = sum_l (support_l / N) (predicted_l / N)``: the agreement of two independent
    annotators with the same label frequencies as y_true and y_pred (Cohen 1960)."""
    return ratio(chance_agreement_sum(counts), total(counts) ** 2, zero_division)


def cohen_kappa(counts: Counts, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Cohen's kappa ``(p_o - p_e) / (1 - p_e)`` with p_o = accuracy, in count form.

    Multiplying numerator and denominator by N^2 gives
    ``(N trace - sum_l support_l predicted_l) / (N^2 - sum_l support_l predicted_l)``: one
    division, whose denominator is 0 exactly when scikit-learn's ``cohen_kappa_score``
    returns ``replace_undefined_by`` (N = 0, or p_e = 1: a single label on both sides).
    scikit-learn computes ``1 - sum_{a != b} C[a,b] / sum_{a != b} E[a,b]`` with the chance
    matrix E, the same number in real arithmetic.
    """
    x = chance_agreement_sum(counts)
    n_ = total(counts)
    return ratio(n_ * trace(counts) - x, n_**2 - x, zero_division)


def mcc_covariance(counts: Counts) -> Expr:
    """N^2 cov(y_true, y_pred) of the one-hot codings: ``N trace - sum_l support_l predicted_l``."""
    return total(counts) * trace(counts) - chance_agreement_sum(counts)


def mcc_true_spread(counts: Counts) -> Expr:
    """N^2 cov(y_true, y_true): ``N^2 - sum_l support_l^2``."""
    return total(counts) ** 2 - Sum(support(counts, l) ** 2, (l, 0, counts.n_labels - 1))


def mcc_pred_spread(counts: Counts) -> Expr:
    """N^2 cov(y_pred, y_pred): ``N^2 - sum_l predicted_l^2``."""
    return total(counts) ** 2 - Sum(predicted(counts, l) ** 2, (l, 0, counts.n_labels - 1))


def matthews_corrcoef(counts: Counts, zero_division: ZeroDivision = 0) -> Expr:
    """Multi-class MCC as scikit-learn computes it (Gorodkin's R_K).

    ``cov(t, p) / sqrt(cov(p, p) cov(t, t))``; scikit-learn returns 0.0 when the product
    under the root is 0 (a single class in y_true or in y_pred), hence the default
    ``zero_division`` 0. For k = 2 it is Matthews' (TP TN - FP FN) / sqrt(product of the
    four margins).
    """
    return ratio(mcc_covariance(counts), sympy.sqrt(mcc_pred_spread(counts) * mcc_true_spread(counts)),
                 zero_division)


def true_positive_rate(counts: Counts, lab: Expr, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """TPR (sensitivity) of ``lab``: its recall, ``TP / (TP + FN)``."""
    return recall(counts, lab, zero_division)


def true_negative_rate(counts: Counts, lab: Expr, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """TNR (specificity) of ``lab``: ``TN / (TN + FP)``."""
    return ratio(tn(counts, lab), tn(counts, lab) + counts.fp(lab), zero_division)


def negative_predictive_value(counts: Counts, lab: Expr, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """NPV of ``lab``: ``TN / (TN + FN)``."""
    return ratio(tn(counts, lab), tn(counts, lab) + counts.fn(lab), zero_division)


def informedness(counts: Counts, lab: Expr = sympy.Integer(1), zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Powers' informedness (Youden's J) of the positive label ``lab``: ``TPR + TNR - 1``."""
    return true_positive_rate(counts, lab, zero_division) + true_negative_rate(counts, lab, zero_division) - 1


def markedness(counts: Counts, lab: Expr = sympy.Integer(1), zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """Powers' markedness of the positive label ``lab``: ``PPV + NPV - 1``."""
    return precision(counts, lab, zero_division) + negative_predictive_value(counts, lab, zero_division) - 1


def adjusted_balanced_accuracy(counts: Counts, zero_division: ZeroDivision = UNDEFINED) -> Expr:
    """scikit-learn's ``balanced_accuracy_score(adjusted=True)``: ``(B - 1/m) / (1 - 1/m)``.

    B is :func:`balanced_accuracy` and m the number of labels that occur in y_true; the
    value is undefined (scikit-learn: -inf or nan) when m = 1.
    """
    occurs = lambda lab: Piecewise((1, support(counts, lab) > 0), (0, True))  # noqa: E731
    m = Sum(occurs(l), (l, 0, counts.n_labels - 1))
    chance = ratio(1, m, zero_division)
    return ratio(balanced_accuracy(counts, zero_division) - chance, 1 - chance, zero_division)


def latex_definitions() -> list[tuple[str, str]]:
    """Each definition as (name, LaTeX), rendered by ``sympy.latex`` for the paper."""
    c = confusion_counts()
    z = Symbol("z")  # the zero_division value
    rows = [
        ("TP_l", c.tp(l)),
        ("FP_l", c.fp(l)),
        ("FN_l", c.fn(l)),
        ("N", total(c)),
        (r"\mathrm{precision}_l", precision(c, l, z)),
        (r"\mathrm{recall}_l", recall(c, l, z)),
        (r"F_{\beta,l}", fbeta(c, l, beta, z)),
        (r"J_l", jaccard(c, l, z)),
        (r"P_S", micro_precision(c, S, z)),
        (r"R_S", micro_recall(c, S, z)),
        (r"F_{\beta,S}", micro_fbeta(c, S, beta, z)),
        (r"\mathrm{accuracy}", accuracy(c, z)),
        (r"\mathrm{macro}_S(m)", macro(c, lambda cc, lab: sympy.Function("m")(lab), S, z)),
        (r"\mathrm{weighted}_S(m)", weighted(c, lambda cc, lab: sympy.Function("m")(lab), S, z)),
        (r"\mathrm{balanced\ accuracy}", balanced_accuracy(c, z)),
        (r"\kappa", cohen_kappa(c, z)),
        (r"\mathrm{MCC}", matthews_corrcoef(c)),
        (r"\mathrm{informedness}_l", informedness(c, l, z)),
        (r"\mathrm{markedness}_l", markedness(c, l, z)),
    ]
    return [(name, sympy.latex(expr)) for name, expr in rows]
