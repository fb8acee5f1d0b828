; metricproofs certificate: kappa-at-most-accuracy (expected: holds), query 'definedness', k =
; 2 classes.
; Claim: In single-label classification with N > 0 and chance agreement p_e < 1, Cohen's kappa
; <= accuracy.
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - nonempty: there is at least one sample: N > 0
;   - chance-below-one: the chance agreement p_e = sum_l support_l predicted_l / N^2 is below
;     1 (not every sample has one and the same label on both sides), so kappa is defined
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Lemmas: trace-at-most-N, chance-sum-non-negative (their conclusions; proved under these
; hypotheses at this k by kappa-at-most-accuracy/k2-lemmas.smt2).
;   - trace-at-most-N: T <= N: the correct samples are some of the samples
;   - chance-sum-non-negative: X = sum_l support_l predicted_l >= 0: a sum of products of
;     non-negative counts
; Expected answer: unsat: under the hypotheses, and the lemma facts where the claim has them
; (which the lemmas files of this k prove from the hypotheses), no denominator is zero (SMT
; division by zero is unspecified, so this is checked rather than assumed).
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/kappa-at-most-accuracy/k2-definedness.smt2
;   cvc5 proofs/smt2/kappa-at-most-accuracy/k2-definedness.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status unsat)
(declare-const C_0_0 Real)
(assert (>= C_0_0 0.0))
(declare-const C_1_1 Real)
(assert (>= C_1_1 0.0))
(declare-const C_1_0 Real)
(assert (>= C_1_0 0.0))
(declare-const C_0_1 Real)
(assert (>= C_0_1 0.0))
(define-fun _t0 () Real (+ (* (+ C_0_0 C_1_0 C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (* (to_real (- 1)) (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_0_1)) (* (+ C_0_1 C_1_1) (+ C_1_0 C_1_1))))))
(define-fun _t1 () Real (+ (* (to_real (- 1)) (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_0_1)) (* (+ C_0_1 C_1_1) (+ C_1_0 C_1_1)))) (* (+ C_0_0 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1))))
(assert (> (+ C_0_0 C_1_0 C_0_1 C_1_1) (to_real 0)))
(assert (< (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_0_1)) (* (+ C_0_1 C_1_1) (+ C_1_0 C_1_1))) (* (+ C_0_0 C_1_0 C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1))))
(assert (<= (+ C_0_0 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)))
(assert (>= (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_0_1)) (* (+ C_0_1 C_1_1) (+ C_1_0 C_1_1))) (to_real 0)))
(assert (not (and (=> (= _t0 (to_real 0)) false) (=> (not (= _t0 (to_real 0))) (not (= _t0 0.0))) (=> (= (+ C_0_0 C_1_0 C_0_1 C_1_1) (to_real 0)) false) (=> (not (= (+ C_0_0 C_1_0 C_0_1 C_1_1) (to_real 0))) (not (= (+ C_0_0 C_1_0 C_0_1 C_1_1) 0.0))))))
(check-sat)
(exit)
