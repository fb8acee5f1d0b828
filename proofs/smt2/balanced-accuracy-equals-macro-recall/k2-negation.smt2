; metricproofs certificate: balanced-accuracy-equals-macro-recall (expected: fails), query
; 'negation', k = 2 classes.
; Claim: Balanced accuracy equals macro recall with scikit-learn's default labels (those of
; y_true and y_pred).
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - nonempty: there is at least one sample: N > 0
;   - default-labels: scikit-learn's default label set: every label 0..k-1 occurs in y_true or
;     y_pred
; Counts: non-negative integers (so a model is a dataset). At most 2 samples are allowed (a
; model within this limit is a counterexample all the same).
; Expected answer: sat: some dataset satisfies the hypotheses and violates the conclusion; a
; model (get-model) is a counterexample, so the claim is false.
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/balanced-accuracy-equals-macro-recall/k2-negation.smt2
;   cvc5 proofs/smt2/balanced-accuracy-equals-macro-recall/k2-negation.smt2
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
(define-fun _t0 () Real (ite (and (= (+ C_0_0 C_0_1) 0) (or (= (+ C_0_0 C_0_1) 0) (> (+ C_0_0 C_0_1) 0))) (to_real 0) (ite (> (+ C_0_0 C_0_1) 0) (/ (to_real C_0_0) (to_real (+ C_0_0 C_0_1))) (to_real 0))))
(define-fun _t1 () Real (ite (and (= (+ C_1_0 C_1_1) 0) (or (= (+ C_1_0 C_1_1) 0) (> (+ C_1_0 C_1_1) 0))) (to_real 0) (ite (> (+ C_1_0 C_1_1) 0) (/ (to_real C_1_1) (to_real (+ C_1_0 C_1_1))) (to_real 0))))
(define-fun _t2 () Real (+ (ite (= (+ C_0_0 C_0_1) 0) (to_real 0) (/ (to_real C_0_0) (to_real (+ C_0_0 C_0_1)))) (ite (= (+ C_1_0 C_1_1) 0) (to_real 0) (/ (to_real C_1_1) (to_real (+ C_1_0 C_1_1))))))
(assert (> (+ C_0_0 C_1_0 C_0_1 C_1_1) 0))
(assert (and (> (+ (+ C_0_0 C_1_0) (+ C_0_0 C_0_1)) 0) (> (+ (+ C_0_1 C_1_1) (+ C_1_0 C_1_1)) 0)))
(assert (<= (+ C_0_0 C_1_0 C_0_1 C_1_1) 2))
(assert (=> (= (+ (ite (> (+ C_0_0 C_0_1) 0) 1 0) (ite (> (+ C_1_0 C_1_1) 0) 1 0)) 0) false))
(assert (=> (and (not (= (+ (ite (> (+ C_0_0 C_0_1) 0) 1 0) (ite (> (+ C_1_0 C_1_1) 0) 1 0)) 0)) (not (and (= (+ C_0_0 C_0_1) 0) (or (= (+ C_0_0 C_0_1) 0) (> (+ C_0_0 C_0_1) 0)))) (> (+ C_0_0 C_0_1) 0)) (not (= (to_real (+ C_0_0 C_0_1)) 0.0))))
(assert (=> (and (not (= (+ (ite (> (+ C_0_0 C_0_1) 0) 1 0) (ite (> (+ C_1_0 C_1_1) 0) 1 0)) 0)) (not (and (= (+ C_1_0 C_1_1) 0) (or (= (+ C_1_0 C_1_1) 0) (> (+ C_1_0 C_1_1) 0)))) (> (+ C_1_0 C_1_1) 0)) (not (= (to_real (+ C_1_0 C_1_1)) 0.0))))
(assert (=> (not (= (+ (ite (> (+ C_0_0 C_0_1) 0) 1 0) (ite (> (+ C_1_0 C_1_1) 0) 1 0)) 0)) (not (= (to_real (+ (ite (> (+ C_0_0 C_0_1) 0) 1 0) (ite (> (+ C_1_0 C_1_1) 0) 1 0))) 0.0))))
(assert (=> (= 2 0) false))
(assert (=> (and (not (= 2 0)) (not (= (+ C_0_0 C_0_1) 0))) (not (= (to_real (+ C_0_0 C_0_1)) 0.0))))
(assert (=> (and (not (= 2 0)) (not (= (+ C_1_0 C_1_1) 0))) (not (= (to_real (+ C_1_0 C_1_1)) 0.0))))
(assert (=> (not (= 2 0)) (not (= (to_real 2) 0.0))))
(assert (not (= (* (+ _t0 _t1) (to_real 2)) (* _t2 (to_real (+ (ite (> (+ C_0_0 C_0_1) 0) 1 0) (ite (> (+ C_1_0 C_1_1) 0) 1 0)))))))
(check-sat)
(exit)
