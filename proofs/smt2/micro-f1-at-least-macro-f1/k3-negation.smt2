; metricproofs certificate: micro-f1-at-least-macro-f1 (expected: fails), query 'negation', k
; = 3 classes.
; Claim: Micro F1 >= macro F1 always.
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - every-label-predicted-and-true: every label occurs in y_true and in y_pred, so every
;     per-label precision and recall is defined
; Counts: non-negative integers (so a model is a dataset). At most 4 samples are allowed (a
; model within this limit is a counterexample all the same).
; Expected answer: sat: some dataset satisfies the hypotheses and violates the conclusion; a
; model (get-model) is a counterexample, so the claim is false.
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/micro-f1-at-least-macro-f1/k3-negation.smt2
;   cvc5 proofs/smt2/micro-f1-at-least-macro-f1/k3-negation.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status sat)
(declare-const C_0_0 Int)
(assert (>= C_0_0 0))
(declare-const C_1_0 Int)
(assert (>= C_1_0 0))
(declare-const C_2_0 Int)
(assert (>= C_2_0 0))
(declare-const C_0_1 Int)
(assert (>= C_0_1 0))
(declare-const C_0_2 Int)
(assert (>= C_0_2 0))
(declare-const C_1_1 Int)
(assert (>= C_1_1 0))
(declare-const C_2_1 Int)
(assert (>= C_2_1 0))
(declare-const C_1_2 Int)
(assert (>= C_1_2 0))
(declare-const C_2_2 Int)
(assert (>= C_2_2 0))
(define-fun _t0 () Int (+ (+ (* (- 1) C_0_0) (+ C_0_0 C_1_0 C_2_0)) (+ (* (- 1) C_1_1) (+ C_0_1 C_1_1 C_2_1)) (+ (* (- 1) C_2_2) (+ C_0_2 C_1_2 C_2_2))))
(define-fun _t1 () Int (+ (+ (* (- 1) C_0_0) (+ C_0_0 C_0_1 C_0_2)) (+ (* (- 1) C_1_1) (+ C_1_0 C_1_1 C_1_2)) (+ (* (- 1) C_2_2) (+ C_2_0 C_2_1 C_2_2))))
(define-fun _t2 () Real (+ (/ (to_real (* 2 C_0_0)) (to_real (+ (+ C_0_0 C_1_0 C_2_0) (+ C_0_0 C_0_1 C_0_2)))) (/ (to_real (* 2 C_1_1)) (to_real (+ (+ C_0_1 C_1_1 C_2_1) (+ C_1_0 C_1_1 C_1_2)))) (/ (to_real (* 2 C_2_2)) (to_real (+ (+ C_0_2 C_1_2 C_2_2) (+ C_2_0 C_2_1 C_2_2))))))
(assert (and (and (> (+ C_0_0 C_1_0 C_2_0) 0) (> (+ C_0_0 C_0_1 C_0_2) 0)) (and (> (+ C_0_1 C_1_1 C_2_1) 0) (> (+ C_1_0 C_1_1 C_1_2) 0)) (and (> (+ C_0_2 C_1_2 C_2_2) 0) (> (+ C_2_0 C_2_1 C_2_2) 0))))
(assert (<= (+ C_0_0 C_1_0 C_2_0 C_0_1 C_0_2 C_1_1 C_2_1 C_1_2 C_2_2) 4))
(assert (=> (= (+ (* 2 (+ C_0_0 C_1_1 C_2_2)) _t0 _t1) 0) false))
(assert (=> (not (= (+ (* 2 (+ C_0_0 C_1_1 C_2_2)) _t0 _t1) 0)) (not (= (to_real (+ (* 2 (+ C_0_0 C_1_1 C_2_2)) _t0 _t1)) 0.0))))
(assert (=> (= 3 0) false))
(assert (=> (and (not (= 3 0)) (= (+ (+ C_0_0 C_1_0 C_2_0) (+ C_0_0 C_0_1 C_0_2)) 0)) false))
(assert (=> (and (not (= 3 0)) (not (= (+ (+ C_0_0 C_1_0 C_2_0) (+ C_0_0 C_0_1 C_0_2)) 0))) (not (= (to_real (+ (+ C_0_0 C_1_0 C_2_0) (+ C_0_0 C_0_1 C_0_2))) 0.0))))
(assert (=> (and (not (= 3 0)) (= (+ (+ C_0_1 C_1_1 C_2_1) (+ C_1_0 C_1_1 C_1_2)) 0)) false))
(assert (=> (and (not (= 3 0)) (not (= (+ (+ C_0_1 C_1_1 C_2_1) (+ C_1_0 C_1_1 C_1_2)) 0))) (not (= (to_real (+ (+ C_0_1 C_1_1 C_2_1) (+ C_1_0 C_1_1 C_1_2))) 0.0))))
(assert (=> (and (not (= 3 0)) (= (+ (+ C_0_2 C_1_2 C_2_2) (+ C_2_0 C_2_1 C_2_2)) 0)) false))
(assert (=> (and (not (= 3 0)) (not (= (+ (+ C_0_2 C_1_2 C_2_2) (+ C_2_0 C_2_1 C_2_2)) 0))) (not (= (to_real (+ (+ C_0_2 C_1_2 C_2_2) (+ C_2_0 C_2_1 C_2_2))) 0.0))))
(assert (=> (not (= 3 0)) (not (= (to_real 3) 0.0))))
(assert (not (>= (/ (to_real (* 2 (+ C_0_0 C_1_1 C_2_2))) (to_real (+ (* 2 (+ C_0_0 C_1_1 C_2_2)) _t0 _t1))) (/ _t2 (to_real 3)))))
(check-sat)
(exit)
