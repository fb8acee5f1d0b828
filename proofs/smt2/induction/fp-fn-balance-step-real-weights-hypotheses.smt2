; metricproofs certificate: induction obligation 'fp-fn-balance-step-real-weights-hypotheses'
; (method z3-induction), one k-independent step or corollary of the induction proofs.
; Expected answer: sat. The induction schema that turns these obligations into a proof for
; every k is applied by hand (see proofs/README.md and the paper).
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/induction/fp-fn-balance-step-real-weights-hypotheses.smt2
;   cvc5 proofs/smt2/induction/fp-fn-balance-step-real-weights-hypotheses.smt2
; Written by 'metricproofs export --smt2 proofs/smt2'; do not edit.
(set-logic ALL)
(set-info :status sat)
(declare-const p Int)
(declare-const t Int)
(declare-const k Int)
(assert (>= k 1))
(declare-const FP_sum Real)
(assert (>= FP_sum 0.0))
(declare-const FN_sum Real)
(assert (>= FN_sum 0.0))
(declare-const N_sum Real)
(assert (>= N_sum 0.0))
(declare-const TP_sum Real)
(assert (>= TP_sum 0.0))
(declare-const TP_next Real)
(assert (>= TP_next 0.0))
(declare-const w Real)
(assert (>= w 0.0))
(declare-const N_next Real)
(assert (>= N_next 0.0))
(declare-const FN_next Real)
(assert (>= FN_next 0.0))
(declare-const FP_next Real)
(assert (>= FP_next 0.0))
(define-fun _t0 () Real (ite (and (>= p 0) (>= t 0) (<= p (+ (- 1) k)) (<= t (+ (- 1) k))) (+ w (* (to_real (- 1)) w (to_real (ite (= p t) 1 0)))) (ite (and (>= p 0) (<= p (+ (- 1) k))) (* (to_real (- 1)) w (to_real (ite (= p t) 1 0))) (to_real 0))))
(assert (and (>= p 0) (>= t 0) (< p k) (< t k)))
(assert (and (= FP_sum FN_sum) (= FN_sum (+ N_sum (* (to_real (- 1)) TP_sum)))))
(assert (and (= TP_next (+ TP_sum (ite (and (>= p 0) (<= p (+ (- 1) k))) (* w (to_real (ite (= p t) 1 0))) (to_real 0)))) (= N_next (+ N_sum (ite (and (>= p 0) (>= t 0) (<= p (+ (- 1) k)) (<= t (+ (- 1) k))) w (to_real 0)))) (= FN_next (+ FN_sum _t0)) (= FP_next (+ FP_sum _t0))))
(check-sat)
(exit)
