"""The lemmas obligation asked one fact instance at a time, and F1 of averages' proof steps.

Protects two things behind z3-bounded's "proved" for f1-of-averages-at-least-averaged-f1: that
splitting the lemmas into parts neither drops nor changes a fact (the facts are assumed by the
negation only when every part is unsat), and that each of Opitz and Burst's steps is a real
statement, refuted when the harmonic mean in it is replaced by a wrong mean; and that a step's
``uses`` (what its own query assumes) is what the query assumes. Solver answers
come from the real z3; expected part counts are worked out by hand from the statements.
"""

from __future__ import annotations

import dataclasses
import functools

import pytest
import sympy

from metricproofs import catalogue
from metricproofs import definitions as d
from metricproofs.catalogue import Hypothesis
from metricproofs.evaluation import evaluate
from metricproofs.provers.bounded import prove_bounded
from metricproofs.provers.obligations import fact_instances, holds_plan, lemma_parts, relax_counts
from metricproofs.provers.smt import VARIANTS, solve

F1_OF_AVERAGES = "f1-of-averages-at-least-averaged-f1"
EXACT = [v for v in VARIANTS if not v.abstract][:4]  # a sat of these is a real model


def _lemmas(claim: catalogue.Claim, k: int):
    return {o.name: o for o in holds_plan(claim, relax_counts(claim.formula()), k)}["lemmas"]


def _parts(claim: catalogue.Claim, k: int):
    return lemma_parts(_lemmas(claim, k), claim)


def _answer(obligation) -> str:
    return solve(obligation.queries(EXACT), 30).status


def _contraharmonic(x: sympy.Expr, y: sympy.Expr) -> sympy.Expr:
    """(x^2 + y^2) / (x + y): a homogeneous mean like H, but convex, so subadditive, not superadditive."""
    return d.ratio(x * x + y * y, x + y, 0)


class TestFactInstances:
    def test_a_bounded_for_all_splits_into_one_index_ranges(self) -> None:
        cond = sympy.Ge(d.C[d.l, d.l], 1)
        instances = fact_instances(d.ForAll(cond, (d.l, 0, d.k - 1)), 3)
        assert [inst.limits for inst in instances] == [(d.l, 0, 0), (d.l, 1, 1), (d.l, 2, 2)]

    @pytest.mark.parametrize("diagonal, holds", [((1, 2, 3), True), ((1, 0, 3), False), ((0, 2, 3), False)])
    def test_the_instances_hold_together_exactly_when_the_fact_does(self, diagonal, holds) -> None:
        fact = d.ForAll(sympy.Ge(d.C[d.l, d.l], 1), (d.l, 0, d.k - 1))
        matrix = [[diagonal[a] if a == b else 0 for b in range(3)] for a in range(3)]
        assert bool(evaluate(fact, k=3, C=matrix)) is holds
        assert all(bool(evaluate(inst, C=matrix)) for inst in fact_instances(fact, 3)) is holds

    def test_a_conjunction_splits_into_its_parts_and_an_atom_stays_whole(self) -> None:
        a, b = sympy.Ge(d.C[0, 0], 0), sympy.Le(d.C[0, 1], 2)
        assert fact_instances(sympy.And(a, b), 1) == [a, b] or fact_instances(sympy.And(a, b), 1) == [b, a]
        assert fact_instances(a, 1) == [a]

    def test_a_range_that_k_does_not_fix_stays_whole(self) -> None:
        n = sympy.Symbol("n", integer=True)
        fact = d.ForAll(sympy.Ge(d.C[d.l, d.l], 0), (d.l, 0, n))
        assert fact_instances(fact, 3) == [fact]

    def test_an_empty_range_has_no_instance(self) -> None:
        j = sympy.Symbol("j", integer=True)
        assert fact_instances(d.ForAll(sympy.Ge(d.C[j, j], 0), (j, 1, d.k - 1)), 1) == []


class TestLemmaParts:
    def test_f1_of_averages_has_one_part_per_label_per_step_and_one_for_homogeneity(self) -> None:
        # at k = 4: F1_l = H(P_l, R_l) for l = 0..3 (4), superadditivity for j = 1..3 (3), homogeneity (1)
        parts = _parts(catalogue.get(F1_OF_AVERAGES), 4)
        assert [p.part for p in parts] == [(1, 1), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2), (2, 3), (3, 1)]
        whole = _lemmas(catalogue.get(F1_OF_AVERAGES), 4)
        assert all(p.formula.hypotheses == whole.formula.hypotheses and p.k == 4 and not p.facts for p in parts)

    def test_a_single_fact_is_left_whole(self) -> None:
        # kappa's first step alone (T <= N): one fact with no index, so one obligation as before
        kappa = catalogue.get("kappa-at-most-accuracy")
        claim = dataclasses.replace(kappa, steps=lambda counts_of: kappa.proof_steps(counts_of)[:1])
        whole = _lemmas(claim, 3)
        assert whole.formula.conclusion == kappa.proof_steps()[0].formula
        assert lemma_parts(whole, dataclasses.replace(claim, steps=lambda counts_of: (
            dataclasses.replace(kappa.proof_steps(counts_of)[0], uses=None),))) == [whole]

    @pytest.mark.parametrize("k", [2, 3])
    def test_every_part_of_f1_of_averages_is_proved_by_z3(self, k) -> None:
        parts = _parts(catalogue.get(F1_OF_AVERAGES), k)
        assert {p.part: _answer(p) for p in parts} == {p.part: "unsat" for p in parts}


@pytest.fixture(scope="module")
def wrong_answers() -> dict[int, list[str]]:
    """z3's answers on the parts of the lemmas at k = 2 with the contraharmonic mean in place of H,
    by step (1-3; the claim has no lemma, so a part's fact number is its step's)."""
    claim = catalogue.get(F1_OF_AVERAGES)
    wrong = dataclasses.replace(claim, steps=functools.partial(catalogue._f1_of_averages_steps, mean=_contraharmonic))
    answers: dict[int, list[str]] = {}
    for part in _parts(wrong, 2):
        answers.setdefault(part.part[0], []).append(_answer(part))
    return answers


class TestF1OfAveragesSteps:
    """Each step is refuted with the contraharmonic mean in place of H: step 1 (F1_l is that mean),
    step 2 (superadditive: the contraharmonic mean is subadditive) and step 3 (k times F1 of the
    averages is that mean of the sums) each have a sat part."""

    @pytest.mark.parametrize("step", [1, 2, 3])
    def test_a_wrong_mean_refutes_the_step(self, wrong_answers, step) -> None:
        assert "sat" in wrong_answers[step], wrong_answers

    def test_the_steps_name_what_they_state(self) -> None:
        names = [s.name for s in catalogue.get(F1_OF_AVERAGES).proof_steps()]
        assert names == ["per-label-f1-is-harmonic-mean", "harmonic-mean-superadditive-over-labels",
                         "harmonic-mean-homogeneous"]


class TestBoundedWithParts:
    def test_f1_of_averages_is_proved_up_to_k4_with_the_steps_as_facts(self) -> None:
        result = prove_bounded(catalogue.get(F1_OF_AVERAGES), max_classes=4, timeout=60)
        assert (result.verdict, result.max_classes) == ("proved", 4), result.detail

    def test_a_wrong_step_is_dropped_not_assumed(self) -> None:
        # the contraharmonic step 1 says F1_l = (P_l^2 + R_l^2) / (P_l + R_l), i.e. P_l = R_l for every
        # label: assumed unchecked it would "prove" macro P = macro R, which is false (C = [[2, 1], [0, 1]],
        # rows true: P = (2/2, 1/2), R = (2/3, 1/1), macro P = 3/4, macro R = 5/6)
        claim = catalogue.get(F1_OF_AVERAGES)

        def build(counts_of):
            c = counts_of(d.C)
            return dataclasses.replace(claim.formula(counts_of), conclusion=sympy.Eq(
                d.macro(c, lambda cc, lab: d.precision(cc, lab)), d.macro(c, lambda cc, lab: d.recall(cc, lab))))

        wrong = dataclasses.replace(claim, build=build, steps=functools.partial(catalogue._f1_of_averages_steps,
                                                                                mean=_contraharmonic))
        result = prove_bounded(wrong, max_classes=3, timeout=60)
        # z3's model of the negation is found (the claim's own reference check, written for F1, then
        # does not confirm it, which is an error, never a proof)
        assert result.verdict != "proved" and "found a model at k=2" in result.detail, result.detail
        assert not evaluate(build(d.confusion_counts).conclusion, k=2, C=[[2, 1], [0, 1]])

    def test_a_later_instance_that_fails_drops_the_facts(self) -> None:
        # l * C[l, l] = 0 holds for l = 0 only; assumed, it would "prove" (k - 1) C[k-1, k-1] = 0, which is
        # false at k = 2 (C = [[1, 0], [0, 1]]): the failing instance is the second, not the first
        claim = catalogue.get(F1_OF_AVERAGES)

        def build(counts_of):
            return dataclasses.replace(claim.formula(counts_of),
                                       conclusion=sympy.Eq((d.k - 1) * d.C[d.k - 1, d.k - 1], 0))

        step = Hypothesis("diagonal-times-label-is-zero", "l C[l, l] = 0",
                          d.ForAll(sympy.Eq(d.l * d.C[d.l, d.l], 0), (d.l, 0, d.k - 1)))
        wrong = dataclasses.replace(claim, build=build, steps=lambda counts_of: (step,))
        result = prove_bounded(wrong, max_classes=3, timeout=60)
        assert result.verdict != "proved" and "found a model at k=2" in result.detail, result.detail


class TestTheFactsDivisions:
    """The lemmas and negation queries assert the division guards of the facts they contain, so the
    hypotheses must imply them (``lemmas-definedness``) before the facts are used."""

    def test_f1_of_averages_checks_its_steps_divisions_and_kappa_has_none_to_check(self) -> None:
        f1 = catalogue.get(F1_OF_AVERAGES)
        kappa = catalogue.get("kappa-at-most-accuracy")
        assert "lemmas-definedness" in [o.name for o in holds_plan(f1, relax_counts(f1.formula()), 2)]
        assert "lemmas-definedness" not in [o.name for o in holds_plan(kappa, relax_counts(kappa.formula()), 2)]

    def test_a_step_that_may_divide_by_zero_is_not_assumed(self) -> None:
        # 1 / C[0, 0] >= 0 asserts C[0, 0] != 0 through its guard; assumed, it would "prove" C[0, 0] > 0,
        # which is false at k = 2 (every label occurs with C = [[0, 1], [1, 0]])
        claim = catalogue.get(F1_OF_AVERAGES)

        def build(counts_of):
            return dataclasses.replace(claim.formula(counts_of), conclusion=sympy.Gt(d.C[0, 0], 0))

        steps = (Hypothesis("reciprocal-non-negative", "1 / C[0, 0] >= 0", sympy.Ge(d.ratio(1, d.C[0, 0]), 0)),
                 Hypothesis("diagonal-non-negative", "C[0, 0] >= 0", sympy.Ge(d.C[0, 0], 0)))
        wrong = dataclasses.replace(claim, build=build, steps=lambda counts_of: steps)
        lemmas_defined = {o.name: o for o in holds_plan(wrong, relax_counts(wrong.formula()), 2)}["lemmas-definedness"]
        assert _answer(lemmas_defined) == "sat"
        result = prove_bounded(wrong, max_classes=3, timeout=60)
        assert result.verdict != "proved" and "found a model at k=2" in result.detail, result.detail


KAPPA = "kappa-at-most-accuracy"
COUNTS = d.confusion_counts(d.C)


def _kappa_with(*steps: Hypothesis) -> catalogue.Claim:
    return dataclasses.replace(catalogue.get(KAPPA), steps=lambda counts_of: steps)


class TestWhatAStepUses:
    """A step's ``uses`` says what the query that proves it assumes: fewer hypotheses make a
    stronger statement (never a weaker one), and earlier steps are assumed only once proved."""

    def test_kappas_steps_are_asked_from_the_counts_signs_alone(self) -> None:
        parts = _parts(catalogue.get(KAPPA), 3)
        assert [p.part for p in parts] == [(1, 1), (2, 1)]
        assert all(p.formula.hypotheses == () and p.facts == () for p in parts)
        assert [_answer(p) for p in parts] == ["unsat", "unsat"]

    def test_an_earlier_step_named_in_uses_is_asserted_in_the_later_ones_query(self) -> None:
        first = Hypothesis("trace-at-most-N", "T <= N", sympy.Le(d.trace(COUNTS), d.total(COUNTS)), uses=())
        # 2 T <= 2 N is linear in T <= N; with the first step assumed its query needs nothing else
        second = Hypothesis("twice", "2 T <= 2 N", sympy.Le(2 * d.trace(COUNTS), 2 * d.total(COUNTS)),
                            uses=("trace-at-most-N", "nonempty"))
        parts = _parts(_kappa_with(first, second), 2)
        assert parts[1].facts == (first.formula,)
        assert [h.name for h in parts[1].formula.hypotheses] == ["nonempty"]

    def test_a_step_that_needs_a_hypothesis_it_does_not_name_is_refuted(self) -> None:
        # N > 0 holds under kappa's hypothesis "nonempty", and not from the counts' signs alone (C = 0)
        needs = Hypothesis("positive-total", "N > 0", sympy.Gt(d.total(COUNTS), 0), uses=())
        named = dataclasses.replace(needs, uses=("nonempty",))
        assert [_answer(p) for p in _parts(_kappa_with(needs), 2)] == ["sat"]
        assert [_answer(p) for p in _parts(_kappa_with(named), 2)] == ["unsat"]

    def test_a_name_that_is_neither_a_hypothesis_nor_an_earlier_step_is_an_error(self) -> None:
        later = Hypothesis("later", "T <= N", sympy.Le(d.trace(COUNTS), d.total(COUNTS)), uses=("earlier",))
        earlier = Hypothesis("earlier", "T >= 0", sympy.Ge(d.trace(COUNTS), 0), uses=())
        with pytest.raises(ValueError, match="uses earlier: neither a hypothesis of the claim nor an earlier step"):
            _parts(_kappa_with(later, earlier), 2)


MCC = "mcc-symmetric"


class TestFactsInTheDefinednessQuery:
    """The claim's own divisions are shown defined with the facts assumed, once the facts are
    proved (MCC's root needs the spreads >= 0); when they are not, without them."""

    def test_the_plan_proves_the_facts_before_the_definedness_query_that_assumes_them(self) -> None:
        claim = catalogue.get(MCC)
        plan = holds_plan(claim, relax_counts(claim.formula()), 3)
        names = [o.name for o in plan]
        assert names == ["hypotheses", "lemmas", "definedness", "negation"]
        assert plan[2].facts == plan[3].facts == tuple(s.formula for s in claim.proof_steps())

    def test_mccs_steps_are_asked_whole_one_query_each_and_each_is_proved(self) -> None:
        parts = _parts(catalogue.get(MCC), 3)
        assert [p.part for p in parts] == [(n, 1) for n in range(1, 9)]
        assert [_answer(p) for p in parts] == ["unsat"] * 8

    def test_a_spread_that_sums_the_wrong_terms_is_refuted(self) -> None:
        # N^2 - sum_l support_l^2 >= 0 is true; trace^2 - sum_l support_l^2 >= 0 is not (C = [[0, 1], [0, 0]])
        claim = catalogue.get(MCC)
        steps = claim.proof_steps()
        c = d.confusion_counts(d.C)
        wrong = Hypothesis("trace-spread", "T^2 - sum_l support_l^2 >= 0",
                           sympy.Ge(d.trace(c) ** 2 - d.Sum(d.support(c, d.l) ** 2, (d.l, 0, d.k - 1)), 0),
                           uses=(steps[1].name, steps[2].name))
        parts = _parts(dataclasses.replace(claim, steps=lambda counts_of: (*steps[:3], wrong)), 2)
        assert [_answer(p) for p in parts] == ["unsat", "unsat", "unsat", "sat"]

    def test_a_false_step_does_not_make_a_division_defined(self) -> None:
        # 1 / C[0, 0] is undefined at C[0, 0] = 0; the false step C[0, 0] > 0, assumed unchecked, would hide it
        claim = catalogue.get(MCC)

        def build(counts_of):
            return dataclasses.replace(claim.formula(counts_of), conclusion=sympy.Ge(d.ratio(1, d.C[0, 0]), 0))

        step = Hypothesis("diagonal-positive", "C[0, 0] > 0", sympy.Gt(d.C[0, 0], 0), uses=())
        wrong = dataclasses.replace(claim, build=build, steps=lambda counts_of: (step,))
        result = prove_bounded(wrong, max_classes=2, timeout=60)
        assert result.verdict == "error" and "ill-defined at k=1" in result.detail, result.detail

    def test_mcc_symmetric_is_proved_past_k4_where_definedness_alone_timed_out(self) -> None:
        result = prove_bounded(catalogue.get(MCC), max_classes=6, timeout=60)
        assert (result.verdict, result.max_classes) == ("proved", 6), result.detail


class TestTheFactsAreUsedOnlyOnceChecked:
    """Whatever order a plan puts its checks in, the facts are assumed only after every check of
    them answered unsat (found by review: a plan with lemmas-definedness last still passed the
    suite and "proved" the claim below)."""

    @staticmethod
    def _self_guarded_claim() -> catalogue.Claim:
        # the step C00 (C00 / C00) > 0 is provable only under its own guard C00 != 0; assumed, it
        # hides the zero denominator of 1 / C00, undefined at C00 = 0
        claim = catalogue.get(MCC)
        c00 = d.C[0, 0]

        def build(counts_of):
            return dataclasses.replace(claim.formula(counts_of), conclusion=sympy.Ge(d.ratio(1, c00), 0))

        step = Hypothesis("self-guarded", "C00 (C00 / C00) > 0", sympy.Gt(
            sympy.Mul(c00, sympy.Mul(c00, sympy.Pow(c00, -1, evaluate=False), evaluate=False), evaluate=False), 0,
            evaluate=False), uses=())
        return dataclasses.replace(claim, build=build, steps=lambda counts_of: (step,))

    @pytest.mark.parametrize("order", ["as planned", "lemmas-definedness last"])
    def test_a_step_true_only_under_its_own_guard_does_not_hide_a_zero_denominator(self, order, monkeypatch) -> None:
        from metricproofs.provers import bounded

        planned = bounded.holds_plan
        if order != "as planned":
            def reordered(*args, **kwargs):
                plan = planned(*args, **kwargs)
                last = [o for o in plan if o.name == "lemmas-definedness"]
                assert last, "the step divides, so the plan checks its divisions"
                rest = [o for o in plan if o.name not in ("lemmas-definedness", "negation")]
                return [*rest, *last, plan[-1]]
            monkeypatch.setattr(bounded, "holds_plan", reordered)
        result = prove_bounded(self._self_guarded_claim(), max_classes=2, timeout=60)
        assert result.verdict == "error" and "ill-defined at k=1" in result.detail, result.detail

    def test_f1_of_averages_checks_its_facts_before_it_assumes_them(self) -> None:
        f1 = catalogue.get(F1_OF_AVERAGES)
        names = [o.name for o in holds_plan(f1, relax_counts(f1.formula()), 2)]
        assert names == ["hypotheses", "lemmas-definedness", "lemmas", "definedness", "negation"]
