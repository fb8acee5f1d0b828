; metricproofs certificate: sample-weights-preserve-identity (expected: holds), query
; 'lemmas', k = 2 classes.
; Claim: With non-negative real sample weights (N > 0), sum FP = sum FN and micro P = R = F1 =
; accuracy.
; Hypotheses:
;   - weighted-single-label: each sample adds its non-negative real weight to exactly one cell
;     (encoded: C is any k x k matrix of non-negative reals)
;   - nonempty: there is at least one sample: N > 0
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Lemmas: fp-fn-balance (their conclusions; proved under these hypotheses at this k by
; sample-weights-preserve-identity/k2-lemmas.smt2).
; Expected answer: unsat: the lemmas' conclusions follow from this claim's hypotheses at this
; k; the definedness and negation files may therefore assert them as facts.
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/sample-weights-preserve-identity/k2-lemmas.smt2
;   cvc5 proofs/smt2/sample-weights-preserve-identity/k2-lemmas.smt2
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
(assert (> (+ C_0_0 C_1_0 C_0_1 C_1_1) (to_real 0)))
(assert (not (and (= (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_1_0)) (+ (* (to_real (- 1)) C_1_1) (+ C_0_1 C_1_1))) (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1)))) (= (+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1))) (+ (* (to_real (- 1)) (+ C_0_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1))))))
(check-sat)
(exit)
