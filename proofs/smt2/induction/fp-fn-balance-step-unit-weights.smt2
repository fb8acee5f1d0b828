; metricproofs certificate: induction obligation 'fp-fn-balance-step-unit-weights' (method
; z3-induction), one k-independent step or corollary of the induction proofs.
; Expected answer: unsat. The induction schema that turns these obligations into a proof for
; every k is applied by hand (see proofs/README.md and the paper).
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/induction/fp-fn-balance-step-unit-weights.smt2
;   cvc5 proofs/smt2/induction/fp-fn-balance-step-unit-weights.smt2
; Written by 'metricproofs export --smt2 proofs/smt2'; do not edit.
(set-logic ALL)
(set-info :status unsat)
(declare-const p Int)
(declare-const t Int)
(declare-const k Int)
(assert (>= k 1))
(declare-const FP_sum Int)
(assert (>= FP_sum 0))
(declare-const FN_sum Int)
(assert (>= FN_sum 0))
(declare-const N_sum Int)
(assert (>= N_sum 0))
(declare-const TP_sum Int)
(assert (>= TP_sum 0))
(declare-const TP_next Int)
(assert (>= TP_next 0))
(declare-const w Int)
(assert (>= w 0))
(declare-const N_next Int)
(assert (>= N_next 0))
(declare-const FN_next Int)
(assert (>= FN_next 0))
(declare-const FP_next Int)
(assert (>= FP_next 0))
(define-fun _t0 () Int (ite (and (>= p 0) (>= t 0) (<= p (+ (- 1) k)) (<= t (+ (- 1) k))) (+ w (* (- 1) w (ite (= p t) 1 0))) (ite (and (>= p 0) (<= p (+ (- 1) k))) (* (- 1) w (ite (= p t) 1 0)) 0)))
(assert (and (>= p 0) (>= t 0) (< p k) (< t k)))
(assert (and (= FP_sum FN_sum) (= FN_sum (+ N_sum (* (- 1) TP_sum)))))
(assert (and (= TP_next (+ TP_sum (ite (and (>= p 0) (<= p (+ (- 1) k))) (* w (ite (= p t) 1 0)) 0))) (= N_next (+ N_sum (ite (and (>= p 0) (>= t 0) (<= p (+ (- 1) k)) (<= t (+ (- 1) k))) w 0))) (= FN_next (+ FN_sum _t0)) (= FP_next (+ FP_sum _t0))))
(assert (not (and (= FP_next FN_next) (= FN_next (+ N_next (* (- 1) TP_next))))))
(check-sat)
(exit)
