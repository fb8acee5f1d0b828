"""explain pages stand alone: each corollary states its key argument, then names the lemma.

Protects: issue 15's "explain pages that stand alone" (a student reading only
``metricproofs explain micro-precision-equals-recall`` learns why P = R: each error is a
false positive of one label and a false negative of another).
"""

from __future__ import annotations

import io

from metricproofs import cli
from metricproofs.catalogue import CATALOGUE


def test_every_corollary_states_its_key_argument_and_points_to_its_lemma() -> None:
    corollaries = [c for c in CATALOGUE if c.expected == "holds" and c.lemmas]
    assert len(corollaries) >= 9
    for claim in corollaries:
        assert len(claim.key_argument.split(". ")) <= 3, claim.id  # a sentence or two
        for lemma in claim.lemmas:
            assert f"lemma {lemma}" in claim.key_argument, claim.id


def test_the_precision_recall_page_gives_the_double_counting_and_the_sums() -> None:
    out = io.StringIO()
    assert cli.run(["explain", "micro-precision-equals-recall"], out, io.StringIO()) == 0
    page = " ".join(out.getvalue().split())
    key = page.index("Key argument:")
    assert key < page.index("Proof:")
    assert "false positive of its predicted label and a false negative of its true label" in page
    # the worked example's four errors, each one FP and one FN (worked out by hand from the nine samples)
    for error in ("A -> B (FP of B, FN of A)", "A -> C (FP of C, FN of A)", "B -> A (FP of A, FN of B)",
                  "C -> B (FP of B, FN of C)"):
        assert error in page
    assert "sum 5 4 4 <- sum FP = sum FN = 4 errors" in page


def test_a_claim_with_proof_steps_lists_them_on_its_page() -> None:
    # F1 of averages: Opitz and Burst's argument as the three facts z3-bounded proves, then assumes
    out = io.StringIO()
    assert cli.run(["explain", "f1-of-averages-at-least-averaged-f1"], out, io.StringIO()) == 0
    page = " ".join(out.getvalue().split())
    steps = page.index("Proof steps:")
    assert page.index("How it is checked:") < steps
    for step in ("[per-label-f1-is-harmonic-mean] F1_l = H(P_l, R_l)",
                 "[harmonic-mean-superadditive-over-labels] H(sum_{l<j} P_l, sum_{l<j} R_l) + H(P_j, R_j) <= "
                 "H(sum_{l<=j} P_l, sum_{l<=j} R_l) for j = 1..k-1",
                 "[harmonic-mean-homogeneous] k H(macro P, macro R) = H(sum_l P_l, sum_l R_l)"):
        assert page.index(step) > steps, step
    assert "a step not proved is not assumed" in page


def _page(claim_id: str) -> str:
    out = io.StringIO()
    assert cli.run(["explain", claim_id], out, io.StringIO()) == 0
    return " ".join(out.getvalue().split())


def test_each_proof_step_says_what_its_own_query_assumes() -> None:
    kappa, f1 = _page("kappa-at-most-accuracy"), _page("f1-of-averages-at-least-averaged-f1")
    assert "[trace-at-most-N] T <= N: the correct samples are some of the samples (from the counts' signs alone)" in kappa
    assert "H(sum_l P_l, sum_l R_l) (from the hypotheses)" in f1


def test_the_chance_corrected_claims_say_how_every_k_is_covered() -> None:
    # kappa <= accuracy: a statement about T, N and X, whose facts hold for every k by induction over samples
    kappa = _page("kappa-at-most-accuracy")
    assert "z3-induction covers every k, through the aggregates T = trace(C), N and X" in kappa
    assert "T <= N holds for the empty dataset (both 0) and is preserved by adding one sample" in kappa
    # MCC unchanged by swapping: the two sides are one expression for a symbolic k
    mcc = _page("mcc-symmetric")
    assert "sympy covers every k: swapping y_true and y_pred transposes C" in mcc
    # a claim about k = 2 alone has no every-k argument to state
    binary = _page("binary-mcc-squared-equals-informedness-times-markedness")
    assert "covers every k" not in binary
