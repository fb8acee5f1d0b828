; metricproofs certificate: multilabel-micro-precision-equals-recall (expected: fails), query
; 'negation', k = 2 classes.
; Claim: Micro precision equals micro recall in multi-label classification.
; Hypotheses:
;   - multi-label: each sample has any set of true and of predicted labels
;   - defined: micro P and micro R are defined
; Counts: non-negative integers (so a model is a dataset). At most 2 samples are allowed (a
; model within this limit is a counterexample all the same).
; Expected answer: sat: some dataset satisfies the hypotheses and violates the conclusion; a
; model (get-model) is a counterexample, so the claim is false.
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/multilabel-micro-precision-equals-recall/k2-negation.smt2
;   cvc5 proofs/smt2/multilabel-micro-precision-equals-recall/k2-negation.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status sat)
(declare-const FN_0 Int)
(assert (>= FN_0 0))
(declare-const FN_1 Int)
(assert (>= FN_1 0))
(declare-const TP_0 Int)
(assert (>= TP_0 0))
(declare-const TP_1 Int)
(assert (>= TP_1 0))
(declare-const FP_0 Int)
(assert (>= FP_0 0))
(declare-const FP_1 Int)
(assert (>= FP_1 0))
(assert (and (> (+ (+ FN_0 FN_1) (+ TP_0 TP_1)) 0) (> (+ (+ FP_0 FP_1) (+ TP_0 TP_1)) 0)))
(assert (<= (+ FN_0 FN_1 TP_0 TP_1 FP_0 FP_1) 2))
(assert (=> (= (+ (+ FP_0 FP_1) (+ TP_0 TP_1)) 0) false))
(assert (=> (not (= (+ (+ FP_0 FP_1) (+ TP_0 TP_1)) 0)) (not (= (to_real (+ (+ FP_0 FP_1) (+ TP_0 TP_1))) 0.0))))
(assert (=> (= (+ (+ FN_0 FN_1) (+ TP_0 TP_1)) 0) false))
(assert (=> (not (= (+ (+ FN_0 FN_1) (+ TP_0 TP_1)) 0)) (not (= (to_real (+ (+ FN_0 FN_1) (+ TP_0 TP_1))) 0.0))))
(assert (not (= (* (to_real (+ TP_0 TP_1)) (to_real (+ (+ FN_0 FN_1) (+ TP_0 TP_1)))) (* (to_real (+ TP_0 TP_1)) (to_real (+ (+ FP_0 FP_1) (+ TP_0 TP_1)))))))
(check-sat)
(exit)
