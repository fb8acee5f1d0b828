"""Every fact about a claim is a field of its Claim, and the fields point at real things.

These protect the catalogue as the one place a claim is described: a related claim that
does not exist, a witness under another name, or a worked example attached to a claim it
does not illustrate would each make a page or a report say something false.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from metricproofs import witnesses
from metricproofs.catalogue import CATALOGUE, get
from metricproofs.examples import worked_example

CLAIMS = {claim.id: claim for claim in CATALOGUE}


@pytest.mark.parametrize("claim", CATALOGUE, ids=lambda c: c.id)
def test_each_claim_has_a_witness_named_after_it(claim) -> None:
    witness = getattr(witnesses, claim.id.replace("-", "_"), None)
    assert witness is not None, f"witnesses.py has no entry named after {claim.id}"
    assert claim.values is witness["values"] and claim.violated is witness["violated"]


@pytest.mark.parametrize("claim", [c for c in CATALOGUE if c.when_hypotheses_drop], ids=lambda c: c.id)
def test_when_hypotheses_drop_names_false_beliefs(claim) -> None:
    assert claim.expected == "holds"
    for other in claim.when_hypotheses_drop:
        assert get(other).expected == "fails", f"{claim.id} lists {other}, which is not a false belief"


def test_worked_example_claims_are_the_ones_it_shows() -> None:
    """The example shows sum FP = sum FN and micro P = R = F1 = accuracy = 5/9 (worked by hand)."""
    example = worked_example()
    assert example["totals"]["fp"] == example["totals"]["fn"] == 4
    assert set(example["exact"].values()) == {str(Fraction(5, 9))}
    shown = {c.id for c in CATALOGUE if c.worked_example}
    assert {"fp-fn-balance", "micro-precision-equals-recall", "micro-f1-equals-accuracy"} <= shown
    assert all(CLAIMS[claim_id].expected == "holds" for claim_id in shown)
