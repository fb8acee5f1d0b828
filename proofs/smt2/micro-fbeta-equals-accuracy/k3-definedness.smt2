; metricproofs certificate: micro-fbeta-equals-accuracy (expected: holds), query
; 'definedness', k = 3 classes.
; Claim: In single-label classification with N > 0, micro F-beta = accuracy for every real
; beta > 0.
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - nonempty: there is at least one sample: N > 0
;   - beta-positive: beta is any real number > 0
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Lemmas: fp-fn-balance (their conclusions; proved under these hypotheses at this k by
; micro-fbeta-equals-accuracy/k3-lemmas.smt2).
; Expected answer: unsat: under the hypotheses, and the lemma facts where the claim has them
; (which the lemmas files of this k prove from the hypotheses), no denominator is zero (SMT
; division by zero is unspecified, so this is checked rather than assumed).
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/micro-fbeta-equals-accuracy/k3-definedness.smt2
;   cvc5 proofs/smt2/micro-fbeta-equals-accuracy/k3-definedness.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status unsat)
(declare-const C_0_0 Real)
(assert (>= C_0_0 0.0))
(declare-const C_1_0 Real)
(assert (>= C_1_0 0.0))
(declare-const C_2_0 Real)
(assert (>= C_2_0 0.0))
(declare-const C_1_1 Real)
(assert (>= C_1_1 0.0))
(declare-const C_0_1 Real)
(assert (>= C_0_1 0.0))
(declare-const C_2_1 Real)
(assert (>= C_2_1 0.0))
(declare-const C_2_2 Real)
(assert (>= C_2_2 0.0))
(declare-const C_0_2 Real)
(assert (>= C_0_2 0.0))
(declare-const C_1_2 Real)
(assert (>= C_1_2 0.0))
(declare-const beta Real)
(assert (> beta 0.0))
(define-fun _t0 () Real (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_1_0 C_2_0)) (+ (* (to_real (- 1)) C_1_1) (+ C_0_1 C_1_1 C_2_1)) (+ (* (to_real (- 1)) C_2_2) (+ C_0_2 C_1_2 C_2_2))))
(define-fun _t1 () Real (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1 C_0_2)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1 C_1_2)) (+ (* (to_real (- 1)) C_2_2) (+ C_2_0 C_2_1 C_2_2))))
(define-fun _t2 () Real (/ (* (+ (to_real 1) (* beta beta)) (+ C_0_0 C_1_1 C_2_2)) (+ (* (* beta beta) (+ _t1 (+ C_0_0 C_1_1 C_2_2))) _t0 (+ C_0_0 C_1_1 C_2_2))))
(assert (> (+ C_0_0 C_1_0 C_2_0 C_0_1 C_1_1 C_2_1 C_0_2 C_1_2 C_2_2) (to_real 0)))
(assert (and (= _t0 _t1) (= _t1 (+ (* (to_real (- 1)) (+ C_0_0 C_1_1 C_2_2)) (+ C_0_0 C_1_0 C_2_0 C_0_1 C_1_1 C_2_1 C_0_2 C_1_2 C_2_2)))))
(assert (not (and (=> (= (+ (* (* beta beta) (+ _t1 (+ C_0_0 C_1_1 C_2_2))) _t0 (+ C_0_0 C_1_1 C_2_2)) (to_real 0)) false) (=> (not (= (+ (* (* beta beta) (+ _t1 (+ C_0_0 C_1_1 C_2_2))) _t0 (+ C_0_0 C_1_1 C_2_2)) (to_real 0))) (not (= (+ (* (* beta beta) (+ _t1 (+ C_0_0 C_1_1 C_2_2))) _t0 (+ C_0_0 C_1_1 C_2_2)) 0.0))) (=> (= (+ C_0_0 C_1_0 C_2_0 C_0_1 C_1_1 C_2_1 C_0_2 C_1_2 C_2_2) (to_real 0)) false) (=> (not (= (+ C_0_0 C_1_0 C_2_0 C_0_1 C_1_1 C_2_1 C_0_2 C_1_2 C_2_2) (to_real 0))) (not (= (+ C_0_0 C_1_0 C_2_0 C_0_1 C_1_1 C_2_1 C_0_2 C_1_2 C_2_2) 0.0))))))
(check-sat)
(exit)
