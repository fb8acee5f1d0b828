; metricproofs certificate: micro-f1-equals-accuracy (expected: holds), query 'definedness', k
; = 1 classes.
; Claim: In single-label classification with N > 0, micro F1 = micro P = micro R = accuracy.
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - nonempty: there is at least one sample: N > 0
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Lemmas: fp-fn-balance (their conclusions; proved under these hypotheses at this k by
; micro-f1-equals-accuracy/k1-lemmas.smt2).
; Expected answer: unsat: under the hypotheses, and the lemma facts where the claim has them
; (which the lemmas files of this k prove from the hypotheses), no denominator is zero (SMT
; division by zero is unspecified, so this is checked rather than assumed).
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/micro-f1-equals-accuracy/k1-definedness.smt2
;   cvc5 proofs/smt2/micro-f1-equals-accuracy/k1-definedness.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status unsat)
(declare-const C_0_0 Real)
(assert (>= C_0_0 0.0))
(define-fun _t0 () Real (/ (* (to_real 2) C_0_0) (+ (* (to_real 2) C_0_0) (+ (* (to_real (- 1)) C_0_0) C_0_0) (+ (* (to_real (- 1)) C_0_0) C_0_0))))
(assert (> C_0_0 (to_real 0)))
(assert (and (= (+ (* (to_real (- 1)) C_0_0) C_0_0) (+ (* (to_real (- 1)) C_0_0) C_0_0)) (= (+ (* (to_real (- 1)) C_0_0) C_0_0) (+ (* (to_real (- 1)) C_0_0) C_0_0))))
(assert (not (and (=> (= (+ (+ (* (to_real (- 1)) C_0_0) C_0_0) C_0_0) (to_real 0)) false) (=> (not (= (+ (+ (* (to_real (- 1)) C_0_0) C_0_0) C_0_0) (to_real 0))) (not (= (+ (+ (* (to_real (- 1)) C_0_0) C_0_0) C_0_0) 0.0))) (=> (= C_0_0 (to_real 0)) false) (=> (not (= C_0_0 (to_real 0))) (not (= C_0_0 0.0))) (=> (= (+ (* (to_real 2) C_0_0) (+ (* (to_real (- 1)) C_0_0) C_0_0) (+ (* (to_real (- 1)) C_0_0) C_0_0)) (to_real 0)) false) (=> (not (= (+ (* (to_real 2) C_0_0) (+ (* (to_real (- 1)) C_0_0) C_0_0) (+ (* (to_real (- 1)) C_0_0) C_0_0)) (to_real 0))) (not (= (+ (* (to_real 2) C_0_0) (+ (* (to_real (- 1)) C_0_0) C_0_0) (+ (* (to_real (- 1)) C_0_0) C_0_0)) 0.0))))))
(check-sat)
(exit)
