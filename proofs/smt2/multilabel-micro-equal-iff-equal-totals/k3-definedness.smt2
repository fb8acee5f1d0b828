; metricproofs certificate: multilabel-micro-equal-iff-equal-totals (expected: holds), query
; 'definedness', k = 3 classes.
; Claim: In multi-label classification with sum TP > 0, micro P = micro R if and only if the
; total number of predicted labels equals the total number of true labels.
; Hypotheses:
;   - multi-label: each sample has any set of true and of predicted labels (encoded: free
;     non-negative per-label TP, FP, FN)
;   - some-true-positive: sum TP > 0
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Expected answer: unsat: under the hypotheses, and the lemma facts where the claim has them
; (which the lemmas files of this k prove from the hypotheses), no denominator is zero (SMT
; division by zero is unspecified, so this is checked rather than assumed).
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/multilabel-micro-equal-iff-equal-totals/k3-definedness.smt2
;   cvc5 proofs/smt2/multilabel-micro-equal-iff-equal-totals/k3-definedness.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status unsat)
(declare-const TP_0 Real)
(assert (>= TP_0 0.0))
(declare-const TP_1 Real)
(assert (>= TP_1 0.0))
(declare-const TP_2 Real)
(assert (>= TP_2 0.0))
(declare-const FP_0 Real)
(assert (>= FP_0 0.0))
(declare-const FP_1 Real)
(assert (>= FP_1 0.0))
(declare-const FP_2 Real)
(assert (>= FP_2 0.0))
(declare-const FN_0 Real)
(assert (>= FN_0 0.0))
(declare-const FN_1 Real)
(assert (>= FN_1 0.0))
(declare-const FN_2 Real)
(assert (>= FN_2 0.0))
(assert (> (+ TP_0 TP_1 TP_2) (to_real 0)))
(assert (not (and (=> (= (+ (+ FP_0 FP_1 FP_2) (+ TP_0 TP_1 TP_2)) (to_real 0)) false) (=> (not (= (+ (+ FP_0 FP_1 FP_2) (+ TP_0 TP_1 TP_2)) (to_real 0))) (not (= (+ (+ FP_0 FP_1 FP_2) (+ TP_0 TP_1 TP_2)) 0.0))) (=> (= (+ (+ FN_0 FN_1 FN_2) (+ TP_0 TP_1 TP_2)) (to_real 0)) false) (=> (not (= (+ (+ FN_0 FN_1 FN_2) (+ TP_0 TP_1 TP_2)) (to_real 0))) (not (= (+ (+ FN_0 FN_1 FN_2) (+ TP_0 TP_1 TP_2)) 0.0))))))
(check-sat)
(exit)
