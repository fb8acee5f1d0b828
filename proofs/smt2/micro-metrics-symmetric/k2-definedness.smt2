; metricproofs certificate: micro-metrics-symmetric (expected: holds), query 'definedness', k
; = 2 classes.
; Claim: Swapping y_true and y_pred leaves micro P, R and F1 (over all labels) unchanged.
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - nonempty: there is at least one sample: N > 0
;   - swap: swapping y_true and y_pred transposes the confusion matrix
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Lemmas: fp-fn-balance (their conclusions; proved under these hypotheses at this k by
; micro-metrics-symmetric/k2-lemmas.smt2).
; Expected answer: unsat: under the hypotheses, and the lemma facts where the claim has them
; (which the lemmas files of this k prove from the hypotheses), no denominator is zero (SMT
; division by zero is unspecified, so this is checked rather than assumed).
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/micro-metrics-symmetric/k2-definedness.smt2
;   cvc5 proofs/smt2/micro-metrics-symmetric/k2-definedness.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status unsat)
(declare-const C_0_0 Real)
(assert (>= C_0_0 0.0))
(declare-const C_1_0 Real)
(assert (>= C_1_0 0.0))
(declare-const C_1_1 Real)
(assert (>= C_1_1 0.0))
(declare-const C_0_1 Real)
(assert (>= C_0_1 0.0))
(define-fun _t0 () Real (/ (+ C_0_0 C_1_1) (+ (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_1_0)) (+ (* (to_real (- 1)) C_1_1) (+ C_0_1 C_1_1))) (+ C_0_0 C_1_1))))
(define-fun _t1 () Real (/ (+ C_0_0 C_1_1) (+ (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1))) (+ C_0_0 C_1_1))))
(define-fun _t2 () Real (* (+ C_0_0 C_1_1) (+ (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1))) (+ C_0_0 C_1_1))))
(define-fun _t3 () Real (* (+ C_0_0 C_1_1) (+ (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_1_0)) (+ (* (to_real (- 1)) C_1_1) (+ C_0_1 C_1_1))) (+ C_0_0 C_1_1))))
(define-fun _t4 () Real (+ (* (to_real 2) (+ C_0_0 C_1_1)) (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_1_0)) (+ (* (to_real (- 1)) C_1_1) (+ C_0_1 C_1_1))) (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1)))))
(assert (> (+ C_0_0 C_1_0 C_0_1 C_1_1) (to_real 0)))
(assert (and (= (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_1_0)) (+ (* (to_real (- 1)) C_1_1) (+ C_0_1 C_1_1))) (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1)))) (= (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1))) (+ (* (to_real (- 1)) (+ C_0_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)))))
(assert (not (and (=> (= (+ (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_1_0)) (+ (* (to_real (- 1)) C_1_1) (+ C_0_1 C_1_1))) (+ C_0_0 C_1_1)) (to_real 0)) false) (=> (not (= (+ (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_1_0)) (+ (* (to_real (- 1)) C_1_1) (+ C_0_1 C_1_1))) (+ C_0_0 C_1_1)) (to_real 0))) (not (= (+ (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_1_0)) (+ (* (to_real (- 1)) C_1_1) (+ C_0_1 C_1_1))) (+ C_0_0 C_1_1)) 0.0))) (=> (= (+ (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1))) (+ C_0_0 C_1_1)) (to_real 0)) false) (=> (not (= (+ (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1))) (+ C_0_0 C_1_1)) (to_real 0))) (not (= (+ (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1))) (+ C_0_0 C_1_1)) 0.0))) (=> (= _t4 (to_real 0)) false) (=> (not (= _t4 (to_real 0))) (not (= _t4 0.0))))))
(check-sat)
(exit)
