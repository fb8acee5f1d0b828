; metricproofs certificate: micro-superset-labels-equals-accuracy (expected: holds), query
; 'lemmas', k = 2 classes.
; Claim: If the label set S contains every label that occurs, micro P_S = R_S = accuracy.
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - nonempty: there is at least one sample: N > 0
;   - superset: S contains every label that occurs: a label outside S is neither true nor
;     predicted
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Lemmas: fp-fn-balance (their conclusions; proved under these hypotheses at this k by
; micro-superset-labels-equals-accuracy/k2-lemmas.smt2).
; Expected answer: unsat: the lemmas' conclusions follow from this claim's hypotheses at this
; k; the definedness and negation files may therefore assert them as facts.
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/micro-superset-labels-equals-accuracy/k2-lemmas.smt2
;   cvc5 proofs/smt2/micro-superset-labels-equals-accuracy/k2-lemmas.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status unsat)
(declare-const C_0_0 Real)
(assert (>= C_0_0 0.0))
(declare-const C_1_0 Real)
(assert (>= C_1_0 0.0))
(declare-const C_0_1 Real)
(assert (>= C_0_1 0.0))
(declare-const C_1_1 Real)
(assert (>= C_1_1 0.0))
(declare-const s_0 Int)
(assert (>= s_0 0))
(assert (<= s_0 1))
(declare-const s_1 Int)
(assert (>= s_1 0))
(assert (<= s_1 1))
(assert (> (+ C_0_0 C_1_0 C_0_1 C_1_1) (to_real 0)))
(assert (and (or (= s_0 1) (and (= (+ C_0_0 C_1_0) (to_real 0)) (= (+ C_0_0 C_0_1) (to_real 0)))) (or (= s_1 1) (and (= (+ C_0_1 C_1_1) (to_real 0)) (= (+ C_1_0 C_1_1) (to_real 0))))))
(assert (not (and (= (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_1_0)) (+ (* (to_real (- 1)) C_1_1) (+ C_0_1 C_1_1))) (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1)))) (= (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1))) (+ (* (to_real (- 1)) (+ C_0_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1))))))
(check-sat)
(exit)
