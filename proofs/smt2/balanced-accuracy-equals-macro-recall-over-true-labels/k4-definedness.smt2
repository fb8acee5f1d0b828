; metricproofs certificate: balanced-accuracy-equals-macro-recall-over-true-labels (expected:
; holds), query 'definedness', k = 4 classes.
; Claim: Balanced accuracy equals macro recall over exactly the labels that occur in y_true.
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - nonempty: there is at least one sample: N > 0
;   - labels-of-y-true: S is exactly the set of labels that occur in y_true
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Expected answer: unsat: under the hypotheses, and the lemma facts where the claim has them
; (which the lemmas files of this k prove from the hypotheses), no denominator is zero (SMT
; division by zero is unspecified, so this is checked rather than assumed).
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/balanced-accuracy-equals-macro-recall-over-true-labels/k4-definedness.smt2
;   cvc5 proofs/smt2/balanced-accuracy-equals-macro-recall-over-true-labels/k4-definedness.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status unsat)
(declare-const C_0_0 Real)
(assert (>= C_0_0 0.0))
(declare-const C_1_0 Real)
(assert (>= C_1_0 0.0))
(declare-const C_2_0 Real)
(assert (>= C_2_0 0.0))
(declare-const C_3_0 Real)
(assert (>= C_3_0 0.0))
(declare-const C_0_1 Real)
(assert (>= C_0_1 0.0))
(declare-const C_1_1 Real)
(assert (>= C_1_1 0.0))
(declare-const C_2_1 Real)
(assert (>= C_2_1 0.0))
(declare-const C_3_1 Real)
(assert (>= C_3_1 0.0))
(declare-const C_0_2 Real)
(assert (>= C_0_2 0.0))
(declare-const C_1_2 Real)
(assert (>= C_1_2 0.0))
(declare-const C_2_2 Real)
(assert (>= C_2_2 0.0))
(declare-const C_3_2 Real)
(assert (>= C_3_2 0.0))
(declare-const C_0_3 Real)
(assert (>= C_0_3 0.0))
(declare-const C_1_3 Real)
(assert (>= C_1_3 0.0))
(declare-const C_2_3 Real)
(assert (>= C_2_3 0.0))
(declare-const C_3_3 Real)
(assert (>= C_3_3 0.0))
(declare-const s_0 Int)
(assert (>= s_0 0))
(assert (<= s_0 1))
(declare-const s_1 Int)
(assert (>= s_1 0))
(assert (<= s_1 1))
(declare-const s_2 Int)
(assert (>= s_2 0))
(assert (<= s_2 1))
(declare-const s_3 Int)
(assert (>= s_3 0))
(assert (<= s_3 1))
(define-fun _t0 () Int (+ (ite (> (+ C_0_0 C_0_1 C_0_2 C_0_3) (to_real 0)) 1 0) (ite (> (+ C_1_0 C_1_1 C_1_2 C_1_3) (to_real 0)) 1 0) (ite (> (+ C_2_0 C_2_1 C_2_2 C_2_3) (to_real 0)) 1 0) (ite (> (+ C_3_0 C_3_1 C_3_2 C_3_3) (to_real 0)) 1 0)))
(define-fun _t1 () Real (ite (and (= (+ C_0_0 C_0_1 C_0_2 C_0_3) (to_real 0)) (or (= (+ C_0_0 C_0_1 C_0_2 C_0_3) (to_real 0)) (> (+ C_0_0 C_0_1 C_0_2 C_0_3) (to_real 0)))) (to_real 0) (ite (> (+ C_0_0 C_0_1 C_0_2 C_0_3) (to_real 0)) (/ C_0_0 (+ C_0_0 C_0_1 C_0_2 C_0_3)) (to_real 0))))
(define-fun _t2 () Real (ite (and (= (+ C_1_0 C_1_1 C_1_2 C_1_3) (to_real 0)) (or (= (+ C_1_0 C_1_1 C_1_2 C_1_3) (to_real 0)) (> (+ C_1_0 C_1_1 C_1_2 C_1_3) (to_real 0)))) (to_real 0) (ite (> (+ C_1_0 C_1_1 C_1_2 C_1_3) (to_real 0)) (/ C_1_1 (+ C_1_0 C_1_1 C_1_2 C_1_3)) (to_real 0))))
(define-fun _t3 () Real (ite (and (= (+ C_2_0 C_2_1 C_2_2 C_2_3) (to_real 0)) (or (= (+ C_2_0 C_2_1 C_2_2 C_2_3) (to_real 0)) (> (+ C_2_0 C_2_1 C_2_2 C_2_3) (to_real 0)))) (to_real 0) (ite (> (+ C_2_0 C_2_1 C_2_2 C_2_3) (to_real 0)) (/ C_2_2 (+ C_2_0 C_2_1 C_2_2 C_2_3)) (to_real 0))))
(define-fun _t4 () Real (ite (and (= (+ C_3_0 C_3_1 C_3_2 C_3_3) (to_real 0)) (or (= (+ C_3_0 C_3_1 C_3_2 C_3_3) (to_real 0)) (> (+ C_3_0 C_3_1 C_3_2 C_3_3) (to_real 0)))) (to_real 0) (ite (> (+ C_3_0 C_3_1 C_3_2 C_3_3) (to_real 0)) (/ C_3_3 (+ C_3_0 C_3_1 C_3_2 C_3_3)) (to_real 0))))
(define-fun _t5 () Real (+ (ite (= (+ C_0_0 C_0_1 C_0_2 C_0_3) (to_real 0)) (to_real 0) (/ (ite (= s_0 1) C_0_0 0.0) (+ C_0_0 C_0_1 C_0_2 C_0_3))) (ite (= (+ C_1_0 C_1_1 C_1_2 C_1_3) (to_real 0)) (to_real 0) (/ (ite (= s_1 1) C_1_1 0.0) (+ C_1_0 C_1_1 C_1_2 C_1_3))) (ite (= (+ C_2_0 C_2_1 C_2_2 C_2_3) (to_real 0)) (to_real 0) (/ (ite (= s_2 1) C_2_2 0.0) (+ C_2_0 C_2_1 C_2_2 C_2_3))) (ite (= (+ C_3_0 C_3_1 C_3_2 C_3_3) (to_real 0)) (to_real 0) (/ (ite (= s_3 1) C_3_3 0.0) (+ C_3_0 C_3_1 C_3_2 C_3_3)))))
(assert (> (+ C_0_0 C_1_0 C_2_0 C_3_0 C_0_1 C_1_1 C_2_1 C_3_1 C_0_2 C_1_2 C_2_2 C_3_2 C_0_3 C_1_3 C_2_3 C_3_3) (to_real 0)))
(assert (and (= (= s_0 1) (> (+ C_0_0 C_0_1 C_0_2 C_0_3) (to_real 0))) (= (= s_1 1) (> (+ C_1_0 C_1_1 C_1_2 C_1_3) (to_real 0))) (= (= s_2 1) (> (+ C_2_0 C_2_1 C_2_2 C_2_3) (to_real 0))) (= (= s_3 1) (> (+ C_3_0 C_3_1 C_3_2 C_3_3) (to_real 0)))))
(assert (not (and (=> (= _t0 0) false) (=> (and (not (= _t0 0)) (not (and (= (+ C_0_0 C_0_1 C_0_2 C_0_3) (to_real 0)) (or (= (+ C_0_0 C_0_1 C_0_2 C_0_3) (to_real 0)) (> (+ C_0_0 C_0_1 C_0_2 C_0_3) (to_real 0))))) (> (+ C_0_0 C_0_1 C_0_2 C_0_3) (to_real 0))) (not (= (+ C_0_0 C_0_1 C_0_2 C_0_3) 0.0))) (=> (and (not (= _t0 0)) (not (and (= (+ C_1_0 C_1_1 C_1_2 C_1_3) (to_real 0)) (or (= (+ C_1_0 C_1_1 C_1_2 C_1_3) (to_real 0)) (> (+ C_1_0 C_1_1 C_1_2 C_1_3) (to_real 0))))) (> (+ C_1_0 C_1_1 C_1_2 C_1_3) (to_real 0))) (not (= (+ C_1_0 C_1_1 C_1_2 C_1_3) 0.0))) (=> (and (not (= _t0 0)) (not (and (= (+ C_2_0 C_2_1 C_2_2 C_2_3) (to_real 0)) (or (= (+ C_2_0 C_2_1 C_2_2 C_2_3) (to_real 0)) (> (+ C_2_0 C_2_1 C_2_2 C_2_3) (to_real 0))))) (> (+ C_2_0 C_2_1 C_2_2 C_2_3) (to_real 0))) (not (= (+ C_2_0 C_2_1 C_2_2 C_2_3) 0.0))) (=> (and (not (= _t0 0)) (not (and (= (+ C_3_0 C_3_1 C_3_2 C_3_3) (to_real 0)) (or (= (+ C_3_0 C_3_1 C_3_2 C_3_3) (to_real 0)) (> (+ C_3_0 C_3_1 C_3_2 C_3_3) (to_real 0))))) (> (+ C_3_0 C_3_1 C_3_2 C_3_3) (to_real 0))) (not (= (+ C_3_0 C_3_1 C_3_2 C_3_3) 0.0))) (=> (not (= _t0 0)) (not (= (to_real _t0) 0.0))) (=> (= (+ s_0 s_1 s_2 s_3) 0) false) (=> (and (not (= (+ s_0 s_1 s_2 s_3) 0)) (not (= (+ C_0_0 C_0_1 C_0_2 C_0_3) (to_real 0)))) (not (= (+ C_0_0 C_0_1 C_0_2 C_0_3) 0.0))) (=> (and (not (= (+ s_0 s_1 s_2 s_3) 0)) (not (= (+ C_1_0 C_1_1 C_1_2 C_1_3) (to_real 0)))) (not (= (+ C_1_0 C_1_1 C_1_2 C_1_3) 0.0))) (=> (and (not (= (+ s_0 s_1 s_2 s_3) 0)) (not (= (+ C_2_0 C_2_1 C_2_2 C_2_3) (to_real 0)))) (not (= (+ C_2_0 C_2_1 C_2_2 C_2_3) 0.0))) (=> (and (not (= (+ s_0 s_1 s_2 s_3) 0)) (not (= (+ C_3_0 C_3_1 C_3_2 C_3_3) (to_real 0)))) (not (= (+ C_3_0 C_3_1 C_3_2 C_3_3) 0.0))) (=> (not (= (+ s_0 s_1 s_2 s_3) 0)) (not (= (to_real (+ s_0 s_1 s_2 s_3)) 0.0))))))
(check-sat)
(exit)
