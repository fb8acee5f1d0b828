(** * The float64 claims that fail, refuted by computation in the kernel

    Written by [python -m metricproofs.provers.coq_float proofs/coq/Float64.v] from the
    QF_FP certificates' order of operations (metricproofs.provers.floating); do not edit.
    Each dataset is the one of the claim's certificate in proofs/smt2. The arithmetic is
    [SpecFloat]: IEEE-754 binary64 (precision 53, emax 1024) defined in Gallina, rounding to
    nearest even, so the theorems rest on no axiom (the primitive floats' operations would be
    listed by [Print Assumptions]). [SFeqb] is IEEE equality, as [==] on numpy doubles. *)

From Coq Require Import ZArith SpecFloat.
Local Open Scope Z_scope.

Definition f64_add := SFadd 53 1024.
Definition f64_sub := SFsub 53 1024.
Definition f64_mul := SFmul 53 1024.
Definition f64_div := SFdiv 53 1024.

(** [float64-micro-precision-equals-recall]: In scikit-learn's float64 arithmetic with
    non-integer float weights, precision_score and recall_score with average='micro' return the
    same double, bit for bit. *)
Definition micro_precision_equals_recall__w0 := (S754_finite false 4503599627370496 (-52)).
Definition micro_precision_equals_recall__w1 := (S754_finite false 7205759403792794 (-54)).
Definition micro_precision_equals_recall__w2 := (S754_finite false 7205759403792794 (-54)).
Definition micro_precision_equals_recall__tp0 := (f64_add (f64_add (S754_zero false) micro_precision_equals_recall__w1) micro_precision_equals_recall__w2).
Definition micro_precision_equals_recall__pred_count0 := (f64_add (f64_add (S754_zero false) micro_precision_equals_recall__w1) micro_precision_equals_recall__w2).
Definition micro_precision_equals_recall__true_count0 := (f64_add (f64_add (f64_add (S754_zero false) micro_precision_equals_recall__w0) micro_precision_equals_recall__w1) micro_precision_equals_recall__w2).
Definition micro_precision_equals_recall__pred0 := (f64_add micro_precision_equals_recall__tp0 (f64_sub micro_precision_equals_recall__pred_count0 micro_precision_equals_recall__tp0)).
Definition micro_precision_equals_recall__true0 := (f64_add micro_precision_equals_recall__tp0 (f64_sub micro_precision_equals_recall__true_count0 micro_precision_equals_recall__tp0)).
Definition micro_precision_equals_recall__tp1 := (S754_zero false).
Definition micro_precision_equals_recall__pred_count1 := (f64_add (S754_zero false) micro_precision_equals_recall__w0).
Definition micro_precision_equals_recall__true_count1 := (S754_zero false).
Definition micro_precision_equals_recall__pred1 := (f64_add micro_precision_equals_recall__tp1 (f64_sub micro_precision_equals_recall__pred_count1 micro_precision_equals_recall__tp1)).
Definition micro_precision_equals_recall__true1 := (f64_add micro_precision_equals_recall__tp1 (f64_sub micro_precision_equals_recall__true_count1 micro_precision_equals_recall__tp1)).
Definition micro_precision_equals_recall__tp_sum := (f64_add micro_precision_equals_recall__tp0 micro_precision_equals_recall__tp1).
Definition micro_precision_equals_recall__pred_sum := (f64_add micro_precision_equals_recall__pred0 micro_precision_equals_recall__pred1).
Definition micro_precision_equals_recall__true_sum := (f64_add micro_precision_equals_recall__true0 micro_precision_equals_recall__true1).
Definition micro_precision_equals_recall__correct := (f64_add (f64_add (S754_zero false) micro_precision_equals_recall__w1) micro_precision_equals_recall__w2).
Definition micro_precision_equals_recall__weight := (f64_add (f64_add micro_precision_equals_recall__w0 micro_precision_equals_recall__w1) micro_precision_equals_recall__w2).
Definition micro_precision_equals_recall__precision := (f64_div micro_precision_equals_recall__tp_sum micro_precision_equals_recall__pred_sum).
Definition micro_precision_equals_recall__recall := (f64_div micro_precision_equals_recall__tp_sum micro_precision_equals_recall__true_sum).
Theorem float64_micro_precision_equals_recall_refuted (* refutes: float64-micro-precision-equals-recall; y_true = [0, 0, 0]; y_pred = [1, 0, 0]; sample_weight = [1.0, 0.4, 0.4] *) :
  SFeqb micro_precision_equals_recall__precision micro_precision_equals_recall__recall = false.
Proof. vm_compute. reflexivity. Qed.

(** [float64-micro-precision-equals-recall-large-integer-weights]: In scikit-learn's float64
    arithmetic, with non-negative integer-valued weights of any size, precision_score and
    recall_score with average='micro' return the same double, bit for bit. *)
Definition micro_precision_equals_recall_large_integer_weights__w0 := (S754_finite false 4503599627370496 (-52)).
Definition micro_precision_equals_recall_large_integer_weights__w1 := (S754_finite false 4503599627370496 (1)).
Definition micro_precision_equals_recall_large_integer_weights__w2 := (S754_finite false 4503599627370496 (-51)).
Definition micro_precision_equals_recall_large_integer_weights__tp0 := (f64_add (S754_zero false) micro_precision_equals_recall_large_integer_weights__w2).
Definition micro_precision_equals_recall_large_integer_weights__pred_count0 := (f64_add (S754_zero false) micro_precision_equals_recall_large_integer_weights__w2).
Definition micro_precision_equals_recall_large_integer_weights__true_count0 := (f64_add (f64_add (S754_zero false) micro_precision_equals_recall_large_integer_weights__w0) micro_precision_equals_recall_large_integer_weights__w2).
Definition micro_precision_equals_recall_large_integer_weights__pred0 := (f64_add micro_precision_equals_recall_large_integer_weights__tp0 (f64_sub micro_precision_equals_recall_large_integer_weights__pred_count0 micro_precision_equals_recall_large_integer_weights__tp0)).
Definition micro_precision_equals_recall_large_integer_weights__true0 := (f64_add micro_precision_equals_recall_large_integer_weights__tp0 (f64_sub micro_precision_equals_recall_large_integer_weights__true_count0 micro_precision_equals_recall_large_integer_weights__tp0)).
Definition micro_precision_equals_recall_large_integer_weights__tp1 := (f64_add (S754_zero false) micro_precision_equals_recall_large_integer_weights__w1).
Definition micro_precision_equals_recall_large_integer_weights__pred_count1 := (f64_add (f64_add (S754_zero false) micro_precision_equals_recall_large_integer_weights__w0) micro_precision_equals_recall_large_integer_weights__w1).
Definition micro_precision_equals_recall_large_integer_weights__true_count1 := (f64_add (S754_zero false) micro_precision_equals_recall_large_integer_weights__w1).
Definition micro_precision_equals_recall_large_integer_weights__pred1 := (f64_add micro_precision_equals_recall_large_integer_weights__tp1 (f64_sub micro_precision_equals_recall_large_integer_weights__pred_count1 micro_precision_equals_recall_large_integer_weights__tp1)).
Definition micro_precision_equals_recall_large_integer_weights__true1 := (f64_add micro_precision_equals_recall_large_integer_weights__tp1 (f64_sub micro_precision_equals_recall_large_integer_weights__true_count1 micro_precision_equals_recall_large_integer_weights__tp1)).
Definition micro_precision_equals_recall_large_integer_weights__tp_sum := (f64_add micro_precision_equals_recall_large_integer_weights__tp0 micro_precision_equals_recall_large_integer_weights__tp1).
Definition micro_precision_equals_recall_large_integer_weights__pred_sum := (f64_add micro_precision_equals_recall_large_integer_weights__pred0 micro_precision_equals_recall_large_integer_weights__pred1).
Definition micro_precision_equals_recall_large_integer_weights__true_sum := (f64_add micro_precision_equals_recall_large_integer_weights__true0 micro_precision_equals_recall_large_integer_weights__true1).
Definition micro_precision_equals_recall_large_integer_weights__correct := (f64_add (f64_add (S754_zero false) micro_precision_equals_recall_large_integer_weights__w1) micro_precision_equals_recall_large_integer_weights__w2).
Definition micro_precision_equals_recall_large_integer_weights__weight := (f64_add (f64_add micro_precision_equals_recall_large_integer_weights__w0 micro_precision_equals_recall_large_integer_weights__w1) micro_precision_equals_recall_large_integer_weights__w2).
Definition micro_precision_equals_recall_large_integer_weights__precision := (f64_div micro_precision_equals_recall_large_integer_weights__tp_sum micro_precision_equals_recall_large_integer_weights__pred_sum).
Definition micro_precision_equals_recall_large_integer_weights__recall := (f64_div micro_precision_equals_recall_large_integer_weights__tp_sum micro_precision_equals_recall_large_integer_weights__true_sum).
Theorem float64_micro_precision_equals_recall_large_integer_weights_refuted (* refutes: float64-micro-precision-equals-recall-large-integer-weights; y_true = [0, 1, 0]; y_pred = [1, 1, 0]; sample_weight = [1.0, 9007199254740992.0, 2.0] *) :
  SFeqb micro_precision_equals_recall_large_integer_weights__precision micro_precision_equals_recall_large_integer_weights__recall = false.
Proof. vm_compute. reflexivity. Qed.

(** [float64-micro-f1-equals-accuracy-score]: In scikit-learn's float64 arithmetic with
    non-integer float weights, f1_score(average='micro') and accuracy_score return the same
    double, bit for bit. *)
Definition micro_f1_equals_accuracy_score__w0 := (S754_finite false 7205759403792794 (-55)).
Definition micro_f1_equals_accuracy_score__w1 := (S754_finite false 5404319552844595 (-53)).
Definition micro_f1_equals_accuracy_score__w2 := (S754_finite false 7205759403792794 (-56)).
Definition micro_f1_equals_accuracy_score__tp0 := (f64_add (S754_zero false) micro_f1_equals_accuracy_score__w0).
Definition micro_f1_equals_accuracy_score__pred_count0 := (f64_add (f64_add (f64_add (S754_zero false) micro_f1_equals_accuracy_score__w0) micro_f1_equals_accuracy_score__w1) micro_f1_equals_accuracy_score__w2).
Definition micro_f1_equals_accuracy_score__true_count0 := (f64_add (S754_zero false) micro_f1_equals_accuracy_score__w0).
Definition micro_f1_equals_accuracy_score__pred0 := (f64_add micro_f1_equals_accuracy_score__tp0 (f64_sub micro_f1_equals_accuracy_score__pred_count0 micro_f1_equals_accuracy_score__tp0)).
Definition micro_f1_equals_accuracy_score__true0 := (f64_add micro_f1_equals_accuracy_score__tp0 (f64_sub micro_f1_equals_accuracy_score__true_count0 micro_f1_equals_accuracy_score__tp0)).
Definition micro_f1_equals_accuracy_score__tp1 := (S754_zero false).
Definition micro_f1_equals_accuracy_score__pred_count1 := (S754_zero false).
Definition micro_f1_equals_accuracy_score__true_count1 := (f64_add (f64_add (S754_zero false) micro_f1_equals_accuracy_score__w1) micro_f1_equals_accuracy_score__w2).
Definition micro_f1_equals_accuracy_score__pred1 := (f64_add micro_f1_equals_accuracy_score__tp1 (f64_sub micro_f1_equals_accuracy_score__pred_count1 micro_f1_equals_accuracy_score__tp1)).
Definition micro_f1_equals_accuracy_score__true1 := (f64_add micro_f1_equals_accuracy_score__tp1 (f64_sub micro_f1_equals_accuracy_score__true_count1 micro_f1_equals_accuracy_score__tp1)).
Definition micro_f1_equals_accuracy_score__tp_sum := (f64_add micro_f1_equals_accuracy_score__tp0 micro_f1_equals_accuracy_score__tp1).
Definition micro_f1_equals_accuracy_score__pred_sum := (f64_add micro_f1_equals_accuracy_score__pred0 micro_f1_equals_accuracy_score__pred1).
Definition micro_f1_equals_accuracy_score__true_sum := (f64_add micro_f1_equals_accuracy_score__true0 micro_f1_equals_accuracy_score__true1).
Definition micro_f1_equals_accuracy_score__correct := (f64_add (f64_add micro_f1_equals_accuracy_score__w0 (S754_zero false)) (S754_zero false)).
Definition micro_f1_equals_accuracy_score__weight := (f64_add (f64_add micro_f1_equals_accuracy_score__w0 micro_f1_equals_accuracy_score__w1) micro_f1_equals_accuracy_score__w2).
Definition micro_f1_equals_accuracy_score__f1 := (f64_div (f64_mul (S754_finite false 4503599627370496 (-51)) micro_f1_equals_accuracy_score__tp_sum) (f64_add micro_f1_equals_accuracy_score__true_sum micro_f1_equals_accuracy_score__pred_sum)).
Definition micro_f1_equals_accuracy_score__accuracy := (f64_div micro_f1_equals_accuracy_score__correct micro_f1_equals_accuracy_score__weight).
Theorem float64_micro_f1_equals_accuracy_score_refuted (* refutes: float64-micro-f1-equals-accuracy-score; y_true = [0, 1, 1]; y_pred = [0, 0, 0]; sample_weight = [0.2, 0.6, 0.1] *) :
  SFeqb micro_f1_equals_accuracy_score__f1 micro_f1_equals_accuracy_score__accuracy = false.
Proof. vm_compute. reflexivity. Qed.

(** One [Print Assumptions] for all of them (see Refutations.v). *)
Definition float64_refutation_theorems :=
  (float64_micro_precision_equals_recall_refuted,
   float64_micro_precision_equals_recall_large_integer_weights_refuted,
   float64_micro_f1_equals_accuracy_score_refuted).
Print Assumptions float64_refutation_theorems.
