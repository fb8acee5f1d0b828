"""The prover: every claim gets its expected verdict, and the prover can say no.

Protects: soundness (unknown is never proved; vacuous hypotheses are an error; a wrong
definition is refuted), the counterexamples (scikit-learn itself confirms them), and
the catalogue's completeness against DESIGN's contract ids.
"""

from __future__ import annotations

import dataclasses

import pytest
import sympy

from metricproofs import definitions as d
from metricproofs.catalogue import CATALOGUE, Formula, Hypothesis, get, ids
from metricproofs.provers import prove_claim
from metricproofs.provers import bounded
from metricproofs.provers.bounded import prove_bounded
from metricproofs.provers.induction import prove_by_induction
from metricproofs.provers.smt import SolverAnswer
from metricproofs.provers.symbolic import prove_symbolically
from metricproofs.witnesses import Dataset

CONTRACT_IDS = {
    "fp-fn-balance": "holds", "micro-precision-equals-recall": "holds", "micro-f1-equals-accuracy": "holds",
    "micro-fbeta-equals-accuracy": "holds", "micro-superset-labels-equals-accuracy": "holds",
    "weighted-recall-equals-accuracy": "holds", "prediction-weighted-precision-equals-accuracy": "holds",
    "micro-jaccard-from-accuracy": "holds", "binary-micro-equals-accuracy": "holds",
    "sample-weights-preserve-identity": "holds", "micro-metrics-symmetric": "holds",
    "ovr-accuracy-from-accuracy": "holds", "f1-of-averages-at-least-averaged-f1": "holds",
    "multilabel-micro-equal-iff-equal-totals": "holds",
    "micro-subset-precision-equals-recall": "fails", "multilabel-micro-precision-equals-recall": "fails",
    "abstaining-micro-precision-equals-recall": "fails", "top-k-micro-precision-equals-recall": "fails",
    "macro-precision-equals-recall": "fails", "weighted-precision-equals-accuracy": "fails",
    "macro-f1-definitions-agree": "fails", "macro-f1-between-macro-precision-and-recall": "fails",
    "micro-f1-at-least-macro-f1": "fails", "balanced-accuracy-equals-macro-recall": "fails",
}


class TestCatalogue:
    def test_every_contract_id_is_present_with_its_expectation(self) -> None:
        for claim_id, expected in CONTRACT_IDS.items():
            assert get(claim_id).expected == expected

    def test_at_least_24_claims_each_documented(self) -> None:
        assert len(CATALOGUE) >= 24
        assert len(set(ids())) == len(ids())
        for claim in CATALOGUE:
            assert claim.statement and claim.proof and claim.references and claim.methods
            assert claim.formula().hypotheses, claim.id

    def test_a_formula_is_built_once_with_the_library_counts_and_anew_with_others(self) -> None:
        claim = get("micro-precision-equals-recall")
        assert claim.formula() is claim.formula(d.confusion_counts)  # the cache: one object
        swapped = claim.formula(lambda *args, **kwargs: d.confusion_counts(*args, **kwargs))  # another counts_of
        assert swapped is not claim.formula()
        assert dataclasses.replace(claim, build=lambda counts_of: swapped).formula() is swapped  # not the old one
        assert claim == dataclasses.replace(claim)  # the cache is no field: equality unchanged

    def test_every_false_belief_can_be_re_evaluated(self) -> None:
        for claim in CATALOGUE:
            if claim.expected == "fails":
                assert claim.values is not None and claim.violated is not None and claim.call is not None


#: the matrix prover's claims; the IEEE-754 float64 claims go through provers/floating.py
#: (tests/provers/test_second_catalogue.py)
MATRIX_CLAIMS = [c for c in CATALOGUE if c.formula().encoding != "float64"]


@pytest.mark.parametrize("claim", MATRIX_CLAIMS, ids=lambda c: c.id)
def test_z3_bounded_gives_the_expected_verdict(claim) -> None:
    result = prove_bounded(claim, max_classes=min(claim.max_classes, 3), timeout=30)
    assert result.verdict == ("proved" if claim.expected == "holds" else "refuted"), result.detail


@pytest.mark.parametrize("claim", [c for c in MATRIX_CLAIMS if c.expected == "fails"], ids=lambda c: c.id)
def test_counterexamples_are_confirmed_by_scikit_learn(claim, monkeypatch) -> None:
    import sklearn.metrics

    result = prove_bounded(claim, max_classes=4, timeout=30)
    assert result.verdict == "refuted"
    example = result.counterexample
    data = Dataset(example["y_true"], example["y_pred"], example["labels"], example["sample_weight"],
                   example.get("params", {}))
    monkeypatch.setattr("metricproofs.witnesses._ref", lambda: sklearn.metrics)
    values = claim.values(data)
    assert claim.violated(values), values
    # the printed call runs as it is in scikit-learn
    namespace = {name: getattr(sklearn.metrics, name) for name in dir(sklearn.metrics)}
    eval(result.call.split("  #")[0], namespace)  # noqa: S307 - our own generated call


class TestSoundness:
    def test_a_wrong_definition_is_refuted_with_a_counterexample(self) -> None:
        # FP_l counted as the whole column (forgetting to take out TP_l): sum FP = N, not N - trace.
        def wrong_counts(matrix=d.C, n_labels=d.k):
            right = d.confusion_counts(matrix, n_labels)
            entry = (lambda r, c: matrix[r, c]) if isinstance(matrix, sympy.IndexedBase) else matrix
            return dataclasses.replace(right, fp=lambda lab: sympy.Sum(entry(d.a, lab), (d.a, 0, n_labels - 1)))

        result = prove_bounded(get("fp-fn-balance"), max_classes=3, counts_of=wrong_counts, timeout=30)
        assert result.verdict == "refuted", result.detail
        assert result.counterexample is not None and result.counterexample["y_true"]
        induction = prove_by_induction(get("fp-fn-balance"), counts_of=wrong_counts, timeout=30)
        assert induction is not None and induction.verdict != "proved"

    def test_contradictory_hypotheses_are_vacuous_not_proved(self) -> None:
        claim = get("micro-precision-equals-recall")
        contradictory = Hypothesis("impossible", "N > 0 and N < 0",
                                   sympy.And(sympy.Gt(d.total(d.confusion_counts()), 0),
                                             sympy.Lt(d.total(d.confusion_counts()), 0)))

        def build(counts_of):
            formula = claim.formula(counts_of)
            return Formula(formula.hypotheses + (contradictory,), formula.conclusion, formula.domains)

        result = prove_bounded(dataclasses.replace(claim, build=build), max_classes=2, timeout=30)
        assert result.verdict == "error"
        assert "vacuous" in result.detail

    def test_an_undecided_query_is_unknown_never_proved(self, monkeypatch) -> None:
        real = bounded.solve

        def undecided(queries, timeout):
            if queries[0].goal == "negation":
                return SolverAnswer("unknown", 0.0, None, "timeout")
            return real(queries, timeout)

        monkeypatch.setattr(bounded, "solve", undecided)
        result = prove_bounded(get("micro-f1-equals-accuracy"), max_classes=2, timeout=30)
        assert result.verdict == "unknown"
        assert "timeout" in result.detail

    def test_an_unguarded_division_is_an_error(self) -> None:
        claim = get("micro-precision-equals-recall")

        def build(counts_of):  # drop the N > 0 hypothesis: P and R may be 0/0
            formula = claim.formula(counts_of)
            return Formula(formula.hypotheses[:1], formula.conclusion, formula.domains)

        result = prove_bounded(dataclasses.replace(claim, build=build), max_classes=2, timeout=30)
        assert result.verdict == "error"
        assert "zero denominator" in result.detail


class TestEveryK:
    @pytest.mark.parametrize("claim_id", ["fp-fn-balance", "micro-precision-equals-recall",
                                          "micro-f1-equals-accuracy", "micro-fbeta-equals-accuracy",
                                          "sample-weights-preserve-identity", "micro-metrics-symmetric"])
    def test_induction_proves_for_every_k(self, claim_id: str) -> None:
        result = prove_by_induction(get(claim_id), timeout=30)
        assert result is not None and result.verdict == "proved", result.detail
        assert result.max_classes is None

    def test_induction_does_not_apply_to_false_beliefs(self) -> None:
        assert prove_by_induction(get("micro-subset-precision-equals-recall")) is None

    @pytest.mark.parametrize("claim_id", ["micro-precision-equals-recall", "micro-fbeta-equals-accuracy",
                                          "micro-jaccard-from-accuracy", "fbeta-count-form-equals-harmonic-form"])
    def test_sympy_reduces_the_difference_to_zero(self, claim_id: str) -> None:
        result = prove_symbolically(get(claim_id))
        assert result is not None and result.verdict == "proved", result.detail

    def test_combined_verdict_of_several_methods(self) -> None:
        result = prove_claim("micro-fbeta-equals-accuracy", max_classes=2, timeout=30)
        assert {m.method for m in result.methods} == {"z3-bounded", "z3-induction", "sympy"}
        assert result.verdict == "proved" and result.as_expected
