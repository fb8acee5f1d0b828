; metricproofs certificate: float64-micro-precision-equals-recall (expected: fails), query
; 'negation', IEEE-754 binary64 (QF_FP, round-to-nearest-even).
; Claim: In scikit-learn's float64 arithmetic with non-integer float weights, precision_score
; and recall_score with average='micro' return the same double, bit for bit.
; Expected answer: sat: along scikit-learn's order of operations the two doubles differ (the
; constants are the counterexample's weights, exactly).
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/float64-micro-precision-equals-recall/k2-negation.smt2
;   cvc5 proofs/smt2/float64-micro-precision-equals-recall/k2-negation.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from metricproofs.provers.floating; do
; not edit.
(set-logic QF_FP)
(set-info :status sat)
; y_true = [0, 0, 0], y_pred = [1, 0, 0], sample_weight = [1.0, 0.4, 0.4]
; precision = (fp.div RNE tp_sum pred_sum)
; recall = (fp.div RNE tp_sum true_sum)
(define-fun w0 () (_ FloatingPoint 11 53) ((_ to_fp 11 53) RNE 1.0))
(define-fun w1 () (_ FloatingPoint 11 53) ((_ to_fp 11 53) RNE 0.40000000000000002220446049250313080847263336181640625))
(define-fun w2 () (_ FloatingPoint 11 53) ((_ to_fp 11 53) RNE 0.40000000000000002220446049250313080847263336181640625))
(define-fun tp0 () (_ FloatingPoint 11 53) (fp.add RNE (fp.add RNE (_ +zero 11 53) w1) w2))
(define-fun pred_count0 () (_ FloatingPoint 11 53) (fp.add RNE (fp.add RNE (_ +zero 11 53) w1) w2))
(define-fun true_count0 () (_ FloatingPoint 11 53) (fp.add RNE (fp.add RNE (fp.add RNE (_ +zero 11 53) w0) w1) w2))
(define-fun pred0 () (_ FloatingPoint 11 53) (fp.add RNE tp0 (fp.sub RNE pred_count0 tp0)))
(define-fun true0 () (_ FloatingPoint 11 53) (fp.add RNE tp0 (fp.sub RNE true_count0 tp0)))
(define-fun tp1 () (_ FloatingPoint 11 53) (_ +zero 11 53))
(define-fun pred_count1 () (_ FloatingPoint 11 53) (fp.add RNE (_ +zero 11 53) w0))
(define-fun true_count1 () (_ FloatingPoint 11 53) (_ +zero 11 53))
(define-fun pred1 () (_ FloatingPoint 11 53) (fp.add RNE tp1 (fp.sub RNE pred_count1 tp1)))
(define-fun true1 () (_ FloatingPoint 11 53) (fp.add RNE tp1 (fp.sub RNE true_count1 tp1)))
(define-fun tp_sum () (_ FloatingPoint 11 53) (fp.add RNE tp0 tp1))
(define-fun pred_sum () (_ FloatingPoint 11 53) (fp.add RNE pred0 pred1))
(define-fun true_sum () (_ FloatingPoint 11 53) (fp.add RNE true0 true1))
(define-fun correct () (_ FloatingPoint 11 53) (fp.add RNE (fp.add RNE (_ +zero 11 53) w1) w2))
(define-fun weight () (_ FloatingPoint 11 53) (fp.add RNE (fp.add RNE w0 w1) w2))
(assert (not (fp.eq (fp.div RNE tp_sum pred_sum) (fp.div RNE tp_sum true_sum))))
(check-sat)
(exit)
