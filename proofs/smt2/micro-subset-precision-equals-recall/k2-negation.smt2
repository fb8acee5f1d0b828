; metricproofs certificate: micro-subset-precision-equals-recall (expected: fails), query
; 'negation', k = 2 classes.
; Claim: Micro precision equals micro recall over a proper subset S of the labels
; (scikit-learn labels=).
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - proper-subset: S leaves out at least one label
;   - defined: P_S and R_S are defined: S is predicted and occurs in y_true
; Counts: non-negative integers (so a model is a dataset). At most 2 samples are allowed (a
; model within this limit is a counterexample all the same).
; Expected answer: sat: some dataset satisfies the hypotheses and violates the conclusion; a
; model (get-model) is a counterexample, so the claim is false.
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/micro-subset-precision-equals-recall/k2-negation.smt2
;   cvc5 proofs/smt2/micro-subset-precision-equals-recall/k2-negation.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status sat)
(declare-const s_0 Int)
(assert (>= s_0 0))
(assert (<= s_0 1))
(declare-const s_1 Int)
(assert (>= s_1 0))
(assert (<= s_1 1))
(declare-const C_0_0 Int)
(assert (>= C_0_0 0))
(declare-const C_1_0 Int)
(assert (>= C_1_0 0))
(declare-const C_1_1 Int)
(assert (>= C_1_1 0))
(declare-const C_0_1 Int)
(assert (>= C_0_1 0))
(define-fun _t0 () Int (+ (+ (ite (= s_0 1) (+ (* (- 1) C_0_0) (+ C_0_0 C_1_0)) 0) (ite (= s_1 1) (+ (* (- 1) C_1_1) (+ C_0_1 C_1_1)) 0)) (+ (ite (= s_0 1) C_0_0 0) (ite (= s_1 1) C_1_1 0))))
(define-fun _t1 () Int (+ (+ (ite (= s_0 1) (+ (* (- 1) C_0_0) (+ C_0_0 C_0_1)) 0) (ite (= s_1 1) (+ (* (- 1) C_1_1) (+ C_1_0 C_1_1)) 0)) (+ (ite (= s_0 1) C_0_0 0) (ite (= s_1 1) C_1_1 0))))
(assert (< (+ s_0 s_1) 2))
(assert (and (> _t0 0) (> _t1 0)))
(assert (<= (+ C_0_0 C_1_0 C_1_1 C_0_1) 2))
(assert (=> (= _t0 0) false))
(assert (=> (not (= _t0 0)) (not (= (to_real _t0) 0.0))))
(assert (=> (= _t1 0) false))
(assert (=> (not (= _t1 0)) (not (= (to_real _t1) 0.0))))
(assert (not (= (* (to_real (+ (ite (= s_0 1) C_0_0 0) (ite (= s_1 1) C_1_1 0))) (to_real _t1)) (* (to_real (+ (ite (= s_0 1) C_0_0 0) (ite (= s_1 1) C_1_1 0))) (to_real _t0)))))
(check-sat)
(exit)
