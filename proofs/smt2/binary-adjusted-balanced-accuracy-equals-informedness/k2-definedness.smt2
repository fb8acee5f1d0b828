; metricproofs certificate: binary-adjusted-balanced-accuracy-equals-informedness (expected:
; holds), query 'definedness', k = 2 classes.
; Claim: With k = 2 labels, both occurring in y_true, scikit-learn's
; balanced_accuracy_score(adjusted=True) equals informedness TPR + TNR - 1.
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - both-labels-in-y-true: k = 2 and both labels occur in y_true, so TPR, TNR and the
;     adjusted balanced accuracy are defined
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Expected answer: unsat: under the hypotheses, and the lemma facts where the claim has them
; (which the lemmas files of this k prove from the hypotheses), no denominator is zero (SMT
; division by zero is unspecified, so this is checked rather than assumed).
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/binary-adjusted-balanced-accuracy-equals-informedness/k2-definedness.smt2
;   cvc5 proofs/smt2/binary-adjusted-balanced-accuracy-equals-informedness/k2-definedness.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status unsat)
(declare-const C_0_0 Real)
(assert (>= C_0_0 0.0))
(declare-const C_0_1 Real)
(assert (>= C_0_1 0.0))
(declare-const C_1_0 Real)
(assert (>= C_1_0 0.0))
(declare-const C_1_1 Real)
(assert (>= C_1_1 0.0))
(define-fun _t0 () Real (* (to_real (- 1)) (/ (to_real 1) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0))))))
(define-fun _t1 () Real (ite (and (= (+ C_0_0 C_0_1) (to_real 0)) (or (= (+ C_0_0 C_0_1) (to_real 0)) (> (+ C_0_0 C_0_1) (to_real 0)))) (to_real 0) (ite (> (+ C_0_0 C_0_1) (to_real 0)) (/ C_0_0 (+ C_0_0 C_0_1)) (to_real 0))))
(define-fun _t2 () Real (ite (and (= (+ C_1_0 C_1_1) (to_real 0)) (or (= (+ C_1_0 C_1_1) (to_real 0)) (> (+ C_1_0 C_1_1) (to_real 0)))) (to_real 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) (/ C_1_1 (+ C_1_0 C_1_1)) (to_real 0))))
(define-fun _t3 () Real (+ _t0 (/ (+ _t1 _t2) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0))))))
(define-fun _t4 () Real (/ (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (* (to_real (- 1)) (+ C_0_1 C_1_1)) C_1_1 (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1))))
(define-fun _t5 () Real (* (* (+ (* (to_real (- 1)) (to_real 1)) (+ _t1 _t2)) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)))) (* (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_1_0 C_1_1))))
(define-fun _t6 () Real (* (+ (* (to_real (- 1)) (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_1_0 C_1_1)) (* (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (* (to_real (- 1)) (+ C_0_1 C_1_1)) C_1_1 (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_1_0 C_1_1)) (* C_1_1 (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)))) (* (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0))) (+ (* (to_real 1) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)))) (* (to_real (- 1)) (to_real 1))))))
(assert (and (> (+ C_0_0 C_0_1) (to_real 0)) (> (+ C_1_0 C_1_1) (to_real 0))))
(assert (not (and (=> (= (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)) 0) false) (=> (not (= (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)) 0)) (not (= (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0))) 0.0))) (=> (= (+ (* (to_real 1) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)))) (* (to_real (- 1)) (to_real 1))) (* (to_real 0) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0))))) false) (=> (and (not (= (+ (* (to_real 1) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)))) (* (to_real (- 1)) (to_real 1))) (* (to_real 0) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)))))) (= (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)) 0)) false) (=> (and (not (= (+ (* (to_real 1) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)))) (* (to_real (- 1)) (to_real 1))) (* (to_real 0) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)))))) (not (= (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)) 0))) (not (= (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0))) 0.0))) (=> (and (not (= (+ (* (to_real 1) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)))) (* (to_real (- 1)) (to_real 1))) (* (to_real 0) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)))))) (not (= (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)) 0)) (not (and (= (+ C_0_0 C_0_1) (to_real 0)) (or (= (+ C_0_0 C_0_1) (to_real 0)) (> (+ C_0_0 C_0_1) (to_real 0))))) (> (+ C_0_0 C_0_1) (to_real 0))) (not (= (+ C_0_0 C_0_1) 0.0))) (=> (and (not (= (+ (* (to_real 1) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)))) (* (to_real (- 1)) (to_real 1))) (* (to_real 0) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)))))) (not (= (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)) 0)) (not (and (= (+ C_1_0 C_1_1) (to_real 0)) (or (= (+ C_1_0 C_1_1) (to_real 0)) (> (+ C_1_0 C_1_1) (to_real 0))))) (> (+ C_1_0 C_1_1) (to_real 0))) (not (= (+ C_1_0 C_1_1) 0.0))) (=> (not (= (+ (* (to_real 1) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)))) (* (to_real (- 1)) (to_real 1))) (* (to_real 0) (to_real (+ (ite (> (+ C_0_0 C_0_1) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1) (to_real 0)) 1 0)))))) (not (= (+ (to_real 1) _t0) 0.0))) (=> (= (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (to_real 0)) false) (=> (not (= (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (to_real 0))) (not (= (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) 0.0))) (=> (= (+ C_1_0 C_1_1) (to_real 0)) false) (=> (not (= (+ C_1_0 C_1_1) (to_real 0))) (not (= (+ C_1_0 C_1_1) 0.0))))))
(check-sat)
(exit)
