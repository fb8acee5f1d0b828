"""z3-induction over classes: every claim about sums of per-label terms proved for every k,
and each step of the induction fails when a definition is wrong.

Protects: the soundness of the induction over classes (an invariant relation is used only
when z3 proved it for one label, the step and the conclusion are unsat queries with
satisfiable hypotheses, a wrong per-label term or weight is never proved), and that the
scheme is a field of each claim, stated in the result's detail.
"""

from __future__ import annotations

import dataclasses

import pytest
import sympy

from metricproofs import definitions as d
from metricproofs.catalogue import CATALOGUE, Formula, Hypothesis, get
from metricproofs.provers.induction import prove_by_induction, schema_text
from metricproofs.provers.induction_classes import (SCHEMA, Step, _discharge, plan_over_classes, steps_of)

OVER_CLASSES = ["micro-superset-labels-equals-accuracy", "weighted-recall-equals-accuracy",
                "prediction-weighted-precision-equals-accuracy", "ovr-accuracy-from-accuracy",
                "f1-of-averages-at-least-averaged-f1", "multilabel-micro-equal-iff-equal-totals",
                "balanced-accuracy-equals-macro-recall-over-true-labels"]


def _with_conclusion(claim_id: str, conclusion_of) -> object:
    """The claim with its conclusion rebuilt from the definitions by ``conclusion_of(counts)``."""
    claim = get(claim_id)

    def build(counts_of):
        formula = claim.formula(counts_of)
        return dataclasses.replace(formula, conclusion=conclusion_of(counts_of(d.C)))

    return dataclasses.replace(claim, build=build)


@pytest.mark.slow
@pytest.mark.parametrize("claim_id", OVER_CLASSES)
def test_proved_for_every_k_with_the_schema_in_the_detail(claim_id: str) -> None:
    result = prove_by_induction(get(claim_id), timeout=30)
    assert result is not None and result.verdict == "proved", result.detail
    assert result.scope == "every k" and result.max_classes is None
    assert SCHEMA in result.detail and "invariant I:" in result.detail
    # every obligation was discharged by an unsat answer, the conclusion with k symbolic
    assert "claim from the invariant at m = k (k symbolic): unsat" in result.detail
    assert "step m -> m + 1 (no k): unsat" in result.detail


def test_every_claim_with_an_induction_lists_the_method_and_states_its_schema() -> None:
    for claim in CATALOGUE:
        if claim.induction is not None:
            assert "z3-induction" in claim.methods, claim.id
            assert schema_text(claim), claim.id
    assert {c.id for c in CATALOGUE if c.induction and c.induction.over == "classes"} >= set(OVER_CLASSES)


def test_the_invariant_of_weighted_recall_is_derived_from_the_definitions() -> None:
    # support_l * recall_l has the defined branch TP_l (= diag_l): the sum of the products is the trace
    induction = plan_over_classes(get("weighted-recall-equals-accuracy"))
    texts = {atom.text for atom in induction.atoms}
    product = next(symbol for summand, symbol in induction.abstraction.summands.items() if summand.has(sympy.Piecewise))
    assert f"{product} = sum_diag_l" in texts


class TestWrongDefinitionsFail:
    """Each step of the scheme can say no: a wrong term, weight or count is never proved."""

    def test_recall_weighted_by_predictions_instead_of_support(self) -> None:
        # weight predicted_l instead of support_l: predicted_l * TP_l / support_l has no linear form
        wrong = _with_conclusion("weighted-recall-equals-accuracy", lambda c: sympy.Eq(
            d.prediction_weighted(c, lambda cc, lab: d.recall(cc, lab, sympy.Symbol("z", nonnegative=True))),
            d.accuracy(c)))
        result = prove_by_induction(wrong, timeout=30)
        assert result.verdict != "proved"
        assert "claim from the invariant at m = k (k symbolic): unsat" not in result.detail

    def test_precision_weighted_by_support_instead_of_predictions(self) -> None:
        wrong = _with_conclusion("prediction-weighted-precision-equals-accuracy", lambda c: sympy.Eq(
            d.weighted(c, lambda cc, lab: d.precision(cc, lab, sympy.Symbol("z", nonnegative=True))),
            d.accuracy(c)))
        assert prove_by_induction(wrong, timeout=30).verdict != "proved"

    def test_false_positives_counted_with_the_diagonal(self) -> None:
        # FP_l = the whole column (TP_l not taken out): the balance lemma fails, so does the claim
        def wrong_counts(matrix=d.C, n_labels=d.k):
            right = d.confusion_counts(matrix, n_labels)
            entry = (lambda r, c: matrix[r, c]) if isinstance(matrix, sympy.IndexedBase) else matrix
            return dataclasses.replace(right, fp=lambda lab: sympy.Sum(entry(d.a, lab), (d.a, 0, n_labels - 1)))

        for claim_id in ("ovr-accuracy-from-accuracy", "micro-superset-labels-equals-accuracy"):
            result = prove_by_induction(get(claim_id), timeout=30, counts_of=wrong_counts)
            assert result.verdict != "proved", claim_id
            assert "lemma fp-fn-balance is not proved" in result.detail

    def test_ovr_with_a_wrong_constant(self) -> None:
        # 1 - 2 (1 - acc) / k is right; 1 - (1 - acc) / k is not: the conclusion step finds a model
        wrong = _with_conclusion("ovr-accuracy-from-accuracy", lambda c: sympy.Eq(
            sympy.Sum(d.ovr_accuracy(c, d.l), (d.l, 0, d.k - 1)) / d.k, 1 - (1 - d.accuracy(c)) / d.k))
        result = prove_by_induction(wrong, timeout=30)
        assert result.verdict != "proved"
        assert "claim from the invariant at m = k (k symbolic): z3 found a model" in result.detail

    def test_macro_f2_in_place_of_macro_f1(self) -> None:
        # F2 weighs recall more: F2_l <= H(p_l, r_l) is false for one label, so the claim at k = 1 is no invariant
        wrong = _with_conclusion("f1-of-averages-at-least-averaged-f1", lambda c: sympy.Ge(
            d.f1_of_averages(c, None, 0), d.macro(c, lambda cc, lab: d.fbeta(cc, lab, sympy.Integer(2)))))
        result = prove_by_induction(wrong, timeout=30)
        assert result.verdict == "error"
        assert "for one label" in result.detail

    def test_a_side_that_is_not_superadditive_fails_that_step(self) -> None:
        # x / (x + 1) is concave with value 0 at 0, so subadditive: 1/2 + 1/2 > 2/3
        induction = plan_over_classes(get("f1-of-averages-at-least-averaged-f1"))
        x = sorted(induction.superadditive.free_symbols, key=str)[0]
        induction.superadditive = x / (x + 1)
        verdict, detail = _discharge(Step("superadditive", induction.superadditive_formula()), 30)
        assert verdict == "refuted", detail

    def test_the_step_fails_when_a_relation_is_not_preserved(self) -> None:
        # "the trace is 0 or 1" holds at m = 0 and for one label alone, but 1 + 1 = 2: not closed under adding
        induction = plan_over_classes(get("weighted-recall-equals-accuracy"))
        diag_sum = induction.abstraction.summands[next(iter(induction.abstraction.primitives))]
        from metricproofs.provers.induction_classes import Atom

        bad = Atom("zero-or-one", sympy.Eq(diag_sum**2, diag_sum), f"{diag_sum} in {{0, 1}}")
        verdict, _ = _discharge(Step("step", induction.step_formula([*induction.atoms, bad])), 30)
        assert verdict == "refuted"

    def test_multilabel_totals_that_do_not_decide(self) -> None:
        # P = R iff sum FP = 0 is false: the conclusion step finds a model
        wrong = _with_conclusion("multilabel-micro-equal-iff-equal-totals", lambda c: sympy.Equivalent(
            sympy.Eq(d.micro_precision(d.free_counts()), d.micro_recall(d.free_counts())),
            sympy.Eq(d.micro_fp(d.free_counts()), 0)))
        assert prove_by_induction(wrong, timeout=30).verdict != "proved"

    def test_balanced_accuracy_over_every_label_is_not_proved(self) -> None:
        # drop "S = the labels of y_true": macro recall over any S is not balanced accuracy
        claim = get("balanced-accuracy-equals-macro-recall-over-true-labels")

        def build(counts_of):
            formula = claim.formula(counts_of)
            return Formula(formula.hypotheses[:2], formula.conclusion, formula.domains)

        assert prove_by_induction(dataclasses.replace(claim, build=build), timeout=30).verdict != "proved"

    def test_contradictory_per_label_hypotheses_are_vacuous_not_proved(self) -> None:
        claim = get("weighted-recall-equals-accuracy")
        impossible = Hypothesis("impossible", "every label is both in S and not in S",
                                d.ForAll(sympy.And(sympy.Eq(d.S[d.l], 1), sympy.Eq(d.S[d.l], 0)), (d.l, 0, d.k - 1)))

        def build(counts_of):
            formula = claim.formula(counts_of)
            return Formula(formula.hypotheses + (impossible,), formula.conclusion,
                           {**formula.domains, "s": d_indicator()})

        result = prove_by_induction(dataclasses.replace(claim, build=build), timeout=30)
        assert result.verdict == "error"


def d_indicator():
    from metricproofs.catalogue import INDICATOR

    return INDICATOR


def test_the_steps_are_stated_in_order() -> None:
    names = [step.name for step in steps_of(plan_over_classes(get("f1-of-averages-at-least-averaged-f1")))]
    assert names == ["per-label counts non-negative (induction over samples, k symbolic)",
                     "each relation for one label (no k)", "superadditive on the non-negative orthant (no k)",
                     "base m = 0 (no k)", "step m -> m + 1 (no k)", "claim from the invariant at m = k (k symbolic)"]


def test_the_base_fails_for_a_relation_false_with_no_labels() -> None:
    # "the trace is 1" is false when no label has been added yet
    induction = plan_over_classes(get("weighted-recall-equals-accuracy"))
    diag_sum = induction.abstraction.summands[next(iter(induction.abstraction.primitives))]
    from metricproofs.provers.induction_classes import Atom

    verdict, _ = _discharge(Step("base", induction.base_formula([Atom("linear", sympy.Eq(diag_sum, 1), "")])), 30)
    assert verdict == "refuted"


def test_the_per_label_domain_fails_for_negative_weights() -> None:
    # with a weight w < 0 allowed, one sample makes the rest of a row negative
    induction = plan_over_classes(get("weighted-recall-equals-accuracy"))
    formula = induction.domain_formula()
    negative = dataclasses.replace(formula, domains={**formula.domains, "w": dataclasses.replace(
        formula.domains["w"], lower=None)})
    verdict, _ = _discharge(Step("per-label counts", negative), 30)
    assert verdict == "refuted"
