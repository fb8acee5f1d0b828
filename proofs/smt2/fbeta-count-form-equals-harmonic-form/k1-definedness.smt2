; metricproofs certificate: fbeta-count-form-equals-harmonic-form (expected: holds), query
; 'definedness', k = 1 classes.
; Claim: Where TP > 0, scikit-learn's count form (1 + b^2) TP / ((1 + b^2) TP + b^2 FN + FP)
; equals (1 + b^2) P R / (b^2 P + R).
; Hypotheses:
;   - defined: precision and recall are defined and not both 0: TP > 0
;   - beta-positive: beta is any real number > 0
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Expected answer: unsat: under the hypotheses, and the lemma facts where the claim has them
; (which the lemmas files of this k prove from the hypotheses), no denominator is zero (SMT
; division by zero is unspecified, so this is checked rather than assumed).
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/fbeta-count-form-equals-harmonic-form/k1-definedness.smt2
;   cvc5 proofs/smt2/fbeta-count-form-equals-harmonic-form/k1-definedness.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status unsat)
(declare-const TP_0 Real)
(assert (>= TP_0 0.0))
(declare-const beta Real)
(assert (> beta 0.0))
(declare-const FN_0 Real)
(assert (>= FN_0 0.0))
(declare-const FP_0 Real)
(assert (>= FP_0 0.0))
(define-fun _t0 () Real (/ (* (+ (to_real 1) (* beta beta)) (/ TP_0 (+ FN_0 TP_0)) (/ TP_0 (+ FP_0 TP_0))) (+ (* (* beta beta) (/ TP_0 (+ FP_0 TP_0))) (/ TP_0 (+ FN_0 TP_0)))))
(define-fun _t1 () Real (* (* (+ (to_real 1) (* beta beta)) TP_0) (* (* (+ FN_0 TP_0) (+ FP_0 TP_0)) (+ (* (* (* beta beta) TP_0) (+ FN_0 TP_0)) (* TP_0 (+ FP_0 TP_0))))))
(define-fun _t2 () Real (* (* (* (+ (to_real 1) (* beta beta)) TP_0 TP_0) (* (+ FP_0 TP_0) (+ FN_0 TP_0))) (+ (* (* beta beta) (+ FN_0 TP_0)) FP_0 TP_0)))
(assert (> TP_0 (to_real 0)))
(assert (not (and (=> (= (+ (* (* beta beta) (+ FN_0 TP_0)) FP_0 TP_0) (to_real 0)) false) (=> (not (= (+ (* (* beta beta) (+ FN_0 TP_0)) FP_0 TP_0) (to_real 0))) (not (= (+ (* (* beta beta) (+ FN_0 TP_0)) FP_0 TP_0) 0.0))) (=> (= (+ FN_0 TP_0) (to_real 0)) false) (=> (not (= (+ FN_0 TP_0) (to_real 0))) (not (= (+ FN_0 TP_0) 0.0))) (=> (= (+ FP_0 TP_0) (to_real 0)) false) (=> (not (= (+ FP_0 TP_0) (to_real 0))) (not (= (+ FP_0 TP_0) 0.0))) (not (= (+ (* (* beta beta) (/ TP_0 (+ FP_0 TP_0))) (/ TP_0 (+ FN_0 TP_0))) 0.0)))))
(check-sat)
(exit)
