"""The division abstractions of z3-bounded: an over-approximation, so unsat is a proof and sat
never is (soundness of the encodings added to make the bounds grow)."""

from __future__ import annotations

from metricproofs.catalogue import get as get_claim
from metricproofs.definitions import confusion_counts
from metricproofs.provers.obligations import holds_plan, relax_counts
from metricproofs.provers.smt import ABSTRACTIONS, DIVISION, solve


def _negation(claim_id: str, k: int, relax: bool):
    claim = get_claim(claim_id)
    formula = claim.formula(confusion_counts)
    if relax:
        formula = relax_counts(formula)
    *_, negation = holds_plan(claim, formula, k, confusion_counts)
    return negation.without_facts()


def test_a_claim_that_holds_is_proved_in_each_abstraction():
    negation = _negation("micro-precision-equals-recall", 3, relax=True)
    for query in negation.queries(ABSTRACTIONS):
        assert DIVISION in query.text  # the division really is abstracted in this encoding
        assert solve([query], 20).status == "unsat", query.variant.name


def test_a_sat_abstraction_is_inconclusive_never_a_counterexample():
    # macro P = R fails at k = 2 (hand-worked: y_true [0, 1, 1, 1], y_pred [0, 0, 1, 1] gives
    # macro P 3/4, macro R 5/6), so the exact negation is sat; the abstraction admits at least
    # those models, so it cannot be unsat, and its sat must not be reported as sat.
    negation = _negation("macro-precision-equals-recall", 2, relax=False)
    for query in negation.queries(ABSTRACTIONS):
        answer = solve([query], 20)
        assert answer.status == "unknown", (query.variant.name, answer)
        assert "inconclusive" in answer.reason


def test_a_reseeded_encoding_asks_the_same_question_and_stays_inconclusive_when_sat():
    # another seed changes z3's search order only: the text is the same, the name says the
    # seed, and an abstraction's sat is still no counterexample
    negation = _negation("macro-precision-equals-recall", 2, relax=False)
    for variant in ABSTRACTIONS:
        seeded = variant.reseeded(2)
        assert (seeded.name, seeded.seed, seeded.unseeded, variant.reseeded(0)) == \
            (f"{variant.name}-seed-2", 2, variant, variant)
        query = negation.query(seeded)
        assert (query.text, query.variant) == (negation.query(variant).text, seeded)
        answer = solve([query], 20)
        assert (answer.status, "inconclusive" in answer.reason) == ("unknown", True)
