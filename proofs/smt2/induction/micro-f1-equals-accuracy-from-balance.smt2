; metricproofs certificate: induction obligation 'micro-f1-equals-accuracy-from-balance'
; (method z3-induction), one k-independent step or corollary of the induction proofs.
; Expected answer: unsat. The induction schema that turns these obligations into a proof for
; every k is applied by hand (see proofs/README.md and the paper).
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/induction/micro-f1-equals-accuracy-from-balance.smt2
;   cvc5 proofs/smt2/induction/micro-f1-equals-accuracy-from-balance.smt2
; Written by 'metricproofs export --smt2 proofs/smt2'; do not edit.
(set-logic ALL)
(set-info :status unsat)
(declare-const N_sum Real)
(assert (>= N_sum 0.0))
(declare-const FP_sum Real)
(assert (>= FP_sum 0.0))
(declare-const FN_sum Real)
(assert (>= FN_sum 0.0))
(declare-const TP_sum Real)
(assert (>= TP_sum 0.0))
(assert (> N_sum (to_real 0)))
(assert (and (= FP_sum FN_sum) (= FN_sum (+ N_sum (* (to_real (- 1)) TP_sum)))))
(assert (=> (= (+ FN_sum TP_sum) (to_real 0)) false))
(assert (=> (not (= (+ FN_sum TP_sum) (to_real 0))) (not (= (+ FN_sum TP_sum) 0.0))))
(assert (=> (= N_sum (to_real 0)) false))
(assert (=> (not (= N_sum (to_real 0))) (not (= N_sum 0.0))))
(assert (=> (= (+ FP_sum TP_sum) (to_real 0)) false))
(assert (=> (not (= (+ FP_sum TP_sum) (to_real 0))) (not (= (+ FP_sum TP_sum) 0.0))))
(assert (=> (= (+ FN_sum FP_sum (* (to_real 2) TP_sum)) (to_real 0)) false))
(assert (=> (not (= (+ FN_sum FP_sum (* (to_real 2) TP_sum)) (to_real 0))) (not (= (+ FN_sum FP_sum (* (to_real 2) TP_sum)) 0.0))))
(assert (not (and (= (* TP_sum N_sum) (* TP_sum (+ FN_sum TP_sum))) (= (* TP_sum (+ FN_sum TP_sum)) (* TP_sum (+ FP_sum TP_sum))) (= (* (* (to_real 2) TP_sum) (+ FP_sum TP_sum)) (* TP_sum (+ FN_sum FP_sum (* (to_real 2) TP_sum)))))))
(check-sat)
(exit)
