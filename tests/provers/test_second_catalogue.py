"""The second catalogue: Cohen's kappa, Matthews correlation and IEEE-754 float64 claims.

What they protect: the contract ids and their expectations; each claim's verdict through
the methods it lists (every k for the holds-claims); the every-k arguments refuse what is
false (a non-symmetric expression, the wrong inequality, a lemma without its 2^53 bound);
float64 counterexamples are confirmed by running scikit-learn itself with ``==``, paste as
they are printed, and survive a JSON round trip bit for bit; without scikit-learn the
verdict is error, never refuted.
"""

from __future__ import annotations

import dataclasses
import json
import math

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from metricproofs import definitions as d
from metricproofs.catalogue import CATALOGUE, Formula, get
from metricproofs.provers import agreement, floating, prove_claim
from metricproofs.witnesses import Dataset

SECOND = {
    "kappa-at-most-accuracy": "holds",
    "kappa-equals-accuracy": "fails",
    "binary-mcc-squared-equals-informedness-times-markedness": "holds",
    "binary-mcc-equals-kappa": "fails",
    "mcc-symmetric": "holds",
    "binary-adjusted-balanced-accuracy-equals-informedness": "holds",
    "float64-micro-precision-equals-recall-integer-weights": "holds",
    "float64-micro-precision-equals-recall": "fails",
    "float64-micro-f1-equals-accuracy-score": "fails",
}
FLOAT_FAILS = ["float64-micro-precision-equals-recall", "float64-micro-f1-equals-accuracy-score",
               "float64-micro-precision-equals-recall-large-integer-weights"]


def test_contract_ids_with_their_expectations_and_at_least_35_claims() -> None:
    for claim_id, expected in SECOND.items():
        assert get(claim_id).expected == expected
    assert len(CATALOGUE) >= 35


@pytest.mark.slow
@pytest.mark.parametrize("claim_id", [c for c in SECOND if not c.startswith("float64")])
def test_each_agreement_claim_gets_its_expected_verdict(claim_id: str) -> None:
    result = prove_claim(claim_id, timeout=30)
    assert result.as_expected, [m.to_json() for m in result.methods]


@pytest.mark.parametrize("claim_id", ["kappa-at-most-accuracy", "mcc-symmetric"])
def test_multiclass_holds_claims_are_proved_for_every_k(claim_id: str) -> None:
    claim = get(claim_id)
    every_k = (agreement.prove_by_aggregates(claim, timeout=30) if claim_id.startswith("kappa")
               else agreement.prove_transpose_invariance(claim))
    assert every_k is not None and every_k.verdict == "proved", every_k
    assert every_k.max_classes is None and every_k.scope == "every k"


def test_transpose_invariance_refuses_an_expression_that_changes() -> None:
    # precision of label 0 is not symmetric: transposed it is recall of label 0.
    claim = get("mcc-symmetric")

    def build(counts_of):
        c, swapped = counts_of(d.C), counts_of(lambda row, col: d.C[col, row])
        return Formula((), sympy.Eq(d.precision(c, sympy.Integer(0)), d.precision(swapped, sympy.Integer(0))),
                       {"C": claim.formula().domains["C"]})

    result = agreement.prove_transpose_invariance(dataclasses.replace(claim, build=build))
    assert result is not None and result.verdict != "proved"


def test_the_aggregate_proof_refuses_the_wrong_inequality() -> None:
    claim = get("kappa-at-most-accuracy")

    def build(counts_of):
        formula = claim.formula(counts_of)
        c = counts_of(d.C)
        return dataclasses.replace(formula, conclusion=sympy.Ge(d.cohen_kappa(c), d.accuracy(c)))

    result = agreement.prove_by_aggregates(dataclasses.replace(claim, build=build), timeout=30)
    assert result is not None and result.verdict != "proved"


def test_the_every_k_methods_leave_other_claims_to_the_general_provers() -> None:
    for claim_id in ("micro-metrics-symmetric", "micro-f1-equals-accuracy", "fp-fn-balance"):
        assert agreement.prove_by_aggregates(get(claim_id)) is None
        assert agreement.prove_transpose_invariance(get(claim_id)) is None


# --- float64 ----------------------------------------------------------------------------------


def test_the_issues_examples_differ_in_scikit_learn() -> None:
    """The two datasets of the issue, measured there with scikit-learn 1.9.1."""
    from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

    args = ([1, 0, 0, 1], [0, 0, 1, 1])
    weights = [0.2, 0.9, 0.9, 0.30000000000000004]
    p = precision_score(*args, average="micro", sample_weight=weights)
    r = recall_score(*args, average="micro", sample_weight=weights)
    assert (p, r) == (0.5217391304347826, 0.5217391304347827)
    f = f1_score([1] * 5, [1, 0, 1, 0, 0], average="micro", sample_weight=[0.5, 0.9, 0.7, 1.1, 0.5])
    acc = accuracy_score([1] * 5, [1, 0, 1, 0, 0], sample_weight=[0.5, 0.9, 0.7, 1.1, 0.5])
    assert f != acc and math.isclose(f, acc, rel_tol=1e-15)
    # the search's model of scikit-learn's order gives the same doubles
    assert floating.sklearn_order(*args, weights)["precision"] == p
    assert floating.sklearn_order(*args, weights)["recall"] == r


@pytest.mark.parametrize("claim_id", FLOAT_FAILS)
def test_float64_claims_are_refuted_with_a_counterexample_scikit_learn_confirms(claim_id: str) -> None:
    import sklearn.metrics

    result = floating.search_float64(get(claim_id), timeout=60)
    assert result is not None and result.verdict == "refuted", result.detail
    example = json.loads(json.dumps(result.counterexample))  # the JSON a user would read
    assert example["sample_weight"] == result.counterexample["sample_weight"]  # bit for bit
    data = Dataset(example["y_true"], example["y_pred"], None, example["sample_weight"])
    first, second = ("f1_score", "accuracy_score") if "f1" in claim_id else ("precision_score", "recall_score")
    kw = {"sample_weight": data.sample_weight}
    left = getattr(sklearn.metrics, first)(data.y_true, data.y_pred, **kw, **(
        {"average": "micro"} if first != "accuracy_score" else {}))
    right = getattr(sklearn.metrics, second)(data.y_true, data.y_pred, **kw, **(
        {"average": "micro"} if second != "accuracy_score" else {}))
    assert left != right and math.isclose(left, right, rel_tol=1e-12)
    # the printed call is a comparison that runs as it is and is False
    namespace = {name: getattr(sklearn.metrics, name) for name in dir(sklearn.metrics)}
    assert eval(result.call.split("  #")[0], namespace) is False  # noqa: S307 - our own generated call
    assert len(example["y_true"]) <= 4


def test_without_scikit_learn_the_verdict_is_error_not_refuted(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing():
        raise ImportError("No module named 'sklearn'")

    monkeypatch.setattr("metricproofs.witnesses._sklearn", missing)
    result = floating.search_float64(get("float64-micro-precision-equals-recall"), timeout=60)
    assert result is not None and result.verdict == "error" and "not refuted" in result.detail


def test_when_scikit_learn_does_not_confirm_the_verdict_is_error(monkeypatch: pytest.MonkeyPatch) -> None:
    claim = dataclasses.replace(get("float64-micro-precision-equals-recall"),
                                values=lambda data: {"precision_score": 0.5, "recall_score": 0.5})
    result = floating.search_float64(claim, timeout=60)
    assert result is not None and result.verdict == "error"


@given(st.integers(1, 8).flatmap(lambda n: st.tuples(
    st.lists(st.integers(0, 2), min_size=n, max_size=n), st.lists(st.integers(0, 2), min_size=n, max_size=n),
    st.lists(st.integers(0, 2**40), min_size=n, max_size=n).filter(any))))
def test_integer_weights_give_the_same_double_in_scikit_learn(data: tuple) -> None:
    """The holds-claim, observed: integer weights (total far below 2^53), P == R bit for bit."""
    from sklearn.metrics import precision_score, recall_score

    y_true, y_pred, weights = data
    kw = {"average": "micro", "sample_weight": [float(x) for x in weights], "zero_division": 0}
    assert precision_score(y_true, y_pred, **kw) == recall_score(y_true, y_pred, **kw)


@pytest.mark.slow
def test_the_integer_weights_lemmas_are_proved_in_z3_fpa() -> None:
    result = floating.prove_by_float_induction(get("float64-micro-precision-equals-recall-integer-weights"),
                                               timeout=120)
    assert result is not None and result.verdict == "proved", result.detail
    assert "hypotheses: sat" in result.detail and result.detail.count("unsat") == 4


@pytest.mark.slow
def test_the_addition_lemma_fails_without_its_2_53_bound() -> None:
    lemma = next(x for x in floating.lemmas() if x.name == "add-exact-up")
    unbounded = lemma.text.replace("(assert (fp.lt (fp.add RTP a b) two53))", "")
    assert unbounded != lemma.text
    assert floating._run_z3([unbounded], timeout=120) == ["sat"]  # 2^53 - 1 + 2 is not a double
