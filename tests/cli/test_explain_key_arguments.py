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
