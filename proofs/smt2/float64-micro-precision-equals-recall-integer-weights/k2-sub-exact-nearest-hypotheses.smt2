; metricproofs certificate: float64-micro-precision-equals-recall-integer-weights (expected:
; holds), query 'sub-exact-nearest-hypotheses', IEEE-754 binary64 (QF_FP,
; round-to-nearest-even).
; Claim: In scikit-learn's float64 arithmetic, with no weights or non-negative integer-valued
; weights whose total is below 2^53, precision_score and recall_score with average='micro'
; return the same double, bit for bit.
; Expected answer: sat: the lemma's hypotheses have a model, so its unsat answer is not
; vacuous.
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/float64-micro-precision-equals-recall-integer-weights/k2-sub-exact-nearest-hypotheses.smt2
;   cvc5 proofs/smt2/float64-micro-precision-equals-recall-integer-weights/k2-sub-exact-nearest-hypotheses.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from metricproofs.provers.floating; do
; not edit.
(set-logic QF_FP)
(set-info :status sat)
(declare-const a (_ FloatingPoint 11 53))
(declare-const b (_ FloatingPoint 11 53))
(define-fun two53 () (_ FloatingPoint 11 53) ((_ to_fp 11 53) RNE 9007199254740992.0))
; a and b are integer-valued doubles with 0 <= b <= a < 2^53 (not NaN, not infinite)
(assert (= a (fp.roundToIntegral RTZ a)))
(assert (= b (fp.roundToIntegral RTZ b)))
(assert (fp.leq (_ +zero 11 53) b))
(assert (fp.leq b a))
(assert (fp.lt a two53))
(check-sat)
(exit)
