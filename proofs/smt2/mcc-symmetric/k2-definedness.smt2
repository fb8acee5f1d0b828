; metricproofs certificate: mcc-symmetric (expected: holds), query 'definedness', k = 2
; classes.
; Claim: Multi-class MCC (scikit-learn's formula, Gorodkin's R_K) is unchanged by swapping
; y_true and y_pred.
; Hypotheses:
;   - single-label: each sample has exactly one true and one predicted label, both in 0..k-1,
;     and adds its weight to exactly one cell of C (encoded: C is any k x k matrix of
;     non-negative integers, which is the confusion matrix of some dataset)
;   - swap: swapping y_true and y_pred transposes the confusion matrix
; Counts: every unbounded count is a non-negative REAL (this covers every integer confusion
; matrix, so every sample count n, and every non-negative sample weighting); 0/1 indicators
; stay integers.
; Lemmas: support-at-most-N, support-squared-at-most-support-times-N,
; N-squared-is-sum-of-support-times-N, true-spread-non-negative, predicted-at-most-N,
; predicted-squared-at-most-predicted-times-N, N-squared-is-sum-of-predicted-times-N,
; predicted-spread-non-negative (their conclusions; proved under these hypotheses at this k by
; mcc-symmetric/k2-lemmas.smt2).
;   - support-at-most-N: support_l <= N for every label l: a part of the samples
;   - support-squared-at-most-support-times-N: support_l^2 <= support_l N for every label l:
;     support_l <= N multiplied by support_l >= 0
;   - N-squared-is-sum-of-support-times-N: N^2 = sum_l support_l N: as sum_l support_l = N
;   - true-spread-non-negative: N^2 - sum_l support_l^2 >= 0: the two steps before, summed
;     over l
;   - predicted-at-most-N: predicted_l <= N for every label l: a part of the samples
;   - predicted-squared-at-most-predicted-times-N: predicted_l^2 <= predicted_l N for every
;     label l: predicted_l <= N multiplied by predicted_l >= 0
;   - N-squared-is-sum-of-predicted-times-N: N^2 = sum_l predicted_l N: as sum_l predicted_l =
;     N
;   - predicted-spread-non-negative: N^2 - sum_l predicted_l^2 >= 0: the two steps before,
;     summed over l
; Expected answer: unsat: under the hypotheses, and the lemma facts where the claim has them
; (which the lemmas files of this k prove from the hypotheses), no denominator is zero (SMT
; division by zero is unspecified, so this is checked rather than assumed).
; Re-check from the repository root (either solver):
;   z3 proofs/smt2/mcc-symmetric/k2-definedness.smt2
;   cvc5 proofs/smt2/mcc-symmetric/k2-definedness.smt2
; Written by 'metricproofs export --smt2 proofs/smt2' from the sympy definitions; do not edit.
(set-logic ALL)
(set-info :status unsat)
(declare-const C_0_0 Real)
(assert (>= C_0_0 0.0))
(declare-const C_0_1 Real)
(assert (>= C_0_1 0.0))
(declare-const C_1_0 Real)
(assert (>= C_1_0 0.0))
(declare-const C_1_1 Real)
(assert (>= C_1_1 0.0))
(define-fun _t0 () Real (+ (* (+ C_0_0 C_1_0 C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (* (to_real (- 1)) (+ (* (+ C_0_0 C_0_1) (+ C_0_0 C_0_1)) (* (+ C_1_0 C_1_1) (+ C_1_0 C_1_1))))))
(define-fun _t1 () Real (+ (* (+ C_0_0 C_1_0 C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (* (to_real (- 1)) (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_1_0)) (* (+ C_0_1 C_1_1) (+ C_0_1 C_1_1))))))
(declare-const _sqrt0 Real)
(assert (=> (>= (* _t1 _t0) 0.0) (and (>= _sqrt0 0.0) (= (* _sqrt0 _sqrt0) (* _t1 _t0)))))
(define-fun _t2 () Real (+ (* (to_real (- 1)) (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_0_1)) (* (+ C_0_1 C_1_1) (+ C_1_0 C_1_1)))) (* (+ C_0_0 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1))))
(assert (and (<= (+ C_0_0 C_0_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (<= (+ C_1_0 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1))))
(assert (and (<= (* (+ C_0_0 C_0_1) (+ C_0_0 C_0_1)) (* (+ C_0_0 C_0_1) (+ C_0_0 C_1_0 C_0_1 C_1_1))) (<= (* (+ C_1_0 C_1_1) (+ C_1_0 C_1_1)) (* (+ C_1_0 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)))))
(assert (= (* (+ C_0_0 C_1_0 C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ (* (+ C_0_0 C_0_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (* (+ C_1_0 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)))))
(assert (>= _t0 (to_real 0)))
(assert (and (<= (+ C_0_0 C_1_0) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (<= (+ C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1))))
(assert (and (<= (* (+ C_0_0 C_1_0) (+ C_0_0 C_1_0)) (* (+ C_0_0 C_1_0) (+ C_0_0 C_1_0 C_0_1 C_1_1))) (<= (* (+ C_0_1 C_1_1) (+ C_0_1 C_1_1)) (* (+ C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)))))
(assert (= (* (+ C_0_0 C_1_0 C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (+ (* (+ C_0_0 C_1_0) (+ C_0_0 C_1_0 C_0_1 C_1_1)) (* (+ C_0_1 C_1_1) (+ C_0_0 C_1_0 C_0_1 C_1_1)))))
(assert (>= _t1 (to_real 0)))
(assert (not (and (>= (* _t1 _t0) 0.0) (=> (not (= _sqrt0 (to_real 0))) (>= (* _t1 _t0) 0.0)) (=> (not (= _sqrt0 (to_real 0))) (not (= _sqrt0 0.0))))))
(check-sat)
(exit)
