; metricproofs certificate: kappa-equals-accuracy (expected: fails), query 'negation', k = 2
; classes.
; Claim: Cohen's kappa equals accuracy (and so micro F1) in single-label classification.
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - nonempty: there is at least one sample: N > 0
;   - chance-below-one: the chance agreement p_e = sum_l support_l predicted_l / N^2 is below
;     1 (not every sample has one and the same label on both sides), so kappa is defined
; Counts: non-negative integers (so a model is a dataset). At most 2 samples are allowed (a
; model within this limit is a counterexample all the same).
; Expected answer: sat: some dataset satisfies the hypotheses and violates the conclusion; a
; model (get-model) is a counterexample, so the claim is false.
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/kappa-equals-accuracy/k2-negation.smt2
;   cvc5 proofs/smt2/kappa-equals-accuracy/k2-negation.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status sat)
(declare-const C_0_0 Int)
(assert (>= C_0_0 0))
(declare-const C_1_0 Int)
(assert (>= C_1_0 0))
(declare-const C_0_1 Int)
(assert (>= C_0_1 0))
(declare-const C_1_1 Int)
(assert (>= C_1_1 0))
(define-fun _t0 () Int (+ (* (+ C_0_0 C_1_0 C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (* (- 1) (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_0_1)) (* (+ C_0_1 C_1_1) (+ C_1_0 C_1_1))))))
(define-fun _t1 () Int (+ (* (- 1) (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_0_1)) (* (+ C_0_1 C_1_1) (+ C_1_0 C_1_1)))) (* (+ C_0_0 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1))))
(assert (> (+ C_0_0 C_1_0 C_0_1 C_1_1) 0))
(assert (< (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_0_1)) (* (+ C_0_1 C_1_1) (+ C_1_0 C_1_1))) (* (+ C_0_0 C_1_0 C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1))))
(assert (<= (+ C_0_0 C_1_0 C_0_1 C_1_1) 2))
(assert (=> (= _t0 0) false))
(assert (=> (not (= _t0 0)) (not (= (to_real _t0) 0.0))))
(assert (=> (= (+ C_0_0 C_1_0 C_0_1 C_1_1) 0) false))
(assert (=> (not (= (+ C_0_0 C_1_0 C_0_1 C_1_1) 0)) (not (= (to_real (+ C_0_0 C_1_0 C_0_1 C_1_1)) 0.0))))
(assert (not (= (* (to_real _t1) (to_real (+ C_0_0 C_1_0 C_0_1 C_1_1))) (* (to_real (+ C_0_0 C_1_1)) (to_real _t0)))))
(check-sat)
(exit)
