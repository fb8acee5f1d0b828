; metricproofs certificate: binary-mcc-equals-kappa (expected: fails), query 'negation', k = 2
; classes.
; Claim: With k = 2 labels, MCC equals Cohen's kappa.
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - every-label-predicted-and-true: every label occurs in y_true and in y_pred, so every
;     per-label precision and recall is defined
; Counts: non-negative integers (so a model is a dataset). At most 3 samples are allowed (a
; model within this limit is a counterexample all the same).
; Expected answer: sat: some dataset satisfies the hypotheses and violates the conclusion; a
; model (get-model) is a counterexample, so the claim is false.
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/binary-mcc-equals-kappa/k2-negation.smt2
;   cvc5 --nl-cov proofs/smt2/binary-mcc-equals-kappa/k2-negation.smt2
; Without --nl-cov, cvc5 1.4 leaves this query unknown (CVC5_SETTINGS in
; src/metricproofs/provers/cvc5.py); z3 needs no option.
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
(define-fun _t0 () Int (+ (* (+ C_0_0 C_1_0 C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (* (- 1) (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_1_0)) (* (+ C_0_1 C_1_1) (+ C_0_1 C_1_1))))))
(define-fun _t1 () Int (+ (* (+ C_0_0 C_1_0 C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (* (- 1) (+ (* (+ C_0_0 C_0_1) (+ C_0_0 C_0_1)) (* (+ C_1_0 C_1_1) (+ C_1_0 C_1_1))))))
(declare-const _sqrt0 Real)
(assert (=> (>= (to_real (* _t0 _t1)) 0.0) (and (>= _sqrt0 0.0) (= (* _sqrt0 _sqrt0) (to_real (* _t0 _t1))))))
(define-fun _t2 () Int (+ (* (- 1) (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_0_1)) (* (+ C_0_1 C_1_1) (+ C_1_0 C_1_1)))) (* (+ C_0_0 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1))))
(define-fun _t3 () Int (+ (* (+ C_0_0 C_1_0 C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (* (- 1) (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_0_1)) (* (+ C_0_1 C_1_1) (+ C_1_0 C_1_1))))))
(assert (and (and (> (+ C_0_0 C_1_0) 0) (> (+ C_0_0 C_0_1) 0)) (and (> (+ C_0_1 C_1_1) 0) (> (+ C_1_0 C_1_1) 0))))
(assert (<= (+ C_0_0 C_1_0 C_0_1 C_1_1) 3))
(assert (>= (to_real (* _t0 _t1)) 0.0))
(assert (=> (not (= _sqrt0 (to_real 0))) (>= (to_real (* _t0 _t1)) 0.0)))
(assert (=> (not (= _sqrt0 (to_real 0))) (not (= _sqrt0 0.0))))
(assert (=> (= _t3 0) false))
(assert (=> (not (= _t3 0)) (not (= (to_real _t3) 0.0))))
(assert (not (= (* (ite (= _sqrt0 (to_real 0)) (to_real 0) (/ (to_real _t2) _sqrt0)) (to_real _t3)) (to_real _t2))))
(check-sat)
(exit)
