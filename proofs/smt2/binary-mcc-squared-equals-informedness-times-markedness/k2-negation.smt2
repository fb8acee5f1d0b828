; metricproofs certificate: binary-mcc-squared-equals-informedness-times-markedness (expected:
; holds), query 'negation', k = 2 classes.
; Claim: With k = 2 labels, each occurring in y_true and in y_pred, MCC^2 = informedness x
; markedness, and MCC, informedness and markedness have the same sign.
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - every-label-predicted-and-true: every label occurs in y_true and in y_pred, so every
;     per-label precision and recall is defined
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Expected answer: unsat: no matrix satisfies the hypotheses and violates the conclusion, so
; the claim holds at this k for every sample count.
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/binary-mcc-squared-equals-informedness-times-markedness/k2-negation.smt2
;   cvc5 proofs/smt2/binary-mcc-squared-equals-informedness-times-markedness/k2-negation.smt2
; Encoding: flat-cross-multiplied-orders (Variant in src/metricproofs/provers/smt.py),
; equisatisfiable with the files' usual flat-cross-multiplied, in which cvc5 1.4 stalls on
; this query.
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
(define-fun _t0 () Real (/ (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (* (to_real (- 1)) (+ C_0_1 C_1_1)) C_1_1 (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1))))
(define-fun _t1 () Real (* (+ (* (to_real (- 1)) (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_1_0 C_1_1)) (* (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (* (to_real (- 1)) (+ C_0_1 C_1_1)) C_1_1 (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_1_0 C_1_1)) (* C_1_1 (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)))) (* (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_1_0 C_1_1))))
(define-fun _t2 () Real (* (to_real 0) (* (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_1_0 C_1_1)) (* (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_1_0 C_1_1))))
(define-fun _t3 () Real (+ (* (+ C_0_0 C_1_0 C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (* (to_real (- 1)) (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_1_0)) (* (+ C_0_1 C_1_1) (+ C_0_1 C_1_1))))))
(define-fun _t4 () Real (+ (* (+ C_0_0 C_1_0 C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (* (to_real (- 1)) (+ (* (+ C_0_0 C_0_1) (+ C_0_0 C_0_1)) (* (+ C_1_0 C_1_1) (+ C_1_0 C_1_1))))))
(declare-const _sqrt0 Real)
(assert (=> (>= (* _t3 _t4) 0.0) (and (>= _sqrt0 0.0) (= (* _sqrt0 _sqrt0) (* _t3 _t4)))))
(define-fun _t5 () Real (+ (* (to_real (- 1)) (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_0_1)) (* (+ C_0_1 C_1_1) (+ C_1_0 C_1_1)))) (* (+ C_0_0 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1))))
(define-fun _t6 () Real (/ (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (* (to_real (- 1)) (+ C_0_1 C_1_1)) C_1_1 (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ (* (to_real (- 1)) (+ C_0_1 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1))))
(define-fun _t7 () Real (* (+ (* (to_real (- 1)) (+ (* (to_real (- 1)) (+ C_0_1 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_0_1 C_1_1)) (* (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (* (to_real (- 1)) (+ C_0_1 C_1_1)) C_1_1 (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_0_1 C_1_1)) (* C_1_1 (+ (* (to_real (- 1)) (+ C_0_1 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)))) (* (+ (* (to_real (- 1)) (+ C_0_1 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_0_1 C_1_1))))
(define-fun _t8 () Real (* (to_real 0) (* (+ (* (to_real (- 1)) (+ C_0_1 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_0_1 C_1_1)) (* (+ (* (to_real (- 1)) (+ C_0_1 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_0_1 C_1_1))))
(define-fun _t9 () Real (* (ite (= _sqrt0 (to_real 0)) (to_real 0) (* _t5 _t5)) (* (* (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_1_0 C_1_1)) (* (+ (* (to_real (- 1)) (+ C_0_1 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_0_1 C_1_1)))))
(define-fun _t10 () Real (* (* (+ (* (to_real (- 1)) (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_1_0 C_1_1)) (* (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (* (to_real (- 1)) (+ C_0_1 C_1_1)) C_1_1 (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_1_0 C_1_1)) (* C_1_1 (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)))) (+ (* (to_real (- 1)) (+ (* (to_real (- 1)) (+ C_0_1 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_0_1 C_1_1)) (* (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (* (to_real (- 1)) (+ C_0_1 C_1_1)) C_1_1 (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ C_0_1 C_1_1)) (* C_1_1 (+ (* (to_real (- 1)) (+ C_0_1 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1))))) (ite (= _sqrt0 (to_real 0)) 1.0 (* _t3 _t4))))
(assert (and (and (> (+ C_0_0 C_1_0) (to_real 0)) (> (+ C_0_0 C_0_1) (to_real 0))) (and (> (+ C_0_1 C_1_1) (to_real 0)) (> (+ C_1_0 C_1_1) (to_real 0)))))
(assert (=> (= (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (to_real 0)) false))
(assert (=> (not (= (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (to_real 0))) (not (= (+ (* (to_real (- 1)) (+ C_1_0 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) 0.0))))
(assert (=> (= (+ C_1_0 C_1_1) (to_real 0)) false))
(assert (=> (not (= (+ C_1_0 C_1_1) (to_real 0))) (not (= (+ C_1_0 C_1_1) 0.0))))
(assert (>= (* _t3 _t4) 0.0))
(assert (=> (not (= _sqrt0 (to_real 0))) (>= (* _t3 _t4) 0.0)))
(assert (=> (not (= _sqrt0 (to_real 0))) (not (= _sqrt0 0.0))))
(assert (=> (= (+ (* (to_real (- 1)) (+ C_0_1 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (to_real 0)) false))
(assert (=> (not (= (+ (* (to_real (- 1)) (+ C_0_1 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (to_real 0))) (not (= (+ (* (to_real (- 1)) (+ C_0_1 C_1_1)) (+ C_0_0 C_1_0 C_0_1 C_1_1)) 0.0))))
(assert (=> (= (+ C_0_1 C_1_1) (to_real 0)) false))
(assert (=> (not (= (+ C_0_1 C_1_1) (to_real 0))) (not (= (+ C_0_1 C_1_1) 0.0))))
(assert (=> (not (= _sqrt0 (to_real 0))) (not (= (* _t3 _t4) 0.0))))
(assert (not (and (= (> _t1 _t2) (> (* (ite (= _sqrt0 (to_real 0)) (to_real 0) _t5) (ite (= _sqrt0 (to_real 0)) 1.0 _sqrt0)) (* (to_real 0) (ite (= _sqrt0 (to_real 0)) 1.0 _sqrt0) (ite (= _sqrt0 (to_real 0)) 1.0 _sqrt0)))) (= (> _t7 _t8) (> (* (ite (= _sqrt0 (to_real 0)) (to_real 0) _t5) (ite (= _sqrt0 (to_real 0)) 1.0 _sqrt0)) (* (to_real 0) (ite (= _sqrt0 (to_real 0)) 1.0 _sqrt0) (ite (= _sqrt0 (to_real 0)) 1.0 _sqrt0)))) (= (< _t1 _t2) (< (* (ite (= _sqrt0 (to_real 0)) (to_real 0) _t5) (ite (= _sqrt0 (to_real 0)) 1.0 _sqrt0)) (* (to_real 0) (ite (= _sqrt0 (to_real 0)) 1.0 _sqrt0) (ite (= _sqrt0 (to_real 0)) 1.0 _sqrt0)))) (= (< _t7 _t8) (< (* (ite (= _sqrt0 (to_real 0)) (to_real 0) _t5) (ite (= _sqrt0 (to_real 0)) 1.0 _sqrt0)) (* (to_real 0) (ite (= _sqrt0 (to_real 0)) 1.0 _sqrt0) (ite (= _sqrt0 (to_real 0)) 1.0 _sqrt0)))) (= _t9 _t10))))
(check-sat)
(exit)
