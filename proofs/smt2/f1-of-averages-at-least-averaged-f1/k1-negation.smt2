; metricproofs certificate: f1-of-averages-at-least-averaged-f1 (expected: holds), query
; 'negation', k = 1 classes.
; Claim: When every label is predicted and true at least once, F1(macro P, macro R) >= mean of
; per-label F1.
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - every-label-predicted-and-true: every label occurs in y_true and in y_pred, so every
;     per-label precision and recall is defined
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Lemmas: per-label-f1-is-harmonic-mean, harmonic-mean-superadditive-over-labels,
; harmonic-mean-homogeneous (their conclusions; proved under these hypotheses at this k by
; f1-of-averages-at-least-averaged-f1/k1-lemmas-definedness.smt2 and
; f1-of-averages-at-least-averaged-f1/k1-lemmas.smt2).
;   - per-label-f1-is-harmonic-mean: F1_l = H(P_l, R_l) = 2 P_l R_l / (P_l + R_l) for every
;     label l
;   - harmonic-mean-superadditive-over-labels: H(sum_{l<j} P_l, sum_{l<j} R_l) + H(P_j, R_j)
;     <= H(sum_{l<=j} P_l, sum_{l<=j} R_l) for j = 1..k-1
;   - harmonic-mean-homogeneous: k H(macro P, macro R) = H(sum_l P_l, sum_l R_l)
; Expected answer: unsat: no matrix satisfies the hypotheses and violates the conclusion, so
; the claim holds at this k for every sample count.
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/f1-of-averages-at-least-averaged-f1/k1-negation.smt2
;   cvc5 proofs/smt2/f1-of-averages-at-least-averaged-f1/k1-negation.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status unsat)
(declare-const C_0_0 Real)
(assert (>= C_0_0 0.0))
(define-fun _t0 () Real (* (to_real 2) (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0)) (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0))))
(define-fun _t1 () Real (/ _t0 (+ (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0)) (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0)))))
(define-fun _t2 () Real (ite (= (+ (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0)) (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0))) (to_real 0)) (to_real 0) _t1))
(define-fun _t3 () Real (+ (ite (= 1 0) (to_real 0) (/ (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0)) (to_real 1))) (ite (= 1 0) (to_real 0) (/ (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0)) (to_real 1)))))
(define-fun _t4 () Real (* (to_real 2) (ite (= 1 0) (to_real 0) (/ (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0)) (to_real 1))) (ite (= 1 0) (to_real 0) (/ (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0)) (to_real 1)))))
(assert (and (> C_0_0 (to_real 0)) (> C_0_0 (to_real 0))))
(assert (= (* (to_real 2) C_0_0) (* _t2 (+ C_0_0 C_0_0))))
(assert true)
(assert (= (ite (= _t3 (to_real 0)) (to_real 0) (/ _t4 _t3)) _t2))
(assert (=> (= (+ C_0_0 C_0_0) (to_real 0)) false))
(assert (=> (not (= (+ C_0_0 C_0_0) (to_real 0))) (not (= (+ C_0_0 C_0_0) 0.0))))
(assert (=> (not (= C_0_0 (to_real 0))) (not (= C_0_0 0.0))))
(assert (=> (and (not (= (+ (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0)) (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0))) (to_real 0))) (not (= C_0_0 (to_real 0)))) (not (= C_0_0 0.0))))
(assert (=> (not (= (+ (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0)) (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0))) (to_real 0))) (not (= (+ (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0)) (ite (= C_0_0 (to_real 0)) (to_real 0) (/ C_0_0 C_0_0))) 0.0))))
(assert (=> (and (not (= 1 0)) (not (= C_0_0 (to_real 0)))) (not (= C_0_0 0.0))))
(assert (=> (not (= 1 0)) (not (= (to_real 1) 0.0))))
(assert (=> (and (not (= _t3 (to_real 0))) (not (= 1 0)) (not (= C_0_0 (to_real 0)))) (not (= C_0_0 0.0))))
(assert (=> (and (not (= _t3 (to_real 0))) (not (= 1 0))) (not (= (to_real 1) 0.0))))
(assert (=> (not (= _t3 (to_real 0))) (not (= _t3 0.0))))
(assert (=> (= 1 0) false))
(assert (=> (and (not (= 1 0)) (= (+ C_0_0 C_0_0) (to_real 0))) false))
(assert (=> (and (not (= 1 0)) (not (= (+ C_0_0 C_0_0) (to_real 0)))) (not (= (+ C_0_0 C_0_0) 0.0))))
(assert (not (>= (ite (= _t3 (to_real 0)) (to_real 0) (/ _t4 _t3)) (/ (/ (* (to_real 2) C_0_0) (+ C_0_0 C_0_0)) (to_real 1)))))
(check-sat)
(exit)
