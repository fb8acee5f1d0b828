; metricproofs certificate: top-k-micro-precision-equals-recall (expected: fails), query
; 'negation', k = 2 classes.
; Claim: Micro P = R when each sample predicts k > 1 labels (here 2) and has one true label.
; Hypotheses:
;   - one-true-label: each sample has exactly one true label
;   - two-predictions: each sample predicts exactly 2 labels (top-2)
;   - defined: micro P and R are defined
; Counts: non-negative integers (so a model is a dataset).
; Expected answer: sat: some dataset satisfies the hypotheses and violates the conclusion; a
; model (get-model) is a counterexample, so the claim is false.
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/top-k-micro-precision-equals-recall/k2-negation.smt2
;   cvc5 proofs/smt2/top-k-micro-precision-equals-recall/k2-negation.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status sat)
(declare-const Y_0_0 Int)
(assert (>= Y_0_0 0))
(assert (<= Y_0_0 1))
(declare-const Y_0_1 Int)
(assert (>= Y_0_1 0))
(assert (<= Y_0_1 1))
(declare-const Yhat_0_0 Int)
(assert (>= Yhat_0_0 0))
(assert (<= Yhat_0_0 1))
(declare-const Yhat_0_1 Int)
(assert (>= Yhat_0_1 0))
(assert (<= Yhat_0_1 1))
(define-fun _t0 () Int (+ (+ (ite (= Yhat_0_0 1) (+ 1 (ite (= Y_0_0 1) (- 1) 0)) 0) (ite (= Yhat_0_1 1) (+ 1 (ite (= Y_0_1 1) (- 1) 0)) 0)) (+ (ite (= Y_0_0 1) Yhat_0_0 0) (ite (= Y_0_1 1) Yhat_0_1 0))))
(define-fun _t1 () Int (+ (+ (ite (= Y_0_0 1) (+ 1 (ite (= Yhat_0_0 1) (- 1) 0)) 0) (ite (= Y_0_1 1) (+ 1 (ite (= Yhat_0_1 1) (- 1) 0)) 0)) (+ (ite (= Y_0_0 1) Yhat_0_0 0) (ite (= Y_0_1 1) Yhat_0_1 0))))
(assert (= (+ Y_0_0 Y_0_1) 1))
(assert (= (+ Yhat_0_0 Yhat_0_1) 2))
(assert (> _t0 0))
(assert (=> (= _t0 0) false))
(assert (=> (not (= _t0 0)) (not (= (to_real _t0) 0.0))))
(assert (=> (= _t1 0) false))
(assert (=> (not (= _t1 0)) (not (= (to_real _t1) 0.0))))
(assert (not (= (* (to_real (+ (ite (= Y_0_0 1) Yhat_0_0 0) (ite (= Y_0_1 1) Yhat_0_1 0))) (to_real _t1)) (* (to_real (+ (ite (= Y_0_0 1) Yhat_0_0 0) (ite (= Y_0_1 1) Yhat_0_1 0))) (to_real _t0)))))
(check-sat)
(exit)
