; metricproofs certificate: multilabel-micro-equal-iff-equal-totals (expected: holds), query
; 'hypotheses', k = 4 classes.
; Claim: In multi-label classification with sum TP > 0, micro P = micro R if and only if the
; total number of predicted labels equals the total number of true labels.
; Hypotheses:
;   - multi-label: each sample has any set of true and of predicted labels (encoded: free
;     non-negative per-label TP, FP, FN)
;   - some-true-positive: sum TP > 0
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Expected answer: sat: the hypotheses alone have a model, so the unsat answers of the other
; files of this k are not vacuous.
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/multilabel-micro-equal-iff-equal-totals/k4-hypotheses.smt2
;   cvc5 proofs/smt2/multilabel-micro-equal-iff-equal-totals/k4-hypotheses.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status sat)
(declare-const TP_0 Real)
(assert (>= TP_0 0.0))
(declare-const TP_1 Real)
(assert (>= TP_1 0.0))
(declare-const TP_2 Real)
(assert (>= TP_2 0.0))
(declare-const TP_3 Real)
(assert (>= TP_3 0.0))
(declare-const FP_0 Real)
(assert (>= FP_0 0.0))
(declare-const FP_1 Real)
(assert (>= FP_1 0.0))
(declare-const FP_2 Real)
(assert (>= FP_2 0.0))
(declare-const FP_3 Real)
(assert (>= FP_3 0.0))
(declare-const FN_0 Real)
(assert (>= FN_0 0.0))
(declare-const FN_1 Real)
(assert (>= FN_1 0.0))
(declare-const FN_2 Real)
(assert (>= FN_2 0.0))
(declare-const FN_3 Real)
(assert (>= FN_3 0.0))
(assert (> (+ TP_0 TP_1 TP_2 TP_3) (to_real 0)))
(check-sat)
(exit)
